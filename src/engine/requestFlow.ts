/**
 * A request's path outside the worker, as the seeds draw it: the client sends it, HTTP.sys receives and
 * routes it (or answers it itself), W3SVC tells WAS when its pool has no worker, WAS starts one, the
 * worker takes it off the queue, HTTP.sys sends the response, the client receives it.
 */
import { admissionProblem, answerFromHttpSys, kernelCacheKey } from './httpSys/httpSys.ts';
import { longestApplication, routeArrival } from './httpSys/routing.ts';
import { emit } from './emit.ts';
import { writeHttpErrLine } from './logs.ts';
import { scheduleRequest, type InFlightRequest, type PoolRuntime, type QueueTimer, type SimulationState, type WorkerProcess } from './state.ts';
import { statusTextOf } from './worker/environment.ts';
import { processRequest } from './worker/processRequest.ts';
import { liveWorkers, maxWorkers, recordWorkerFailure, recycleWorker, scheduleIdleCheck, startWorker, stopWorker } from './was/was.ts';

/** HTTP.sys receives the request. */
export function onArrive(state: SimulationState, flight: InFlightRequest): void {
  const request = flight.request;
  const tracing = state.tracing;
  if (tracing) emit(state, flight, 'Client', 'CLIENT_REQUEST_SENT', { detail: `${request.method} ${request.url}` }, state.now - state.costs.network);
  const arrival = routeArrival(state, request.method, request.url, flight.headers.get('host'));
  if (arrival.parsed !== undefined) flight.parsed = arrival.parsed;
  if (arrival.kind === 'nonHttp') {
    activateNonHttp(state, flight, arrival.activator);
    return;
  }
  if (tracing && arrival.parsed !== undefined) {
    emit(state, flight, 'HTTP.sys', 'HTTPSYS_REQUEST_RECEIVED', { detail: `HTTP.sys receives ${request.method} ${arrival.parsed.rawPath} on port ${String(arrival.parsed.port)}.` });
  }
  if (arrival.kind === 'refused') {
    answerFromHttpSys(state, flight, arrival.status, 0, arrival.reason, arrival.httpErr);
    return;
  }
  const { parsed, binding, poolName } = arrival;
  flight.arrival = arrival;
  const site = binding.site;
  flight.result.site = site.name;
  flight.result.application = arrival.applicationLabel;
  flight.result.appPool = poolName;
  if (tracing) {
    emit(state, flight, 'HTTP.sys', 'HTTPSYS_BINDING_MATCHED', {
      detail: `URL group of "${site.name}" (${binding.prefix}, binding ${binding.protocol} ${binding.ipAddress === '*' ? '*' : binding.ipAddress}:${String(binding.port)}:${binding.host}) -> request queue ${poolName}.`,
    });
  }
  const pool = state.pools.get(arrival.poolKey);
  flight.pool = pool;
  if (pool === undefined) {
    answerFromHttpSys(state, flight, 503, 0, `The application uses the pool "${poolName}"${arrival.poolOrigin}, which <applicationPools> does not define: IIS loads the application, but HTTP.sys has no request queue for it (503).`, 'N/A');
    return;
  }
  const cacheKey = flight.headers.size === 0 ? arrival.plainCacheKey : kernelCacheKey(request.method, parsed, flight.headers, site.id);
  flight.cacheKey = cacheKey;
  const cached = cacheKey === undefined ? undefined : state.kernelCache.get(cacheKey);
  if (cached !== undefined) {
    cached.hits++;
    state.counters.kernelUriCacheHits++;
    const result = flight.result;
    result.status = cached.status;
    result.subStatus = 0;
    result.statusText = statusTextOf(cached.status);
    result.servedFrom = 'kernel-cache';
    result.decidedBy = 'HTTP.sys';
    result.handler = cached.handler;
    result.reason = `HTTP.sys answered from its kernel response cache (stored at ${String(Math.round(cached.storedAt))} ms, ${String(cached.hits)} hits): the request never entered user mode.`;
    result.responseHeaders = { ...cached.headers };
    result.bytesSent = cached.bytes;
    if (tracing) emit(state, flight, 'HTTP.sys', 'HTTPSYS_CACHE_HIT', { status: cached.status, detail: result.reason });
    scheduleRequest(state, flight, 'complete', state.now + state.costs.kernelCacheHit);
    return;
  }
  if (cacheKey !== undefined) {
    state.counters.kernelUriCacheMisses++;
    if (tracing) emit(state, flight, 'HTTP.sys', 'HTTPSYS_CACHE_MISS', { detail: 'HTTP.sys looks the URL up in its kernel response cache: it is not there, so the request goes on to the pool\'s queue.' });
  }
  pool.arrivals++;
  const refused = admissionProblem(pool, arrival.poolOrigin);
  if (refused !== undefined) {
    // With loadBalancerCapabilities="TcpLevel" HTTP.sys resets the connection instead (failure.md).
    const reset = pool.settings.failure.loadBalancerCapabilities === 'TcpLevel';
    answerFromHttpSys(state, flight, 503, 0, reset ? `${refused.reason.replace(/: HTTP\.sys answers 503/, '')}; loadBalancerCapabilities="TcpLevel": the connection is reset.` : refused.reason, refused.httpErr, reset);
    return;
  }
  pool.queue.push(flight);
  if (tracing) emit(state, flight, 'HTTP.sys', 'HTTPSYS_QUEUED', { detail: `Queued for ${pool.name} (${String(pool.queue.length)} of queueLength ${String(pool.settings.queueLength)}).` });
  ensureWorkers(state, pool, flight);
  dispatch(state, pool);
  // Only a request that has to wait gets a queue timer.
  if (flight.worker === undefined) startQueueTimer(state, flight);
}

