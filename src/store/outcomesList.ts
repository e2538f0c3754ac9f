/**
 * The trace's request list: every request of the session (a load's thousands included), sorted by time
 * sent, status or duration, narrowed by the outcome filter. Pure.
 *
 * Sorting happens once per set of results and sort order (a load's results all arrive at once); as
 * playback moves, a pass keeps the requests told so far, in that order. A request still in flight has
 * no status or duration to show yet, so sorted by either it goes after those that have one.
 */
import type { RequestResult } from '../engine/index.ts';
import { deciderOf, isTold, type ResponseIndex } from './outcomes.ts';
import { isFiltering, matchesOutcome, type OutcomeFilter } from './outcomesFilter.ts';

export type RequestSortKey = 'sent' | 'status' | 'duration';

export interface RequestSort {
  by: RequestSortKey;
  descending: boolean;
}

export const DEFAULT_SORT: RequestSort = { by: 'sent', descending: false };

function keyOf(result: RequestResult, by: RequestSortKey): number {
  switch (by) {
    case 'sent':
      return result.startTime;
    case 'status':
      // A connection reset (0) before 1xx; substatus within status.
      return result.status * 10_000 + result.subStatus;
    case 'duration':
      return result.endTime - result.startTime;
  }
}

/** Every request id, by its final value (told or not); ties by time sent, then id. */
export function sortRequests(results: ReadonlyMap<number, RequestResult>, sort: RequestSort): number[] {
  const ids: number[] = [];
  const key = new Map<number, number>();
  const sent = new Map<number, number>();
  for (const [id, result] of results) {
    ids.push(id);
    key.set(id, keyOf(result, sort.by));
    sent.set(id, result.startTime);
  }
  const direction = sort.descending ? -1 : 1;
  // Sorted by time sent, requests sent together (a load) go by id, that is in the order they were sent.
  if (sort.by === 'sent') return ids.sort((a, b) => direction * ((key.get(a) ?? 0) - (key.get(b) ?? 0) || a - b));
  return ids.sort((a, b) => direction * ((key.get(a) ?? 0) - (key.get(b) ?? 0)) || (sent.get(a) ?? 0) - (sent.get(b) ?? 0) || a - b);
}

/**
 * The requests the list shows at event `index`, in `sorted`'s order. With a filter, those told and
 * matching it (a status is known only once told); without, all of them, those in flight last when the
 * sort is by status or duration. Returns `sorted` itself when it shows all of them in its order.
 */
export function listRequests(sorted: readonly number[], sort: RequestSort, results: ReadonlyMap<number, RequestResult>, responses: ResponseIndex, index: number, filter: OutcomeFilter): readonly number[] {
  if (isFiltering(filter)) {
    const listed: number[] = [];
    for (const id of sorted) {
      if (!isTold(responses, id, index)) continue;
      const result = results.get(id);
      if (result === undefined) continue;
      const decider = filter.decider === undefined ? '' : deciderOf(result, responses.httpErr.get(id)).key;
      if (matchesOutcome(filter, result, decider)) listed.push(id);
    }
    return listed;
  }
  if (sort.by === 'sent') return sorted;
  const told: number[] = [];
  const inFlight: number[] = [];
  for (const id of sorted) (isTold(responses, id, index) ? told : inFlight).push(id);
  if (inFlight.length === 0) return sorted;
  for (const id of inFlight) told.push(id);
  return told;
}
