/** The engine's Web Worker: the only file that answers postMessage from the main thread. */
import { createEngineHost, createReplySender } from './engineHost.ts';
import { createCommandReceiver } from './commandWire.ts';
import type { EngineMessage, WireCommand } from './engineProtocol.ts';
import { transferablesOf } from './eventColumns.ts';

/** The little of the worker's global scope this file uses (typed here, so it compiles with the DOM lib). */
interface WorkerScope {
  onmessage: ((message: MessageEvent<{ id: number; command: WireCommand }>) => void) | null;
  postMessage(message: EngineMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const host = createEngineHost();
const send = createReplySender();

const fromWire = createCommandReceiver();

scope.onmessage = (message) => {
  const { id } = message.data;
  try {
    const command = fromWire(message.data.command);
    for (const part of send(id, host(command))) scope.postMessage(part, 'events' in part ? transferablesOf(part.events) : []);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
