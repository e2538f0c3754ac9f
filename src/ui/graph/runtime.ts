/**
 * The server's runtime at a point of the playback, derived from the engine's events up to it: which
 * worker processes live (and their AppDomains), queue depths, kernel cache entries, pool states. The
 * graph shows this, so stepping back makes a worker disappear again. Pure: tested in Node.
 */
import type { TraceEvent } from '../../engine/index.ts';

export interface RuntimeWorker {
  pid: number;
  pool: string;
  state: 'starting' | 'ready';
  appDomain: boolean;
  /** Virtual time WAS started it. */
  startedAt: number;
  /** Requests it has taken off its queue and not yet answered. */
  inFlight: number;
  /** Requests it has answered by now. */
  served: number;
}

export interface Runtime {
  workers: RuntimeWorker[];
  /** Pool name (lower case) -> requests waiting in its HTTP.sys queue. */
  queueDepth: Map<string, number>;
  /** Pool name (lower case) -> Started or Stopped, once an event said so. */
  poolStates: Map<string, string>;
  /** Pool name (lower case) -> the recycles WAS has begun by now. */
  recycles: Map<string, number>;
  cacheEntries: number;
  cacheHits: number;
  /** Lookups of cacheable requests that found nothing. */
  cacheMisses: number;
  /** Virtual time of the event at the playback position. */
  now: number;
}

export const EMPTY_RUNTIME: Runtime = { workers: [], queueDepth: new Map(), poolStates: new Map(), recycles: new Map(), cacheEntries: 0, cacheHits: 0, cacheMisses: 0, now: 0 };

/** Replays events[0..index] (inclusive). `poolOf` gives a request's pool, from its result. */
export function runtimeAt(events: readonly TraceEvent[], index: number, poolOf: (requestId: number) => string | undefined): Runtime {
  return createRuntimeTracker(events, poolOf).advanceTo(index);
}

/** Events between two kept states of the replay: moving back replays at most this many. */
export const CHECKPOINT_EVERY = 4096;

/**
 * Replays events incrementally: moving forward applies only the new events; moving back starts from
 * the last state kept at or before the new position (one every CHECKPOINT_EVERY events), not from the
 * first event: on a load of 2,000 requests (220,000 events) a step back replays a few thousand events.
 */
export function createRuntimeTracker(events: readonly TraceEvent[], poolOf: (requestId: number) => string | undefined): { advanceTo(index: number): Runtime } {
  let applied = -1;
  let state = blank();
  /** checkpoints[k]: the state after events[0 .. (k + 1) * CHECKPOINT_EVERY - 1]. */
  const checkpoints: TrackerState[] = [];
  return {
    advanceTo(index) {
      if (index < applied) {
        const k = Math.floor((index + 1) / CHECKPOINT_EVERY) - 1;
        const kept = k >= 0 ? checkpoints[k] : undefined;
        state = kept === undefined ? blank() : copyOf(kept);
        applied = kept === undefined ? -1 : (k + 1) * CHECKPOINT_EVERY - 1;
      }
      // Forward in steps that end on checkpoint boundaries, keeping the state at each one passed.
      while (index > applied) {
        const boundary = (Math.floor((applied + 1) / CHECKPOINT_EVERY) + 1) * CHECKPOINT_EVERY - 1;
        const to = Math.min(index, boundary);
        apply(state, events, applied + 1, to, poolOf);
        applied = to;
        if (to === boundary && to < events.length) {
          const k = (to + 1) / CHECKPOINT_EVERY - 1;
          if (checkpoints[k] === undefined) checkpoints[k] = copyOf(state);
        }
      }
      return snapshotOf(state);
    },
  };
}

function copyOf(state: TrackerState): TrackerState {
  const workers = new Map<number, RuntimeWorker>();
  for (const [pid, worker] of state.workers) workers.set(pid, { ...worker });
  return { ...state, workers, queueDepth: new Map(state.queueDepth), poolStates: new Map(state.poolStates), recycles: new Map(state.recycles), servedBy: new Map(state.servedBy) };
}

/** The runtime being replayed: its workers by pid, and which worker serves which request. */
interface TrackerState extends Omit<Runtime, 'workers'> {
  workers: Map<number, RuntimeWorker>;
  /** Request -> the worker that took it off its queue, until HTTP.sys sends its response. */
  servedBy: Map<number, number>;
}

function blank(): TrackerState {
  return { workers: new Map(), queueDepth: new Map(), poolStates: new Map(), recycles: new Map(), cacheEntries: 0, cacheHits: 0, cacheMisses: 0, now: 0, servedBy: new Map() };
}

