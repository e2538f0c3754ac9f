/**
 * Live values of the graph that change often during playback (queue depths, the kernel cache's counts,
 * each worker process's uptime and requests in flight), kept apart from the graph's structure so that
 * only the node showing a value re-renders when it changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface WorkerLive {
  /** Virtual milliseconds since WAS started it. */
  uptime: number;
  /** Requests it has taken off its queue and not yet answered. */
  inFlight: number;
}

export interface KernelCacheLive {
  entries: number;
  hits: number;
  misses: number;
}

export interface RuntimeValues {
  /** Pool name (lower case) -> requests in its HTTP.sys queue at the playback position. */
  queueDepth: ReadonlyMap<string, number>;
  /** w3wp.exe pid -> its live values at the playback position. */
  workers: ReadonlyMap<number, WorkerLive>;
  kernelCache: KernelCacheLive;
  setQueueDepth: (depths: ReadonlyMap<string, number>) => void;
  setWorkers: (workers: ReadonlyMap<number, WorkerLive>) => void;
  setKernelCache: (cache: KernelCacheLive) => void;
}

export type RuntimeStore = StoreApi<RuntimeValues>;

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of b) {
    const other = a.get(key);
    if (other === undefined || !same(other, value)) return false;
  }
  return true;
}

export function createRuntimeStore(): RuntimeStore {
  return createStore<RuntimeValues>()((set, get) => ({
    queueDepth: new Map(),
    workers: new Map(),
    kernelCache: { entries: 0, hits: 0, misses: 0 },
    setQueueDepth: (depths) => {
      if (sameMap(get().queueDepth, depths, (x, y) => x === y)) return;
      set({ queueDepth: depths });
    },
    setWorkers: (workers) => {
      if (sameMap(get().workers, workers, (x, y) => x.uptime === y.uptime && x.inFlight === y.inFlight)) return;
      set({ workers });
    },
    setKernelCache: (cache) => {
      const current = get().kernelCache;
      if (current.entries === cache.entries && current.hits === cache.hits && current.misses === cache.misses) return;
      set({ kernelCache: cache });
    },
  }));
}
