/**
 * Runs one request through a worker process's integrated pipeline: GL_PRE_BEGIN_REQUEST, the handler
 * choice, MapPath, the deterministic notifications in order with their post-events, then SendResponse.
 * After an error status or FINISH_REQUEST the remaining notifications are skipped to LogRequest,
 * EndRequest and SendResponse (observed F26, F29). Returns the time the pipeline took; trace events
 * (FREB names) are emitted only when tracing is on.
 */
import type { CostModel } from '../costs.ts';
import { NOTIFICATIONS, type Notification } from '../trace.ts';
import { connectionId, setStatus, type ModuleOutcome, type PipelineEnvironment } from './environment.ts';
import { requireAuthenticatedUser } from './modules/authentication.ts';
import { HANDLER_BEHAVIOURS, MODULE_BEHAVIOURS } from './modules/index.ts';
import { applyStaticCompression } from './modules/responses.ts';
import { describeFilterLoad, type IsapiFilterLoad } from './modules/isapiFilters.ts';
import type { PipelinePlan, PlanStep } from './pipelinePlan.ts';
import type { RequestContext } from './requestContext.ts';

export interface PipelineHooks {
  /** The first managed step of an application in this worker: ManagedEngine creates its AppDomain. Returns the time it takes. */
  ensureAppDomain(): number;
  /** A handler matched the path but not the verb. */
  verbMismatch: boolean;
  /** The URL has been requested often enough for static compression and the kernel cache. */
  frequentlyHit: boolean;
  /** The worker has read this URL's configuration before (metadata cache). */
  configCached: boolean;
  /** The application's ISAPI filters, as IsapiFilterModule loaded them in this worker. */
  isapiFilters: IsapiFilterLoad;
  /** They were loaded for this request (its application's first in the worker). */
  isapiFiltersJustLoaded: boolean;
  /** The request's handler choice, emitted as HANDLER_CHANGED; skipped handlers as *_PRECONDITION_NOT_MATCH. */
  skippedHandlers: readonly { name: string; precondition: string }[];
  /**
   * The pipeline's clock: `elapsed` since the worker took the request, advanced by each step. Kept
   * relative so that a request's duration does not depend on when it started (floating point).
   */
  clock: { elapsed: number };
}

/** NOTIFY_MODULE_END data, shared (read-only): NOTIFICATION_CONTINUE and NOTIFICATION_FINISH_REQUEST. */
const CONTINUE: Readonly<Record<string, string>> = Object.freeze({ NotificationStatus: '0' });
const FINISH_REQUEST: Readonly<Record<string, string>> = Object.freeze({ NotificationStatus: '2' });

const ALWAYS_RUN: ReadonlySet<Notification> = new Set(['LOG_REQUEST', 'END_REQUEST']);
const NOTIFICATION_ORDER: ReadonlyMap<Notification, number> = new Map(NOTIFICATIONS.map((n, i) => [n, i]));
const AUTHENTICATE_ORDER = NOTIFICATIONS.indexOf('AUTHENTICATE_REQUEST');
const MAP_HANDLER_ORDER = NOTIFICATIONS.indexOf('MAP_REQUEST_HANDLER');
const EXECUTE_ORDER = NOTIFICATIONS.indexOf('EXECUTE_REQUEST_HANDLER');

function runStep(step: PlanStep, ctx: RequestContext, env: PipelineEnvironment, costs: CostModel, hooks: PipelineHooks): ModuleOutcome {
  if (step.managed) hooks.clock.elapsed += hooks.ensureAppDomain();
  if (env.tracing) {
    env.emit('NOTIFY_MODULE_START', { module: step.module, notification: step.notification, isPost: step.isPost });
  }
  const isHandler = step.notification === 'EXECUTE_REQUEST_HANDLER';
  const behaviour = isHandler ? HANDLER_BEHAVIOURS.get(step.module) : MODULE_BEHAVIOURS.get(step.module);
  ctx.extraCost = 0;
  ctx.waitTime = 0;
  const outcome = behaviour === undefined ? 'continue' : behaviour(ctx, env, step.isPost);
  let cost = (step.managed ? costs.managedModuleNotification : costs.moduleNotification) + ctx.waitTime;
  if (isHandler && outcome === 'finish' && ctx.status < 400) {
    cost += ctx.externalWork ? costs.externalHandler : step.managed || step.module === 'IsapiModule' ? costs.managedHandler : costs.staticFile + ctx.extraCost * costs.staticFilePerKb;
  }
  hooks.clock.elapsed += cost;
  if (env.tracing) {
    env.emit('NOTIFY_MODULE_END', {
      module: step.module,
      notification: step.notification,
      isPost: step.isPost,
      data: outcome === 'finish' && !isHandler ? FINISH_REQUEST : CONTINUE,
    });
  }
  return outcome;
}

