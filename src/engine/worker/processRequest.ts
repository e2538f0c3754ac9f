/**
 * A worker process takes a request off its queue and runs it: the URL's effective configuration (read
 * once per URL folder, then from the metadata cache), the handler mapping, the pipeline plan (cached per
 * configuration and handler), the pipeline itself, and HTTP.sys's kernel-cache decision for the response.
 */
import { effectiveConfig, type EffectiveConfig, type IisVersion } from '../../config/index.ts';
import { emit, emitInWorker } from '../emit.ts';
import { jitter } from '../random.ts';
import type { InFlightRequest, PoolRuntime, SimulationState, WorkerProcess } from '../state.ts';
import type { TraceEventName } from '../trace.ts';
import { statusTextOf, type ModuleOutcome, type PipelineEnvironment, type TraceFields } from './environment.ts';
import { HANDLER_BEHAVIOURS } from './modules/index.ts';
import { isManagedHandler, selectHandler, type HandlerChoice } from './handlerMapping.ts';
import { MISSING, type PhysicalEntry } from '../siteContent.ts';
import { buildPipelinePlan, type PipelinePlan } from './pipelinePlan.ts';
import type { RequestContext } from './requestContext.ts';
import { runPipeline } from './runPipeline.ts';
import { credentialsOf, logonThroughTokenCache, needsLogon } from './credentials.ts';
import { applyOutcome, MAX_OUTCOMES_PER_ROUTE, replayEvents, templatesOf, variantKey } from './outcomes.ts';
import { loadIsapiFilters } from './modules/isapiFilters.ts';
import { resumeIfSuspended } from '../was/was.ts';
import type { ParsedUrl } from '../httpSys/httpSys.ts';

/** The Server header each IIS version sends (no string built per request). */
const SERVER_HEADER: Readonly<Record<IisVersion, string>> = {
  '7.0': 'Microsoft-IIS/7.0',
  '7.5': 'Microsoft-IIS/7.5',
  '8.0': 'Microsoft-IIS/8.0',
  '8.5': 'Microsoft-IIS/8.5',
  '10.0': 'Microsoft-IIS/10.0',
};

/** The effective configuration of a URL's folder, cached per configuration. A string is an error. */
export function effectiveFor(state: SimulationState, siteName: string, path: string): EffectiveConfig | string {
  const key = `${siteName}|${path.toLowerCase()}`;
  const cached = state.effectiveCache.get(key);
  if (cached !== undefined) return cached;
  const result = effectiveConfig(state.workspace, siteName, path);
  const value = result.ok ? result.effective : result.message;
  state.effectiveCache.set(key, value);
  return value;
}

/**
 * Everything about a URL that does not change between requests until the configuration does: its
 * effective configuration, what it names on disk, the handler, the pipeline plan. Cached per site, path
 * and verb, so the per-request path is a Map lookup.
 */
export interface Route {
  effective: EffectiveConfig;
  relativePath: string;
  entry: PhysicalEntry;
  choice: HandlerChoice;
  isManagedHandler: boolean;
  /** A handler for the file's extension passed over for its preCondition (StaticFileModule's 404.17). */
  scriptHandlerSkipped: string | undefined;
  plan: PipelinePlan;
  urlKey: string;
  appKey: string;
}

