/**
 * Starting, stopping and recycling an application pool, as WAS does it when IIS Manager's Start, Stop
 * and Recycle are used or applicationHost.config changes a pool's autoStart (fact sheet §5, §7;
 * features-of-the-windows-process-activation-service-was.md).
 */
import { emit } from '../emit.ts';
import { flushKernelCacheFor } from '../httpSys/httpSys.ts';
import { failQueued } from '../requestFlow.ts';
import type { PoolRuntime, SimulationState } from '../state.ts';
import { recycleWorker, startWorker, stopWorker } from './was.ts';

/**
 * WAS stops the pool: HTTP.sys disables its request queue, so what waits in it and every later request
 * gets 503 (HTTPERR Disabled, KB 820729); its worker processes finish the requests they hold and exit
 * (a graceful shutdown, within processModel shutdownTimeLimit). `how`: what stopped it, for the trace.
 */
export function stopApplicationPool(state: SimulationState, pool: PoolRuntime, how: string): void {
  if (pool.state === 'Stopped' && pool.stoppedReason === 'Disabled') return;
  pool.state = 'Stopped';
  pool.stoppedReason = 'Disabled';
  if (state.tracing) {
    emit(state, undefined, 'WAS', 'WAS_POOL_STATE', {
      data: { AppPool: pool.name, State: 'Stopped' },
      detail: `WAS stops ${pool.name} (${how}): HTTP.sys disables its request queue, so its requests get 503 (HTTPERR Disabled); its worker processes finish what they hold and exit.`,
    });
  }
  for (const worker of [...pool.workers]) {
    if (worker.inFlight > 0 && (worker.state === 'ready' || worker.state === 'draining')) {
      worker.state = 'draining';
      state.queue.push(state.now, { type: 'drainCheck', worker });
    } else stopWorker(state, worker, pool, `its application pool was stopped (${how})`);
  }
  flushKernelCacheFor(state, pool.name);
  failQueued(state, pool);
}

/**
 * WAS starts the pool: HTTP.sys enables its request queue again; its first request starts a w3wp.exe,
 * or WAS starts one now with startMode="AlwaysRunning". Rapid-fail protection's count starts afresh.
 */
export function startApplicationPool(state: SimulationState, pool: PoolRuntime, how: string): void {
  if (pool.state === 'Started') return;
  pool.state = 'Started';
  pool.stoppedReason = undefined;
  pool.failures = [];
  const alwaysRunning = pool.settings.startMode === 'AlwaysRunning';
  if (state.tracing) {
    emit(state, undefined, 'WAS', 'WAS_POOL_STATE', {
      data: { AppPool: pool.name, State: 'Started' },
      detail: `WAS starts ${pool.name} (${how}): HTTP.sys enables its request queue; ${alwaysRunning ? 'startMode="AlwaysRunning" starts a worker process now' : 'the first request to it starts a worker process'}.`,
    });
  }
  if (alwaysRunning) startWorker(state, pool, undefined, 'startMode="AlwaysRunning"');
}

/**
 * IIS Manager's Recycle: WAS recycles each running worker process of the pool, overlapping unless
 * recycling disallowOverlappingRotation (the replacement starts first; the old one drains, then exits).
 * Returns how many workers it recycled; a pool without a running worker has nothing to recycle.
 */
export function recycleApplicationPool(state: SimulationState, pool: PoolRuntime, why: string): number {
  const running = pool.workers.filter((worker) => worker.state === 'ready' && !worker.recyclePending);
  if (running.length === 0 && state.tracing) {
    emit(state, undefined, 'WAS', 'WAS_RECYCLE', {
      data: { AppPool: pool.name },
      detail: `${pool.name} has no running worker process to recycle (${why}): ${pool.state === 'Stopped' ? 'the pool is stopped' : 'its next request starts one'}.`,
    });
  }
  for (const worker of running) recycleWorker(state, worker, pool, why);
  return running.length;
}

/**
 * True while WAS is between states: a worker process starting or draining (an overlapped worker waits
 * for its replacement, which is starting).
 */
export function workersInTransition(state: SimulationState): boolean {
  for (const pool of state.pools.values()) {
    for (const worker of pool.workers) if (worker.state === 'starting' || worker.state === 'draining') return true;
  }
  return false;
}
