/**
 * Keeps the simulation on the workspace in force: a change to the applied workspace reaches the engine
 * as a configuration change (WAS reads it, W3SVC updates HTTP.sys, pools whose settings changed recycle),
 * and a workspace replaced whole (import, reset) restarts the simulation on it.
 */
import type { SimulationStore } from './simulationStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

export function connectWorkspaceToSimulation(workspace: WorkspaceStore, simulation: SimulationStore): () => void {
  return workspace.subscribe((state, previous) => {
    if (state.applied === previous.applied && state.generation === previous.generation) return;
    if (state.generation !== previous.generation) void simulation.getState().load(state.applied);
    else void simulation.getState().apply(state.applied);
  });
}
