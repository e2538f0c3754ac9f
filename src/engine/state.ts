/**
 * The simulation's runtime state: what exists right now in the simulated server. Plain data; the
 * functions of httpSys/, was/ and worker/ change it, and simulation.ts owns the clock and the calendar.
 */
import type { IsapiFilterLoad } from './worker/modules/isapiFilters.ts';
import type { ApplicationPool, EffectiveConfig, LoadedWorkspace } from '../config/index.ts';
import type { CostModel } from './costs.ts';
import type { EventQueue } from './eventQueue.ts';
import type { ParsedUrl } from './httpSys/httpSys.ts';
import type { UrlGroupTable } from './httpSys/urlGroups.ts';
import type { RandomStream } from './random.ts';
import type { SiteContent } from './siteContent.ts';
import type { TraceEvent } from './trace.ts';
import type { RequestResult, SimulationRequest } from './types.ts';
import type { SimulatedUser } from './worker/requestContext.ts';
import type { Route } from './worker/processRequest.ts';
import type { PerformanceCounters } from './counters.ts';
import type { Arrival } from './httpSys/routing.ts';

/** Application pool states, as APP_POOL_WAS "Current Application Pool State" names them (§5). */
export type PoolState = 'Started' | 'Stopped';

export type WorkerState = 'starting' | 'ready' | 'draining' | 'stopped';

export interface WorkerProcess {
  pid: number;
  pool: string;
  state: WorkerState;
  startedAt: number;
  readyAt: number;
  /** Requests being processed now. */
  inFlight: number;
  requestsServed: number;
  lastActivity: number;
  /** Applications whose AppDomain ManagedEngine has created in this worker. */
  appDomains: Set<string>;
  /** URLs whose configuration this worker has read (metadata cache). */
  configCache: Set<string>;
  /** The ISAPI filters IsapiFilterModule loaded, per application (site|path). */
  filterLoads: Map<string, IsapiFilterLoad>;
  /** TokenCacheModule: the logon tokens of users (name and password) -> when LogonUser made them. */
  tokenCache: Map<string, number>;
  /** Failure injection: stops answering WAS's pings at this time. */
  hangsAt: number;
  /** An idle check is scheduled (one at a time per worker). */
  idleCheckPending: boolean;
  /** Being recycled with overlap: it serves until its replacement is ready, then drains. */
  recyclePending: boolean;
  /** Idle with idleTimeoutAction="Suspend" (IIS 8.5+): kept, paged out, resumed by its next request. */
  suspended: boolean;
}

export interface PoolRuntime {
  name: string;
  settings: ApplicationPool;
  state: PoolState;
  /** Why it is stopped, for 503 reasons: `Disabled` (autoStart false, stopped by hand) or `AppOffline` (rapid-fail protection). */
  stoppedReason: 'Disabled' | 'AppOffline' | undefined;
  /** The HTTP.sys request queue of the pool, oldest first. */
  queue: InFlightRequest[];
  workers: WorkerProcess[];
  nextWorker: number;
  /** Times of recent worker failures (crashes and startup failures), for rapid-fail protection. */
  failures: number[];
  recycles: number;
  workersCreated: number;
  /** HTTP Service Request Queues: requests that reached the queue, and that it refused. */
  arrivals: number;
  arrivalsAtLastSample: number;
  rejected: number;
}

export type RequestPhase = 'arrive' | 'complete' | 'respond';

/**
 * A waiting request's queue timer (webLimits connectionTimeout) in the calendar. It lets go of the
 * request when a worker takes it or it ends: the timer stays in the calendar until its time (two
 * minutes of virtual time by default), and holding the request would keep it and its results alive
 * that long, a load after a load (twenty loads of 2,000 grew the worker's heap by 8 MB each).
 */
export interface QueueTimer {
  flight: InFlightRequest | undefined;
}

/**
 * A request in the server. It is its own calendar event (no event object per step): `phase` says what
 * happens at `dueAt`; an event that pops at another time is stale and ignored.
 */
export interface InFlightRequest {
  type: 'request';
  /** Its queue timer while it waits in a pool's queue. */
  queueTimer?: QueueTimer;
  phase: RequestPhase;
  dueAt: number;
  finished: boolean;
  id: number;
  request: SimulationRequest;
  result: RequestResult;
  /** The worker processing it, once dequeued. */
  worker: WorkerProcess | undefined;
  pool: PoolRuntime | undefined;
  /** The URL key of the kernel cache, when the response may be cached. */
  cacheKey: string | undefined;
  /** Filled by the pipeline: whether HTTP.sys may cache the response. */
  kernelCacheable: boolean;
  /** The parsed URL and lower-cased headers, from HTTP.sys. */
  parsed: ParsedUrl | undefined;
  headers: Map<string, string>;
  /** A net.tcp, net.pipe or net.msmq request, activated by a WCF listener adapter. */
  nonHttp: boolean;
  /** The worker processing it crashed: the connection is abandoned. */
  abandoned: boolean;
  /** The authenticated user's name, for the log (cs-username). */
  userName: string | undefined;
  /** How HTTP.sys routed it. */
  arrival: Extract<Arrival, { kind: 'routed' }> | undefined;
}

