/**
 * Where each request's token is at a display time: on the node of its last event, or on its way to the
 * node of its next one. The server's own work (a configuration change, a recycle, a pool stopped, a
 * worker ended) is a token too, on the path its events take. Tracks are built once per timeline;
 * positions are computed per frame into a reusable buffer (no allocation per token). Pure: tested in Node.
 */
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import type { Timeline } from '../../store/playback.ts';

export interface TokenTrack {
  /** The request's id; negative for a token of the server's own (a configuration change, a recycle). */
  requestId: number;
  /** A request, or something the server does by itself: WAS, W3SVC and HTTP.sys acting on a change. */
  kind: 'request' | 'server';
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

/** The tracks read so far: requests by id, and the server's own tokens under negative ids. */
interface TrackSet {
  byRequest: Map<number, TokenTrack>;
  /** The server's token being extended (a change goes config -> WAS -> W3SVC -> HTTP.sys). */
  activity: TokenTrack | undefined;
  nextActivity: number;
}

/**
 * Builds tracks as the timeline grows (it only ever appends, until a new workspace starts it afresh):
 * each call reads just the events added since the last, so a load arriving in parts costs its size once.
 */
export function createTrackBuilder(): (timeline: Timeline, results: ReadonlyMap<number, RequestResult>) => TokenTrack[] {
  let first: TraceEvent | undefined;
  let read = 0;
  let set: TrackSet = { byRequest: new Map(), activity: undefined, nextActivity: -1 };
  return (timeline, results) => {
    const events = timeline.events;
    if (events[0] !== first || events.length < read) {
      first = events[0];
      read = 0;
      set = { byRequest: new Map(), activity: undefined, nextActivity: -1 };
    }
    const poolOf = (id: number): string | undefined => results.get(id)?.appPool;
    for (let index = read; index < events.length; index++) {
      const event = events[index];
      if (event !== undefined) addEvent(set, event, timeline.at[index] ?? 0, poolOf);
    }
    read = events.length;
    const tracks = [...set.byRequest.values()];
    // A result may arrive after its request's first events: take its status now.
    for (const track of tracks) {
      const result = track.kind === 'server' ? undefined : results.get(track.requestId);
      if (result !== undefined) {
        track.status = result.status;
        track.subStatus = result.subStatus;
      }
    }
    return tracks;
  };
}

function newTrack(requestId: number, kind: TokenTrack['kind']): TokenTrack {
  return { requestId, kind, at: [], nodes: [], decidedAt: Number.POSITIVE_INFINITY, status: 0, subStatus: 0, decidedNode: undefined };
}

function addEvent(set: TrackSet, event: TraceEvent, at: number, poolOf: (requestId: number) => string | undefined): void {
  if (event.requestId === 0) {
    addServerStop(set, event, at);
    return;
  }
  const byRequest = set.byRequest;
  let track = byRequest.get(event.requestId);
  if (track === undefined) {
    track = newTrack(event.requestId, 'request');
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

/** Display ms between the stops of a server token (a step of MIN_STEP in playback.ts). */
const SERVER_STEP = 40;
/** A server event this long (display ms) after the last stop of the token it would extend starts a new one. */
const ACTIVITY_GAP = 2000;

/**
 * Where an event of no request takes the server's token: `start` begins a token of its own, else it
 * extends the one under way. A configuration change travels applicationHost.config -> WAS -> W3SVC ->
 * HTTP.sys's URL groups (the seeds' path); WAS acting on a worker process (a recycle, an idle shutdown,
 * a missed ping) goes from WAS to the worker; a worker ended from outside goes from the worker to WAS,
 * which sees it exit; a pool stopped or started goes from WAS to the pool's request queue in HTTP.sys.
 */
function serverStops(event: TraceEvent): { start: boolean; nodes: string[] } | undefined {
  const worker = event.pid === undefined ? undefined : `worker:${String(event.pid)}`;
  const pool = event.data?.AppPool;
  switch (event.event) {
    case 'WAS_READ_CONFIG':
      return event.component === 'applicationHost.config' ? { start: true, nodes: ['config'] } : { start: false, nodes: ['was'] };
    case 'W3SVC_CONFIGURE_HTTPSYS':
      return { start: false, nodes: ['w3svc', pool === undefined ? 'httpsys:urlgroups' : `queue:${pool}`] };
    case 'WAS_START_WORKER':
      return { start: false, nodes: worker === undefined ? ['was'] : ['was', worker] };
    case 'WAS_RECYCLE':
    case 'WAS_IDLE_SHUTDOWN':
    case 'WAS_PING_FAILED':
      return { start: true, nodes: worker === undefined ? ['was'] : ['was', worker] };
    case 'WORKER_CRASHED':
      return { start: true, nodes: worker === undefined ? ['was'] : [worker, 'was'] };
    case 'WAS_POOL_STATE':
      return { start: true, nodes: pool === undefined ? ['was'] : ['was', `queue:${pool}`] };
    case 'WAS_RAPID_FAIL_PROTECTION':
      return { start: true, nodes: ['was'] };
    default:
      return undefined;
  }
}

function addServerStop(set: TrackSet, event: TraceEvent, at: number): void {
  const stops = serverStops(event);
  if (stops === undefined) return;
  let track = set.activity;
  if (stops.start || track === undefined || (track.at.at(-1) ?? 0) < at - ACTIVITY_GAP) {
    track = newTrack(set.nextActivity--, 'server');
    set.byRequest.set(track.requestId, track);
    set.activity = track;
  }
  for (const node of stops.nodes) {
    const last = track.at.at(-1);
    if (track.nodes.at(-1) === node) continue;
    track.at.push(last === undefined ? at : Math.max(at, last + SERVER_STEP));
    track.nodes.push(node);
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
