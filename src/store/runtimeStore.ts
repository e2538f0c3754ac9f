/**
 * Live values of the graph that change often during playback (queue depths), kept apart from the
 * graph's structure so that only the node showing a value re-renders when it changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface RuntimeValues {
  /** Pool name (lower case) -> requests in its HTTP.sys queue at the playback position. */
  queueDepth: ReadonlyMap<string, number>;
  setQueueDepth: (depths: ReadonlyMap<string, number>) => void;
}

export type RuntimeStore = StoreApi<RuntimeValues>;

export function createRuntimeStore(): RuntimeStore {
  return createStore<RuntimeValues>()((set, get) => ({
    queueDepth: new Map(),
    setQueueDepth: (depths) => {
      const current = get().queueDepth;
      if (current.size === depths.size && [...depths].every(([pool, depth]) => current.get(pool) === depth)) return;
      set({ queueDepth: depths });
    },
  }));
}
