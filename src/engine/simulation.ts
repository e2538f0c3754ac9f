/**
 * The simulation: a discrete-event loop on virtual time over the state of one IIS server. Same
 * workspace, requests, options and seed give the same results and trace, byte for byte.
 */
import { loadWorkspace, type LoadedWorkspace, type Workspace } from '../config/index.ts';
import { DEFAULT_COSTS, type CostModel } from './costs.ts';
import { emit } from './emit.ts';
import { EventQueue } from './eventQueue.ts';
import { buildUrlGroups } from './httpSys/urlGroups.ts';
import { createRandomStream } from './random.ts';
import { crashWorker, dispatch, failQueued, onArrive, onComplete, onQueueTimeout, stopQueueTimer } from './requestFlow.ts';
import { SiteContent } from './siteContent.ts';
import { InFlightRecord, RequestRecord } from './records.ts';
import { scheduleRequest, type Counters, type FailureInjection, type InFlightRequest, type SimulationEvent, type SimulationState } from './state.ts';
import type { TraceEvent } from './trace.ts';
import type { RequestResult, SimulationRequest } from './types.ts';
import { createPoolRuntimes, liveWorkers, onDrainCheck, onIdleCheck, onWorkerReady, recordWorkerFailure, recycleWorker, startWorker, stopWorker } from './was/was.ts';
import type { SimulatedUser } from './worker/requestContext.ts';
import { applyConfiguration } from './configChange.ts';
import { recycleApplicationPool, startApplicationPool, stopApplicationPool, workersInTransition } from './was/poolState.ts';
import { failedRequestTrace } from './failedRequestTracing.ts';
import { readCounters, type PerformanceCounters } from './counters.ts';
import { HTTPERR_FIELDS, keptLines, W3C_FIELDS, writeW3cLine } from './logs.ts';
import { takeSnapshot, type SimulationSnapshot } from './snapshot.ts';

/** How far runUntilSettled goes at most: longer than startupTimeLimit and shutdownTimeLimit (90 s each). */
const SETTLE_LIMIT = 10 * 60_000;

/**
 * The latest virtual time a request can be sent at, or the clock run to: 30 days, in ms, longer than
 * any of IIS's default timers (periodicRestart's 1,740 minutes, idleTimeout's 20). WAS's timers (pings
 * every pingInterval, counter samples every second) run on virtual time, so an unbounded time such as
 * 1e15 ms would keep the loop busy for ever before the request is sent; a later time is taken as this one.
 */
export const MAX_VIRTUAL_TIME = 30 * 24 * 3600 * 1000;

/** Shared by requests without headers, and by results when tracing is off: never written to. */
const NO_HEADERS = new Map<string, string>();
const NO_TRACE: TraceEvent[] = [];
Object.freeze(NO_TRACE);

export interface SimulationOptions {
  seed?: number;
  /** Record trace events (full trace). Off, the engine builds no event objects and no strings. */
  trace?: boolean;
  costs?: Partial<CostModel>;
  /** The simulated users basic, Windows, digest and forms authentication check credentials against. */
  users?: readonly SimulatedUser[];
  failures?: FailureInjection;
  /** Keep every finished result and the whole trace (default true; benchmarks turn it off). */
  retain?: boolean;
  /**
   * Reuse what an identical earlier request produced (default true). Results and traces are the same
   * either way (property-tested); turning it off only makes the engine slower.
   */
  memoize?: boolean;
  /** Sample the performance counters every this many virtual ms (default 1000; 0 turns sampling off). */
  counterSampleInterval?: number;
}

export const DEFAULT_USERS: readonly SimulatedUser[] = [
  { name: 'Administrator', password: 'P@ssw0rd', groups: ['Administrators', 'Users'] },
  { name: 'alice', password: 'alice-pw', groups: ['Users', 'Editors'] },
  { name: 'bob', password: 'bob-pw', groups: ['Users'] },
];

