/** A read-only picture of the simulated server now, for the graph and the inspector. */
import type { Counters, SimulationState } from './state.ts';

export interface WorkerSnapshot {
  pid: number;
  state: 'starting' | 'ready' | 'draining' | 'stopped';
  startedAt: number;
  uptime: number;
  requestsInFlight: number;
  requestsServed: number;
  appDomains: string[];
  /** Suspended by WAS after idleTimeout with idleTimeoutAction="Suspend" (IIS 8.5+); its next request resumes it. */
  suspended?: boolean;
}

export interface ApplicationPoolSnapshot {
  name: string;
  state: 'Started' | 'Stopped';
  stoppedReason: string | undefined;
  managedPipelineMode: string;
  managedRuntimeVersion: string;
  queueDepth: number;
  queueLength: number;
  workers: WorkerSnapshot[];
  recycles: number;
  workersCreated: number;
  recentFailures: number;
}

/** A site as W3SVC runs it: Started with a URL group in HTTP.sys, or Stopped (serverAutoStart="false"). */
export interface SiteSnapshot {
  name: string;
  id: number;
  state: 'Started' | 'Stopped';
}

export interface KernelCacheSnapshot {
  url: string;
  site: string;
  status: number;
  bytes: number;
  hits: number;
}

export interface SimulationSnapshot {
  now: number;
  applicationPools: ApplicationPoolSnapshot[];
  sites: SiteSnapshot[];
  kernelCache: KernelCacheSnapshot[];
  requestsInFlight: number;
  counters: Counters;
}

export function takeSnapshot(state: SimulationState): SimulationSnapshot {
  return {
    now: state.now,
    applicationPools: [...state.pools.values()].map((pool) => ({
      name: pool.name,
      state: pool.state,
      stoppedReason: pool.stoppedReason,
      managedPipelineMode: pool.settings.managedPipelineMode,
      managedRuntimeVersion: pool.settings.managedRuntimeVersion,
      queueDepth: pool.queue.length,
      queueLength: pool.settings.queueLength,
      workers: pool.workers.map((w) => ({
        pid: w.pid,
        state: w.state,
        startedAt: w.startedAt,
        uptime: state.now - w.startedAt,
        requestsInFlight: w.inFlight,
        requestsServed: w.requestsServed,
        appDomains: [...w.appDomains],
        suspended: w.suspended,
      })),
      recycles: pool.recycles,
      workersCreated: pool.workersCreated,
      recentFailures: pool.failures.length,
    })),
    sites: state.workspace.model.sites.sites.map((site) => ({ name: site.name, id: site.id, state: site.serverAutoStart ? 'Started' : 'Stopped' })),
    kernelCache: [...state.kernelCache.values()].map((e) => ({ url: e.key.split('|')[1] ?? e.key, site: e.site, status: e.status, bytes: e.bytes, hits: e.hits })),
    requestsInFlight: state.inFlightCount,
    counters: structuredCloneCounters(state.counters),
  };
}

function structuredCloneCounters(counters: Counters): Counters {
  return { ...counters, totalMethodRequests: { ...counters.totalMethodRequests }, statusClasses: { ...counters.statusClasses } };
}
