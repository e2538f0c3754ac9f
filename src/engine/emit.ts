/** Recording trace events: on the request's own trace, the simulation's trace, and to listeners. */
import type { InFlightRequest, SimulationState } from './state.ts';
import type { TraceComponent, TraceEvent, TraceEventName } from './trace.ts';
import type { TraceFields } from './worker/environment.ts';

/** Builds an event with one fixed shape (no spreads: this runs ~100 times per traced request). */
function makeEvent(t: number, requestId: number, component: TraceComponent, event: TraceEventName, fields: TraceFields | undefined, pid: number | undefined): TraceEvent {
  if (fields === undefined) {
    return { t, requestId, component, event, module: undefined, notification: undefined, isPost: undefined, status: undefined, subStatus: undefined, detail: undefined, data: undefined, pid };
  }
  return {
    t,
    requestId,
    component,
    event,
    module: fields.module,
    notification: fields.notification,
    isPost: fields.isPost,
    status: fields.status,
    subStatus: fields.subStatus,
    detail: fields.detail,
    data: fields.data,
    pid: fields.pid ?? pid,
  };
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
