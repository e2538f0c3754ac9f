import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkspaceStore } from '../store/index.ts';
import { WorkspaceStoreContext } from '../ui/hooks/useWorkspace.ts';
import { App } from './App.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const store = createWorkspaceStore();

createRoot(container).render(
  <StrictMode>
    <WorkspaceStoreContext.Provider value={store}>
      <App />
    </WorkspaceStoreContext.Provider>
  </StrictMode>,
);