/** IIS Web Core's checks once the handler is mapped: no handler (404.4), a bad module (500.21), nothing on disk (404.0). */
function checkMappedHandler(ctx: RequestContext, env: PipelineEnvironment, plan: PipelinePlan, verbMismatch: boolean): void {
  if (ctx.finished) return;
  const handler = ctx.handler;
  if (handler === undefined) {
    if (verbMismatch) setStatus(ctx, env, 405, 0, 'IIS Web Core', `A handler maps ${ctx.path}, but none allows the verb ${ctx.method} (405.0).`, '0x80070001');
    else setStatus(ctx, env, 404, 4, 'IIS Web Core', `No handler in system.webServer/handlers matches ${ctx.method} ${ctx.path} (404.4).`, '0x80070002');
    return;
  }
  if (plan.missingHandlerModules.length > 0) {
    setStatus(
      ctx,
      env,
      500,
      21,
      'IIS Web Core',
      `Handler "${handler.name}" has a bad module "${plan.missingHandlerModules.join(', ')}" in its module list: it is not installed (globalModules) or not enabled for this URL (modules) (500.21).`,
      '0x8007000d',
    );
    return;
  }
  const modules = handler.modules;
  const staticHandler = modules.includes('StaticFileModule');
  if (staticHandler && ctx.entry.kind === 'missing') {
    setStatus(ctx, env, 404, 0, 'IIS Web Core', `The file ${ctx.effective.physicalPath} does not exist (404.0).`, '0x80070002');
  } else if (staticHandler && ctx.entry.kind === 'file' && ctx.entry.hidden) {
    setStatus(ctx, env, 404, 9, 'IIS Web Core', `The file ${ctx.effective.physicalPath} has the hidden attribute: IIS does not serve hidden files (404.9).`, '0x80070002');
  }
}

/**
 * IIS Web Core's checks before any module: security/access sslFlags (403.4 SSL required, 403.7 client
 * certificate required; simulated clients present none) and the site's limits maxUrlSegments (404.20).
 */
function checkAccess(ctx: RequestContext, env: PipelineEnvironment): void {
  const sslFlags = ctx.effective.config.access.sslFlags;
  ctx.notification = 'BEGIN_REQUEST';
  if (sslFlags.includes('Ssl') && ctx.scheme !== 'https') {
    setStatus(ctx, env, 403, 4, 'IIS Web Core', 'security/access sslFlags requires SSL and the request came over http (403.4).', '0x80070005');
    return;
  }
  if (sslFlags.includes('SslRequireCert') && ctx.scheme === 'https') {
    setStatus(ctx, env, 403, 7, 'IIS Web Core', 'security/access sslFlags requires a client certificate and the client sent none (403.7).', '0x80070005');
    return;
  }
  const limit = ctx.effective.site.limits.maxUrlSegments;
  let segments = 0;
  for (const segment of ctx.path.split('/')) if (segment !== '') segments++;
  if (segments > limit) {
    setStatus(ctx, env, 404, 20, 'IIS Web Core', `The URL has ${String(segments)} segments, over the site's limits maxUrlSegments=${String(limit)} (404.20).`);
  }
}

