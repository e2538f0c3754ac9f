import { describe, expect, it } from 'vitest';
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import { EMPTY_TIMELINE, extendTimeline } from '../../store/playback.ts';
import { defaultWorkspace } from '../../config/index.ts';
import { createInProcessEngineClient } from '../../store/engineHost.ts';
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

describe('the server\'s own tokens', () => {
  const nodesOf = (events: TraceEvent[]): string[][] => buildTracks(extendTimeline(EMPTY_TIMELINE, events), new Map()).map((t) => t.nodes);

  it('a configuration change travels applicationHost.config -> WAS -> W3SVC -> HTTP.sys', () => {
    const events: TraceEvent[] = [
      ev(0, 0, 'applicationHost.config', 'WAS_READ_CONFIG'),
      ev(0, 0, 'WAS', 'WAS_READ_CONFIG'),
      ev(0, 0, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS'),
    ];
    const tracks = buildTracks(extendTimeline(EMPTY_TIMELINE, events), new Map());
    expect(tracks).toHaveLength(1);
    expect(tracks[0]?.nodes).toEqual(['config', 'was', 'w3svc', 'httpsys:urlgroups']);
    expect(tracks[0]?.kind).toBe('server');
    expect(tracks[0]?.requestId).toBeLessThan(0);
    // One stop after another: the token glides, it does not jump.
    const at = tracks[0]?.at ?? [];
    expect(at.every((t, i) => i === 0 || t > (at[i - 1] ?? 0))).toBe(true);
  });

  it('each change keeps its own token, so scrubbing back to an earlier one shows it', () => {
    const change = (t: number): TraceEvent[] => [ev(t, 0, 'applicationHost.config', 'WAS_READ_CONFIG'), ev(t, 0, 'WAS', 'WAS_READ_CONFIG'), ev(t, 0, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS')];
    const timeline = extendTimeline(EMPTY_TIMELINE, [...change(0), ...change(5000)]);
    const tracks = buildTracks(timeline, new Map());
    expect(tracks).toHaveLength(2);
    expect(new Set(tracks.map((t) => t.requestId)).size).toBe(2);
    const buffer = createTokenBuffer(4);
    const centres = new Map([['config', { x: 0, y: 0 }], ['was', { x: 10, y: 0 }], ['w3svc', { x: 20, y: 0 }], ['httpsys:urlgroups', { x: 30, y: 0 }]]);
    tokenPositions(tracks, timeline.at[1] ?? 0, centres, false, buffer);
    expect(buffer.count).toBe(1);
    expect(buffer.track[0]).toBe(0);
  });

  it('a recycle goes from WAS to the old worker, and the replacement\'s start from the configuration through W3SVC and WAS to the new one', () => {
    expect(
      nodesOf([
        ev(0, 0, 'WAS', 'WAS_RECYCLE', { pid: 7, data: { AppPool: 'DefaultAppPool' } }),
        ev(0, 0, 'applicationHost.config', 'WAS_READ_CONFIG'),
        ev(0, 0, 'W3SVC', 'W3SVC_CONFIGURE_HTTPSYS', { data: { AppPool: 'DefaultAppPool' } }),
        ev(0, 0, 'WAS', 'WAS_START_WORKER', { pid: 9, data: { AppPool: 'DefaultAppPool' } }),
        ev(300, 0, 'w3wp.exe', 'WORKER_READY', { pid: 9 }),
        ev(300, 0, 'WAS', 'WAS_WORKER_EXITED', { pid: 7 }),
      ]),
    ).toEqual([
      ['was', 'worker:7'],
      ['config', 'w3svc', 'queue:DefaultAppPool', 'was', 'worker:9'],
    ]);
  });

  it('a worker ended from outside goes from the worker to WAS; a pool stopped, from WAS to its queue', () => {
    expect(
      nodesOf([
        ev(0, 0, 'w3wp.exe', 'WORKER_CRASHED', { pid: 7 }),
        ev(0, 0, 'WAS', 'WAS_WORKER_EXITED', { pid: 7 }),
        ev(10, 0, 'WAS', 'WAS_POOL_STATE', { data: { AppPool: 'Shop', State: 'Stopped' } }),
      ]),
    ).toEqual([
      ['worker:7', 'was'],
      ['was', 'queue:Shop'],
    ]);
  });

  it('the engine\'s own events of a pool stopped by a configuration change make those tokens', async () => {
    const client = createInProcessEngineClient();
    const workspace = defaultWorkspace();
    const load = await client.request({ type: 'load', workspace, seed: 1 });
    const sent = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] });
    const stopped = { ...workspace, applicationHostConfig: workspace.applicationHostConfig.replace('<add name="DefaultAppPool"', '<add name="DefaultAppPool" autoStart="false"') };
    const change = await client.request({ type: 'apply', workspace: stopped });
    const timeline = extendTimeline(extendTimeline(extendTimeline(EMPTY_TIMELINE, load.events), sent.events), change.events);
    const server = buildTracks(timeline, new Map(sent.results.map((r) => [r.requestId, r]))).filter((t) => t.kind === 'server');
    const paths = server.map((t) => t.nodes.join(' > '));
    expect(paths).toContain('config > was > w3svc > httpsys:urlgroups');
    expect(paths).toContain('was > queue:DefaultAppPool');
  });
});
