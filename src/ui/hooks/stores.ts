/** The app's stores, provided once by the composition root, selected narrowly by components. */
import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { RuntimeStore, RuntimeValues, SimulationState, SimulationStore, Timeline, UiState, UiStore, WorkspaceState, WorkspaceStore } from '../../store/index.ts';

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

/** While a large reply is still being added, the timeline at most every this many ms. */
const ADDING_INTERVAL = 250;

/**
 * The timeline for views that read all of it (the trace list, the graph's runtime state): while a
 * load's events are being added in parts, these follow at a few updates a second rather than each part.
 */
export function useSettledTimeline(): Timeline {
  const { simulation } = useStores();
  const [timeline, setTimeline] = useState(() => simulation.getState().timeline);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      setTimeline(simulation.getState().timeline);
    };
    const unsubscribe = simulation.subscribe((state, previous) => {
      if (state.timeline === previous.timeline && state.adding === previous.adding) return;
      if (!state.adding) {
        if (timer !== undefined) clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, ADDING_INTERVAL);
    });
    flush();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [simulation]);
  return timeline;
}
