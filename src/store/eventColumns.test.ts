import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createSimulation, type TraceEvent } from '../engine/index.ts';
import { decodeEvents, encodeEvents, transferablesOf } from './eventColumns.ts';

function traceOf(urls: string[]): TraceEvent[] {
  const simulation = createSimulation(defaultWorkspace(), { seed: 3, trace: true });
  const events: TraceEvent[] = [];
  simulation.subscribe((e) => events.push(e));
  for (const url of urls) simulation.send({ method: 'GET', url });
  simulation.runUntilIdle();
  return events;
}

describe('trace events in columns', () => {
  it('decode(encode(events)) gives the events back, field for field', () => {
    const events = traceOf(['http://localhost/', 'http://localhost/x.mdb', 'http://nohost.example/', 'http://localhost/iisstart.htm']);
    expect(events.length).toBeGreaterThan(100);
    const decoded = decodeEvents(encodeEvents(events));
    expect(decoded).toHaveLength(events.length);
    for (let i = 0; i < events.length; i++) expect({ ...decoded[i] }).toEqual({ ...events[i] });
    // undefined stays undefined, false stays false, 0 stays 0.
    expect(decoded.some((e) => e.isPost === false)).toBe(true);
    expect(decoded.some((e) => e.status === undefined)).toBe(true);
  });

  it('keeps each distinct string and data object once, and events sharing a data object share it again', () => {
    const events = traceOf(['http://localhost/', 'http://localhost/', 'http://localhost/']);
    const columns = encodeEvents(events);
    expect(new Set(columns.strings).size).toBe(columns.strings.length);
    expect(columns.strings.length).toBeLessThan(events.length);
    const decoded = decodeEvents(columns);
    const shared = events.findIndex((e, i) => e.data !== undefined && events.some((o, j) => j !== i && o.data === e.data));
    expect(shared).toBeGreaterThanOrEqual(0);
    const other = events.findIndex((o, j) => j !== shared && o.data === events[shared]?.data);
    expect(decoded[shared]?.data).toBe(decoded[other]?.data);
  });

  it('transfers its twelve number columns', () => {
    const columns = encodeEvents(traceOf(['http://localhost/']));
    expect(transferablesOf(columns)).toHaveLength(12);
  });
});
