import { describe, expect, it } from 'vitest';
import { indexResponses, isTold } from './outcomes.ts';
import { load, run } from './outcomesTestRun.ts';
import { NO_OUTCOME_FILTER, parseStatusFilter, type OutcomeFilter } from './outcomesFilter.ts';
import { DEFAULT_SORT, listRequests, sortRequests, type RequestSort } from './outcomesList.ts';

const { results, timeline } = run([{ method: 'GET', url: 'http://localhost/x.mdb', at: 0 }, ...load('http://localhost/iisstart.htm', 1049)]);
const responses = indexResponses(timeline);
const end = timeline.events.length - 1;
const middle = Math.floor(timeline.events.length / 2);

function statusFilter(text: string): OutcomeFilter {
  const status = parseStatusFilter(text);
  if (typeof status === 'string') throw new Error(status);
  return { status, decider: undefined };
}

const list = (sort: RequestSort, index: number, filter: OutcomeFilter = NO_OUTCOME_FILTER): readonly number[] => listRequests(sortRequests(results, sort), sort, results, responses, index, filter);
const result = (id: number) => {
  const found = results.get(id);
  if (found === undefined) throw new Error(`no request ${String(id)}`);
  return found;
};

describe('the request list', () => {
  it('lists every request of the load, not only the latest ones', () => {
    expect(list(DEFAULT_SORT, end)).toHaveLength(1050);
  });

  it('sorts by time sent, then by id', () => {
    const ids = list(DEFAULT_SORT, end);
    expect(ids).toEqual([...results.keys()].sort((a, b) => a - b));
    expect(list({ by: 'sent', descending: true }, end)[0]).toBe(1050);
  });

  it('sorts by status and by duration, either way', () => {
    const byStatus = list({ by: 'status', descending: true }, end).map((id) => result(id).status);
    expect(byStatus[0]).toBe(503);
    expect(byStatus.at(-1)).toBe(200);
    expect(byStatus).toEqual([...byStatus].sort((a, b) => b - a));
    const durations = list({ by: 'duration', descending: false }, end).map((id) => result(id).endTime - result(id).startTime);
    expect(durations).toEqual([...durations].sort((a, b) => a - b));
    expect(durations[0]).toBeLessThan(durations.at(-1) ?? 0);
  });

  it('mid-load, puts the requests still in flight after those with a status when sorted by status', () => {
    const ids = list({ by: 'status', descending: false }, middle);
    const told = ids.map((id) => isTold(responses, id, middle));
    const firstInFlight = told.indexOf(false);
    expect(firstInFlight).toBeGreaterThan(0);
    expect(told.slice(firstInFlight).every((t) => !t)).toBe(true);
  });

  it('filtering on 503 lists exactly the 503s told so far', () => {
    const all503 = [...results.values()].filter((r) => r.status === 503).map((r) => r.requestId);
    expect(all503).toHaveLength(50);
    expect([...list(DEFAULT_SORT, end, statusFilter('503'))].sort((a, b) => a - b)).toEqual(all503.sort((a, b) => a - b));
    expect(list(DEFAULT_SORT, end, statusFilter('404.7')).map((id) => result(id).url)).toEqual(['http://localhost/x.mdb']);
    const before = list(DEFAULT_SORT, middle, statusFilter('2xx'));
    expect(before.length).toBeLessThan(1000);
    expect(before.every((id) => isTold(responses, id, middle) && result(id).status === 200)).toBe(true);
  });

  it('filters by who decided', () => {
    const ids = list(DEFAULT_SORT, end, { status: [], decider: 'RequestFilteringModule' });
    expect(ids.map((id) => result(id).subStatus)).toEqual([7]);
    expect(list(DEFAULT_SORT, end, { status: [], decider: 'HTTP.sys|QueueFull|DefaultAppPool' })).toHaveLength(50);
  });
});
