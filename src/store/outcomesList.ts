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

/**
 * Every request id, by its final value (told or not); ties by time sent, then id. Keys in typed arrays
 * and a sorted permutation: a session's requests can be a hundred thousand (twenty loads), and a
 * comparator reading Maps took ~100-500 ms for them; this, a tenth of that.
 */
export function sortRequests(results: ReadonlyMap<number, RequestResult>, sort: RequestSort): number[] {
  const count = results.size;
  const ids = new Float64Array(count);
  const key = new Float64Array(count);
  const sent = new Float64Array(count);
  let i = 0;
  for (const [id, result] of results) {
    ids[i] = id;
    key[i] = keyOf(result, sort.by);
    sent[i] = result.startTime;
    i++;
  }
  const direction = sort.descending ? -1 : 1;
  const order = new Uint32Array(count);
  for (let j = 0; j < count; j++) order[j] = j;
  // Sorted by time sent, requests sent together (a load) go by id, that is in the order they were sent.
  const byOwnKey = sort.by === 'sent';
  order.sort((a, b) => {
    const first = direction * ((key[a] ?? 0) - (key[b] ?? 0));
    if (first !== 0) return first;
    const tie = byOwnKey ? 0 : (sent[a] ?? 0) - (sent[b] ?? 0);
    if (tie !== 0) return tie;
    return (byOwnKey ? direction : 1) * ((ids[a] ?? 0) - (ids[b] ?? 0));
  });
  const sorted = new Array<number>(count);
  for (let j = 0; j < count; j++) sorted[j] = ids[order[j] ?? 0] ?? 0;
  return sorted;
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
