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
  /** Requests it has answered by then. */
  served: number;
  /** Its application pool, as WAS named it when it started the process. */
  pool: string;
  state: 'starting' | 'ready';
  /** Whether a managed request has created its AppDomain by then. */
  appDomain: boolean;
}

export interface KernelCacheLive {
  entries: number;
  hits: number;
  misses: number;
}

export interface RuntimeValues {
  /** Pool name (lower case) -> requests in its HTTP.sys queue at the playback position. */
  queueDepth: ReadonlyMap<string, number>;
  /** Pool name (lower case) -> recycles begun by the playback position. */
  recycles: ReadonlyMap<string, number>;
  /** Pool name (lower case) -> its state at the playback position, once an event said so. */
  poolStates: ReadonlyMap<string, string>;
  /** Virtual time at the playback position. */
  now: number;
  setPoolFacts: (facts: { recycles: ReadonlyMap<string, number>; poolStates: ReadonlyMap<string, string>; now: number }) => void;
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
    recycles: new Map(),
    poolStates: new Map(),
    now: 0,
    setPoolFacts: ({ recycles, poolStates, now }) => {
      const current = get();
      const same = current.now === now && sameMap(current.recycles, recycles, (x, y) => x === y) && sameMap(current.poolStates, poolStates, (x, y) => x === y);
      if (!same) set({ recycles, poolStates, now });
    },
    workers: new Map(),
    kernelCache: { entries: 0, hits: 0, misses: 0 },
    setQueueDepth: (depths) => {
      if (sameMap(get().queueDepth, depths, (x, y) => x === y)) return;
      set({ queueDepth: depths });
    },
    setWorkers: (workers) => {
      if (sameMap(get().workers, workers, (x, y) => x.uptime === y.uptime && x.inFlight === y.inFlight && x.served === y.served && x.state === y.state && x.appDomain === y.appDomain && x.pool === y.pool)) return;
      set({ workers });
    },
    setKernelCache: (cache) => {
      const current = get().kernelCache;
      if (current.entries === cache.entries && current.hits === cache.hits && current.misses === cache.misses) return;
      set({ kernelCache: cache });
    },
  }));
}
