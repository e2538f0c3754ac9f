import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/index.ts';
import { EMPTY_TIMELINE, MAX_GAP, MIN_STEP, eventIndexAt, extendTimeline, formatSpeed, growTimeline, speedFromSlider } from './playback.ts';

const event = (t: number, name: TraceEvent['event'] = 'HTTPSYS_REQUEST_RECEIVED'): TraceEvent => ({ t, requestId: 1, component: 'HTTP.sys', event: name });

describe('playback timeline', () => {
  it('orders a batch by time, stretches short steps and shortens long gaps', () => {
    const timeline = extendTimeline(EMPTY_TIMELINE, [event(0), event(1000.01), event(1000), event(100_000)]);
    expect(timeline.events.map((e) => e.t)).toEqual([0, 1000, 1000.01, 100_000]);
    expect(timeline.at).toEqual([0, 1000, 1000 + MIN_STEP, 1000 + MIN_STEP + MAX_GAP]);
    expect(timeline.end).toBe(1000 + MIN_STEP + MAX_GAP);
  });

  it('appends later batches after what is there', () => {
    const first = extendTimeline(EMPTY_TIMELINE, [event(0), event(10)]);
    const second = extendTimeline(first, [event(2000)]);
    expect(second.at).toEqual([0, MIN_STEP, MIN_STEP + MAX_GAP]);
    expect(first.events).toHaveLength(2);
  });

  it('grows the timeline the store owns in place to what extending it would give, never touching the empty one', () => {
    const batches = [[event(0), event(10)], [event(5000), event(5001)], [event(5002)]];
    let grown = EMPTY_TIMELINE;
    let extended = EMPTY_TIMELINE;
    for (const batch of batches) {
      grown = growTimeline(grown, batch, 1);
      extended = extendTimeline(extended, batch, 1);
    }
    expect(grown.at).toEqual(extended.at);
    expect(grown.end).toBe(extended.end);
    expect(EMPTY_TIMELINE.events).toHaveLength(0);
  });

  it('finds the event at a display time', () => {
    const timeline = extendTimeline(EMPTY_TIMELINE, [event(0), event(100), event(200)]);
    expect(eventIndexAt(timeline, -1)).toBe(-1);
    expect(eventIndexAt(timeline, 0)).toBe(0);
    expect(eventIndexAt(timeline, 150)).toBe(1);
    expect(eventIndexAt(timeline, 10_000)).toBe(2);
  });

  it('maps the speed slider to x0.1 .. x1000', () => {
    expect([0, 1, 2, 3, 4].map(speedFromSlider)).toEqual([0.1, 1, 10, 100, 1000]);
    expect(formatSpeed(0.1)).toBe('x0.1');
    expect(formatSpeed(1000)).toBe('x1000');
  });
});