export interface KernelCacheEntry {
  key: string;
  status: number;
  headers: Record<string, string>;
  bytes: number;
  site: string;
  application: string;
  appPool: string;
  handler: string;
  storedAt: number;
  hits: number;
}

export interface Counters {
  /** W3SVC (Web Service) */
  totalRequests: number;
  totalMethodRequests: Record<string, number>;
  totalNotFoundErrors: number;
  bytesSent: number;
  bytesReceived: number;
  anonymousRequests: number;
  nonAnonymousRequests: number;
  statusClasses: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; other: number };
  /** Web Service Cache */
  kernelUriCacheHits: number;
  kernelUriCacheMisses: number;
  kernelUrisCached: number;
  kernelUrisFlushed: number;
  /** WAS */
  workerProcessesCreated: number;
  workerProcessFailures: number;
  workerProcessPingFailures: number;
  applicationPoolRecycles: number;
  /** HTTP Service Request Queues */
  rejectedRequests: number;
}

/** Schedules the next step of a request. */
export function scheduleRequest(state: SimulationState, flight: InFlightRequest, phase: RequestPhase, time: number): void {
  flight.phase = phase;
  flight.dueAt = time;
  state.queue.push(time, flight);
}

export interface SimulationState {
  now: number;
  seed: number;
  costs: CostModel;
  tracing: boolean;
  workspace: LoadedWorkspace;
  content: SiteContent;
  urlGroups: UrlGroupTable;
  pools: Map<string, PoolRuntime>;
  /** Requests sent and not yet finished. */
  inFlightCount: number;
  nextRequestId: number;
  nextPid: number;
  kernelCache: Map<string, KernelCacheEntry>;
  /** URL key -> times of recent requests, for frequentHitThreshold within frequentHitTimePeriod. */
  recentHits: Map<string, number[]>;
  /** `site|folder` -> effective configuration (computed once per configuration). */
  effectiveCache: Map<string, EffectiveConfig | string>;
  /** site|verb|path -> what stays the same for every request to it (see worker/processRequest.ts). */
  routeCache: Map<string, Route | string>;
  /** URL -> verb (and Host header) -> how HTTP.sys routes them (see requestFlow.ts). */
  arrivalCache: Map<string, Map<string, Arrival>>;
  random: { costs: RandomStream; failures: RandomStream };
  users: readonly SimulatedUser[];
  counters: Counters;
  /** Every event when tracing, in emission order. */
  trace: TraceEvent[];
  /** W3C log lines (HttpLoggingModule) and HTTPERR lines (HTTP.sys). */
  w3cLog: string[];
  httpErrLog: string[];
  queue: EventQueue<SimulationEvent>;
  listeners: Set<(event: TraceEvent) => void>;
  resultListeners: ((result: RequestResult) => void)[];
  failures: FailureInjection;
  /** Requests the crash-injected module has handled. */
  crashCounter: number;
  /** Keep finished results and the whole trace (off for long benchmark runs). */
  retain: boolean;
  /** Reuse the outcome (and events) of a request seen before; off only to test that it changes nothing. */
  memoize: boolean;
  results: RequestResult[];
  /** Counter samples on virtual time (every `sampleInterval` ms; the last MAX_SAMPLES kept). */
  samples: PerformanceCounters[];
  sampleInterval: number;
  nextSampleAt: number;
}

export interface FailureInjection {
  /** The module named here crashes the worker process on every Nth request it handles. */
  crashEveryNth?: { module: string; n: number };
  /** Requests whose URL contains `urlContains` take `extraMs` longer in their handler. */
  slowRequests?: { urlContains: string; extraMs: number };
  /** Workers of this pool stop answering WAS's pings `afterMs` after they start. */
  missPings?: { pool: string; afterMs: number };
  /** Workers of this pool fail to start (they exit before reporting ready). */
  failStartup?: { pool: string };
}

export type SimulationEvent =
  | InFlightRequest
  | { type: 'workerReady'; worker: WorkerProcess }
  | { type: 'workerStartupFailed'; worker: WorkerProcess }
  | { type: 'idleCheck'; worker: WorkerProcess }
  | { type: 'periodicRecycle'; worker: WorkerProcess }
  | { type: 'pingCheck'; worker: WorkerProcess }
  | { type: 'drainCheck'; worker: WorkerProcess }
  | { type: 'dispatch'; pool: PoolRuntime }
  | { type: 'queueTimeout'; timer: QueueTimer };
