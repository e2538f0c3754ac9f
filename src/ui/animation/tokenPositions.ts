/**
 * Where each request's token is at a display time: on the node of its last event, or on its way to the
 * node of its next one. Tracks are built once per timeline; positions are computed per frame into a
 * reusable buffer (no allocation per token). Pure: tested in Node.
 */
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import type { Timeline } from '../../store/playback.ts';

export interface TokenTrack {
  requestId: number;
  /** Display times of the request's events, increasing. */
  at: number[];
  /** The node each event happens at. */
  nodes: string[];
  /** Display time at which the response left HTTP.sys (the token takes its outcome colour). */
  decidedAt: number;
  status: number;
  subStatus: number;
  /** The node where the status was decided (a module's notification, HTTP.sys, its cache). */
  decidedNode: string | undefined;
}

/** The graph node an engine event happens at. */
export function nodeForEvent(event: TraceEvent, poolOf: (requestId: number) => string | undefined): string {
  switch (event.component) {
    case 'Client':
      return 'client';
    case 'HTTP.sys':
      if (event.event === 'HTTPSYS_BINDING_MATCHED') return 'httpsys:urlgroups';
      if (event.event === 'HTTPSYS_CACHE_HIT' || event.event === 'HTTPSYS_CACHE_MISS' || event.event === 'HTTPSYS_CACHE_STORED') return 'httpsys:cache';
      if (event.event === 'HTTPSYS_QUEUED') return `queue:${poolOf(event.requestId) ?? ''}`;
      return 'httpsys:listener';
    case 'W3SVC':
      return 'w3svc';
    case 'WAS':
      return 'was';
    case 'applicationHost.config':
      return 'config';
    case 'NetTcpActivator':
    case 'NetPipeActivator':
    case 'NetMsmqActivator':
      return `adapter:${event.component}`;
    case 'w3wp.exe': {
      const pid = String(event.pid ?? 0);
      if ((event.event === 'NOTIFY_MODULE_START' || event.event === 'NOTIFY_MODULE_END') && event.notification !== undefined) return `notification:${pid}:${event.notification}`;
      if (event.event === 'PRE_BEGIN_REQUEST_START' || event.event === 'PRE_BEGIN_REQUEST_END') return `notification:${pid}:PRE_BEGIN_REQUEST`;
      if (event.event === 'MODULE_SET_RESPONSE_ERROR_STATUS' && event.notification !== undefined) return `notification:${pid}:${event.notification}`;
      if (event.event === 'APPDOMAIN_CREATED') return `appdomain:${pid}`;
      return `worker:${pid}`;
    }
  }
}

export function buildTracks(timeline: Timeline, results: ReadonlyMap<number, RequestResult>): TokenTrack[] {
  return createTrackBuilder()(timeline, results);
}

/**
 * Builds tracks as the timeline grows (it only ever appends, until a new workspace starts it afresh):
 * each call reads just the events added since the last, so a load arriving in parts costs its size once.
 */
export function createTrackBuilder(): (timeline: Timeline, results: ReadonlyMap<number, RequestResult>) => TokenTrack[] {
  let first: TraceEvent | undefined;
  let read = 0;
  let byRequest = new Map<number, TokenTrack>();
  return (timeline, results) => {
    const events = timeline.events;
    if (events[0] !== first || events.length < read) {
      first = events[0];
      read = 0;
      byRequest = new Map();
    }
    const poolOf = (id: number): string | undefined => results.get(id)?.appPool;
    for (let index = read; index < events.length; index++) {
      const event = events[index];
      if (event !== undefined) addEvent(byRequest, event, timeline.at[index] ?? 0, poolOf);
    }
    read = events.length;
    const tracks = [...byRequest.values()];
    // A result may arrive after its request's first events: take its status now.
    for (const track of tracks) {
      const result = track.requestId === 0 ? undefined : results.get(track.requestId);
      if (result !== undefined) {
        track.status = result.status;
        track.subStatus = result.subStatus;
      }
    }
    return tracks;
  };
}