/** W3SVC tells WAS about a request waiting with no worker; WAS starts workers up to maxProcesses. */
function ensureWorkers(state: SimulationState, pool: PoolRuntime, flight: InFlightRequest | undefined): void {
  let live = 0;
  // Without overlapping rotation a draining worker still counts: its replacement waits for it to exit.
  const drainingCounts = pool.settings.recycling.disallowOverlappingRotation;
  for (const worker of pool.workers) if (worker.state === 'starting' || (worker.state === 'ready' && !worker.recyclePending) || (drainingCounts && worker.state === 'draining')) live++;
  const max = maxWorkers(pool);
  // One worker, started on demand; a web garden starts another per new request while under maxProcesses.
  if (live > 0 && (max === 1 || live >= max)) return;
  if (state.tracing) {
    emit(state, flight, 'W3SVC', 'W3SVC_NOTIFY_WAS', {
      detail: live === 0 ? `The ${pool.name} queue has a request and no worker process: W3SVC notifies WAS.` : `Web garden: ${pool.name} runs ${String(live)} of maxProcesses ${String(max)}.`,
    });
  }
  startWorker(state, pool, flight, live === 0 ? 'a request waits in its queue (on-demand start)' : 'web garden (maxProcesses)');
}

/** The next ready worker with a free thread, round-robin; undefined when none. */
function nextWorker(pool: PoolRuntime, threads: number): WorkerProcess | undefined {
  const workers = pool.workers;
  const count = workers.length;
  for (let i = 0; i < count; i++) {
    const worker = workers[(pool.nextWorker + i) % count];
    if (worker !== undefined && worker.state === 'ready' && worker.inFlight < threads) {
      pool.nextWorker = (pool.nextWorker + i + 1) % count;
      return worker;
    }
  }
  return undefined;
}

/** A waiting request's webLimits connectionTimeout, in the calendar (state.ts, QueueTimer). */
function startQueueTimer(state: SimulationState, flight: InFlightRequest): void {
  const timer: QueueTimer = { flight };
  flight.queueTimer = timer;
  state.queue.push(state.now + state.workspace.model.webLimits.connectionTimeout, { type: 'queueTimeout', timer });
}

/** The request no longer waits: its timer, still in the calendar, lets go of it. */
export function stopQueueTimer(flight: InFlightRequest): void {
  if (flight.queueTimer === undefined) return;
  flight.queueTimer.flight = undefined;
  delete flight.queueTimer;
}

/** Hands queued requests to ready workers, round-robin among them. */
export function dispatch(state: SimulationState, pool: PoolRuntime): void {
  const threads = state.costs.workerThreads;
  while (pool.queue.length > 0) {
    const worker = nextWorker(pool, threads);
    if (worker === undefined) return;
    const flight = pool.queue.shift();
    if (flight === undefined) return;
    if (flight.parsed === undefined || flight.finished) continue;
    flight.worker = worker;
    stopQueueTimer(flight);
    flight.result.workerProcess = worker.pid;
    flight.result.servedFrom = 'worker';
    worker.inFlight++;
    const end = flight.nonHttp ? runNonHttp(state, flight) : processRequest(state, flight, flight.parsed, worker, pool, flight.headers);
    scheduleRequest(state, flight, 'complete', end);
  }
}

