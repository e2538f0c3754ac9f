/**
 * Keeps the simulation on the workspace in force: a change to the applied workspace reaches the engine
 * as a configuration change (WAS reads it, W3SVC updates HTTP.sys, pools whose settings changed recycle),
 * and a workspace replaced whole (import, reset) restarts the simulation on it.
 *
 * One command at a time goes to the engine, and while it works only the newest workspace waits: on a
 * large configuration the engine takes longer to apply a change than a person takes to make the next
 * one, and sending each would queue them, every edit waiting for all the ones before it. WAS does the
 * same with change notifications: it reads the configuration as it stands, not each intermediate state.
 */
import type { Workspace } from '../config/index.ts';
import type { SimulationStore } from './simulationStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

interface Waiting {
  /** A restart (import, reset) rather than a change; a change after a waiting restart joins it. */
  restart: boolean;
  workspace: Workspace;
}

export function connectWorkspaceToSimulation(workspace: WorkspaceStore, simulation: SimulationStore): () => void {
  let busy = false;
  let waiting: Waiting | undefined;
  const pump = (): void => {
    if (busy || waiting === undefined) return;
    const next = waiting;
    waiting = undefined;
    busy = true;
    const done = (): void => {
      busy = false;
      pump();
    };
    const work = next.restart ? simulation.getState().load(next.workspace) : simulation.getState().apply(next.workspace);
    void work.then(done, done);
  };
  return workspace.subscribe((state, previous) => {
    if (state.applied === previous.applied && state.generation === previous.generation) return;
    const restart = state.generation !== previous.generation || waiting?.restart === true;
    waiting = { restart, workspace: state.applied };
    pump();
  });
}