function routeFor(state: SimulationState, siteName: string, parsed: ParsedUrl, method: string, pool: PoolRuntime, flight: InFlightRequest): Route | string {
  // The arrival (verb, URL, Host) already fixes site, verb and path: keep the route on it.
  const arrival = flight.arrival;
  if (arrival !== undefined && arrival.route !== undefined) return arrival.route;
  const key = `${siteName}|${method}|${parsed.path}`;
  const cached = state.routeCache.get(key);
  if (cached !== undefined) {
    if (arrival !== undefined) arrival.route = cached;
    return cached;
  }
  const effective = effectiveFor(state, siteName, parsed.path);
  if (typeof effective === 'string') {
    state.routeCache.set(key, effective);
    return effective;
  }
  const virtualDirectory = effective.virtualDirectory;
  const applicationPath = effective.application.path.replace(/\/+$/, '');
  const inApplication = parsed.path.slice(applicationPath.length) || '/';
  const directoryPath = virtualDirectory.path.replace(/\/+$/, '');
  const relativePath = inApplication.slice(directoryPath.length);
  const entry = state.content.lookup(virtualDirectory, relativePath);
  const settings = pool.settings;
  const context = { managedPipelineMode: settings.managedPipelineMode, managedRuntimeVersion: settings.managedRuntimeVersion, bitness: settings.enable32BitAppOnWin64 ? (32 as const) : (64 as const) };
  const choice = selectHandler(effective.config.handlers.entries, parsed.path, method, entry, context);
  const managed = isManagedHandler(choice.handler);
  const plan = buildPipelinePlan(effective, choice.handler, context, managed, state.workspace.iisVersion);
  const scriptHandlerSkipped = choice.skipped.find((h) => EXTENSION_PATTERN.test(h.path))?.name;
  const route: Route = { effective, relativePath, entry, choice, isManagedHandler: managed, scriptHandlerSkipped, plan, urlKey: `${siteName}|${parsed.path.toLowerCase()}`, appKey: `${siteName}|${applicationPath}` };
  state.routeCache.set(key, route);
  if (arrival !== undefined) arrival.route = route;
  return route;
}

function isFrequentlyHit(state: SimulationState, key: string, effective: EffectiveConfig): boolean {
  const runtime = effective.config.serverRuntime;
  const threshold = Math.max(1, runtime.frequentHitThreshold);
  // Only the last `threshold` request times matter: frequently hit means the oldest of them is recent.
  let hits = state.recentHits.get(key);
  if (hits === undefined) {
    hits = [];
    state.recentHits.set(key, hits);
  }
  hits.push(state.now);
  if (hits.length > threshold) hits.shift();
  // "Frequently hit": frequentHitThreshold requests within frequentHitTimePeriod (serverRuntime; the
  // walkthrough says "more than", so the boundary is [unverified]; IIS Flow counts this request too).
  return hits.length >= threshold && state.now - (hits[0] ?? 0) <= runtime.frequentHitTimePeriod;
}

/** Why HTTP.sys will not cache a response (KB 817445, walkthrough-iis-output-caching.md), or undefined. */
function kernelCacheRefusal(flight: InFlightRequest, ctx: RequestContext, frequentlyHit: boolean): string | undefined {
  const caching = ctx.effective.config.caching;
  if (flight.cacheKey === undefined) return 'not a plain GET without query string or credentials';
  if (!caching.enabled || !caching.enableKernelCache) return 'caching enabled or enableKernelCache is false';
  if (ctx.status !== 200 || !ctx.servedStaticFile) return 'only static files are kernel-cached without a caching profile';
  if (ctx.user === undefined || ctx.user.authType !== 'Anonymous') return 'the request was authenticated';
  if (ctx.usedDynamicCompression) return 'the response was dynamically compressed';
  if (ctx.responseBytes > caching.maxResponseSize) return `the response is larger than caching maxResponseSize (${String(caching.maxResponseSize)} bytes)`;
  if (!frequentlyHit) return `not yet frequently hit (serverRuntime frequentHitThreshold=${String(ctx.effective.config.serverRuntime.frequentHitThreshold)})`;
  return undefined;
}

function makeContext(flight: InFlightRequest, parsed: ParsedUrl, effective: EffectiveConfig, pool: PoolRuntime, headers: Map<string, string>, iisVersion: IisVersion): RequestContext {
  const request = flight.request;
  const clientIp = request.clientIp ?? '127.0.0.1';
  return {
    requestId: flight.id,
    method: request.method,
    rawUrl: `${parsed.scheme}://${parsed.host}${parsed.port === 80 || parsed.port === 443 ? '' : `:${String(parsed.port)}`}${parsed.rawPath}${parsed.queryString === '' ? '' : `?${parsed.queryString}`}`,
    scheme: parsed.scheme,
    host: parsed.host,
    port: parsed.port,
    path: parsed.path,
    rawPath: parsed.rawPath,
    queryString: parsed.queryString,
    headers,
    clientIp,
    isLocalClient: clientIp === '127.0.0.1' || clientIp === '::1',
    bodySize: request.bodySize ?? 0,
    credentials: credentialsOf(request.user, headers, effective),
    effective,
    iisVersion,
    managedPipelineMode: pool.settings.managedPipelineMode,
    managedRuntimeVersion: pool.settings.managedRuntimeVersion,
    bitness: pool.settings.enable32BitAppOnWin64 ? 32 : 64,
    relativePath: '',
    entry: MISSING,
    handler: undefined,
    isManagedHandler: false,
    user: undefined,
    status: 200,
    subStatus: 0,
    decidedBy: '',
    reason: '',
    responseHeaders: new Map(),
    responseBytes: 0,
    finished: false,
    notification: 'BEGIN_REQUEST',
    extraCost: 0,
    waitTime: 0,
    servedStaticFile: false,
    usedDynamicCompression: false,
    anonymousAllowed: false,
    abortConnection: false,
    wantsStaticCompression: false,
    errorPage: undefined,
    externalWork: false,
    defaultDocument: undefined,
    scriptHandlerSkipped: undefined,
  };
}

