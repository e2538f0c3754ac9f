/** The main thread's side of the engine worker: commands out, replies back, matched by id. */
import { createCommandSender } from './commandWire.ts';
import type { EngineClient, EngineCommand, EngineMessage, EngineReply } from './engineProtocol.ts';
import type { RequestResult, SimulationSnapshot, TraceEvent } from '../engine/index.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { decodeEvents } from './eventColumns.ts';
import { decodeSnapshot } from './snapshotChanges.ts';

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
  const toWire = createCommandSender();
  /** The snapshot of the last reply: the next one comes as changes from it (snapshotChanges.ts). */
  let received: SimulationSnapshot | undefined;
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
    const snapshot = decodeSnapshot(received, data.reply.snapshot);
    if (snapshot === undefined) {
      entry.reject(new Error('The engine\'s reply does not follow the one before; reload the page.'));
      return;
    }
    received = snapshot;
    const reply: EngineReply = { ...data.reply, snapshot };
    if (entry.parts.length === 0 && entry.resultParts.length === 0) entry.resolve(reply);
    else entry.resolve({ ...reply, events: entry.parts.flat().concat(reply.events), results: entry.resultParts.flat().concat(reply.results) });
  };
  return {
    request(command: EngineCommand) {
      const id = nextId++;
      return new Promise<EngineReply>((resolve, reject) => {
        pending.set(id, { resolve, reject, parts: [], resultParts: [] });
        worker.postMessage({ id, command: toWire(command) });
      });
    },
    dispose() {
      worker.terminate();
      for (const entry of pending.values()) entry.reject(new Error('The engine was stopped.'));
      pending.clear();
    },
  };
}
