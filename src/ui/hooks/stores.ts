/** The app's stores, provided once by the composition root, selected narrowly by components. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
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

/**
 * A value of the simulation store that a view may show a little late: while `moving` holds (playback
 * runs, a load's events arrive) it follows at most every `interval` ms; otherwise at once. For views
 * that read a lot per update (the trace list, the graph's runtime state), not for the per-frame overlay.
 * Read through useSyncExternalStore, so an update that is not held back renders in the task that made
 * it (a reply from the engine shows at once) instead of in a task of React's scheduler queued behind
 * the frames being drawn.
 */
export function useThrottledSimulation<T>(select: (state: SimulationState) => T, moving: (state: SimulationState) => boolean, interval: number): T {
  const { simulation } = useStores();
  // The selectors are module-level functions at every call site.
  const source = useMemo(() => throttledSource(simulation, select, moving, interval), [simulation]); // eslint-disable-line react-hooks/exhaustive-deps
  return useSyncExternalStore(source.subscribe, source.get);
}

/** The store's value as useSyncExternalStore reads it: the latest one let through. */
function throttledSource<T>(simulation: SimulationStore, select: (state: SimulationState) => T, moving: (state: SimulationState) => boolean, interval: number): { get: () => T; subscribe: (notify: () => void) => () => void } {
  let value = select(simulation.getState());
  return {
    get: () => value,
    subscribe: (notify) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = (): void => {
        timer = undefined;
        const next = select(simulation.getState());
        if (Object.is(next, value)) return;
        value = next;
        notify();
      };
      const unsubscribe = simulation.subscribe((state, previous) => {
        if (select(state) === select(previous) && moving(state) === moving(previous)) return;
        if (!moving(state)) {
          if (timer !== undefined) clearTimeout(timer);
          flush();
        } else timer ??= setTimeout(flush, interval);
      });
      // A change between the first render and this subscription is not missed.
      flush();
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
  };
}

const selectTimeline = (state: SimulationState): Timeline => state.timeline;
const isAdding = (state: SimulationState): boolean => state.adding;

/** The timeline, following a load's arriving parts four times a second rather than at each part. */
export function useSettledTimeline(): Timeline {
  return useThrottledSimulation(selectTimeline, isAdding, 250);
}

const selectIndex = (state: SimulationState): number => state.index;
const isPlaying = (state: SimulationState): boolean => state.playing;

/**
 * The playback index, while playing at most once per `interval` ms (at once when paused or stepping).
 * The token overlay follows every frame on its own; panels and the graph's live state need not, and a
 * React render per frame would take the frame's time from the overlay.
 */
export function usePlaybackIndex(interval: number): number {
  return useThrottledSimulation(selectIndex, isPlaying, interval);
}