export interface Simulation {
  /** Sends a request at `request.at` (default: now). Returns its id. */
  send(request: SimulationRequest): number;
  /** Processes calendar events up to and including `time`; the clock ends at `time`. */
  runUntil(time: number): void;
  /**
   * Processes the calendar events before `time` (not those at it); the clock stays at the last event
   * processed. For a caller that sends requests in time order as it reads them (the CLI), so the
   * calendar holds only what is in flight.
   */
  runBefore(time: number): void;
  /** Processes events until no request is in flight (timers such as idle checks stay pending). */
  runUntilIdle(limit?: number): void;
  /** Processes the next calendar event; returns the trace events it produced, or undefined when none is left. */
  step(): TraceEvent[] | undefined;
  now(): number;
  /** Calls `listener` with every trace event as it is recorded (tracing only). */
  subscribe(listener: (event: TraceEvent) => void): () => void;
  /** Calls `listener` with each finished request. */
  onResult(listener: (result: RequestResult) => void): () => void;
  /** Finished requests, in the order they finished (when retained). */
  results(): readonly RequestResult[];
  /** The whole trace, ordered by time (when retained). */
  trace(): TraceEvent[];
  snapshot(): SimulationSnapshot;
  /** Applies a new workspace as a configuration change: WAS reads it, W3SVC updates HTTP.sys, pools recycle where IIS recycles them. */
  applyWorkspace(workspace: Workspace | LoadedWorkspace): void;
  /**
   * Ends a worker process from outside, as Task Manager's End task does: WAS sees it exit unexpectedly
   * (a failure for rapid-fail protection) and HTTP.sys resets the requests it held. False: no such pid.
   */
  killWorker(pid: number): boolean;
  /** Starts or stops a pool at run time without a configuration change (WAS's own state). */
  setApplicationPoolState(name: string, started: boolean): boolean;
  /**
   * IIS Manager's Recycle on a pool: an overlapping recycle of each running worker process, through WAS.
   * Returns how many it recycled, or undefined when no pool has that name.
   */
  recycleApplicationPool(name: string): number | undefined;
  /**
   * Processes events until no request is in flight and no worker process is starting or draining (a
   * recycle or a start has finished); timers such as idle checks stay pending.
   */
  runUntilSettled(): void;
  logs(): { w3c: readonly string[]; httpErr: readonly string[] };
  /** The performance counters now (rates since the last sample). */
  counters(): PerformanceCounters;
  /** Counter samples taken every `counterSampleInterval` ms of virtual time. */
  counterSamples(): readonly PerformanceCounters[];
}

function emptyCounters(): Counters {
  return {
    totalRequests: 0,
    totalMethodRequests: {},
    totalNotFoundErrors: 0,
    bytesSent: 0,
    bytesReceived: 0,
    anonymousRequests: 0,
    nonAnonymousRequests: 0,
    statusClasses: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
    kernelUriCacheHits: 0,
    kernelUriCacheMisses: 0,
    kernelUrisCached: 0,
    kernelUrisFlushed: 0,
    workerProcessesCreated: 0,
    workerProcessFailures: 0,
    workerProcessPingFailures: 0,
    applicationPoolRecycles: 0,
    rejectedRequests: 0,
  };
}

function isLoaded(workspace: Workspace | LoadedWorkspace): workspace is LoadedWorkspace {
  return 'model' in workspace;
}

/**
 * Creates a simulation of the server the workspace describes.
 *
 * @example
 * const sim = createSimulation(defaultWorkspace(), { seed: 1, trace: true });
 * sim.send({ method: 'GET', url: 'http://localhost/' });
 * sim.runUntilIdle();
 * sim.results()[0]?.status; // 200
 */
