/**
 * A load's outcomes, told: which requests have had their response reach the client at the playback
 * position, how they ended (`status.substatus`) and who decided it (HTTP.sys, or the module that set
 * the status). Pure: tested in Node.
 *
 * A request's status is told only once its response has reached the client in playback (its
 * CLIENT_RESPONSE_RECEIVED event), as the trace panel's result is: a summary taken mid-load counts what
 * has come back so far and says how many are still in flight.
 */
import type { RequestResult, TraceEvent } from '../engine/index.ts';
import type { Timeline } from './playback.ts';

/** `503.0`, or `reset` when the connection was reset with no response (status 0). */
export function statusCodeOf(status: number, subStatus: number): string {
  return status === 0 ? 'reset' : `${String(status)}.${String(subStatus)}`;
}

/**
 * Where each request's response reached the client on the timeline, in the order they did, and the
 * HTTPERR reason of those HTTP.sys answered itself. The store's timeline only grows (playback.ts), so
 * the index grows with it: each update scans only the events added since the last one.
 */
export interface ResponseIndex {
  /** The timeline's events array this index was built from (a new array: a new timeline). */
  readonly events: readonly TraceEvent[];
  /** How many of `events` have been scanned. */
  readonly scanned: number;
  /** Request id -> index of its CLIENT_RESPONSE_RECEIVED event. */
  readonly at: ReadonlyMap<number, number>;
  /** Request ids in the order their responses reached the client (their `at` increasing). */
  readonly answered: readonly number[];
  /** Request id -> the HTTPERR reason HTTP.sys logged for it (QueueFull, AppOffline, Hostname...). */
  readonly httpErr: ReadonlyMap<number, string>;
}

export function indexResponses(timeline: Timeline, previous?: ResponseIndex): ResponseIndex {
  const events = timeline.events;
  const grows = previous !== undefined && previous.events === events && previous.scanned <= events.length;
  // Growing in place, as the timeline does: holders of the previous index see only additions.
  const at = grows ? (previous.at as Map<number, number>) : new Map<number, number>();
  const answered = grows ? (previous.answered as number[]) : [];
  const httpErr = grows ? (previous.httpErr as Map<number, string>) : new Map<number, string>();
  for (let i = grows ? previous.scanned : 0; i < events.length; i++) {
    const event = events[i];
    if (event === undefined || event.requestId === 0) continue;
    if (event.event === 'CLIENT_RESPONSE_RECEIVED') {
      at.set(event.requestId, i);
      answered.push(event.requestId);
    } else if (event.event === 'HTTPSYS_REQUEST_REJECTED' || event.event === 'HTTPSYS_CONNECTION_RESET') {
      // httpSys.ts answerFromHttpSys: the reason HTTP.sys writes to its HTTPERR log.
      const reason = event.data?.Reason;
      if (reason !== undefined) httpErr.set(event.requestId, reason);
    }
  }
  return { events, scanned: events.length, at, answered, httpErr };
}

const indexed = new WeakMap<readonly TraceEvent[], ResponseIndex>();

/**
 * indexResponses for the store's timeline, shared by the views that read it: each part of a load
 * added to the timeline is scanned once, whoever asks first.
 */
export function responsesOf(timeline: Timeline): ResponseIndex {
  const previous = indexed.get(timeline.events);
  if (previous?.scanned === timeline.events.length) return previous;
  const next = indexResponses(timeline, previous);
  indexed.set(timeline.events, next);
  return next;
}

