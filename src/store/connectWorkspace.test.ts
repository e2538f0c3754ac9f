import { describe, expect, it } from 'vitest';
import { setPoolAttributes } from '../config/index.ts';
import { connectWorkspaceToSimulation } from './connectWorkspace.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import type { EngineClient, EngineCommand } from './engineProtocol.ts';
import { createSimulationStore } from './simulationStore.ts';
import { createWorkspaceStore } from './workspaceStore.ts';

/** An engine whose answers wait until released, recording each command it was sent. */
function gatedEngine(): { client: EngineClient; sent: EngineCommand[]; release: () => Promise<void> } {
  const inner = createInProcessEngineClient();
  const sent: EngineCommand[] = [];
  const gates: (() => void)[] = [];
  return {
    sent,
    client: {
      request: async (command) => {
        sent.push(command);
        await new Promise<void>((resolve) => gates.push(resolve));
        return inner.request(command);
      },
      dispose: () => undefined,
    },
    release: async () => {
      gates.shift()?.();
      // Let the reply reach the store and the next command go out.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const queueLengthIn = (command: EngineCommand | undefined): string | undefined =>
  command !== undefined && 'workspace' in command ? /<add name="DefaultAppPool"[^>]*queueLength="(\d+)"/.exec(command.workspace.applicationHostConfig)?.[1] : undefined;

describe('connectWorkspaceToSimulation', () => {
  it('sends a change at once, and while the engine works keeps only the newest change waiting', async () => {
    const engine = gatedEngine();
    const simulation = createSimulationStore(engine.client);
    const workspace = createWorkspaceStore();
    void simulation.getState().load(workspace.getState().applied);
    await engine.release();
    connectWorkspaceToSimulation(workspace, simulation);
    workspace.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2001' }), 'a');
    expect(engine.sent).toHaveLength(2);
    expect(engine.sent[1]?.type).toBe('apply');
    workspace.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2002' }), 'b');
    workspace.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2003' }), 'c');
    // The engine still works on the first: nothing more is sent yet.
    expect(engine.sent).toHaveLength(2);
    await engine.release();
    expect(engine.sent).toHaveLength(3);
    expect(engine.sent[2]?.type).toBe('apply');
    expect(queueLengthIn(engine.sent[2])).toBe('2003');
    await engine.release();
    expect(engine.sent).toHaveLength(3);
  });

  it('a restart (an import) waiting takes a later change with it, and is not reordered after it', async () => {
    const engine = gatedEngine();
    const simulation = createSimulationStore(engine.client);
    const workspace = createWorkspaceStore();
    void simulation.getState().load(workspace.getState().applied);
    await engine.release();
    connectWorkspaceToSimulation(workspace, simulation);
    workspace.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2001' }), 'a');
    workspace.getState().resetToDefault();
    workspace.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2005' }), 'b');
    await engine.release();
    expect(engine.sent.map((c) => c.type)).toEqual(['load', 'apply', 'load']);
    expect(queueLengthIn(engine.sent[2])).toBe('2005');
    await engine.release();
    expect(simulation.getState().error).toBeUndefined();
  });
});

