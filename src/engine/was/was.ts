/**
 * WAS: application pools and their w3wp.exe worker processes (features-of-the-windows-process-
 * activation-service-was.md; fact sheet §5, §7). On-demand start when a request waits in a queue with no
 * worker; web gardens (maxProcesses) served round-robin; idle timeout; periodic and request-count
 * recycling, overlapping unless disallowOverlappingRotation; health pings; rapid-fail protection, which
 * takes a pool offline after rapidFailProtectionMaxCrashes failures within rapidFailProtectionInterval.
 */
import { iisAtLeast, type ApplicationHostConfig } from '../../config/index.ts';
import { emit } from '../emit.ts';
import { flushKernelCacheFor } from '../httpSys/httpSys.ts';
import { jitter } from '../random.ts';
import type { InFlightRequest, PoolRuntime, SimulationState, WorkerProcess } from '../state.ts';

export function createPoolRuntimes(model: ApplicationHostConfig): Map<string, PoolRuntime> {
  const pools = new Map<string, PoolRuntime>();
  for (const settings of model.applicationPools.pools) {
    pools.set(settings.name.toLowerCase(), {
      name: settings.name,
      settings,
      state: settings.autoStart ? 'Started' : 'Stopped',
      stoppedReason: settings.autoStart ? undefined : 'Disabled',
      queue: [],
      workers: [],
      nextWorker: 0,
      failures: [],
      recycles: 0,
      workersCreated: 0,
      arrivals: 0,
      arrivalsAtLastSample: 0,
      rejected: 0,
    });
  }
  return pools;
}

export function liveWorkers(pool: PoolRuntime): WorkerProcess[] {
  return pool.workers.filter((w) => w.state === 'starting' || w.state === 'ready');
}

/** The most workers WAS runs for the pool: maxProcesses, where 0 means one per NUMA node (one here). */
export function maxWorkers(pool: PoolRuntime): number {
  return Math.max(1, pool.settings.processModel.maxProcesses);
}

/** WAS creates a w3wp.exe for the pool; it reports ready after process creation and initialization. */
export function startWorker(state: SimulationState, pool: PoolRuntime, flight: InFlightRequest | undefined, why: string): WorkerProcess {
  const pid = state.nextPid;
  state.nextPid += 4 + Math.floor(state.random.costs.next() * 400) * 4;
  const worker: WorkerProcess = {
    pid,
    pool: pool.name,
    state: 'starting',
    startedAt: state.now,
    readyAt: Number.POSITIVE_INFINITY,
    inFlight: 0,
    requestsServed: 0,
    lastActivity: state.now,
    appDomains: new Set(),
    configCache: new Set(),
    filterLoads: new Map(),
    tokenCache: new Map(),
    hangsAt: Number.POSITIVE_INFINITY,
    idleCheckPending: false,
    recyclePending: false,
    suspended: false,
  };
  pool.workers.push(worker);
  pool.workersCreated++;
  state.counters.workerProcessesCreated++;
  const settings = pool.settings;
  if (state.tracing) {
    // WAS reads the pool's definition and writes the worker's own configuration file
    // (C:\inetpub\temp\appPools\<pool>\<pool>.config, features-of-the-windows-process-activation-service-was.md);
    // W3SVC attaches the new process to the pool's HTTP.sys request queue.
    emit(state, flight, 'applicationHost.config', 'WAS_READ_CONFIG', {
      detail: `WAS reads ${pool.name}'s settings from applicationHost.config and writes C:\\inetpub\\temp\\appPools\\${pool.name}\\${pool.name}.config for the new worker.`,
    });
    if (flight?.nonHttp !== true) {
      emit(state, flight, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS', {
        data: { AppPool: pool.name },
        detail: `W3SVC (the HTTP listener adapter) has HTTP.sys hold the ${pool.name} request queue for the process WAS starts.`,
      });
    }
    const bitness = settings.enable32BitAppOnWin64 ? ' (32-bit, WOW64)' : '';
    emit(state, flight, 'WAS', 'WAS_START_WORKER', {
      pid,
      data: { AppPool: pool.name },
      detail: `WAS starts w3wp.exe (pid ${String(pid)}) for ${pool.name}${bitness}: ${why}. w3wp.exe -ap "${pool.name}" -v "${settings.managedRuntimeVersion}" runs as ${settings.processModel.identityType === 'ApplicationPoolIdentity' ? `IIS APPPOOL\\${pool.name}` : settings.processModel.identityType}.`,
    });
  }
  const costs = state.costs;
  const startup = jitter(state.random.costs, costs.workerProcessCreate, costs.spread) + jitter(state.random.costs, costs.workerInitialize, costs.spread);
  const fails = state.failures.failStartup?.pool.toLowerCase() === pool.name.toLowerCase();
  const limit = settings.processModel.startupTimeLimit;
  if (fails || startup > limit) {
    state.queue.push(state.now + Math.min(startup, limit), { type: 'workerStartupFailed', worker });
  } else {
    state.queue.push(state.now + startup, { type: 'workerReady', worker });
  }
  const missPings = state.failures.missPings;
  if (missPings !== undefined && missPings.pool.toLowerCase() === pool.name.toLowerCase()) worker.hangsAt = state.now + missPings.afterMs;
  return worker;
}

