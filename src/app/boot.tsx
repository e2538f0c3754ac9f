/** Creates the stores and renders the app (loaded by main.tsx once React and React Flow are evaluated). */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createRuntimeStore, createSimulationStore, createUiStore, createWorkerEngineClient, createWorkspaceStore } from '../store/index.ts';
import { StoresContext, type Stores } from '../ui/hooks/stores.ts';
import { App } from './App.tsx';

export async function boot(container: HTMLElement, nextTask: () => Promise<void>): Promise<void> {
  const workspace = createWorkspaceStore();
  await nextTask();
  const stores: Stores = {
    workspace,
    simulation: createSimulationStore(createWorkerEngineClient()),
    ui: createUiStore(),
    runtime: createRuntimeStore(),
  };
  void stores.simulation.getState().load(stores.workspace.getState().workspace);

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