/** The worker (or HTTP.sys) is done: HTTP.sys sends the response. */
export function onComplete(state: SimulationState, flight: InFlightRequest): void {
  const worker = flight.worker;
  const pool = flight.pool;
  if (worker !== undefined && pool !== undefined && !flight.abandoned) {
    worker.inFlight--;
    worker.requestsServed++;
    worker.lastActivity = state.now;
    const crash = state.failures.crashEveryNth;
    if (crash !== undefined && matchesCrash(state, flight)) {
      crashWorker(state, pool, worker, `${crash.module} crashed the process (every ${String(crash.n)}th request)`, flight);
      return;
    }
    if (flight.kernelCacheable && flight.cacheKey !== undefined && !state.kernelCache.has(flight.cacheKey)) {
      const result = flight.result;
      state.kernelCache.set(flight.cacheKey, {
        key: flight.cacheKey,
        status: result.status,
        headers: result.responseHeaders,
        bytes: result.bytesSent,
        site: result.site ?? '',
        application: result.application ?? '',
        appPool: result.appPool ?? '',
        handler: result.handler ?? '',
        storedAt: state.now,
        hits: 0,
      });
      state.counters.kernelUrisCached++;
      if (state.tracing) emit(state, flight, 'HTTP.sys', 'HTTPSYS_CACHE_STORED', { detail: `HTTP.sys stores the response in its kernel cache: the next ${flight.request.method} ${flight.parsed?.path ?? ''} is answered from kernel mode.` });
    }
    const limit = pool.settings.recycling.periodicRestart.requests;
    if (limit > 0 && worker.requestsServed >= limit && worker.state === 'ready') recycleWorker(state, worker, pool, `it served recycling periodicRestart requests=${String(limit)}`);
    if (worker.inFlight === 0) scheduleIdleCheck(state, worker, pool);
    if (worker.state === 'draining') state.queue.push(state.now, { type: 'drainCheck', worker });
    dispatch(state, pool);
  }
  const sent = state.now + (flight.result.servedFrom === 'worker' ? state.costs.httpSysSend : 0);
  if (state.tracing && flight.result.status !== 0 && !flight.nonHttp) {
    emit(state, flight, 'HTTP.sys', 'HTTPSYS_RESPONSE_SENT', {
      status: flight.result.status,
      subStatus: flight.result.subStatus,
      detail: `HTTP.sys sends ${String(flight.result.status)} ${flight.result.statusText} (${String(flight.result.bytesSent)} bytes).`,
    }, sent);
  }
  scheduleRequest(state, flight, 'respond', sent + state.costs.network);
}

function matchesCrash(state: SimulationState, flight: InFlightRequest): boolean {
  const crash = state.failures.crashEveryNth;
  if (crash === undefined || flight.result.servedFrom !== 'worker') return false;
  if (flight.result.handler === undefined) return false;
  state.crashCounter++;
  return state.crashCounter % crash.n === 0;
}

/** The worker dies: its requests are abandoned (HTTPERR Connection_Abandoned_By_AppPool). */
export function crashWorker(state: SimulationState, pool: PoolRuntime, worker: WorkerProcess, why: string, current?: InFlightRequest): void {
  if (state.tracing) emit(state, undefined, 'w3wp.exe', 'WORKER_CRASHED', { pid: worker.pid, detail: `w3wp.exe ${String(worker.pid)} crashed: ${why}.` });
  // The worker's requests are those whose next step (their completion) waits in the calendar.
  const abandoned: InFlightRequest[] = current === undefined ? [] : [current];
  state.queue.forEachPayload((event) => {
    if (event.type === 'request' && !event.finished && event.worker === worker && event.phase === 'complete') abandoned.push(event);
  });
  abandoned.sort((a, b) => a.id - b.id);
  for (const flight of abandoned) {
    if (flight.abandoned) continue;
    flight.abandoned = true;
    const result = flight.result;
    result.status = 0;
    result.subStatus = 0;
    result.statusText = 'Connection reset';
    result.decidedBy = 'HTTP.sys';
    result.reason = `The worker process ${String(worker.pid)} of ${pool.name} crashed while the request was in it: HTTP.sys resets the connection (HTTPERR Connection_Abandoned_By_AppPool).`;
    result.responseHeaders = {};
    result.bytesSent = 0;
    writeHttpErrLine(state, flight, '-', 'Connection_Abandoned_By_AppPool', pool.name);
    scheduleRequest(state, flight, 'respond', state.now);
  }
  worker.inFlight = 0;
  stopWorker(state, worker, pool, 'crashed');
  const stopped = recordWorkerFailure(state, pool);
  if (stopped) failQueued(state, pool);
  else if (pool.queue.length > 0) ensureWorkers(state, pool, undefined);
}

/**
 * A request still in its queue after webLimits connectionTimeout is dropped by HTTP.sys (HTTPERR
 * Timer_ReqQueue, KB 820729): the client sees the connection close with no response.
 */
