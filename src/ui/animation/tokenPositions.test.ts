import { describe, expect, it } from 'vitest';
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import { EMPTY_TIMELINE, extendTimeline } from '../../store/playback.ts';
import { buildTracks, createTokenBuffer, createTrackBuilder, nodeForEvent, tokenPositions } from './tokenPositions.ts';

const ev = (t: number, requestId: number, component: TraceEvent['component'], event: TraceEvent['event'], extra: Partial<TraceEvent> = {}): TraceEvent => ({ t, requestId, component, event, ...extra });

describe('token positions', () => {
  const events = [
    ev(0, 1, 'Client', 'CLIENT_REQUEST_SENT'),
    ev(1, 1, 'HTTP.sys', 'HTTPSYS_REQUEST_RECEIVED'),
    ev(2, 1, 'HTTP.sys', 'HTTPSYS_QUEUED'),
    ev(500, 1, 'w3wp.exe', 'NOTIFY_MODULE_START', { pid: 7, notification: 'BEGIN_REQUEST', module: 'RequestFilteringModule' }),
    ev(501, 1, 'HTTP.sys', 'HTTPSYS_RESPONSE_SENT'),
    ev(502, 1, 'Client', 'CLIENT_RESPONSE_RECEIVED'),
  ];
  const timeline = extendTimeline(EMPTY_TIMELINE, events);
  const results = new Map([[1, { requestId: 1, status: 404, subStatus: 7, appPool: 'DefaultAppPool' } as RequestResult]]);
  const centres = new Map([
    ['client', { x: 0, y: 0 }],
    ['httpsys:listener', { x: 100, y: 0 }],
    ['queue:DefaultAppPool', { x: 100, y: 100 }],
    ['notification:7:BEGIN_REQUEST', { x: 300, y: 100 }],
  ]);

  it('maps events to the nodes of the architecture graph', () => {
    expect(events.map((e) => nodeForEvent(e, () => 'DefaultAppPool'))).toEqual([
      'client',
      'httpsys:listener',
      'queue:DefaultAppPool',
      'notification:7:BEGIN_REQUEST',
      'httpsys:listener',
      'client',
    ]);
  });

  it('glides between nodes, or jumps with reduced motion', () => {
    const tracks = buildTracks(timeline, results);
    const buffer = createTokenBuffer(10);
    const halfway = ((timeline.at[0] ?? 0) + (timeline.at[1] ?? 0)) / 2;
    tokenPositions(tracks, halfway, centres, false, buffer);
    expect(buffer.count).toBe(1);
    expect(buffer.x[0]).toBeCloseTo(50);
    tokenPositions(tracks, halfway, centres, true, buffer);
    expect(buffer.x[0]).toBe(0);
  });

  it('takes the outcome colour once HTTP.sys sent the response, and disappears after lingering', () => {
    const tracks = buildTracks(timeline, results);
    const buffer = createTokenBuffer(10);
    tokenPositions(tracks, timeline.at[2] ?? 0, centres, false, buffer);
    expect(buffer.decided[0]).toBe(0);
    tokenPositions(tracks, timeline.end, centres, false, buffer);
    expect(buffer.decided[0]).toBe(1);
    tokenPositions(tracks, timeline.end + 10_000, centres, false, buffer);
    expect(buffer.count).toBe(0);
  });
});

describe('tracks built as the timeline grows', () => {
  const events = [
    ev(0, 0, 'applicationHost.config', 'WAS_READ_CONFIG'),
    ev(0, 0, 'WAS', 'WAS_READ_CONFIG'),
    ev(0, 1, 'Client', 'CLIENT_REQUEST_SENT'),
    ev(0, 2, 'Client', 'CLIENT_REQUEST_SENT'),
    ev(1, 1, 'HTTP.sys', 'HTTPSYS_REQUEST_RECEIVED'),
    ev(1, 2, 'HTTP.sys', 'HTTPSYS_REQUEST_RECEIVED'),
    ev(2, 0, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS'),
    ev(2, 1, 'HTTP.sys', 'HTTPSYS_QUEUED'),
    ev(3, 2, 'HTTP.sys', 'HTTPSYS_CACHE_HIT'),
    ev(500, 1, 'w3wp.exe', 'NOTIFY_MODULE_START', { pid: 7, notification: 'BEGIN_REQUEST', module: 'RequestFilteringModule' }),
    ev(501, 1, 'HTTP.sys', 'HTTPSYS_RESPONSE_SENT'),
    ev(502, 1, 'Client', 'CLIENT_RESPONSE_RECEIVED'),
    ev(502, 2, 'Client', 'CLIENT_RESPONSE_RECEIVED'),
  ];
  const timeline = extendTimeline(EMPTY_TIMELINE, events);
  const results = new Map([
    [1, { requestId: 1, status: 404, subStatus: 7, appPool: 'DefaultAppPool' } as RequestResult],
    [2, { requestId: 2, status: 200, subStatus: 0, appPool: 'DefaultAppPool' } as RequestResult],
  ]);
  it('equal those built from the whole timeline at once', () => {
    const builder = createTrackBuilder();
    let grown = EMPTY_TIMELINE;
    for (let from = 0; from < timeline.events.length; from += 2) {
      grown = extendTimeline(grown, timeline.events.slice(from, from + 2), 2);
      // Results arrive after the first events: statuses are taken when they do.
      builder(grown, from === 0 ? new Map() : results);
    }
    const whole = buildTracks(extendTimeline(EMPTY_TIMELINE, timeline.events, 2), results);
    expect(whole).toHaveLength(3);
    expect(builder(grown, results)).toEqual(whole);
  });

  it('start afresh when the timeline does', () => {
    const builder = createTrackBuilder();
    builder(timeline, results);
    expect(builder(EMPTY_TIMELINE, results)).toEqual([]);
  });
});

describe('configuration tokens', () => {
  it('a configuration change travels applicationHost.config -> WAS -> W3SVC -> HTTP.sys', () => {
    const events: TraceEvent[] = [
      { t: 0, requestId: 0, component: 'applicationHost.config', event: 'WAS_READ_CONFIG' },
      { t: 0, requestId: 0, component: 'WAS', event: 'WAS_READ_CONFIG' },
      { t: 0, requestId: 0, component: 'W3SVC', event: 'W3SVC_CONFIGURE_HTTPSYS' },
    ];
    const tracks = buildTracks(extendTimeline(EMPTY_TIMELINE, events), new Map());
    expect(tracks).toHaveLength(1);
    expect(tracks[0]?.nodes).toEqual(['config', 'was', 'w3svc', 'httpsys:urlgroups']);
    expect(tracks[0]?.requestId).toBe(0);
  });
});
