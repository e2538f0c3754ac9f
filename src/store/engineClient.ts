/** The main thread's side of the engine worker: commands out, replies back, matched by id. */
import type { EngineClient, EngineCommand, EngineMessage, EngineReply } from './engineProtocol.ts';
import type { RequestResult, TraceEvent } from '../engine/index.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { decodeEvents } from './eventColumns.ts';

interface Pending {
  resolve: (reply: EngineReply) => void;
  reject: (error: Error) => void;
  /** Parts of the reply's events and results received so far. */
  parts: TraceEvent[][];
  resultParts: RequestResult[][];
}

export function createWorkerEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') return createInProcessEngineClient();
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (message: MessageEvent<EngineMessage>) => {
    const data = message.data;
    const entry = pending.get(data.id);
    if (entry === undefined) return;
    if ('events' in data) {
      entry.parts.push(decodeEvents(data.events));
      return;
    }
    if ('results' in data) {
      entry.resultParts.push(data.results);
      return;
    }
    pending.delete(data.id);
    if ('error' in data) {
      entry.reject(new Error(data.error));
      return;
    }
    const { reply } = data;
    if (entry.parts.length === 0 && entry.resultParts.length === 0) entry.resolve(reply);
    else entry.resolve({ ...reply, events: entry.parts.flat().concat(reply.events), results: entry.resultParts.flat().concat(reply.results) });
  };
  return {
    request(command: EngineCommand) {
      const id = nextId++;
      return new Promise<EngineReply>((resolve, reject) => {
        pending.set(id, { resolve, reject, parts: [], resultParts: [] });
        worker.postMessage({ id, command });
      });
    },
    dispose() {
      worker.terminate();
      for (const entry of pending.values()) entry.reject(new Error('The engine was stopped.'));
      pending.clear();
    },
  };
}