export function runPipeline(ctx: RequestContext, plan: PipelinePlan, env: PipelineEnvironment, costs: CostModel, hooks: PipelineHooks): void {
  const clock = hooks.clock;
  const tracing = env.tracing;
  if (tracing) {
    env.emit('GENERAL_REQUEST_START', {
      data: {
        SiteId: String(ctx.effective.site.id),
        AppPoolId: ctx.effective.application.applicationPool,
        ConnId: connectionId(ctx.requestId),
        RawConnId: '0',
        RequestURL: ctx.rawUrl,
        RequestVerb: ctx.method,
      },
    });
    for (const module of plan.preBeginRequest) {
      env.emit('PRE_BEGIN_REQUEST_START', { module });
      env.emit('PRE_BEGIN_REQUEST_END', { module, data: { NotificationStatus: '0' } });
    }
    env.emit('GENERAL_ENDPOINT_INFORMATION', { data: { RemoteAddress: ctx.clientIp, RemotePort: '50000', LocalAddress: '127.0.0.1', LocalPort: String(ctx.port) } });
    env.emit('GENERAL_REQUEST_HEADERS', { data: { Headers: [...ctx.headers].map(([k, v]) => `${k}: ${v}`).join('\r\n') } });
    env.emit('URL_CACHE_ACCESS_START', { data: { RequestURL: ctx.path } });
    env.emit('URL_CACHE_ACCESS_END', { data: { PhysicalPath: '', URLInfoFromCache: hooks.configCached ? 'true' : 'false', URLInfoAddedToCache: hooks.configCached ? 'false' : 'true', ErrorCode: '0' } });
    env.emit('GENERAL_GET_URL_METADATA', { data: { PhysicalPath: ctx.effective.physicalPath, AccessPerms: '513' } });
    for (const skipped of hooks.skippedHandlers) env.emit('HANDLER_PRECONDITION_NOT_MATCH', { data: { Name: skipped.name, Precondition: skipped.precondition } });
    if (ctx.handler !== undefined) {
      env.emit('HANDLER_CHANGED', {
        data: {
          OldHandlerName: '',
          NewHandlerName: ctx.handler.name,
          NewHandlerModules: ctx.handler.modules,
          NewHandlerScriptProcessor: ctx.handler.scriptProcessor,
          NewHandlerType: ctx.handler.type,
        },
        detail: `Handler mapping chose ${ctx.handler.name} (path="${ctx.handler.path}" verb="${ctx.handler.verb}").`,
      });
    }
  }
  if (!hooks.configCached) clock.elapsed += costs.configRead;

  // A configuration error stops the request before any module runs: 500.19, "Module IIS Web Core,
  // Notification BeginRequest, Handler Not yet determined" (fact sheet §4).
  const configError = ctx.effective.errors[0];
  if (configError !== undefined) {
    ctx.notification = 'BEGIN_REQUEST';
    setStatus(ctx, env, 500, 19, 'IIS Web Core', `Configuration error in ${configError.file ?? 'applicationHost.config'} line ${String(configError.line)}: ${configError.message}`, '0x80070021');
  }

  const filters = hooks.isapiFilters;
  if (tracing && hooks.isapiFiltersJustLoaded && (filters.loaded.length > 0 || filters.skipped.length > 0 || filters.failure !== undefined)) {
    env.emit('ISAPI_FILTERS_LOADED', { module: 'IsapiFilterModule', detail: describeFilterLoad(filters) });
  }
  const filterFailure = filters.failure;
  if (configError === undefined && filterFailure !== undefined) {
    ctx.notification = 'BEGIN_REQUEST';
    setStatus(ctx, env, 500, 0, 'IIS Web Core', `Calling LoadLibraryEx on ISAPI filter "${filterFailure.path}" failed: isapiFilters lists ${filterFailure.name}, and ${filterFailure.why} (500.0).`, filterFailure.errorCode);
  }

  // MapPath fires when the worker maps the URL to a physical path, i.e. on a URL-cache miss: F26 (a
  // first request) has it, F27 (a repeated one) does not.
  if (configError === undefined && !ctx.finished) checkAccess(ctx, env);

  for (const step of hooks.configCached ? [] : plan.mapPath) {
    if (ctx.finished) break;
    ctx.notification = 'MAP_PATH';
    runStep(step, ctx, env, costs, hooks);
  }

  const steps = plan.steps;
  let handlerDone = false;
  // IIS Web Core's own work between notifications, done once each, even when no module subscribes.
  let authenticationChecked = false;
  let handlerChecked = false;
  let compressionApplied = false;
  const coreChecksBefore = (order: number): void => {
    if (!authenticationChecked && order > AUTHENTICATE_ORDER) {
      authenticationChecked = true;
      ctx.notification = 'AUTHENTICATE_REQUEST';
      requireAuthenticatedUser(ctx, env);
      if (tracing && !ctx.finished) {
        env.emit('FILE_CACHE_ACCESS_START', {});
        env.emit('FILE_CACHE_ACCESS_END', { data: { Successful: 'true', FileFromCache: hooks.configCached ? 'true' : 'false', FileAddedToCache: hooks.configCached ? 'false' : 'true' } });
      }
    }
    if (!handlerChecked && order > MAP_HANDLER_ORDER) {
      handlerChecked = true;
      ctx.notification = 'MAP_REQUEST_HANDLER';
      checkMappedHandler(ctx, env, plan, hooks.verbMismatch);
    }
    if (!compressionApplied && order > EXECUTE_ORDER) {
      compressionApplied = true;
      applyStaticCompression(ctx, hooks.frequentlyHit);
    }
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) continue;
    const notification = step.notification;
    coreChecksBefore(NOTIFICATION_ORDER.get(notification) ?? 0);
    if (ctx.finished && !ALWAYS_RUN.has(notification)) continue;
    ctx.notification = notification;
    if (notification === 'EXECUTE_REQUEST_HANDLER') {
      if (handlerDone) continue;
      if (runStep(step, ctx, env, costs, hooks) === 'finish') handlerDone = true;
    } else if (runStep(step, ctx, env, costs, hooks) === 'finish') ctx.finished = true;
  }
  coreChecksBefore(Number.POSITIVE_INFINITY);

  ctx.notification = 'SEND_RESPONSE';
  for (const step of plan.sendResponse) runStep(step, ctx, env, costs, hooks);
}
