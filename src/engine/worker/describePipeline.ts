/**
 * The integrated pipeline of a URL as a learner sees it: each notification in order, with the modules
 * that run in it (native or managed, post-events marked). Uses the same plan the engine runs.
 */
import { effectiveConfig, type LoadedWorkspace } from '../../config/index.ts';
import { NOTIFICATIONS, type Notification } from '../trace.ts';
import { isManagedHandler, selectHandler } from './handlerMapping.ts';
import { buildPipelinePlan } from './pipelinePlan.ts';

export interface PipelineStage {
  notification: Notification | 'PRE_BEGIN_REQUEST';
  modules: { name: string; managed: boolean; isPost: boolean }[];
}

export interface PipelineDescription {
  handler: string | undefined;
  stages: PipelineStage[];
}

export function describePipeline(workspace: LoadedWorkspace, siteName: string, path: string, method = 'GET'): PipelineDescription | undefined {
  const result = effectiveConfig(workspace, siteName, path);
  if (!result.ok) return undefined;
  const effective = result.effective;
  const pool = workspace.model.applicationPools.pools.find((p) => p.name.toLowerCase() === effective.application.applicationPool.toLowerCase());
  const context = {
    managedPipelineMode: pool?.managedPipelineMode ?? 'Integrated',
    managedRuntimeVersion: pool?.managedRuntimeVersion ?? 'v4.0',
    bitness: pool?.enable32BitAppOnWin64 === true ? (32 as const) : (64 as const),
  };
  const entry = { kind: path.endsWith('/') ? ('directory' as const) : ('file' as const), size: 0, text: '', hidden: false, readers: undefined };
  const choice = selectHandler(effective.config.handlers.entries, path, method, entry, context);
  const plan = buildPipelinePlan(effective, choice.handler, context, isManagedHandler(choice.handler), workspace.iisVersion);
  const stages: PipelineStage[] = [{ notification: 'PRE_BEGIN_REQUEST', modules: plan.preBeginRequest.map((name) => ({ name, managed: false, isPost: false })) }];
  stages.push({ notification: 'MAP_PATH', modules: plan.mapPath.map((s) => ({ name: s.module, managed: false, isPost: false })) });
  // Every notification, in order, even those no module subscribes to: the pipeline's shape.
  for (const notification of NOTIFICATIONS) {
    stages.push({
      notification,
      modules: plan.steps.filter((s) => s.notification === notification).map((s) => ({ name: s.module, managed: s.managed, isPost: s.isPost })),
    });
  }
  stages.push({ notification: 'SEND_RESPONSE', modules: plan.sendResponse.map((s) => ({ name: s.module, managed: s.managed, isPost: false })) });
  return { handler: choice.handler?.name, stages };
}