export function onWorkerReady(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime): void {
  if (worker.state !== 'starting') return;
  worker.state = 'ready';
  worker.readyAt = state.now;
  worker.lastActivity = state.now;
  if (state.tracing) {
    emit(state, pool.queue[0], 'w3wp.exe', 'WORKER_READY', {
      pid: worker.pid,
      detail: `w3wp.exe ${String(worker.pid)} loaded the IIS core and the global modules and registered on the ${pool.name} request queue.`,
    });
  }
  const time = pool.settings.recycling.periodicRestart.time;
  if (time > 0) state.queue.push(state.now + time, { type: 'periodicRecycle', worker });
  if (pool.settings.processModel.pingingEnabled) state.queue.push(state.now + pool.settings.processModel.pingInterval, { type: 'pingCheck', worker });
  scheduleIdleCheck(state, worker, pool);
  // An overlapping recycle: the old worker stops taking requests once the new one is ready.
  for (const other of pool.workers) {
    if (other === worker || !other.recyclePending || other.state !== 'ready') continue;
    other.state = 'draining';
    state.queue.push(state.now, { type: 'drainCheck', worker: other });
  }
}

/** One pending idle check per worker; when it fires early (the worker was busy since), it is moved on. */
export function scheduleIdleCheck(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime): void {
  const idleTimeout = pool.settings.processModel.idleTimeout;
  if (idleTimeout <= 0 || worker.idleCheckPending || worker.suspended) return;
  worker.idleCheckPending = true;
  state.queue.push(worker.lastActivity + idleTimeout, { type: 'idleCheck', worker });
}

export function onIdleCheck(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime): void {
  worker.idleCheckPending = false;
  if (worker.state !== 'ready') return;
  const idleTimeout = pool.settings.processModel.idleTimeout;
  if (worker.inFlight > 0 || state.now < worker.lastActivity + idleTimeout) {
    scheduleIdleCheck(state, worker, pool);
    return;
  }
  const action = pool.settings.processModel.idleTimeoutAction;
  // idleTimeoutAction="Suspend" (IIS 8.5, "Idle Worker Process Page-Out"; the processModel reference):
  // WAS keeps the idle process, suspended and paged out, and the next request resumes it instead of
  // starting a new one. Before IIS 8.5 the attribute does not exist: the process is terminated.
  const suspends = action === 'Suspend' && iisAtLeast(state.workspace.iisVersion, '8.5');
  if (state.tracing) {
    const idle = `w3wp.exe ${String(worker.pid)} was idle for processModel idleTimeout (${formatMinutes(pool.settings.processModel.idleTimeout)})`;
    if (suspends) {
      emit(state, undefined, 'WAS', 'WAS_WORKER_SUSPENDED', {
        pid: worker.pid,
        data: { AppPool: pool.name },
        detail: `${idle}: WAS suspends it (idleTimeoutAction Suspend). Its memory is paged out; the next request to ${pool.name} resumes it, with no cold start.`,
      });
    } else {
      const why = action === 'Suspend' ? ` (idleTimeoutAction Suspend needs IIS 8.5; this server is IIS ${state.workspace.iisVersion})` : ` (idleTimeoutAction ${action})`;
      emit(state, undefined, 'WAS', 'WAS_IDLE_SHUTDOWN', { pid: worker.pid, detail: `${idle}: WAS shuts it down${why}.` });
    }
  }
  if (suspends) {
    worker.suspended = true;
    return;
  }
  stopWorker(state, worker, pool, 'idle');
}