function snapshotOf(state: TrackerState): Runtime {
  return {
    workers: [...state.workers.values()].map((w) => ({ ...w })).sort((a, b) => a.pid - b.pid),
    queueDepth: new Map(state.queueDepth),
    poolStates: new Map(state.poolStates),
    recycles: new Map(state.recycles),
    cacheEntries: state.cacheEntries,
    cacheHits: state.cacheHits,
    cacheMisses: state.cacheMisses,
    now: state.now,
  };
}

function apply(state: TrackerState, events: readonly TraceEvent[], from: number, to: number, poolOf: (requestId: number) => string | undefined): void {
  const { workers, queueDepth, poolStates, servedBy } = state;
  const bump = (pool: string | undefined, by: number): void => {
    if (pool === undefined) return;
    const key = pool.toLowerCase();
    queueDepth.set(key, Math.max(0, (queueDepth.get(key) ?? 0) + by));
  };
  for (let i = from; i <= to && i < events.length; i++) {
    const event = events[i];
    if (event === undefined) continue;
    switch (event.event) {
      case 'WAS_START_WORKER':
        if (event.pid !== undefined) workers.set(event.pid, { pid: event.pid, pool: event.data?.AppPool ?? '', state: 'starting', appDomain: false, startedAt: event.t, inFlight: 0, served: 0 });
        break;
      case 'WORKER_READY': {
        const worker = event.pid === undefined ? undefined : workers.get(event.pid);
        if (worker !== undefined) worker.state = 'ready';
        break;
      }
      case 'WAS_WORKER_EXITED':
      case 'WAS_WORKER_STARTUP_FAILED':
        if (event.pid !== undefined) workers.delete(event.pid);
        break;
      case 'APPDOMAIN_CREATED': {
        const worker = event.pid === undefined ? undefined : workers.get(event.pid);
        if (worker !== undefined) worker.appDomain = true;
        break;
      }
      case 'HTTPSYS_QUEUED':
        bump(poolOf(event.requestId), 1);
        break;
      case 'WORKER_DEQUEUE': {
        bump(poolOf(event.requestId), -1);
        const worker = event.pid === undefined ? undefined : workers.get(event.pid);
        if (worker !== undefined && !servedBy.has(event.requestId)) {
          worker.inFlight++;
          servedBy.set(event.requestId, worker.pid);
        }
        break;
      }
      case 'HTTPSYS_RESPONSE_SENT':
      case 'HTTPSYS_CONNECTION_RESET': {
        const pid = servedBy.get(event.requestId);
        if (pid === undefined) break;
        servedBy.delete(event.requestId);
        const worker = workers.get(pid);
        if (worker !== undefined) {
          worker.inFlight = Math.max(0, worker.inFlight - 1);
          if (event.event === 'HTTPSYS_RESPONSE_SENT') worker.served++;
        }
        break;
      }
      case 'WAS_RECYCLE': {
        const pool = event.data?.AppPool;
        if (pool !== undefined) state.recycles.set(pool.toLowerCase(), (state.recycles.get(pool.toLowerCase()) ?? 0) + 1);
        break;
      }
      case 'HTTPSYS_CACHE_MISS':
        state.cacheMisses++;
        break;
      case 'HTTPSYS_CACHE_STORED':
        state.cacheEntries++;
        break;
      case 'HTTPSYS_CACHE_HIT':
        state.cacheHits++;
        break;
      case 'W3SVC_CONFIGURE_HTTPSYS':
        if (event.requestId === 0) state.cacheEntries = 0;
        break;
      case 'WAS_RAPID_FAIL_PROTECTION':
        for (const worker of workers.values()) poolStates.set(worker.pool.toLowerCase(), 'Stopped (rapid-fail protection)');
        break;
      default:
        break;
    }
  }
  const last = events[Math.min(to, events.length - 1)];
  if (last !== undefined) state.now = last.t;
}

/**
 * A key that changes only when the graph's structure does (workers, their state, AppDomains, whether a
 * request is in one), not per
 * event: live values (queue depths, requests in flight, uptime, the cache's counts) go through the
 * runtime store to the nodes that show them.
 */
export function structureKey(runtime: Runtime): string {
  // Whether a request is in a worker changes the structure too: its pipeline is drawn only then.
  return `${runtime.workers.map((w) => `${String(w.pid)}:${w.state}:${w.appDomain ? 'a' : ''}${w.inFlight > 0 ? 'b' : ''}`).join('|')}#${[...runtime.poolStates].join('|')}`;
}
