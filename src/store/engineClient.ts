/** The main thread's side of the engine worker: commands out, replies back, matched by id. */
import type { EngineClient, EngineCommand, EngineReply } from './engineProtocol.ts';
import { createInProcessEngineClient } from './engineHost.ts';

type Pending = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void };

export function createWorkerEngineClient(): EngineClient {
  if (typeof Worker === 'undefined') return createInProcessEngineClient();
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (message: MessageEvent<{ id: number; reply?: EngineReply; error?: string }>) => {
    const entry = pending.get(message.data.id);
    if (entry === undefined) return;
    pending.delete(message.data.id);
    if (message.data.reply !== undefined) entry.resolve(message.data.reply);
    else entry.reject(new Error(message.data.error ?? 'The engine failed.'));
  };
  return {
    request(command: EngineCommand) {
      const id = nextId++;
      return new Promise<EngineReply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
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