/**
 * A request reaches a suspended worker: it resumes (WORKER_RESUMED) and serves it. Returns the time
 * resuming adds before the worker takes the request; 0 for a worker that was not suspended.
 */
export function resumeIfSuspended(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime, flight: InFlightRequest): number {
  if (!worker.suspended) return 0;
  worker.suspended = false;
  const cost = jitter(state.random.costs, state.costs.workerResume, state.costs.spread);
  if (state.tracing) {
    emit(state, flight, 'w3wp.exe', 'WORKER_RESUMED', {
      pid: worker.pid,
      data: { AppPool: pool.name },
      detail: `w3wp.exe ${String(worker.pid)} of ${pool.name} was suspended (idleTimeoutAction Suspend): it resumes for this request, no new process is started.`,
    });
  }
  return cost;
}

function formatMinutes(ms: number): string {
  return `${String(Math.round(ms / 60000))} min`;
}

export function stopWorker(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime, why: string): void {
  if (worker.state === 'stopped') return;
  worker.state = 'stopped';
  pool.workers = pool.workers.filter((w) => w !== worker);
  if (state.tracing) emit(state, undefined, 'WAS', 'WAS_WORKER_EXITED', { pid: worker.pid, detail: `w3wp.exe ${String(worker.pid)} of ${pool.name} exited (${why}).` });
}

/**
 * Recycles a worker. Overlapping (the default): a new worker starts and the old one drains its requests,
 * then exits. With disallowOverlappingRotation the old one drains first.
 */
export function recycleWorker(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime, why: string): void {
  if (worker.state !== 'ready' || worker.recyclePending) return;
  pool.recycles++;
  state.counters.applicationPoolRecycles++;
  if (state.tracing) emit(state, undefined, 'WAS', 'WAS_RECYCLE', { pid: worker.pid, data: { AppPool: pool.name }, detail: `WAS recycles w3wp.exe ${String(worker.pid)} of ${pool.name}: ${why}.` });
  if (!pool.settings.recycling.disallowOverlappingRotation && pool.state === 'Started') {
    // Overlapping: the old worker keeps taking requests until its replacement is ready (§5).
    worker.recyclePending = true;
    startWorker(state, pool, undefined, `overlapping recycle of ${String(worker.pid)}`);
    return;
  }
  worker.state = 'draining';
  state.queue.push(state.now, { type: 'drainCheck', worker });
}

export function onDrainCheck(state: SimulationState, worker: WorkerProcess, pool: PoolRuntime): void {
  if (worker.state !== 'draining' || worker.inFlight > 0) return;
  stopWorker(state, worker, pool, 'recycled');
  if (pool.settings.recycling.disallowOverlappingRotation && pool.queue.length > 0 && liveWorkers(pool).length === 0 && pool.state === 'Started') {
    startWorker(state, pool, undefined, 'the recycled worker has exited');
  }
}

/**
 * A worker failed (crash, startup failure, missed pings). Rapid-fail protection counts failures within
 * rapidFailProtectionInterval; at rapidFailProtectionMaxCrashes the pool stops (HTTPERR AppOffline).
 */
export function recordWorkerFailure(state: SimulationState, pool: PoolRuntime): boolean {
  state.counters.workerProcessFailures++;
  const failure = pool.settings.failure;
  pool.failures.push(state.now);
  pool.failures = pool.failures.filter((t) => state.now - t < failure.rapidFailProtectionInterval);
  if (failure.rapidFailProtection && pool.failures.length >= failure.rapidFailProtectionMaxCrashes && pool.state === 'Started') {
    pool.state = 'Stopped';
    pool.stoppedReason = 'AppOffline';
    for (const worker of [...pool.workers]) stopWorker(state, worker, pool, 'its pool was stopped by rapid-fail protection');
    flushKernelCacheFor(state, pool.name);
    if (state.tracing) {
      emit(state, undefined, 'WAS', 'WAS_RAPID_FAIL_PROTECTION', {
        detail: `${String(pool.failures.length)} worker failures within rapidFailProtectionInterval (${formatMinutes(failure.rapidFailProtectionInterval)}): rapid-fail protection stops ${pool.name}. HTTP.sys now answers 503.`,
      });
    }
    return true;
  }
  return false;
}
