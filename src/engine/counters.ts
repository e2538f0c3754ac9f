/**
 * Performance counters, named as perfmon names them (fact sheet §8): Web Service and Web Service Cache
 * (W3SVC), APP_POOL_WAS (WAS, per pool), HTTP Service Request Queues (HTTP.sys, per pool). Sampled on
 * virtual time: each sample holds the raw totals and the rates since the previous sample.
 */
import type { SimulationState } from './state.ts';

export interface PerformanceCounters {
  /** Virtual time of the sample. */
  t: number;
  webService: {
    'Total Method Requests': number;
    'Total Method Requests/sec': number;
    'Total Get Requests': number;
    'Total Post Requests': number;
    'Total Not Found Errors': number;
    'Total Anonymous Users': number;
    'Total NonAnonymous Users': number;
    'Total Bytes Sent': number;
    'Total Bytes Received': number;
    'Bytes Sent/sec': number;
    'Current Connections': number;
  };
  webServiceCache: {
    'Kernel: URI Cache Hits': number;
    'Kernel: URI Cache Misses': number;
    'Kernel: URI Cache Hits %': number;
    'Kernel: Current URIs Cached': number;
    'Kernel: Total URIs Cached': number;
    'Kernel: Total Flushed URIs': number;
  };
  applicationPools: Record<
    string,
    {
      'Current Application Pool State': number;
      'Current Worker Processes': number;
      'Maximum Worker Processes': number;
      'Total Worker Processes Created': number;
      'Total Application Pool Recycles': number;
      'Recent Worker Process Failures': number;
    }
  >;
  requestQueues: Record<string, { CurrentQueueSize: number; RejectedRequests: number; MaxQueueItemAge: number; ArrivalRate: number }>;
}

/** Pool state numbers of APP_POOL_WAS "Current Application Pool State": 3 Running, 5 Disabled. */
const POOL_STATE = { Started: 3, Stopped: 5 } as const;

export function readCounters(state: SimulationState, previous: PerformanceCounters | undefined): PerformanceCounters {
  const c = state.counters;
  const seconds = previous === undefined ? 0 : (state.now - previous.t) / 1000;
  const rate = (now: number, before: number | undefined): number => (seconds > 0 && before !== undefined ? Math.round(((now - before) / seconds) * 10) / 10 : 0);
  const applicationPools: PerformanceCounters['applicationPools'] = {};
  const requestQueues: PerformanceCounters['requestQueues'] = {};
  for (const pool of state.pools.values()) {
    applicationPools[pool.name] = {
      'Current Application Pool State': POOL_STATE[pool.state],
      'Current Worker Processes': pool.workers.length,
      'Maximum Worker Processes': Math.max(1, pool.settings.processModel.maxProcesses),
      'Total Worker Processes Created': pool.workersCreated,
      'Total Application Pool Recycles': pool.recycles,
      'Recent Worker Process Failures': pool.failures.length,
    };
    let oldest = 0;
    for (const flight of pool.queue) oldest = Math.max(oldest, state.now - flight.result.startTime);
    requestQueues[pool.name] = {
      CurrentQueueSize: pool.queue.length,
      RejectedRequests: pool.rejected,
      MaxQueueItemAge: Math.round(oldest),
      ArrivalRate: rate(pool.arrivals, previous === undefined ? undefined : pool.arrivalsAtLastSample),
    };
    pool.arrivalsAtLastSample = pool.arrivals;
  }
  const hits = c.kernelUriCacheHits;
  const misses = c.kernelUriCacheMisses;
  return {
    t: state.now,
    webService: {
      'Total Method Requests': c.totalRequests,
      'Total Method Requests/sec': rate(c.totalRequests, previous?.webService['Total Method Requests']),
      'Total Get Requests': c.totalMethodRequests.GET ?? 0,
      'Total Post Requests': c.totalMethodRequests.POST ?? 0,
      'Total Not Found Errors': c.totalNotFoundErrors,
      'Total Anonymous Users': c.anonymousRequests,
      'Total NonAnonymous Users': c.nonAnonymousRequests,
      'Total Bytes Sent': c.bytesSent,
      'Total Bytes Received': c.bytesReceived,
      'Bytes Sent/sec': rate(c.bytesSent, previous?.webService['Total Bytes Sent']),
      'Current Connections': state.inFlightCount,
    },
    webServiceCache: {
      'Kernel: URI Cache Hits': hits,
      'Kernel: URI Cache Misses': misses,
      'Kernel: URI Cache Hits %': hits + misses === 0 ? 0 : Math.round((hits / (hits + misses)) * 1000) / 10,
      'Kernel: Current URIs Cached': state.kernelCache.size,
      'Kernel: Total URIs Cached': c.kernelUrisCached,
      'Kernel: Total Flushed URIs': c.kernelUrisFlushed,
    },
    applicationPools,
    requestQueues,
  };
}
