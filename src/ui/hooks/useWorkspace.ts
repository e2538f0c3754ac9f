import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkspaceState, WorkspaceStore } from '../../store/index.ts';

export const WorkspaceStoreContext = createContext<WorkspaceStore | null>(null);

/** Selects narrowly from the workspace store provided by the app. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const store = useContext(WorkspaceStoreContext);
  if (store === null) throw new Error('useWorkspace needs a WorkspaceStoreContext provider');
  return useStore(store, selector);
}