/**
 * Runs the request in `worker`. Returns the virtual time at which the worker hands the response to
 * HTTP.sys.
 */
export function processRequest(state: SimulationState, flight: InFlightRequest, parsed: ParsedUrl, worker: WorkerProcess, pool: PoolRuntime, headers: Map<string, string>): number {
  const result = flight.result;
  const siteName = result.site ?? '';
  const route = routeFor(state, siteName, parsed, flight.request.method, pool, flight);
  const start = state.now + resumeIfSuspended(state, worker, pool, flight) + jitter(state.random.costs, state.costs.dequeue, state.costs.spread);
  const tracing = state.tracing;
  if (typeof route === 'string') {
    if (tracing) emit(state, flight, 'w3wp.exe', 'WORKER_DEQUEUE', { pid: worker.pid, detail: `w3wp.exe ${String(worker.pid)} takes the request off the ${pool.name} queue.` }, start);
    result.status = 500;
    result.subStatus = 19;
    result.statusText = statusTextOf(500);
    result.decidedBy = 'IIS Web Core';
    result.reason = route;
    return start + state.costs.configRead;
  }
  // serverRuntime appConcurrentRequestLimit: more requests executing at once than this is 503.2.
  const concurrencyLimit = route.effective.config.serverRuntime.appConcurrentRequestLimit;
  if (worker.inFlight > concurrencyLimit) {
    result.status = 503;
    result.subStatus = 2;
    result.statusText = statusTextOf(503);
    result.handler = route.choice.handler?.name;
    result.decidedBy = 'IIS Web Core';
    result.reason = `${String(worker.inFlight)} requests are executing in the worker, over serverRuntime appConcurrentRequestLimit=${String(concurrencyLimit)} (503.2).`;
    if (tracing) emit(state, flight, 'w3wp.exe', 'MODULE_SET_RESPONSE_ERROR_STATUS', { pid: worker.pid, module: 'IIS Web Core', status: 503, subStatus: 2, detail: result.reason }, start);
    return start + state.costs.moduleNotification;
  }
  const appKey = route.appKey;
  // IsapiFilterModule loads the application's ISAPI filters on its first request in this worker.
  let filters = worker.filterLoads.get(appKey);
  const filtersJustLoaded = filters === undefined;
  if (filters === undefined) {
    const settings = pool.settings;
    filters = loadIsapiFilters(route.effective, { managedPipelineMode: settings.managedPipelineMode, managedRuntimeVersion: settings.managedRuntimeVersion, bitness: settings.enable32BitAppOnWin64 ? 32 : 64 }, state.content);
    worker.filterLoads.set(appKey, filters);
  }
  const urlKey = route.urlKey;
  const configCached = worker.configCache.has(urlKey);
  if (!configCached) worker.configCache.add(urlKey);
  const frequentlyHit = isFrequentlyHit(state, urlKey, route.effective);

  // The fast path: with tracing off, a request whose route, variant (query, client, headers, body,
  // user) and cache state were seen before has the same outcome, since modules are pure functions of
  // the request and the configuration. First-time work (configuration read, AppDomain) always runs
  // the full pipeline. Tests check that both paths give the same results.
  // With tracing on, the replay also needs the events the full run emitted (per worker: they name it).
  // Outcomes are kept per arrival (URL, verb and Host header as sent: scheme, host, port, path and
  // query fixed), and keyed by everything else a module may read.
  const outcomes = flight.arrival?.outcomes;
  let variant: string | undefined;
  if (
    state.memoize &&
    outcomes !== undefined &&
    configCached &&
    !filtersJustLoaded &&
    (!route.plan.usesManagedCode || worker.appDomains.has(appKey)) &&
    !needsLogon(state, flight, headers, route.effective, worker)
  ) {
    variant = variantKey(flight, headers, frequentlyHit, tracing ? worker.pid : 0);
    const outcome = outcomes.get(variant);
    if (outcome !== undefined) {
      if (tracing && outcome.events !== undefined) replayEvents(state, flight, outcome.events, start);
      return applyOutcome(state, flight, worker, outcome, start);
    }
  }
  const firstEvent = flight.result.trace.length;
  const clock = { elapsed: 0 };
  const pid = worker.pid;
  const emitAt = (event: TraceEventName, fields?: TraceFields): void => {
    emitInWorker(state, flight, pid, event, fields, start + clock.elapsed);
  };
  if (tracing) emitAt('WORKER_DEQUEUE', { detail: `w3wp.exe ${String(worker.pid)} takes the request off the ${pool.name} queue.` });
  const ctx = makeContext(flight, parsed, route.effective, pool, headers, state.workspace.iisVersion);
  ctx.relativePath = route.relativePath;
  ctx.entry = route.entry;
  ctx.handler = route.choice.handler;
  ctx.isManagedHandler = route.isManagedHandler;
  ctx.scriptHandlerSkipped = route.scriptHandlerSkipped;
  const plan = route.plan;
  const choice = route.choice;

  const ensureAppDomain = (): number => {
    if (worker.appDomains.has(appKey)) return 0;
    worker.appDomains.add(appKey);
    const cost = jitter(state.random.costs, state.costs.appDomainStart, state.costs.spread);
    if (tracing) {
      emitAt('APPDOMAIN_CREATED', {
        module: 'ManagedEngine',
        detail: `ManagedEngine (webengine4.dll) loads the CLR ${ctx.managedRuntimeVersion} and creates the AppDomain of ${result.application ?? siteName} on its first managed request.`,
      });
    }
    return cost;
  };
  const env: PipelineEnvironment = {
    tracing,
    emit: emitAt,
    content: state.content,
    users: state.users,
    logonUser: (name, password, succeeded) => logonThroughTokenCache(state, worker, route.effective, name, password, succeeded),
    runChildRequest: (childPath, entry) => runDefaultDocument(ctx, env, childPath, entry, () => (clock.elapsed += ensureAppDomain())),
  };
  runPipeline(ctx, plan, env, state.costs, {
    clock,
    configCached,
    isapiFilters: filters,
    isapiFiltersJustLoaded: filtersJustLoaded,
    frequentlyHit,
    skippedHandlers: choice.skipped,
    verbMismatch: choice.verbMismatch,
    ensureAppDomain,
  });
  const pipelineTime = clock.elapsed;
  const slow = state.failures.slowRequests;
  if (slow !== undefined && flight.request.url.includes(slow.urlContains)) clock.elapsed += slow.extraMs;

  const refusal = kernelCacheRefusal(flight, ctx, frequentlyHit);
  flight.kernelCacheable = refusal === undefined;
  if (tracing) {
    emitAt('HTTPSYS_CACHEABLE', {
      data: { HttpsysCacheable: refusal === undefined ? 'true' : 'false', Reason: refusal === undefined ? '0' : '21', CachePolicy: refusal === undefined ? '1' : '0', TimeToLive: '0' },
      detail: refusal === undefined ? 'HTTP.sys may cache this response in the kernel.' : `HTTP.sys will not cache this response: ${refusal}.`,
    });
    emitAt('GENERAL_FLUSH_RESPONSE_START', {});
    emitAt('GENERAL_RESPONSE_HEADERS', { data: { Headers: [...ctx.responseHeaders].map(([k, v]) => `${k}: ${v}`).join('\r\n') } });
    emitAt('GENERAL_FLUSH_RESPONSE_END', { data: { BytesSent: String(ctx.responseBytes), ErrorCode: '0' } });
    emitAt('GENERAL_REQUEST_END', { status: ctx.status, subStatus: ctx.subStatus, data: { BytesSent: String(ctx.responseBytes), BytesReceived: String(ctx.bodySize + 200), HttpStatus: String(ctx.status), HttpSubStatus: String(ctx.subStatus) } });
  }

  result.status = ctx.status;
  result.subStatus = ctx.subStatus;
  result.statusText = statusTextOf(ctx.status);
  result.handler = ctx.handler?.name;
  result.decidedBy = ctx.decidedBy === '' ? (ctx.handler?.modules.split(',')[0] ?? 'IIS Web Core') : ctx.decidedBy;
  result.reason = ctx.reason;
  result.bytesSent = ctx.responseBytes;
  result.responseHeaders = Object.fromEntries(ctx.responseHeaders);
  if (!('Server' in result.responseHeaders)) result.responseHeaders.Server = SERVER_HEADER[state.workspace.iisVersion];
  if (ctx.abortConnection) {
    result.status = 0;
    result.statusText = 'Connection reset';
    result.responseHeaders = {};
    result.bytesSent = 0;
  }
  if (ctx.user !== undefined && ctx.user.name !== '') flight.userName = ctx.user.name;
  if (ctx.user?.authType === 'Anonymous') state.counters.anonymousRequests++;
  else state.counters.nonAnonymousRequests++;
  const end = start + clock.elapsed;
  worker.lastActivity = end;
  if (variant !== undefined && outcomes !== undefined && outcomes.size < MAX_OUTCOMES_PER_ROUTE) {
    outcomes.set(variant, {
      status: result.status,
      subStatus: result.subStatus,
      statusText: result.statusText,
      handler: result.handler,
      decidedBy: result.decidedBy,
      reason: result.reason,
      bytesSent: result.bytesSent,
      responseHeaders: result.responseHeaders,
      kernelCacheable: flight.kernelCacheable,
      userName: flight.userName,
      anonymous: ctx.user?.authType === 'Anonymous',
      duration: pipelineTime,
      events: tracing ? templatesOf(flight.result.trace.slice(firstEvent), start) : undefined,
    });
  }
  return end;
}

