/**
 * The Inspector's live values at the playback position, not at the end of the run: the runtime store
 * holds what the events up to the playback index say (graph/runtime.ts), the same values the graph's
 * nodes show, so paused mid-load the Inspector's queue count is the queue node's meter.
 */
import type { ReactNode } from 'react';
import type { ApplicationPool } from '../../config/index.ts';
import { poolState } from '../graph/architecture.ts';
import { useRuntime, useSimulation } from '../hooks/stores.ts';

function Row({ name, value }: { name: string; value: ReactNode }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{value}</td>
    </tr>
  );
}

/** "At 0.50 ms": the playback position the values belong to. */
function Moment() {
  const now = useRuntime((s) => s.now);
  return <caption>At {formatTime(now)} of the playback</caption>;
}

export function formatTime(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function PoolLiveState({ pool }: { pool: ApplicationPool }) {
  const key = pool.name.toLowerCase();
  const waiting = useRuntime((s) => s.queueDepth.get(key) ?? 0);
  const runtimeState = useRuntime((s) => s.poolStates.get(key));
  const recycles = useRuntime((s) => s.recycles.get(key) ?? 0);
  const workers = useRuntime((s) => s.workers);
  const { state } = poolState(pool.autoStart, runtimeState);
  const own = [...workers].filter(([, worker]) => worker.pool.toLowerCase() === key);
  return (
    <table className="props">
      <Moment />
      <tbody>
        <Row name="State" value={state} />
        <Row name="Requests waiting" value={`${String(waiting)} of queueLength ${String(pool.queueLength)}`} />
        <Row name="Worker processes" value={own.length === 0 ? 'none' : own.map(([pid, worker]) => `${String(pid)} (${worker.state}, ${String(worker.served)} served)`).join(', ')} />
        <Row name="Recycles" value={recycles} />
      </tbody>
    </table>
  );
}

export function WorkerLiveState({ pid }: { pid: number }) {
  const worker = useRuntime((s) => s.workers.get(pid));
  // AppDomain names come from the engine's snapshot; whether one exists yet, from the playback.
  const appDomains = useSimulation((s) => s.snapshot?.applicationPools.find((p) => p.workers.some((w) => w.pid === pid))?.workers.find((w) => w.pid === pid)?.appDomains);
  if (worker === undefined) {
    return <p className="hint">This worker process is not running at this moment of the playback: WAS has not started it yet, or it has since been shut down (idle, recycled or ended).</p>;
  }
  return (
    <table className="props">
      <Moment />
      <tbody>
        <Row name="Application pool" value={worker.pool} />
        <Row name="State" value={worker.state} />
        <Row name="Uptime" value={formatTime(worker.uptime)} />
        <Row name="Requests in flight" value={worker.inFlight} />
        <Row name="Requests served" value={worker.served} />
        <Row name="AppDomains" value={!worker.appDomain ? 'none (no managed request yet)' : appDomains !== undefined && appDomains.length > 0 ? appDomains.join(', ') : 'created'} />
      </tbody>
    </table>
  );
}

export function KernelCacheLiveState() {
  const cache = useRuntime((s) => s.kernelCache);
  return (
    <table className="props">
      <Moment />
      <tbody>
        <Row name="Entries" value={cache.entries} />
        <Row name="Hits / misses" value={`${String(cache.hits)} / ${String(cache.misses)}`} />
      </tbody>
    </table>
  );
}
