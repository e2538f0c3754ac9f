/**
 * A configuration change: applicationHost.config (or a web.config) changed. WAS is notified and reads
 * it, W3SVC updates HTTP.sys (URL groups, queues), the kernel cache is flushed, and a pool whose
 * settings changed is recycled unless recycling disallowRotationOnConfigChange="true" (fact sheet §7).
 * A pool whose autoStart changed is stopped or started, and a site whose serverAutoStart changed loses
 * or gets back its URL group: that is what IIS Manager's Stop and Start write. ASP.NET restarts an
 * application's AppDomain when its web.config changes.
 */
import type { ApplicationHostConfig, LoadedWorkspace } from '../config/index.ts';
import { emit } from './emit.ts';
import { buildUrlGroups, sameSites } from './httpSys/urlGroups.ts';
import { failQueued } from './requestFlow.ts';
import { SiteContent } from './siteContent.ts';
import type { SimulationState } from './state.ts';
import { startApplicationPool, stopApplicationPool } from './was/poolState.ts';
import { createPoolRuntimes, recycleWorker, startWorker, stopWorker } from './was/was.ts';

function sameFiles(a: LoadedWorkspace['files'], b: LoadedWorkspace['files']): boolean {
  if (a.size !== b.size) return false;
  for (const [root, files] of a) {
    const other = b.get(root);
    if (other === files) continue;
    if (other === undefined || other.size !== files.size) return false;
    for (const [name, text] of files) if (other.get(name) !== text) return false;
  }
  return true;
}

/** Sites that were started and are now stopped, and the other way round (by name, as W3SVC keys them). */
function siteStateChanges(before: ApplicationHostConfig, after: ApplicationHostConfig): { stopped: string[]; started: string[] } {
  if (sameSites(before.sites.sites, after.sites.sites)) return { stopped: [], started: [] };
  const was = new Map(before.sites.sites.map((site) => [site.name.toLowerCase(), site.serverAutoStart]));
  const stopped: string[] = [];
  const started: string[] = [];
  for (const site of after.sites.sites) {
    const previous = was.get(site.name.toLowerCase());
    if (previous === true && !site.serverAutoStart) stopped.push(site.name);
    if (previous === false && site.serverAutoStart) started.push(site.name);
  }
  return { stopped, started };
}

function describeHttpSysUpdate(prefixes: number, sites: { stopped: string[]; started: string[] }): string {
  const quote = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');
  const parts = [`W3SVC updates HTTP.sys: ${String(prefixes)} URL prefixes; the kernel cache is flushed.`];
  if (sites.stopped.length > 0) parts.push(`It removes the URL group of ${quote(sites.stopped)} (stopped: serverAutoStart="false").`);
  if (sites.started.length > 0) parts.push(`It adds the URL group of ${quote(sites.started)} (started: serverAutoStart="true").`);
  return parts.join(' ');
}

export function applyConfiguration(state: SimulationState, next: LoadedWorkspace): void {
  const contentChanged = !sameFiles(state.workspace.files, next.files);
  const sites = siteStateChanges(state.workspace.model, next.model);
  state.workspace = next;
  if (next.users !== undefined) state.users = next.users;
  state.content = new SiteContent(next);
  state.urlGroups = buildUrlGroups(next.model, state.urlGroups);
  state.effectiveCache.clear();
  state.routeCache.clear();
  state.arrivalCache.clear();
  state.counters.kernelUrisFlushed += state.kernelCache.size;
  state.kernelCache.clear();
  state.recentHits.clear();
  if (state.tracing) {
    // The seeds' path of a change: applicationHost.config -> WAS -> W3SVC -> HTTP.sys.
    emit(state, undefined, 'applicationHost.config', 'WAS_READ_CONFIG', { detail: 'The configuration changed: WAS is notified and reads it.' });
    emit(state, undefined, 'WAS', 'WAS_READ_CONFIG', { detail: `WAS passes the new configuration to the listener adapters (${String(next.model.sites.sites.length)} sites, ${String(next.model.applicationPools.pools.length)} pools).` });
    emit(state, undefined, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS', { detail: describeHttpSysUpdate(state.urlGroups.bindings.length, sites) });
  }
  const fresh = createPoolRuntimes(next.model);
  for (const [key, runtime] of fresh) {
    const existing = state.pools.get(key);
    if (existing === undefined) {
      state.pools.set(key, runtime);
      if (runtime.state === 'Started' && runtime.settings.startMode === 'AlwaysRunning') startWorker(state, runtime, undefined, 'startMode="AlwaysRunning"');
      continue;
    }
    // An untouched pool keeps its settings object across an incremental re-read (config/schema/elementMemo.ts).
    const changed = existing.settings !== runtime.settings && JSON.stringify(existing.settings) !== JSON.stringify(runtime.settings);
    const autoStartBefore = existing.settings.autoStart;
    existing.settings = runtime.settings;
    if (contentChanged) for (const worker of existing.workers) worker.appDomains.clear();
    for (const worker of existing.workers) worker.configCache.clear();
    // IIS Manager's Stop and Start on a pool write its autoStart (applicationPools/add autoStart).
    if (autoStartBefore !== runtime.settings.autoStart) {
      if (runtime.settings.autoStart) startApplicationPool(state, existing, 'autoStart="true"');
      else stopApplicationPool(state, existing, 'autoStart="false"');
      continue;
    }
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
