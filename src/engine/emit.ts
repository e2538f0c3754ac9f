/** Recording trace events: on the request's own trace, the simulation's trace, and to listeners. */
import type { InFlightRequest, SimulationState } from './state.ts';
import type { TraceComponent, TraceEvent, TraceEventName } from './trace.ts';
import type { TraceFields } from './worker/environment.ts';

/**
 * A trace event. A class rather than an object literal: V8 may pretenure a literal's allocation site
 * when, early on, many of its objects happen to survive a scavenge, and then every event of every later
 * request is allocated straight into the old generation (a run then goes at half speed, from mark-
 * compacts). Instances built by a constructor are not subject to allocation-site pretenuring.
 */
export class TraceRecord implements TraceEvent {
  constructor(
    public t: number,
    public requestId: number,
    public component: TraceComponent,
    public event: TraceEventName,
    public module: string | undefined,
    public notification: TraceEvent['notification'],
    public isPost: boolean | undefined,
    public status: number | undefined,
    public subStatus: number | undefined,
    public detail: string | undefined,
    public data: TraceEvent['data'],
    public pid: number | undefined,
  ) {}
}

function makeEvent(t: number, requestId: number, component: TraceComponent, event: TraceEventName, fields: TraceFields | undefined, pid: number | undefined): TraceEvent {
  if (fields === undefined) return new TraceRecord(t, requestId, component, event, undefined, undefined, undefined, undefined, undefined, undefined, undefined, pid);
  return new TraceRecord(t, requestId, component, event, fields.module, fields.notification, fields.isPost, fields.status, fields.subStatus, fields.detail, fields.data, fields.pid ?? pid);
}

export function recordEvent(state: SimulationState, flight: InFlightRequest | undefined, traceEvent: TraceEvent): void {
  if (state.retain) state.trace.push(traceEvent);
  if (flight !== undefined) flight.result.trace.push(traceEvent);
  if (state.listeners.size > 0) for (const listener of state.listeners) listener(traceEvent);
}

/** Records an event; call only when `state.tracing` (the fast path builds no events). */
export function emit(
  state: SimulationState,
  flight: InFlightRequest | undefined,
  component: TraceComponent,
  event: TraceEventName,
  fields?: TraceFields,
  t = state.now,
): void {
  recordEvent(state, flight, makeEvent(t, flight?.id ?? 0, component, event, fields, undefined));
}

/** Records an event of a request inside its worker process. */
export function emitInWorker(state: SimulationState, flight: InFlightRequest, pid: number, event: TraceEventName, fields: TraceFields | undefined, t: number): void {
  recordEvent(state, flight, makeEvent(t, flight.id, 'w3wp.exe', event, fields, pid));
}