export function createSimulation(workspace: Workspace | LoadedWorkspace, options: SimulationOptions = {}): Simulation {
  const loaded = isLoaded(workspace) ? workspace : loadWorkspace(workspace);
  const seed = options.seed ?? 1;
  const state: SimulationState = {
    now: 0,
    seed,
    costs: { ...DEFAULT_COSTS, ...options.costs },
    tracing: options.trace ?? false,
    workspace: loaded,
    content: new SiteContent(loaded),
    urlGroups: buildUrlGroups(loaded.model),
    pools: createPoolRuntimes(loaded.model),
    inFlightCount: 0,
    nextRequestId: 1,
    nextPid: 4000 + Math.floor(createRandomStream(seed, 'pid').next() * 1000) * 4,
    kernelCache: new Map(),
    recentHits: new Map(),
    effectiveCache: new Map(),
    routeCache: new Map(),
    arrivalCache: new Map(),
    random: { costs: createRandomStream(seed, 'costs'), failures: createRandomStream(seed, 'failures') },
    users: options.users ?? loaded.users ?? DEFAULT_USERS,
    counters: emptyCounters(),
    trace: [],
    w3cLog: [],
    httpErrLog: [],
    queue: new EventQueue<SimulationEvent>(),
    listeners: new Set(),
    resultListeners: [],
    failures: options.failures ?? {},
    crashCounter: 0,
    retain: options.retain ?? true,
    memoize: options.memoize ?? true,
    results: [],
    samples: [],
    sampleInterval: options.counterSampleInterval ?? 1000,
    nextSampleAt: 0,
  };

  if (state.tracing) {
    emit(state, undefined, 'WAS', 'WAS_READ_CONFIG', { detail: `WAS reads applicationHost.config: ${String(loaded.model.sites.sites.length)} sites, ${String(loaded.model.applicationPools.pools.length)} application pools.` });
    emit(state, undefined, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS', { detail: `W3SVC registers ${String(state.urlGroups.bindings.length)} URL prefixes with HTTP.sys and creates one request queue per pool.` });
  }
  // startMode="AlwaysRunning": WAS starts the worker at service start, before any request (§7).
  for (const pool of state.pools.values()) {
    if (pool.state === 'Started' && pool.settings.startMode === 'AlwaysRunning') startWorker(state, pool, undefined, 'startMode="AlwaysRunning"');
  }

  const finish = (flight: InFlightRequest): void => {
    const result = flight.result;
    flight.finished = true;
    stopQueueTimer(flight);
    result.endTime = state.now;
    const counters = state.counters;
    counters.totalRequests++;
    counters.totalMethodRequests[result.method] = (counters.totalMethodRequests[result.method] ?? 0) + 1;
    const status = result.status;
    const statusClass = status >= 200 && status < 300 ? '2xx' : status >= 300 && status < 400 ? '3xx' : status >= 400 && status < 500 ? '4xx' : status >= 500 ? '5xx' : 'other';
    counters.statusClasses[statusClass]++;
    if (status === 404) counters.totalNotFoundErrors++;
    counters.bytesSent += result.bytesSent;
    counters.bytesReceived += (flight.request.bodySize ?? 0) + 200;
    if (result.servedFrom !== 'http.sys') writeW3cLine(state, flight);
    const route = flight.arrival?.route;
    if (route !== undefined && typeof route !== 'string' && flight.parsed !== undefined) {
      const traced = failedRequestTrace(route.effective, result, flight.parsed.path);
      if (traced !== undefined) result.failedRequestTrace = traced;
    }
    if (state.tracing) emit(state, flight, 'Client', 'CLIENT_RESPONSE_RECEIVED', { status, subStatus: result.subStatus, detail: `${String(status)}.${String(result.subStatus)} ${result.statusText}` });
    state.inFlightCount--;
    if (state.retain) state.results.push(result);
    const listeners = state.resultListeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]?.(result);
  };

  const MAX_SAMPLES = 3600;
  /** Takes the counter samples due up to the current time (before the event at `state.now` runs). */
  const sampleUpTo = (time: number): void => {
    if (state.sampleInterval <= 0) return;
    // Over a long quiet stretch only the last MAX_SAMPLES samples are kept, and no event happens in it:
    // take the first sample (the rates of what happened before it), then skip to the samples kept. They
    // equal those of a loop over every interval (no counter moves meanwhile), without a day of virtual
    // time costing 86,400 samples.
    if (state.nextSampleAt <= time && (time - state.nextSampleAt) / state.sampleInterval > MAX_SAMPLES + 1) {
      takeSample();
      const skip = Math.floor((time - state.nextSampleAt) / state.sampleInterval) - MAX_SAMPLES;
      if (skip > 0) state.nextSampleAt += skip * state.sampleInterval;
    }
    while (state.nextSampleAt <= time) takeSample();
  };
  const takeSample = (): void => {
    const now = state.now;
    state.now = state.nextSampleAt;
    state.samples.push(readCounters(state, state.samples.at(-1)));
    if (state.samples.length > MAX_SAMPLES) state.samples.shift();
    state.now = now;
    state.nextSampleAt += state.sampleInterval;
  };

  const handle = (event: SimulationEvent): void => {
    switch (event.type) {
      case 'request': {
        if (event.finished || event.dueAt !== state.now) return;
        if (event.phase === 'arrive') onArrive(state, event);
        else if (event.phase === 'complete') onComplete(state, event);
        else finish(event);
        return;
      }
      case 'workerReady': {
        const pool = state.pools.get(event.worker.pool.toLowerCase());
        if (pool === undefined) return;
        onWorkerReady(state, event.worker, pool);
        dispatch(state, pool);
        return;
      }
      case 'workerStartupFailed': {
        const pool = state.pools.get(event.worker.pool.toLowerCase());
        if (pool === undefined || event.worker.state !== 'starting') return;
        if (state.tracing) {
          emit(state, undefined, 'WAS', 'WAS_WORKER_STARTUP_FAILED', {
            pid: event.worker.pid,
            detail: `w3wp.exe ${String(event.worker.pid)} of ${pool.name} did not report ready within processModel startupTimeLimit (${String(Math.round(pool.settings.processModel.startupTimeLimit / 1000))} s) or exited while starting.`,
          });
        }
        stopWorker(state, event.worker, pool, 'startup failed');
        if (recordWorkerFailure(state, pool)) failQueued(state, pool);
        else if (pool.queue.length > 0 && liveWorkers(pool).length === 0) startWorker(state, pool, undefined, 'the previous worker failed to start');
        return;
      }
      case 'idleCheck': {
        const pool = state.pools.get(event.worker.pool.toLowerCase());
        if (pool !== undefined) onIdleCheck(state, event.worker, pool);
        return;
      }
      case 'periodicRecycle': {
        const pool = state.pools.get(event.worker.pool.toLowerCase());
        if (pool !== undefined) recycleWorker(state, event.worker, pool, `recycling periodicRestart time (${String(Math.round(pool.settings.recycling.periodicRestart.time / 60000))} min) elapsed`);
        return;
      }
      case 'pingCheck': {
        const worker = event.worker;
        const pool = state.pools.get(worker.pool.toLowerCase());
        if (pool === undefined || worker.state === 'stopped') return;
        const model = pool.settings.processModel;
        if (state.now >= worker.hangsAt + model.pingResponseTime) {
          state.counters.workerProcessPingFailures++;
          if (state.tracing) emit(state, undefined, 'WAS', 'WAS_PING_FAILED', { pid: worker.pid, detail: `w3wp.exe ${String(worker.pid)} did not answer WAS's ping within processModel pingResponseTime: WAS terminates it.` });
          crashWorker(state, pool, worker, 'it stopped answering health pings');
          return;
        }
        state.queue.push(state.now + model.pingInterval, { type: 'pingCheck', worker });
        return;
      }
      case 'drainCheck': {
        const pool = state.pools.get(event.worker.pool.toLowerCase());
        if (pool !== undefined) onDrainCheck(state, event.worker, pool);
        return;
      }
      case 'dispatch':
        dispatch(state, event.pool);
        return;
      case 'queueTimeout': {
        const flight = event.timer.flight;
        if (flight !== undefined && !flight.finished) onQueueTimeout(state, flight);
        return;
      }
    }
  };

  const simulation: Simulation = {
    send(request) {
      const id = state.nextRequestId++;
      // A time or body size that is not a finite number is ignored rather than poisoning the clock; a
      // time past MAX_VIRTUAL_TIME is taken as it.
      const at = request.at !== undefined && Number.isFinite(request.at) ? Math.max(Math.min(request.at, MAX_VIRTUAL_TIME), state.now) : state.now;
      if (request.bodySize !== undefined && (!Number.isFinite(request.bodySize) || request.bodySize < 0)) request = { ...request, bodySize: 0 };
      const headers = request.headers === undefined ? NO_HEADERS : new Map<string, string>();
      if (request.headers !== undefined) for (const [name, value] of Object.entries(request.headers)) headers.set(name.toLowerCase(), value);
      // Array.of, not a literal []: the literal's allocation site was pretenured in some processes (records.ts).
      const result = new RequestRecord(id, request.method, request.url, at, state.tracing ? Array.of<TraceEvent>() : NO_TRACE);
      const flight = new InFlightRecord(id, request, result, headers);
      state.inFlightCount++;
      scheduleRequest(state, flight, 'arrive', at + state.costs.network);
      return id;
    },
    runUntil(until) {
      const time = Math.min(until, Math.max(MAX_VIRTUAL_TIME, state.now));
      while (state.queue.peekTime() <= time) {
        sampleUpTo(state.queue.peekTime());
        state.now = state.queue.peekTime();
        const event = state.queue.popPayload();
        if (event !== undefined) handle(event);
      }
      sampleUpTo(time);
      if (time > state.now) state.now = time;
    },
    runBefore(time) {
      while (state.queue.size > 0 && state.queue.peekTime() < time) {
        sampleUpTo(state.queue.peekTime());
        state.now = state.queue.peekTime();
        const event = state.queue.popPayload();
        if (event !== undefined) handle(event);
      }
    },
    runUntilIdle(limit = Number.POSITIVE_INFINITY) {
      while (state.inFlightCount > 0 && state.queue.size > 0 && state.queue.peekTime() <= limit) {
        sampleUpTo(state.queue.peekTime());
        state.now = state.queue.peekTime();
        const event = state.queue.popPayload();
        if (event !== undefined) handle(event);
      }
    },
    runUntilSettled() {
      // A bound, so that a worker that never settles (a hung drain) cannot hold the caller.
      const limit = state.now + SETTLE_LIMIT;
      while ((state.inFlightCount > 0 || workersInTransition(state)) && state.queue.size > 0 && state.queue.peekTime() <= limit) {
        sampleUpTo(state.queue.peekTime());
        state.now = state.queue.peekTime();
        const event = state.queue.popPayload();
        if (event !== undefined) handle(event);
      }
    },
    step() {
      if (state.queue.size === 0) return undefined;
      const before = state.trace.length;
      sampleUpTo(state.queue.peekTime());
      state.now = state.queue.peekTime();
      const event = state.queue.popPayload();
      if (event !== undefined) handle(event);
      return state.trace.slice(before);
    },
    now: () => state.now,
    subscribe(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    onResult(listener) {
      state.resultListeners.push(listener);
      return () => {
        state.resultListeners = state.resultListeners.filter((l) => l !== listener);
      };
    },
    results: () => state.results,
    trace: () => state.trace.map((event, index) => ({ event, index })).sort((a, b) => a.event.t - b.event.t || a.index - b.index).map((x) => x.event),
    snapshot: () => takeSnapshot(state),
    applyWorkspace(next) {
      applyConfiguration(state, isLoaded(next) ? next : loadWorkspace(next));
    },
    killWorker(pid) {
      for (const pool of state.pools.values()) {
        const worker = pool.workers.find((w) => w.pid === pid);
        if (worker !== undefined) {
          crashWorker(state, pool, worker, "ended from outside (Task Manager's End task), so WAS sees it exit unexpectedly");
          return true;
        }
      }
      return false;
    },
    setApplicationPoolState(name, started) {
      const pool = state.pools.get(name.toLowerCase());
      if (pool === undefined) return false;
      if (started) startApplicationPool(state, pool, 'started by the administrator');
      else stopApplicationPool(state, pool, 'stopped by the administrator');
      return true;
    },
    recycleApplicationPool(name) {
      const pool = state.pools.get(name.toLowerCase());
      if (pool === undefined) return undefined;
      return recycleApplicationPool(state, pool, 'an administrator recycled the pool (IIS Manager: Recycle)');
    },
    counters: () => readCounters(state, state.samples.at(-1)),
    counterSamples: () => state.samples,
    logs: () => ({ w3c: [W3C_FIELDS, ...keptLines(state.w3cLog)], httpErr: [HTTPERR_FIELDS, ...keptLines(state.httpErrLog)] }),
  };
  return simulation;
}
