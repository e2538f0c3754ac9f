/** UI state: the selected graph node, the groups the user expanded, and who owns the graph's view. */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface UiState {
  selectedNode: string | undefined;
  expanded: ReadonlySet<string>;
  /**
   * The person has moved the view (pan, zoom, a found node): the graph no longer fits itself to its
   * content when it grows (a worker process appearing), until they fit it again or load a configuration.
   */
  viewHeld: boolean;
  /** The trace panel's height in CSS pixels, once the person has resized it (the layout's default before). */
  traceHeight: number | undefined;
  selectNode: (id: string | undefined) => void;
  setTraceHeight: (height: number) => void;
  toggleExpanded: (group: string) => void;
  setViewHeld: (held: boolean) => void;
}

export type UiStore = StoreApi<UiState>;

/** The trace panel is never resized below this (its filters and a few rows); the graph keeps the rest. */
export const TRACE_MIN_HEIGHT = 120;
/** However the trace is resized or the window shrinks, the graph column (the graph, about 160 px, and the playback bar) keeps this. */
export const GRAPH_COLUMN_MIN_HEIGHT = 220;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    selectedNode: undefined,
    expanded: new Set<string>(),
    viewHeld: false,
    traceHeight: undefined,
    setTraceHeight: (height) => {
      const clamped = Math.round(Math.max(TRACE_MIN_HEIGHT, height));
      if (get().traceHeight !== clamped) set({ traceHeight: clamped });
    },
    setViewHeld: (held) => {
      if (get().viewHeld !== held) set({ viewHeld: held });
    },
    selectNode: (id) => { set({ selectedNode: id }); },
    toggleExpanded: (group) => {
      const expanded = new Set(get().expanded);
      if (expanded.has(group)) expanded.delete(group);
      else expanded.add(group);
      set({ expanded });
    },
  }));
}