/**
 * The default document as IIS serves it: a child request, mapped to its own handler. A static file is
 * served by DefaultDocumentModule itself (undefined is returned); a page (default.aspx, Default.asp)
 * runs its handler (HANDLER_CHANGED, then the handler).
 */
function runDefaultDocument(ctx: RequestContext, env: PipelineEnvironment, childPath: string, entry: PhysicalEntry, ensureAppDomain: () => void): ModuleOutcome | undefined {
  const context = { managedPipelineMode: ctx.managedPipelineMode, managedRuntimeVersion: ctx.managedRuntimeVersion, bitness: ctx.bitness };
  const choice = selectHandler(ctx.effective.config.handlers.entries, childPath, ctx.method, entry, context);
  const handler = choice.handler;
  if (handler === undefined || handler.modules.includes('StaticFileModule')) return undefined;
  if (env.tracing) {
    env.emit('HANDLER_CHANGED', {
      data: { OldHandlerName: ctx.handler?.name ?? '', NewHandlerName: handler.name, NewHandlerModules: handler.modules, NewHandlerScriptProcessor: handler.scriptProcessor, NewHandlerType: handler.type },
      detail: `The default document ${childPath} is a child request: handler mapping chose ${handler.name}.`,
    });
  }
  const module = handler.modules.split(',')[0]?.trim() ?? '';
  const behaviour = HANDLER_BEHAVIOURS.get(module);
  if (behaviour === undefined) return undefined;
  ctx.handler = handler;
  ctx.isManagedHandler = isManagedHandler(handler);
  ctx.entry = entry;
  ctx.servedStaticFile = false;
  if (ctx.isManagedHandler) ensureAppDomain();
  return behaviour(ctx, env, false);
}

/** A handler path naming one extension (`*.aspx`), not every file (`*`) or extensionless names (`*.`). */
const EXTENSION_PATTERN = /^\*\.[^*./]+$/;
