import { afterEach, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createWorkerEngineClient } from './engineClient.ts';
import { createEngineHost, createReplySender, replyMessages } from './engineHost.ts';
import { createCommandReceiver } from './commandWire.ts';
import type { EngineCommand, EngineMessage, WireCommand } from './engineProtocol.ts';

/** A stand-in for the engine's Web Worker: runs the host in-process and answers in parts of 50 events. */
class FakeWorker {
  onmessage: ((message: MessageEvent<EngineMessage>) => void) | null = null;
  readonly posted: EngineMessage[] = [];
  private readonly host = createEngineHost();
  private readonly send = createReplySender(50, 1);
  private readonly fromWire = createCommandReceiver();
  readonly commands: WireCommand[] = [];
  postMessage(data: { id: number; command: WireCommand }): void {
    this.commands.push(data.command);
    for (const message of this.send(data.id, this.host(this.fromWire(data.command)))) {
      this.posted.push(message);
      setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<EngineMessage>), 0);
    }
  }
  terminate(): void {
    this.onmessage = null;
  }
}

const realWorker = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = realWorker;
});

describe('the engine worker client', () => {
  it('joins a reply sent in parts into the events the engine produced, in time order', async () => {
    let worker: FakeWorker | undefined;
    globalThis.Worker = class extends FakeWorker {
      constructor() {
        super();
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads what this worker posted
        worker = this;
      }
    } as unknown as typeof Worker;
    const client = createWorkerEngineClient();
    await client.request({ type: 'load', workspace: defaultWorkspace(), seed: 1 });
    const reply = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }, { method: 'GET', url: 'http://localhost/x.mdb' }] });
    const parts = worker?.posted.filter((m) => 'events' in m) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(worker?.posted.filter((m) => 'results' in m)).toHaveLength(1);
    const inOrder = reply.events.every((e, i) => i === 0 || (reply.events[i - 1]?.t ?? 0) <= e.t);
    expect(inOrder).toBe(true);
    expect(reply.results.map((r) => `${String(r.status)}.${String(r.subStatus)}`).sort()).toEqual(['200.0', '404.7']);
    expect(reply.events.filter((e) => e.event === 'HTTPSYS_RESPONSE_SENT')).toHaveLength(2);
    client.dispose();
  });

  it('posts a change without the workspace content when it is the content posted before, and the engine answers as in-process', async () => {
    let worker: FakeWorker | undefined;
    globalThis.Worker = class extends FakeWorker {
      constructor() {
        super();
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads what this worker posted
        worker = this;
      }
    } as unknown as typeof Worker;
    const client = createWorkerEngineClient();
    const inProcess = createEngineHost();
    const workspace = defaultWorkspace();
    const changed = { ...workspace, applicationHostConfig: workspace.applicationHostConfig.replace('<add name="DefaultAppPool"', '<add name="DefaultAppPool" queueLength="2000"') };
    const withFile = { ...changed, content: { ...changed.content, 'C:\\inetpub\\wwwroot': { 'new.htm': '<p>new</p>' } } };
    const commands: EngineCommand[] = [
      { type: 'load', workspace, seed: 1 },
      { type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] },
      { type: 'apply', workspace: changed },
      { type: 'apply', workspace: withFile },
      { type: 'send', requests: [{ method: 'GET', url: 'http://localhost/new.htm' }] },
    ];
    for (const command of commands) {
      const reply = await client.request(command);
      const expected = inProcess(command);
      expect(reply.snapshot).toEqual(expected.snapshot);
      expect(reply.results.map((r) => r.status)).toEqual(expected.results.map((r) => r.status));
    }
    expect(worker?.commands.map((c) => 'sameContent' in c)).toEqual([false, false, true, false, false]);
    client.dispose();
  });

  it('splits only replies larger than a part', () => {
    const reply = { events: [], results: [], snapshot: createEngineHost()({ type: 'load', workspace: defaultWorkspace(), seed: 1 }).snapshot, now: 0 };
    expect(replyMessages(3, reply, 10)).toEqual([{ id: 3, reply }]);
  });
});
