/**
 * A request that waits in a pool's queue longer than webLimits connectionTimeout is dropped by HTTP.sys
 * (no response; HTTPERR Timer_ReqQueue); one a worker takes in time is not, and its timer lets go of it
 * (state.ts, QueueTimer: the timer stays in the calendar until its time).
 */
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createSimulation } from './simulation.ts';

describe('the request queue timer (webLimits connectionTimeout)', () => {
  it('drops what waits past it (Timer_ReqQueue), and not what a worker took in time', () => {
    const base = defaultWorkspace();
    const workspace = { ...base, applicationHostConfig: base.applicationHostConfig.replace('<webLimits />', '<webLimits connectionTimeout="00:00:05" />') };
    expect(workspace.applicationHostConfig).toContain('connectionTimeout="00:00:05"');
    // Each request holds one of the worker's 64 threads for 20 s: the 65th waits for a thread.
    const simulation = createSimulation(workspace, { seed: 3, trace: false, failures: { slowRequests: { urlContains: 'slow', extraMs: 20_000 } } });
    for (let i = 0; i < 66; i++) simulation.send({ method: 'GET', url: 'http://localhost/iisstart.htm?slow' });
    simulation.runUntilIdle();
    const results = simulation.results();
    expect(results).toHaveLength(66);
    const dropped = results.filter((r) => r.status === 0);
    expect(dropped).toHaveLength(2);
    for (const r of dropped) expect(r.reason).toMatch(/longer than webLimits connectionTimeout \(5 s\).*Timer_ReqQueue/);
    expect(results.filter((r) => r.status === 200)).toHaveLength(64);
    expect(simulation.logs().httpErr.filter((line) => line.includes('Timer_ReqQueue'))).toHaveLength(2);
  });
});
