/** Test support for the outcomes tests: requests run through the engine, as the store receives them. */
import { defaultWorkspace } from '../config/index.ts';
import { createSimulation, type RequestResult, type SimulationRequest, type TraceEvent } from '../engine/index.ts';
import { extendTimeline, type Timeline } from './playback.ts';

/**
 * Runs requests through the engine on the default workspace: its results by id and its timeline. A
 * request with no `at` is sent once those before it have finished (as the composer's Send does); those
 * with one go together (a load).
 */
export function run(requests: readonly SimulationRequest[]): { results: Map<number, RequestResult>; timeline: Timeline } {
  const simulation = createSimulation(defaultWorkspace(), { seed: 1, trace: true, retain: false });
  const events: TraceEvent[] = [];
  const results = new Map<number, RequestResult>();
  simulation.subscribe((e) => events.push(e));
  simulation.onResult((r) => results.set(r.requestId, { ...r, trace: [] }));
  for (const request of requests) {
    simulation.send(request);
    if (request.at === undefined) simulation.runUntilIdle();
  }
  simulation.runUntilIdle();
  return { results, timeline: extendTimeline({ events: [], at: [], end: 0 }, events) };
}

/** A load of `count` copies sent at once (the composer's Start load). */
export function load(url: string, count: number): SimulationRequest[] {
  return Array.from({ length: count }, () => ({ method: 'GET', url, at: 0 }));
}