export function onQueueTimeout(state: SimulationState, flight: InFlightRequest): void {
  const pool = flight.pool;
  if (pool === undefined || flight.worker !== undefined) return;
  const index = pool.queue.indexOf(flight);
  if (index < 0) return;
  pool.queue.splice(index, 1);
  answerFromHttpSys(
    state,
    flight,
    503,
    0,
    `The request waited in the ${pool.name} queue longer than webLimits connectionTimeout (${String(Math.round(state.workspace.model.webLimits.connectionTimeout / 1000))} s) with no worker to take it: HTTP.sys drops it (HTTPERR Timer_ReqQueue).`,
    'Timer_ReqQueue',
    true,
  );
}

/** The pool stopped: HTTP.sys answers what waits in its queue with 503. */
export function failQueued(state: SimulationState, pool: PoolRuntime): void {
  const problem = admissionProblem(pool);
  for (const flight of pool.queue.splice(0)) {
    if (problem !== undefined) answerFromHttpSys(state, flight, 503, 0, problem.reason, problem.httpErr);
  }
}

/** WCF's listener adapters activate the pool through WAS without W3SVC or HTTP.sys (was-activation-architecture). */
function activateNonHttp(state: SimulationState, flight: InFlightRequest, activator: string): void {
  const parsed = flight.parsed;
  if (parsed === undefined) return;
  flight.nonHttp = true;
  const component = activator === 'NetTcpActivator' ? 'NetTcpActivator' : activator === 'NetPipeActivator' ? 'NetPipeActivator' : 'NetMsmqActivator';
  const model = state.workspace.model;
  const site = model.sites.sites.find((s) =>
    s.bindings.some((b) => b.protocol.toLowerCase() === parsed.scheme && (b.endpoint?.kind !== 'net.tcp' || b.endpoint.port === parsed.port)),
  );
  const application = site === undefined ? undefined : longestApplication(site.applications, parsed.path);
  const enabled = application?.enabledProtocols.toLowerCase().split(',').map((p) => p.trim()).includes(parsed.scheme) === true;
  if (state.tracing) emit(state, flight, component, 'LISTENER_ADAPTER_ACTIVATION', { detail: `${activator} receives a ${parsed.scheme} message for ${parsed.rawPath}.` });
  if (site === undefined || application === undefined || !enabled) {
    const result = flight.result;
    result.status = 404;
    result.statusText = 'Endpoint not found';
    result.servedFrom = 'http.sys';
    result.decidedBy = activator;
    result.reason =
      site === undefined
        ? `No site has a ${parsed.scheme} binding: ${activator} has no endpoint for it.`
        : `The application's enabledProtocols ("${application?.enabledProtocols ?? ''}") do not include ${parsed.scheme}: ${activator} does not activate it.`;
    scheduleRequest(state, flight, 'complete', state.now + state.costs.httpSysReject);
    return;
  }
  flight.result.site = site.name;
  flight.result.application = `${site.name}${application.path === '/' ? '' : application.path}`;
  flight.result.appPool = application.applicationPool;
  const pool = state.pools.get(application.applicationPool.toLowerCase());
  flight.pool = pool;
  if (pool === undefined || pool.state === 'Stopped') {
    const result = flight.result;
    result.status = 503;
    result.statusText = 'Service Unavailable';
    result.servedFrom = 'http.sys';
    result.decidedBy = 'WAS';
    result.reason = `The application pool ${application.applicationPool} is ${pool === undefined ? 'not defined' : 'stopped'}: WAS cannot activate it.`;
    scheduleRequest(state, flight, 'complete', state.now + state.costs.httpSysReject);
    return;
  }
  if (pool.queue.length >= pool.settings.queueLength) {
    const result = flight.result;
    result.status = 503;
    result.statusText = 'Service Unavailable';
    result.servedFrom = 'http.sys';
    result.decidedBy = activator;
    result.reason = `The activation queue of ${pool.name} is full (queueLength=${String(pool.settings.queueLength)}).`;
    scheduleRequest(state, flight, 'complete', state.now + state.costs.httpSysReject);
    return;
  }
  pool.queue.push(flight);
  if (liveWorkers(pool).length === 0) startWorker(state, pool, flight, `${activator} asked WAS to activate the application (no W3SVC involved)`);
  dispatch(state, pool);
  if (flight.worker === undefined) startQueueTimer(state, flight);
}

function runNonHttp(state: SimulationState, flight: InFlightRequest): number {
  const result = flight.result;
  result.status = 200;
  result.statusText = 'OK';
  result.handler = 'svc-Integrated-4.0';
  result.decidedBy = 'ServiceModel';
  result.reason = `WCF (System.ServiceModel) in w3wp.exe ${String(flight.worker?.pid ?? 0)} handled the ${flight.parsed?.scheme ?? ''} message.`;
  return state.now + state.costs.managedHandler;
}
