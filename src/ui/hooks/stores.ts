/** The app's stores, provided once by the composition root, selected narrowly by components. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RuntimeStore, RuntimeValues, SimulationState, SimulationStore, UiState, UiStore, WorkspaceState, WorkspaceStore } from '../../store/index.ts';

export interface Stores {
  workspace: WorkspaceStore;
  simulation: SimulationStore;
  ui: UiStore;
  runtime: RuntimeStore;
}

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('The app stores are not provided');
  return stores;
}

export function useWorkspaceState<T>(selector: (state: WorkspaceState) => T): T {
  return useStore(useStores().workspace, selector);
}

export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(useStores().simulation, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useStores().ui, selector);
}

export function useRuntime<T>(selector: (state: RuntimeValues) => T): T {
  return useStore(useStores().runtime, selector);
}
