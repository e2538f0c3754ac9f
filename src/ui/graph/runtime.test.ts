import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../config/index.ts';
import { createSimulation, type RequestResult, type TraceEvent } from '../../engine/index.ts';
import { CHECKPOINT_EVERY, createRuntimeTracker, runtimeAt, structureKey } from './runtime.ts';

function run(urls: string[]): { events: TraceEvent[]; results: Map<number, RequestResult> } {
  const simulation = createSimulation(defaultWorkspace(), { seed: 5, trace: true });
  const events: TraceEvent[] = [];
  const results = new Map<number, RequestResult>();
  simulation.subscribe((e) => events.push(e));
  simulation.onResult((r) => results.set(r.requestId, r));
  for (const url of urls) {
    simulation.send({ method: 'GET', url });
    simulation.runUntilIdle();
  }
  events.sort((a, b) => a.t - b.t);
  return { events, results };
}

describe('the runtime at a point of playback', () => {
  it("counts the requests a worker has served by each moment, and a pool's recycles by then", () => {
    const { events, results } = run(['http://localhost/', 'http://localhost/iisstart.htm', 'http://localhost/']);
    const poolOf = (id: number) => results.get(id)?.appPool;
    const sent = events.flatMap((e, i) => (e.event === 'HTTPSYS_RESPONSE_SENT' ? [i] : []));
    expect(sent).toHaveLength(3);
    expect(runtimeAt(events, (sent[0] ?? 0) - 1, poolOf).workers[0]?.served).toBe(0);
    expect(runtimeAt(events, sent[0] ?? 0, poolOf).workers[0]?.served).toBe(1);
    expect(runtimeAt(events, events.length - 1, poolOf).workers[0]?.served).toBe(3);
    const recycled = [...events, { ...events[0], t: (events.at(-1)?.t ?? 0) + 1, event: 'WAS_RECYCLE', data: { AppPool: 'DefaultAppPool' } } as TraceEvent];
    expect(runtimeAt(recycled, recycled.length - 2, poolOf).recycles.get('defaultapppool')).toBeUndefined();
    expect(runtimeAt(recycled, recycled.length - 1, poolOf).recycles.get('defaultapppool')).toBe(1);
  });

  it("counts a worker's requests in flight between its dequeue and HTTP.sys's response, and its uptime", () => {
    const { events, results } = run(['http://localhost/']);
    const poolOf = (id: number) => results.get(id)?.appPool;
    const dequeued = events.findIndex((e) => e.event === 'WORKER_DEQUEUE');
    const sent = events.findIndex((e) => e.event === 'HTTPSYS_RESPONSE_SENT');
    expect(dequeued).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(dequeued);
    const during = runtimeAt(events, dequeued, poolOf);
    expect(during.workers).toHaveLength(1);
    expect(during.workers[0]?.inFlight).toBe(1);
    const after = runtimeAt(events, events.length - 1, poolOf);
    expect(after.workers[0]?.inFlight).toBe(0);
    const worker = after.workers[0];
    if (worker === undefined) throw new Error('no worker');
    // The cold start (~1 s of virtual time) is part of the uptime at the end.
    expect(after.now - worker.startedAt).toBeGreaterThan(500);
    // Whether a request is in the worker is structure (its pipeline is drawn only then); how many is not.
    expect(structureKey(during)).not.toBe(structureKey(after));
    const two = { ...during, workers: during.workers.map((w) => ({ ...w, inFlight: 2, served: 5 })) };
    expect(structureKey(two)).toBe(structureKey(during));
  });

  it('counts kernel cache lookups that missed and those that hit', () => {
    const { events, results } = run(['http://localhost/iisstart.htm', 'http://localhost/iisstart.htm', 'http://localhost/iisstart.htm', 'http://localhost/iisstart.htm']);
    const end = runtimeAt(events, events.length - 1, (id) => results.get(id)?.appPool);
    expect(end.cacheMisses).toBe(2);
    expect(end.cacheHits).toBe(2);
    expect(end.cacheEntries).toBe(1);
    expect([...results.values()].filter((r) => r.servedFrom === 'kernel-cache')).toHaveLength(2);
  });

  it('moved back and forth over a load that spans several kept states, gives at each position what a replay from the start gives', () => {
    const simulation = createSimulation(defaultWorkspace(), { seed: 9, trace: true });
    const events: TraceEvent[] = [];
    const results = new Map<number, RequestResult>();
    simulation.subscribe((e) => events.push(e));
    simulation.onResult((r) => results.set(r.requestId, r));
    for (let i = 0; i < 200; i++) simulation.send({ method: 'GET', url: i % 3 === 0 ? 'http://localhost/iisstart.htm?load' : 'http://localhost/' });
    simulation.runUntilIdle();
    events.sort((a, b) => a.t - b.t);
    expect(events.length).toBeGreaterThan(3 * CHECKPOINT_EVERY);
    const poolOf = (id: number) => results.get(id)?.appPool;
    const tracker = createRuntimeTracker(events, poolOf);
    const last = events.length - 1;
    // Forward past kept states, back across them, onto a boundary and just before it, to the start, and back
    // onto a kept state already used (it must not have been changed by the replay that went on from it).
    const positions = [last, 5, 3 * CHECKPOINT_EVERY + 7, CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY - 2, last - 1, 0, Math.floor(last / 2), 1, CHECKPOINT_EVERY + 3, CHECKPOINT_EVERY - 1];
    for (const position of positions) expect(tracker.advanceTo(position), `at ${String(position)}`).toEqual(runtimeAt(events, position, poolOf));
  });
});