/** How many responses have reached the client by event `index` (a prefix of `answered`). */
export function toldCount(responses: ResponseIndex, index: number): number {
  const { answered, at } = responses;
  let low = 0;
  let high = answered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((at.get(answered[mid] ?? 0) ?? Number.POSITIVE_INFINITY) <= index) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isTold(responses: ResponseIndex, requestId: number, index: number): boolean {
  return (responses.at.get(requestId) ?? Number.POSITIVE_INFINITY) <= index;
}

/** Who decided a request's status, as the summary groups it. */
export interface Decider {
  key: string;
  label: string;
  /** One sentence for a tooltip. */
  detail: string;
}

/**
 * HTTP.sys's own answers by their HTTPERR reason (Microsoft, "Error logging in HTTP APIs": the
 * httperr log's s-reason field), in plain words. `pool` is the request's application pool.
 */
function httpSysDecider(reason: string | undefined, pool: string, status: number): Decider {
  const of = pool === '' ? '' : `${pool} `;
  const said = (label: string, detail: string): Decider => ({ key: `HTTP.sys|${reason ?? ''}|${pool}`, label: `HTTP.sys: ${label}`, detail: `${detail}${reason === undefined ? '' : ` (HTTPERR ${reason})`}.` });
  switch (reason) {
    case 'QueueFull':
      return said(`${of}queue full`, `HTTP.sys refused the request: the request queue of ${pool} held queueLength requests already`);
    case 'AppOffline':
      return said(`${of}stopped by rapid-fail`, `HTTP.sys answered for ${pool}, which rapid-fail protection stopped`);
    case 'Disabled':
      return said(`${of}stopped`, `HTTP.sys answered for ${pool}, which is stopped`);
    case 'Timer_ReqQueue':
      return said(`${of}queue wait timed out`, `HTTP.sys dropped the request after it waited in the ${pool} queue past connectionTimeout`);
    case 'Hostname':
      return said('no binding for the host', 'No site binding matched the request\'s host, address and port');
    case 'NotFound':
      return said('no URL group (site stopped)', 'No URL prefix matched: the site is stopped');
    case 'N/A':
      return said(`no queue for ${pool === '' ? 'the pool' : pool}`, 'The application names a pool that does not exist');
    case 'URL':
    case 'Verb':
      return said(`bad ${reason === 'URL' ? 'URL' : 'verb'}`, 'HTTP.sys refused a request it could not parse');
    case undefined:
      return status === 0
        ? { key: 'HTTP.sys|reset', label: 'HTTP.sys: connection reset', detail: 'HTTP.sys reset the connection: the worker process that held the request ended.' }
        : { key: 'HTTP.sys', label: 'HTTP.sys', detail: 'HTTP.sys answered the request itself.' };
    default:
      return said(reason, 'HTTP.sys answered the request itself');
  }
}

/**
 * Per result: the summary asks for each answered request a few times a second during a load. A
 * request's HTTPERR reason is logged before its response reaches the client, so once told it is known.
 */
const deciders = new WeakMap<RequestResult, Decider>();

export function deciderOf(result: RequestResult, httpErr: string | undefined): Decider {
  let decider = deciders.get(result);
  if (decider === undefined) {
    decider = decide(result, httpErr);
    // Asked before HTTP.sys's reason was scanned, the answer may change: kept only once it cannot.
    if (httpErr !== undefined || result.decidedBy !== 'HTTP.sys') deciders.set(result, decider);
  }
  return decider;
}

function decide(result: RequestResult, httpErr: string | undefined): Decider {
  if (result.servedFrom === 'kernel-cache') return { key: 'HTTP.sys|kernel-cache', label: 'HTTP.sys kernel cache', detail: 'HTTP.sys answered from its kernel response cache: the request never entered user mode.' };
  if (result.decidedBy === 'HTTP.sys') return httpSysDecider(httpErr, result.appPool ?? '', result.status);
  const where = result.servedFrom === 'worker' ? ` in w3wp.exe${result.appPool === undefined ? '' : ` (${result.appPool})`}` : '';
  return { key: result.decidedBy, label: result.decidedBy, detail: `${result.decidedBy} set the status${where}.` };
}

export interface StatusCount {
  /** `503.0` or `reset`. */
  code: string;
  status: number;
  subStatus: number;
  statusText: string;
  count: number;
}

export interface DeciderCount extends Decider {
  count: number;
}

export interface OutcomeSummary {
  /** Requests sent (in the store's results). */
  requests: number;
  /** Of them, those whose response has reached the client at the playback position. */
  told: number;
  inFlight: number;
  /** Most first; ties in status order. */
  byStatus: StatusCount[];
  byDecider: DeciderCount[];
}

export const EMPTY_SUMMARY: OutcomeSummary = { requests: 0, told: 0, inFlight: 0, byStatus: [], byDecider: [] };

/** Counts over a prefix of `answered`: kept per results map, so playing forward counts only what is new. */
interface Tally {
  answered: readonly number[];
  /** How many of `answered` are counted. */
  upTo: number;
  counted: number;
  byStatus: Map<string, StatusCount>;
  byDecider: Map<string, DeciderCount>;
}

const tallies = new WeakMap<ReadonlyMap<number, RequestResult>, Tally>();

function tallyOf(results: ReadonlyMap<number, RequestResult>, responses: ResponseIndex, told: number): Tally {
  let tally = tallies.get(results);
  // A new timeline, or playback moved back: count again from the first response.
  if (tally?.answered !== responses.answered || tally.upTo > told) {
    tally = { answered: responses.answered, upTo: 0, counted: 0, byStatus: new Map(), byDecider: new Map() };
    tallies.set(results, tally);
  }
  for (let i = tally.upTo; i < told; i++) {
    const id = responses.answered[i] ?? 0;
    const result = results.get(id);
    if (result === undefined) continue;
    tally.counted++;
    const code = statusCodeOf(result.status, result.subStatus);
    const status = tally.byStatus.get(code);
    if (status === undefined) tally.byStatus.set(code, { code, status: result.status, subStatus: result.subStatus, statusText: result.statusText, count: 1 });
    else status.count++;
    const decider = deciderOf(result, responses.httpErr.get(id));
    const entry = tally.byDecider.get(decider.key);
    if (entry === undefined) tally.byDecider.set(decider.key, { ...decider, count: 1 });
    else entry.count++;
  }
  tally.upTo = told;
  return tally;
}

/**
 * The outcomes told by event `index`. Counted on from the last summary of the same results while
 * playback moves forward (a load's playback asks a few times a second), from the start otherwise.
 */
export function summarize(results: ReadonlyMap<number, RequestResult>, responses: ResponseIndex, index: number): OutcomeSummary {
  const tally = tallyOf(results, responses, toldCount(responses, index));
  // Plain comparisons: a first localeCompare sets up Intl, a long task on a cold page.
  const statusOrder = (a: StatusCount, b: StatusCount): number => b.count - a.count || a.status - b.status || a.subStatus - b.subStatus;
  return {
    requests: results.size,
    told: tally.counted,
    inFlight: Math.max(0, results.size - tally.counted),
    // Copies: the tally's entries go on counting.
    byStatus: [...tally.byStatus.values()].map((s) => ({ ...s })).sort(statusOrder),
    byDecider: [...tally.byDecider.values()].map((d) => ({ ...d })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
  };
}
