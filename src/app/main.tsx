import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRuntimeStore, createSimulationStore, createUiStore, createWorkerEngineClient, createWorkspaceStore } from '../store/index.ts';
import { StoresContext, type Stores } from '../ui/hooks/stores.ts';
import { App } from './App.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const stores: Stores = {
  workspace: createWorkspaceStore(),
  simulation: createSimulationStore(createWorkerEngineClient()),
  ui: createUiStore(),
  runtime: createRuntimeStore(),
};
void stores.simulation.getState().load(stores.workspace.getState().workspace);

createRoot(container).render(
  <StrictMode>
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>
  </StrictMode>,
);
