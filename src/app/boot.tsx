/** Creates the stores and renders the app (loaded by main.tsx once React and React Flow are evaluated). */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultWorkspace } from '../config/index.ts';
import { connectWorkspaceToSimulation, createRuntimeStore, createSimulationStore, createUiStore, createWorkerEngineClient, createWorkspaceStore, DEFAULT_SOURCE_NAME } from '../store/index.ts';
import { StoresContext, type Stores } from '../ui/hooks/stores.ts';
import { App } from './App.tsx';

export async function boot(container: HTMLElement, nextTask: () => Promise<void>): Promise<void> {
  const initial = defaultWorkspace();
  const simulation = createSimulationStore(createWorkerEngineClient());
  // The engine's worker parses applicationHost.config while it loads the simulation, and hands the
  // model back: the main thread does not parse it (a cold parse of the embedded 76 KB file took one
  // 20-50 ms task). Should the worker fail, the workspace store parses it here.
  const parsed = await simulation.getState().load(initial, true);
  await nextTask();
  const stores: Stores = {
    workspace: createWorkspaceStore(initial, DEFAULT_SOURCE_NAME, parsed),
    simulation,
    ui: createUiStore(),
    runtime: createRuntimeStore(),
  };

  connectWorkspaceToSimulation(stores.workspace, stores.simulation);

  // A transition: React renders the first tree in slices of a few milliseconds instead of one long task.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <StoresContext.Provider value={stores}>
          <App />
        </StoresContext.Provider>
      </StrictMode>,
    );
  });
}
