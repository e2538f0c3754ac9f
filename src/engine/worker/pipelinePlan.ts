/**
 * The pipeline plan of a request: for each notification in order, the modules that run, with their
 * post-events. Built from the effective <modules> list (its order is the order within a notification),
 * the module catalog, and preconditions; cached per configuration and handler, so the per-request path
 * only walks an array.
 * Ordering exceptions (observed, fact sheet §2.2): AnonymousAuthenticationModule runs last in
 * AuthenticateRequest; SendResponse runs in reverse list order, high-priority modules last.
 */
import type { EffectiveConfig, HandlerEntry, IisVersion } from '../../config/index.ts';
import { NOTIFICATIONS, type Notification } from '../trace.ts';
import { HANDLER_MODULES, MANAGED_MODULES, NATIVE_MODULES, UNKNOWN_MANAGED_MODULE, type ModuleDefinition } from './moduleCatalog.ts';
import { failedPrecondition, type PreconditionContext } from './preconditions.ts';

export interface PlanStep {
  notification: Notification;
  isPost: boolean;
  module: string;
  managed: boolean;
}

export interface PipelinePlan {
  /** Global modules at GL_PRE_BEGIN_REQUEST, in <globalModules> order. */
  preBeginRequest: string[];
  /** MapPath steps (before BeginRequest). */
  mapPath: PlanStep[];
  /** Steps of the deterministic notifications, in order; each notification's post-steps follow it. */
  steps: PlanStep[];
  /** Index in `steps` where each notification starts (for skipping to LogRequest after an error). */
  firstStepOf: Map<Notification, number>;
  sendResponse: PlanStep[];
  /** Managed modules in the plan: the CLR (ManagedEngine) is needed. */
  usesManagedCode: boolean;
  /** Modules named by the handler that are not installed (500.21). */
  missingHandlerModules: string[];
}

interface Candidate {
  name: string;
  managed: boolean;
  definition: ModuleDefinition;
}

export function buildPipelinePlan(
  effective: EffectiveConfig,
  handler: HandlerEntry | undefined,
  context: Omit<PreconditionContext, 'managedHandler'>,
  managedHandler: boolean,
  iisVersion: IisVersion,
): PipelinePlan {
  const config = effective.config;
  const globalNames = new Set(config.globalModules.map((m) => m.name));
  const runAll = config.modules.runAllManagedModulesForAllRequests;
  const preconditionContext: PreconditionContext = { ...context, managedHandler: managedHandler || runAll };
  // Classic mode: managed modules do not run in the IIS pipeline; ASP.NET runs them inside
  // aspnet_isapi.dll for managed extensions only (introduction-to-iis-architecture.md).
  const managedInPipeline = context.managedPipelineMode === 'Integrated' && context.managedRuntimeVersion !== '';

  const candidates: Candidate[] = [];
  for (const entry of config.modules.entries) {
    const managed = entry.type !== '';
    if (managed && !managedInPipeline) continue;
    if (failedPrecondition(entry.preCondition, preconditionContext) !== undefined) continue;
    const definition = managed ? (MANAGED_MODULES[entry.name] ?? UNKNOWN_MANAGED_MODULE) : NATIVE_MODULES[entry.name];
    if (definition === undefined) continue;
    if (!managed && !globalNames.has(entry.name) && globalNames.size > 0) continue;
    if (definition.when !== undefined && !definition.when(effective, iisVersion)) continue;
    candidates.push({ name: entry.name, managed, definition });
  }

  const handlerModules = handler === undefined ? [] : handler.modules.split(',').map((m) => m.trim()).filter((m) => m !== '');
  // ManagedPipelineHandler exists only when a ManagedEngine global module loads for this pool.
  const managedEngineLoads = config.globalModules.some((m) => m.name.startsWith('ManagedEngine') && failedPrecondition(m.preCondition, { ...context, managedHandler: true }) === undefined);
  const installed = new Set(managedEngineLoads || globalNames.size === 0 ? [...globalNames, 'ManagedPipelineHandler'] : globalNames);
  // A native module a handler names must also be enabled for the URL (in the effective <modules> list):
  // with StaticFileModule removed there, IIS answers "Handler StaticFile has a bad module" (500.21).
  const enabled = new Set(config.modules.entries.map((m) => m.name));
  const loaded = (name: string): boolean => installed.has(name) && (name === 'ManagedPipelineHandler' || enabled.size === 0 || enabled.has(name));
  const missingHandlerModules = globalNames.size === 0 ? [] : handlerModules.filter((m) => !loaded(m));

  const stepsFor = (notification: Notification, isPost: boolean): PlanStep[] => {
    const out: PlanStep[] = [];
    for (const candidate of candidates) {
      if (candidate.definition.subscriptions.some((s) => s.notification === notification && s.isPost === isPost)) {
        out.push({ notification, isPost, module: candidate.name, managed: candidate.managed });
      }
    }
    if (notification === 'AUTHENTICATE_REQUEST' && !isPost) {
      const anonymous = out.findIndex((s) => s.module === 'AnonymousAuthenticationModule');
      if (anonymous >= 0) out.push(...out.splice(anonymous, 1));
    }
    return out;
  };

  const steps: PlanStep[] = [];
  const firstStepOf = new Map<Notification, number>();
  for (const notification of NOTIFICATIONS) {
    firstStepOf.set(notification, steps.length);
    if (notification === 'MAP_REQUEST_HANDLER' && managedHandler && managedInPipeline) {
      steps.push(...stepsFor(notification, false), { notification, isPost: false, module: 'ManagedPipelineHandler', managed: true });
    } else if (notification === 'EXECUTE_REQUEST_HANDLER') {
      for (const module of handlerModules) {
        if (HANDLER_MODULES.has(module) || installed.has(module)) steps.push({ notification, isPost: false, module, managed: module === 'ManagedPipelineHandler' });
      }
    } else steps.push(...stepsFor(notification, false));
    steps.push(...stepsFor(notification, true));
  }

  const sendCandidates = stepsFor('SEND_RESPONSE', false).reverse();
  const last = (step: PlanStep): boolean => NATIVE_MODULES[step.module]?.sendResponseLast === true;
  const sendResponse = [...sendCandidates.filter((s) => !last(s)), ...sendCandidates.filter(last)];

  const preBeginRequest = config.globalModules.filter((m) => NATIVE_MODULES[m.name]?.preBeginRequest === true).map((m) => m.name);

  return {
    preBeginRequest,
    mapPath: stepsFor('MAP_PATH', false),
    steps,
    firstStepOf,
    sendResponse,
    usesManagedCode: steps.some((s) => s.managed),
    missingHandlerModules,
  };
}
