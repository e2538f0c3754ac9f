import { describe, expect, it } from 'vitest';
import { deciderOf, indexResponses, statusCodeOf, summarize, toldCount } from './outcomes.ts';
import { load, run } from './outcomesTestRun.ts';
import type { Timeline } from './playback.ts';

describe('the outcomes of a load', () => {
  // The default pool's queue holds queueLength=1000: of 1,100 sent at once, 100 find it full.
  const { results, timeline } = run(load('http://localhost/iisstart.htm', 1100));
  const responses = indexResponses(timeline);
  const end = timeline.events.length - 1;

  it('counts each status.substatus and who decided it, once every response has reached the client', () => {
    const summary = summarize(results, responses, end);
    expect(summary).toMatchObject({ requests: 1100, told: 1100, inFlight: 0 });
    expect(summary.byStatus.map((s) => [s.code, s.count])).toEqual([['200.0', 1000], ['503.0', 100]]);
    expect(summary.byStatus[1]?.statusText).toBe('Service Unavailable');
    expect(summary.byDecider.map((d) => [d.label, d.count])).toEqual([['StaticFileModule', 1000], ['HTTP.sys: DefaultAppPool queue full', 100]]);
    expect(summary.byDecider[1]?.detail).toContain('HTTPERR QueueFull');
  });

  it('mid-load, counts only the responses that have reached the client by then, the rest in flight', () => {
    const middle = Math.floor(timeline.events.length / 2);
    const summary = summarize(results, responses, middle);
    // Counted independently: the responses at or before the middle event, by the status they carry.
    const arrived = timeline.events.slice(0, middle + 1).filter((e) => e.event === 'CLIENT_RESPONSE_RECEIVED');
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.length).toBeLessThan(1100);
    expect(summary.told).toBe(arrived.length);
    expect(summary.inFlight).toBe(1100 - arrived.length);
    const byCode = new Map<string, number>();
    for (const e of arrived) byCode.set(statusCodeOf(e.status ?? -1, e.subStatus ?? -1), (byCode.get(statusCodeOf(e.status ?? -1, e.subStatus ?? -1)) ?? 0) + 1);
    expect(new Map(summary.byStatus.map((s) => [s.code, s.count]))).toEqual(byCode);
    expect(summary.byDecider.reduce((n, d) => n + d.count, 0)).toBe(arrived.length);
    // Before the first response, nothing is told.
    expect(summarize(results, responses, 0)).toMatchObject({ told: 0, inFlight: 1100, byStatus: [] });
    expect(toldCount(responses, -1)).toBe(0);
  });

  it('counts on from the last summary as playback moves forward, and again from the start when it moves back', () => {
    const fresh = new Map(results);
    const steps = [1000, 20_000, 40_000, end, 30_000, end];
    for (const at of steps) expect(summarize(fresh, responses, at)).toEqual(summarize(new Map(results), responses, at));
    // A summary handed out is not changed by later ones.
    const early = summarize(fresh, responses, 20_000);
    const copy = structuredClone(early);
    summarize(fresh, responses, end);
    expect(early).toEqual(copy);
  });

  it('indexes a timeline growing in parts as it would indexed whole', () => {
    const grown: Timeline = { events: [], at: [], end: 0 };
    let index = indexResponses(grown);
    for (let from = 0; from < timeline.events.length; from += 5000) {
      for (const e of timeline.events.slice(from, from + 5000)) grown.events.push(e);
      index = indexResponses(grown, index);
    }
    expect(index.answered).toEqual(responses.answered);
    expect([...index.at]).toEqual([...responses.at]);
    expect([...index.httpErr]).toEqual([...responses.httpErr]);
    expect(responses.httpErr.size).toBe(100);
    // A new timeline (a new workspace) starts a new index.
    const fresh = indexResponses({ events: timeline.events.slice(0, 10), at: [], end: 0 }, index);
    expect(fresh.answered).toEqual([]);
  });
});

describe('who decided', () => {
  it('names HTTP.sys with its HTTPERR reason, its kernel cache, or the module that set the status', () => {
    const { results, timeline } = run([
      { method: 'GET', url: 'http://localhost:8081/' },
      { method: 'GET', url: 'http://localhost/x.mdb' },
      { method: 'GET', url: 'http://localhost/missing.htm' },
      // Frequently hit (serverRuntime frequentHitThreshold=2 within 10 s), the third is stored; the fourth, a hit.
      ...Array.from({ length: 4 }, () => ({ method: 'GET', url: 'http://localhost/iisstart.htm' })),
    ]);
    const responses = indexResponses(timeline);
    const label = (url: string, nth = 0): string => {
      const result = [...results.values()].filter((r) => r.url === url)[nth];
      if (result === undefined) throw new Error(`no result for ${url}`);
      return deciderOf(result, responses.httpErr.get(result.requestId)).label;
    };
    expect(label('http://localhost:8081/')).toBe('HTTP.sys: no binding for the host');
    expect(label('http://localhost/x.mdb')).toBe('RequestFilteringModule');
    expect(label('http://localhost/missing.htm')).toBe('IIS Web Core');
    expect(label('http://localhost/iisstart.htm', 0)).toBe('StaticFileModule');
    expect(label('http://localhost/iisstart.htm', 3)).toBe('HTTP.sys kernel cache');
    const summary = summarize(results, responses, timeline.events.length - 1);
    expect(summary.byStatus.map((s) => `${s.code} x ${String(s.count)}`)).toEqual(['200.0 x 4', '400.0 x 1', '404.0 x 1', '404.7 x 1']);
  });

  it('calls a reset connection "reset"', () => {
    expect(statusCodeOf(0, 0)).toBe('reset');
    expect(statusCodeOf(503, 2)).toBe('503.2');
  });
});
