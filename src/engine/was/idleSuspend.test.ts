/**
 * idleTimeoutAction="Suspend" (IIS 8.5+): WAS keeps the idle worker, suspended, and the next request is
 * served by it, resumed, with no cold start. Terminate, and any action before IIS 8.5, still end it.
 */
import { describe, expect, it } from 'vitest';
import type { IisVersion } from '../../config/index.ts';
import { scenario } from '../testing/scenario.ts';

function idleThenRequest(action: 'Suspend' | 'Terminate', iisVersion?: IisVersion) {
  const pool = `<add name="DefaultAppPool"><processModel idleTimeout="00:01:00" idleTimeoutAction="${action}" /></add>`;
  const s = scenario({ editConfig: (c) => c.replace('<add name="DefaultAppPool" />', pool), ...(iisVersion === undefined ? {} : { iisVersion }) });
  const first = s.request('/iisstart.htm?a');
  s.simulation.runUntil(s.simulation.now() + 5 * 60_000);
  const idle = s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool');
  const later = s.request('/iisstart.htm?b');
  const after = s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool');
  return { s, first, later, workersWhileIdle: idle?.workers.length ?? -1, suspendedWhileIdle: idle?.workers[0]?.suspended, suspendedAfter: after?.workers[0]?.suspended, events: s.simulation.trace().map((e) => e.event) };
}

describe('idleTimeoutAction', () => {
  it('Suspend keeps the idle worker and serves the next request from it, resumed, without starting w3wp.exe', () => {
    const { first, later, workersWhileIdle, suspendedWhileIdle, suspendedAfter, events } = idleThenRequest('Suspend');
    expect(workersWhileIdle).toBe(1);
    expect([suspendedWhileIdle, suspendedAfter]).toEqual([true, false]);
    expect(events).toContain('WAS_WORKER_SUSPENDED');
    expect(events).not.toContain('WAS_IDLE_SHUTDOWN');
    expect(later.workerProcess).toBe(first.workerProcess);
    const laterEvents = later.trace.map((e) => e.event);
    expect(laterEvents).toContain('WORKER_RESUMED');
    expect(laterEvents).not.toContain('WAS_START_WORKER');
    // No cold start: far quicker than the first request, which started the process.
    expect(later.endTime - later.startTime).toBeLessThan((first.endTime - first.startTime) / 5);
  });

  it('a resumed worker is suspended again after another idle period, and resumes again', () => {
    const { s, first } = idleThenRequest('Suspend');
    s.simulation.runUntil(s.simulation.now() + 5 * 60_000);
    const third = s.request('/iisstart.htm?c');
    expect(third.workerProcess).toBe(first.workerProcess);
    expect(third.trace.map((e) => e.event)).toContain('WORKER_RESUMED');
    expect(s.simulation.trace().filter((e) => e.event === 'WAS_WORKER_SUSPENDED')).toHaveLength(2);
  });

  it('Terminate ends the idle worker: the next request starts a new one', () => {
    const { first, later, workersWhileIdle, events } = idleThenRequest('Terminate');
    expect(workersWhileIdle).toBe(0);
    expect(events).toContain('WAS_IDLE_SHUTDOWN');
    expect(later.workerProcess).not.toBe(first.workerProcess);
    expect(later.trace.map((e) => e.event)).toContain('WAS_START_WORKER');
  });

  it('Suspend on IIS 8.0 (before the attribute existed) terminates, and says why', () => {
    const { first, later, events, s } = idleThenRequest('Suspend', '8.0');
    expect(events).not.toContain('WAS_WORKER_SUSPENDED');
    expect(later.workerProcess).not.toBe(first.workerProcess);
    expect(s.simulation.trace().find((e) => e.event === 'WAS_IDLE_SHUTDOWN')?.detail).toContain('needs IIS 8.5');
  });
});
