/** Recording trace events: on the request's own trace, the simulation's trace, and to listeners. */
import type { SimulationState } from './state.ts';
import type { TraceComponent, TraceEvent, TraceEventName } from './trace.ts';
import type { TraceFields } from './worker/environment.ts';

/** Records an event; call only when `state.tracing` (the fast path builds no events). */
export function emit(
  state: SimulationState,
  requestId: number,
  component: TraceComponent,
  event: TraceEventName,
  fields: TraceFields = {},
  t = state.now,
): void {
  const traceEvent: TraceEvent = { t, requestId, component, event, ...fields };
  state.trace.push(traceEvent);
  if (requestId !== 0) state.inFlight.get(requestId)?.result.trace.push(traceEvent);
  for (const listener of state.listeners) listener(traceEvent);
}