function addEvent(byRequest: Map<number, TokenTrack>, event: TraceEvent, at: number, poolOf: (requestId: number) => string | undefined): void {
  if (event.requestId === 0) {
    addConfigurationStop(byRequest, event, at);
    return;
  }
  let track = byRequest.get(event.requestId);
  if (track === undefined) {
    track = { requestId: event.requestId, at: [], nodes: [], decidedAt: Number.POSITIVE_INFINITY, status: 0, subStatus: 0, decidedNode: undefined };
    byRequest.set(event.requestId, track);
  }
  const node = nodeForEvent(event, poolOf);
  // Consecutive events at one node are one stop.
  if (track.nodes.at(-1) === node) track.at[track.at.length - 1] = at;
  else {
    track.at.push(at);
    track.nodes.push(node);
  }
  if (event.event === 'MODULE_SET_RESPONSE_ERROR_STATUS' || event.event === 'HTTPSYS_CACHE_HIT' || event.event === 'HTTPSYS_REQUEST_REJECTED') track.decidedNode ??= node;
  if (event.event === 'NOTIFY_MODULE_END' && event.notification === 'EXECUTE_REQUEST_HANDLER') track.decidedNode ??= node;
  if (event.event === 'HTTPSYS_RESPONSE_SENT' || event.event === 'HTTPSYS_CACHE_HIT' || event.event === 'HTTPSYS_REQUEST_REJECTED' || event.event === 'HTTPSYS_CONNECTION_RESET') track.decidedAt = Math.min(track.decidedAt, at);
}

/**
 * A configuration change (WAS reads applicationHost.config, W3SVC updates HTTP.sys) is drawn as a token
 * too, travelling applicationHost.config -> WAS -> W3SVC -> HTTP.sys. Its track has requestId 0.
 */
function addConfigurationStop(tracks: Map<number, TokenTrack>, event: TraceEvent, at: number): void {
  const stop =
    event.event === 'WAS_READ_CONFIG' ? (event.component === 'applicationHost.config' ? 'config' : 'was') : event.event === 'W3SVC_CONFIGURE_HTTPSYS' ? 'w3svc' : undefined;
  if (stop === undefined) return;
  let track = tracks.get(0);
  if (track === undefined || (track.at.at(-1) ?? 0) < at - 2000) {
    track = { requestId: 0, at: [], nodes: [], decidedAt: Number.POSITIVE_INFINITY, status: 200, subStatus: 0, decidedNode: undefined };
    tracks.set(0, track);
  }
  if (stop === 'config' || track.nodes.length === 0) {
    track.at.length = 0;
    track.nodes.length = 0;
  }
  track.at.push(at);
  track.nodes.push(stop);
  if (stop === 'w3svc') {
    track.at.push(at + 40);
    track.nodes.push('httpsys:urlgroups');
  }
}

export interface TokenBuffer {
  count: number;
  x: Float64Array;
  y: Float64Array;
  /** Index into `tracks` of each drawn token. */
  track: Int32Array;
  /** 1 when the token shows its outcome. */
  decided: Uint8Array;
}

export function createTokenBuffer(capacity: number): TokenBuffer {
  return { count: 0, x: new Float64Array(capacity), y: new Float64Array(capacity), track: new Int32Array(capacity), decided: new Uint8Array(capacity) };
}

/** How long a finished request's token stays at the client. */
export const LINGER = 600;

/**
 * Fills `out` with the tokens visible at `position`. With `jump` (reduced motion) a token sits on the
 * node of its last event instead of gliding between nodes.
 */
export function tokenPositions(tracks: readonly TokenTrack[], position: number, centres: ReadonlyMap<string, { x: number; y: number }>, jump: boolean, out: TokenBuffer): void {
  let count = 0;
  for (let t = 0; t < tracks.length && count < out.x.length; t++) {
    const track = tracks[t];
    if (track === undefined) continue;
    const at = track.at;
    const first = at[0];
    const last = at[at.length - 1];
    if (first === undefined || last === undefined || position < first || position > last + LINGER) continue;
    let low = 0;
    let high = at.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((at[mid] ?? 0) <= position) low = mid;
      else high = mid - 1;
    }
    const from = centres.get(track.nodes[low] ?? '');
    const to = centres.get(track.nodes[low + 1] ?? '');
    if (from === undefined) continue;
    let x = from.x;
    let y = from.y;
    const start = at[low] ?? 0;
    const end = at[low + 1];
    if (!jump && to !== undefined && end !== undefined && end > start) {
      const f = (position - start) / (end - start);
      x += (to.x - from.x) * f;
      y += (to.y - from.y) * f;
    }
    out.x[count] = x;
    out.y[count] = y;
    out.track[count] = t;
    out.decided[count] = position >= track.decidedAt ? 1 : 0;
    count++;
  }
  out.count = count;
}

/** Token colours by outcome, as the legend shows them. */
export function outcomeColour(status: number): string {
  if (status >= 500) return '#cf222e';
  if (status >= 400) return '#d4762c';
  if (status >= 300) return '#0969da';
  if (status >= 200) return '#1a7f37';
  return '#6e7781';
}
