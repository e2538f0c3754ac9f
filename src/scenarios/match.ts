/** Finds where a step pauses, and reads a request's outcome as a Predict answer. */
import type { RequestResult, TraceEvent } from '../engine/index.ts';
import type { PauseAt } from './types.ts';

/** The index of the first event from `from` on that matches `pause` (after `skip` matches), or -1. */
export function findPause(events: readonly TraceEvent[], from: number, pause: PauseAt): number {
  let skip = pause.skip ?? 0;
  for (let i = Math.max(0, from); i < events.length; i++) {
    const e = events[i];
    if (e === undefined || e.event !== pause.event) continue;
    if (pause.component !== undefined && e.component !== pause.component) continue;
    if (pause.module !== undefined && e.module !== pause.module) continue;
    if (pause.status !== undefined && e.status !== pause.status) continue;
    if (skip === 0) return i;
    skip--;
  }
  return -1;
}

/** `404.7`: a result's status as the Predict choices write it. */
export function statusCode(result: Pick<RequestResult, 'status' | 'subStatus'>): string {
  return `${String(result.status)}.${String(result.subStatus)}`;
}
