/**
 * A configuration change: applicationHost.config (or a web.config) changed. WAS is notified and reads
 * it, W3SVC updates HTTP.sys (URL groups, queues), the kernel cache is flushed, and a pool whose
 * settings changed is recycled unless recycling disallowRotationOnConfigChange="true" (fact sheet §7).
 * ASP.NET restarts an application's AppDomain when its web.config changes.
 */
import type { LoadedWorkspace } from '../config/index.ts';
import { emit } from './emit.ts';
import { buildUrlGroups } from './httpSys/urlGroups.ts';
import { failQueued } from './requestFlow.ts';
import { SiteContent } from './siteContent.ts';
import type { SimulationState } from './state.ts';
import { createPoolRuntimes, recycleWorker, startWorker, stopWorker } from './was/was.ts';

function sameFiles(a: LoadedWorkspace['files'], b: LoadedWorkspace['files']): boolean {
  if (a.size !== b.size) return false;
  for (const [root, files] of a) {
    const other = b.get(root);
    if (other === undefined || other.size !== files.size) return false;
    for (const [name, text] of files) if (other.get(name) !== text) return false;
  }
  return true;
}

export function applyConfiguration(state: SimulationState, next: LoadedWorkspace): void {
  const contentChanged = !sameFiles(state.workspace.files, next.files);
  state.workspace = next;
  if (next.users !== undefined) state.users = next.users;
  state.content = new SiteContent(next);
  state.urlGroups = buildUrlGroups(next.model);
  state.effectiveCache.clear();
  state.routeCache.clear();
  state.arrivalCache.clear();
  state.counters.kernelUrisFlushed += state.kernelCache.size;
  state.kernelCache.clear();
  state.recentHits.clear();
  if (state.tracing) {
    emit(state, undefined, 'applicationHost.config', 'WAS_READ_CONFIG', { detail: 'The configuration changed: WAS is notified and reads it.' });
    emit(state, undefined, 'WAS', 'WAS_READ_CONFIG', { detail: `WAS passes the new configuration to the listener adapters (${String(next.model.sites.sites.length)} sites, ${String(next.model.applicationPools.pools.length)} pools).` });
    emit(state, undefined, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS', { detail: `W3SVC updates HTTP.sys: ${String(state.urlGroups.bindings.length)} URL prefixes; the kernel cache is flushed.` });
  }
  const fresh = createPoolRuntimes(next.model);
  for (const [key, runtime] of fresh) {
    const existing = state.pools.get(key);
    if (existing === undefined) {
      state.pools.set(key, runtime);
      if (runtime.state === 'Started' && runtime.settings.startMode === 'AlwaysRunning') startWorker(state, runtime, undefined, 'startMode="AlwaysRunning"');
      continue;
    }
    const changed = JSON.stringify(existing.settings) !== JSON.stringify(runtime.settings);
    existing.settings = runtime.settings;
    if (contentChanged) for (const worker of existing.workers) worker.appDomains.clear();
    for (const worker of existing.workers) worker.configCache.clear();
    if (changed && !runtime.settings.recycling.disallowRotationOnConfigChange) {
      for (const worker of [...existing.workers]) recycleWorker(state, worker, existing, 'its application pool settings changed (ConfigChange)');
    }
  }
  for (const [key, pool] of state.pools) {
    if (fresh.has(key)) continue;
    for (const worker of [...pool.workers]) stopWorker(state, worker, pool, 'its application pool was removed');
    pool.state = 'Stopped';
    pool.stoppedReason = 'Disabled';
    failQueued(state, pool);
    state.pools.delete(key);
  }
}
