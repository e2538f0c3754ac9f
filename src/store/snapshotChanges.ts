/**
 * A snapshot as the engine's worker sends it: the pools and sites that changed since the snapshot it
 * sent before, rather than all of them. On the 5,000-site benchmark a whole snapshot is 1.2 MB, and
 * taking it off the message cost the page ~40-75 ms per reply; a configuration change or a request
 * changes a few pools. The page puts the snapshot back together from the one it has, keeping the
 * objects of unchanged pools and sites, so that what draws them need not draw them again.
 */
import type { ApplicationPoolSnapshot, SimulationSnapshot, SiteSnapshot, WorkerSnapshot } from '../engine/index.ts';

/** A list of the same length and names as the previous one, with the entries that differ. */
export interface ListChanges<T> {
  length: number;
  changed: [number, T][];
}

export type WireSnapshot = Omit<SimulationSnapshot, 'applicationPools' | 'sites'> & {
  applicationPools: ApplicationPoolSnapshot[] | ListChanges<ApplicationPoolSnapshot>;
  sites: SiteSnapshot[] | ListChanges<SiteSnapshot>;
};

function sameWorker(a: WorkerSnapshot, b: WorkerSnapshot): boolean {
  if (a.pid !== b.pid || a.state !== b.state || a.startedAt !== b.startedAt || a.uptime !== b.uptime) return false;
  if (a.requestsInFlight !== b.requestsInFlight || a.requestsServed !== b.requestsServed || a.appDomains.length !== b.appDomains.length) return false;
  return a.appDomains.every((domain, i) => domain === b.appDomains[i]);
}

export function samePool(a: ApplicationPoolSnapshot, b: ApplicationPoolSnapshot): boolean {
  return (
    a.name === b.name &&
    a.state === b.state &&
    a.stoppedReason === b.stoppedReason &&
    a.managedPipelineMode === b.managedPipelineMode &&
    a.managedRuntimeVersion === b.managedRuntimeVersion &&
    a.queueDepth === b.queueDepth &&
    a.queueLength === b.queueLength &&
    a.recycles === b.recycles &&
    a.workersCreated === b.workersCreated &&
    a.recentFailures === b.recentFailures &&
    a.workers.length === b.workers.length &&
    a.workers.every((worker, i) => {
      const other = b.workers[i];
      return other !== undefined && sameWorker(worker, other);
    })
  );
}

const sameSite = (a: SiteSnapshot, b: SiteSnapshot): boolean => a.name === b.name && a.id === b.id && a.state === b.state;

function listChanges<T extends { name: string }>(previous: readonly T[] | undefined, next: T[], same: (a: T, b: T) => boolean): T[] | ListChanges<T> {
  if (previous?.length !== next.length) return next;
  const changed: [number, T][] = [];
  for (let i = 0; i < next.length; i++) {
    const entry = next[i];
    const before = previous[i];
    if (entry === undefined || before === undefined || entry.name !== before.name) return next;
    if (!same(before, entry)) changed.push([i, entry]);
  }
  return { length: next.length, changed };
}

function applyListChanges<T>(previous: readonly T[] | undefined, wire: T[] | ListChanges<T>): T[] | undefined {
  if (Array.isArray(wire)) return wire;
  if (previous?.length !== wire.length) return undefined;
  const list = previous.slice();
  for (const [index, entry] of wire.changed) list[index] = entry;
  return list;
}

/** The snapshot to send, given the one sent before (undefined: none yet). */
export function encodeSnapshot(previous: SimulationSnapshot | undefined, next: SimulationSnapshot): WireSnapshot {
  return {
    ...next,
    applicationPools: listChanges(previous?.applicationPools, next.applicationPools, samePool),
    sites: listChanges(previous?.sites, next.sites, sameSite),
  };
}

/** The snapshot received, given the one received before; undefined when the two sides are out of step. */
export function decodeSnapshot(previous: SimulationSnapshot | undefined, wire: WireSnapshot): SimulationSnapshot | undefined {
  const applicationPools = applyListChanges(previous?.applicationPools, wire.applicationPools);
  const sites = applyListChanges(previous?.sites, wire.sites);
  if (applicationPools === undefined || sites === undefined) return undefined;
  return { ...wire, applicationPools, sites };
}
