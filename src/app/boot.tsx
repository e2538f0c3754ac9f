/** Creates the stores and renders the app (loaded by main.tsx once React and React Flow are evaluated). */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultWorkspace } from '../config/index.ts';
import { connectWorkspaceToSimulation, createRuntimeStore, createSimulationStore, createUiStore, createWorkerEngineClient, createWorkspaceStore, DEFAULT_SOURCE_NAME } from '../store/index.ts';
import { CHANNEL_NAME, restoreSaved, startAutosave } from '../store/autosave.ts';
import { openSavedWorkspace } from '../store/persistence.ts';
import { StoresContext, type Stores } from '../ui/hooks/stores.ts';
import { PersistenceContext } from '../ui/panels/persistenceContext.ts';
import { App } from './App.tsx';

/** One id per page load, to tell this tab's saves from another's. */
function newTabId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${String(Date.now())}-${String(Math.random()).slice(2)}`;
}

export async function boot(container: HTMLElement, nextTask: () => Promise<void>): Promise<void> {
  // The worker starts loading while the saved workspace is read from IndexedDB (a few ms).
  const simulation = createSimulationStore(createWorkerEngineClient());
  const { database, initial } = await openSavedWorkspace();
  const record = initial.kind === 'ok' ? initial.record : undefined;
  // The simulation runs the last good workspace; edits with errors come back beside it, unapplied.
  const start = record === undefined ? defaultWorkspace() : (record.applied ?? record.workspace);
  // The engine's worker parses applicationHost.config while it loads the simulation, and hands the
  // model back: the main thread does not parse it (a cold parse of the embedded 76 KB file took one
  // 20-50 ms task). Should the worker fail, the workspace store parses it here.
  const parsed = await simulation.getState().load(start, true);
  await nextTask();
  const workspace = createWorkspaceStore(start, record?.sourceName ?? DEFAULT_SOURCE_NAME, parsed);
  if (record !== undefined) restoreSaved(workspace, record);
  const stores: Stores = {
    workspace,
    simulation,
    ui: createUiStore(),
    runtime: createRuntimeStore(),
  };

  connectWorkspaceToSimulation(stores.workspace, stores.simulation);
  const persistence = startAutosave(workspace, {
    database,
    initial,
    tabId: newTabId(),
    channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL_NAME),
    lifecycle: window,
  });

  // A transition: React renders the first tree in slices of a few milliseconds instead of one long task.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <StoresContext.Provider value={stores}>
          <PersistenceContext.Provider value={persistence.store}>
            <App />
          </PersistenceContext.Provider>
        </StoresContext.Provider>
      </StrictMode>,
    );
  });
}
