/**
 * The replay fast path's records: what a full run of a request produced (its result, and with tracing
 * its events), kept per arrival and variant, and applied to a later request with the same inputs.
 */
import { recordEvent, TraceRecord } from '../emit.ts';
import type { InFlightRequest, SimulationState, WorkerProcess } from '../state.ts';
import type { TraceEvent } from '../trace.ts';
import { connectionId } from './environment.ts';

export const MAX_OUTCOMES_PER_ROUTE = 64;
const PLAIN = 'plain';
const PLAIN_FREQUENT = 'plain, frequently hit';

/** What a request to a route produced, for the fast path. */
export interface Outcome {
  status: number;
  subStatus: number;
  statusText: string;
  handler: string | undefined;
  decidedBy: string;
  reason: string;
  bytesSent: number;
  /** Shared between the results of the same outcome: treat as read-only. */
  responseHeaders: Record<string, string>;
  kernelCacheable: boolean;
  userName: string | undefined;
  anonymous: boolean;
  duration: number;
  /** With tracing: the events the full run emitted, with `t` relative to the start (replayed as they were). */
  events: readonly TraceEvent[] | undefined;
}

export function templatesOf(events: readonly TraceEvent[], start: number): TraceEvent[] {
  return events.map((event) => ({ ...event, t: event.t - start }));
}

/** Re-emits recorded events for another request: same content, its own id, time and connection. */
export function replayEvents(state: SimulationState, flight: InFlightRequest, templates: readonly TraceEvent[], start: number): void {
  const id = flight.id;
  for (const template of templates) {
    const data = template.event === 'GENERAL_REQUEST_START' && template.data !== undefined ? { ...template.data, ConnId: connectionId(id) } : template.data;
    const event = new TraceRecord(start + template.t, id, template.component, template.event, template.module, template.notification, template.isPost, template.status, template.subStatus, template.detail, data, template.pid);
    recordEvent(state, flight, event);
  }
}


export function variantKey(flight: InFlightRequest, headers: ReadonlyMap<string, string>, frequentlyHit: boolean, pid: number): string {
  const request = flight.request;
  // The common case, a plain request, needs no key built.
  if (headers.size === 0 && request.clientIp === undefined && request.bodySize === undefined && request.user === undefined) {
    if (pid === 0) return frequentlyHit ? PLAIN_FREQUENT : PLAIN;
    return `${frequentlyHit ? PLAIN_FREQUENT : PLAIN} ${String(pid)}`;
  }
  // JSON: no two different requests give the same key, whatever their header values contain.
  return JSON.stringify([request.clientIp ?? '', request.bodySize ?? 0, request.user ?? '', frequentlyHit, pid, [...headers]]);
}

export function applyOutcome(state: SimulationState, flight: InFlightRequest, worker: WorkerProcess, outcome: Outcome, start: number): number {
  const result = flight.result;
  result.status = outcome.status;
  result.subStatus = outcome.subStatus;
  result.statusText = outcome.statusText;
  result.handler = outcome.handler;
  result.decidedBy = outcome.decidedBy;
  result.reason = outcome.reason;
  result.bytesSent = outcome.bytesSent;
  result.responseHeaders = outcome.responseHeaders;
  flight.kernelCacheable = outcome.kernelCacheable;
  flight.userName = outcome.userName;
  if (outcome.anonymous) state.counters.anonymousRequests++;
  else state.counters.nonAnonymousRequests++;
  let elapsed = outcome.duration;
  const slow = state.failures.slowRequests;
  if (slow !== undefined && flight.request.url.includes(slow.urlContains)) elapsed += slow.extraMs;
  const end = start + elapsed;
  worker.lastActivity = end;
  return end;
}
