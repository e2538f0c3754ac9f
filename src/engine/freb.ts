/**
 * Failed Request Tracing (FREB) export: turns one simulated request's trace into the XML file IIS writes
 * to `FailedReqLogFiles\W3SVC<siteId>\fr000001.xml`, in the layout of the real traces F26, F27 and F29
 * (fact sheet §9.2), so that IIS's own freb.xsl can open it.
 *
 * Pure and deterministic: no wall clock (TimeCreated is `epochMs` + the event's virtual time), no
 * randomness (the activity GUID and the thread id are derived from the request id).
 *
 * What is written:
 * - The three header lines, then `<failedRequest …>` with one attribute a line, as in the fixtures
 *   (CRLF line ends, 15-space attribute indent, no line end after `</failedRequest>`).
 * - One `<Event>` per trace event that happens inside the worker and has a FREB meaning: exactly the
 *   events named in FREB_EVENTS (frebCatalogue.ts). Events outside the worker (HTTPSYS_* except HTTPSYS_CACHEABLE,
 *   WAS_*, W3SVC_*, WORKER_*, CLIENT_*, APPDOMAIN_CREATED, CONFIG_ERROR, …) are skipped, and so are events
 *   tagged with another request's id (requestId 0, "no request", is kept).
 * - A request that never reached a worker (answered by HTTP.sys alone, from the kernel cache, or refused)
 *   has no such events; so that the file is still a valid trace, a GENERAL_REQUEST_START (at startTime)
 *   and a GENERAL_REQUEST_END (at endTime, with the result's status and bytes) are synthesized from the
 *   result whenever the trace has none (either one is added alone when only it is missing, e.g. after a
 *   worker crash). Real IIS writes no file at all for a request that never reached a worker.
 * - Data fields are written in each event class's field order; a field the trace does not give is written
 *   empty, as the fixtures do. Keys of `event.data` that the event class does not have are not written.
 * - Values from the trace are untrusted: &, <, >, " and ' are escaped everywhere, characters XML 1.0 cannot
 *   carry (C0 controls other than tab/CR/LF, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, and line
 *   breaks inside attribute values are written as character references so they survive.
 */
import { NOTIFICATION_BITS } from './trace.ts';
import type { Notification, TraceEvent } from './trace.ts';
import type { RequestResult } from './types.ts';
import { AREAS, ATTR_INDENT, ERROR_MESSAGES, FREB_EVENTS, NL, NOTIFICATION_STATUS, PROVIDER_GUID, PROVIDER_NAME, type Describe, type FrebEventClass } from './frebCatalogue.ts';

export interface FrebOptions {
  /** Virtual time 0 as Unix epoch milliseconds, for TimeCreated (default 1767225600000 = 2026-01-01T00:00:00Z). */
  epochMs?: number;
  computerName?: string;
  siteId: number;
  failureReason?: 'STATUS_CODE' | 'TIME_TAKEN';
  /**
   * authenticationType and user names as FREB writes them. Default: `anonymous` and empty names when the
   * trace shows the request reaching authentication (an AUTH_* event or an AUTHENTICATE_REQUEST
   * notification), else `NOT_AVAILABLE`. With `NOT_AVAILABLE` the three user-name attributes are left out,
   * as in F29.
   */
  authenticationType?: string;
  userName?: string;
  tokenUserName?: string;
}

export const FREB_DEFAULT_EPOCH_MS = 1767225600000;
export const FREB_DEFAULT_COMPUTER_NAME = 'IISFLOW';

/** The FREB names of the events toFrebXml writes; everything else in a trace is skipped. */
export function isFrebEvent(name: string): boolean {
  return Object.hasOwn(FREB_EVENTS, name);
}

// ---------------------------------------------------------------------------------------------------
// Text helpers

/**
 * Replaces what XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and
 * U+FFFF) with U+FFFD, so that a hostile value cannot make the file ill-formed.
 */
function toXmlChars(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let bad = false;
    if (c < 0x20) bad = c !== 0x09 && c !== 0x0a && c !== 0x0d;
    else if (c === 0xfffe || c === 0xffff) bad = true;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad) {
      out += value.slice(from, i) + '\uFFFD';
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text content. CR and LF are kept as they are (FREB keeps the CRLFs of header blocks). */
function escapeText(value: string): string {
  return toXmlChars(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escapes an attribute value; tab, CR and LF become references so attribute normalisation keeps them. */
function escapeAttr(value: string): string {
  return escapeText(value).replace(/[\t\n\r]/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}

/** A non-negative safe integer from an untrusted number (NaN, infinities and negatives become 0). */
function toIndex(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(Math.trunc(value), Number.MAX_SAFE_INTEGER);
}

// ---------------------------------------------------------------------------------------------------
// Public helpers

/**
 * A deterministic activity GUID for a request id, in the shape IIS uses
 * (`{80000004-0000-F900-B63F-84710C7967BB}` for request 4, as in F26): the first group is 0x80000000 plus
 * the low 31 bits of the id, the second the next 16 bits, the rest fixed.
 */
export function activityIdFor(requestId: number): string {
  const id = toIndex(requestId);
  const low = id % 0x80000000;
  const high = Math.floor(id / 0x80000000) % 0x10000;
  return `{${hex(0x80000000 + low, 8)}-${hex(high, 4)}-F900-B63F-84710C7967BB}`;
}

/** A deterministic worker thread id for a request: a multiple of 4 (as Windows thread ids are) in 4096–20476. */
function threadIdFor(requestId: number): number {
  const id = toIndex(requestId);
  let h = Math.imul((id % 0x100000000) ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  return 4096 + (h % 4096) * 4;
}

/** Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * Formats epoch milliseconds as FREB's SystemTime (`2016-09-11T05:26:48.697Z`) without Date. Fractions of
 * a millisecond are truncated (floored); a non-finite value is taken as 0.
 */
export function formatSystemTime(epochMs: number): string {
  const ms = Number.isFinite(epochMs) ? Math.floor(epochMs) : 0;
  const days = Math.floor(ms / 86400000);
  const inDay = ms - days * 86400000;
  const { year, month, day } = civilFromDays(days);
  const hours = Math.floor(inDay / 3600000);
  const minutes = Math.floor((inDay % 3600000) / 60000);
  const seconds = Math.floor((inDay % 60000) / 1000);
  const millis = inDay % 1000;
  const yearText = year < 0 ? `-${pad(-year, 6)}` : year > 9999 ? `+${pad(year, 6)}` : pad(year, 4);
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}Z`;
}

// ---------------------------------------------------------------------------------------------------
// Field values and descriptions

const NOTIFICATION_BY_BIT: ReadonlyMap<number, Notification> = new Map(
  (Object.entries(NOTIFICATION_BITS) as [Notification, number][]).map(([name, bit]) => [bit, name]),
);

/** Parses an ErrorCode given as decimal, `0x…` hex or a negative (signed) HRESULT into its unsigned value. */
function parseErrorCode(value: string): number | undefined {
  const text = value.trim();
  let n: number;
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) n = Number.parseInt(text.slice(2), 16);
  else if (/^-?\d{1,10}$/.test(text)) n = Number(text);
  else return undefined;
  if (n < -0x80000000 || n > 0xffffffff) return undefined;
  return n >>> 0;
}

function describeValue(describe: Describe, value: string): string | undefined {
  if (describe === 'notification') {
    const bit = Number(value);
    return value !== '' && Number.isInteger(bit) ? NOTIFICATION_BY_BIT.get(bit) : undefined;
  }
  if (describe === 'notificationStatus') return Object.hasOwn(NOTIFICATION_STATUS, value) ? NOTIFICATION_STATUS[value] : undefined;
  if (describe === 'errorCode') {
    const code = parseErrorCode(value);
    if (code === undefined) return undefined;
    const message = ERROR_MESSAGES.get(code);
    // FREB keeps the CR of FormatMessage's CRLF and turns the LF into a space (F26, F29).
    return message === undefined ? undefined : `${message}\r (0x${code.toString(16)})`;
  }
  return Object.hasOwn(describe, value) ? describe[value] : undefined;
}

function dataField(event: TraceEvent, name: string): string | undefined {
  const data = event.data;
  if (data === undefined || !Object.hasOwn(data, name)) return undefined;
  const value: unknown = data[name];
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function absoluteUrl(url: string): string {
  return url.startsWith('/') ? `http://localhost${url}` : url;
}

interface Context {
  result: RequestResult;
  options: FrebOptions;
}

/** The value of one data field: the event's typed properties first, then event.data, then the result. */
function fieldValue(name: string, event: TraceEvent, ctx: Context): string {
  const { result, options } = ctx;
  const given = dataField(event, name);
  switch (name) {
    case 'ModuleName':
      return event.module ?? given ?? '';
    case 'Notification':
      return event.notification !== undefined && Object.hasOwn(NOTIFICATION_BITS, event.notification)
        ? String(NOTIFICATION_BITS[event.notification])
        : (given ?? '');
    case 'fIsPostNotification':
    case 'fIsPostNotificationEvent':
      return event.isPost !== undefined ? String(event.isPost) : (given ?? 'false');
    case 'NotificationStatus':
      return given ?? '0';
    case 'HttpStatus':
      if (event.status !== undefined) return String(event.status);
      if (given !== undefined) return given;
      return event.event === 'GENERAL_REQUEST_END' ? String(result.status) : '';
    case 'HttpSubStatus':
      if (event.subStatus !== undefined) return String(event.subStatus);
      if (given !== undefined) return given;
      if (event.event === 'GENERAL_REQUEST_END' && event.status === undefined) return String(result.subStatus);
      return event.status !== undefined ? '0' : '';
    case 'HttpReason':
      if (given !== undefined) return given;
      return event.status !== undefined && event.status === result.status ? result.statusText : '';
    case 'ErrorCode': {
      if (given === undefined) return '';
      const code = parseErrorCode(given);
      return code === undefined ? given : String(code);
    }
    default:
      break;
  }
  if (given !== undefined) return given;
  if (event.event === 'GENERAL_REQUEST_START') {
    if (name === 'SiteId') return String(options.siteId);
    if (name === 'AppPoolId') return result.appPool ?? '';
    if (name === 'RequestURL') return absoluteUrl(result.url);
    if (name === 'RequestVerb') return result.method;
  }
  if (event.event === 'GENERAL_REQUEST_END' && name === 'BytesSent') return String(result.bytesSent);
  return '';
}

// ---------------------------------------------------------------------------------------------------
// Writing

function writeEvent(out: string[], event: TraceEvent, cls: FrebEventClass, ctx: Context, common: EventCommon): void {
  const area = AREAS[cls.area];
  const t = Number.isFinite(event.t) ? event.t : ctx.result.startTime;
  const pid = event.pid ?? ctx.result.workerProcess ?? 0;
  const values = cls.fields.map((name) => [name, fieldValue(name, event, ctx)] as const);
  out.push(
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    ' <System>',
    `  <Provider Name="${PROVIDER_NAME}" Guid="${PROVIDER_GUID}"/>`,
    '  <EventID>0</EventID>',
    '  <Version>1</Version>',
    `  <Level>${String(cls.level)}</Level>`,
    `  <Opcode>${String(cls.opcode)}</Opcode>`,
    `  <Keywords>0x${area.keywords.toString(16).toUpperCase()}</Keywords>`,
    `  <TimeCreated SystemTime="${formatSystemTime(common.epochMs + t)}"/>`,
    `  <Correlation ActivityID="${common.activityId}"/>`,
    `  <Execution ProcessID="${escapeAttr(String(pid))}" ThreadID="${String(common.threadId)}"/>`,
    `  <Computer>${common.computer}</Computer>`,
    ' </System>',
    ' <EventData>',
    `  <Data Name="ContextId">${common.activityId}</Data>`,
  );
  for (const [name, value] of values) out.push(`  <Data Name="${name}">${escapeText(value)}</Data>`);
  out.push(' </EventData>', ' <RenderingInfo Culture="en-US">', `  <Opcode>${event.event}</Opcode>`);
  if (area.keywordName !== undefined) {
    out.push('  <Keywords>', `   <Keyword>${area.keywordName}</Keyword>`, '  </Keywords>');
  }
  const describe = cls.describe;
  if (describe !== undefined) {
    for (const [name, value] of values) {
      const how = Object.hasOwn(describe, name) ? describe[name] : undefined;
      const text = how === undefined ? undefined : describeValue(how, value);
      if (text !== undefined) out.push(`  <freb:Description Data="${name}">${escapeText(text)}</freb:Description>`);
    }
  }
  out.push(
    ' </RenderingInfo>',
    ' <ExtendedTracingInfo xmlns="http://schemas.microsoft.com/win/2004/08/events/trace">',
    `  <EventGuid>${area.eventGuid}</EventGuid>`,
    ' </ExtendedTracingInfo>',
    '</Event>',
  );
}

interface EventCommon {
  epochMs: number;
  activityId: string;
  threadId: number;
  computer: string;
}

/** True when the trace shows the request reaching the AuthenticateRequest stage. */
function reachedAuthentication(events: readonly TraceEvent[]): boolean {
  return events.some((e) => e.event.startsWith('AUTH_') || e.notification === 'AUTHENTICATE_REQUEST');
}

/**
 * The FREB XML file for one request. See the module comment for what is exported and synthesized.
 *
 * @example
 * const xml = toFrebXml(result, { siteId: 1 });
 */
export function toFrebXml(result: RequestResult, options: FrebOptions): string {
  const ctx: Context = { result, options };
  const events = result.trace.filter(
    (e) => isFrebEvent(e.event) && (e.requestId === result.requestId || e.requestId === 0),
  );
  if (!events.some((e) => e.event === 'GENERAL_REQUEST_START')) {
    events.unshift({
      t: result.startTime,
      requestId: result.requestId,
      component: 'w3wp.exe',
      event: 'GENERAL_REQUEST_START',
    });
  }
  if (!events.some((e) => e.event === 'GENERAL_REQUEST_END')) {
    events.push({
      t: result.endTime,
      requestId: result.requestId,
      component: 'w3wp.exe',
      event: 'GENERAL_REQUEST_END',
      status: result.status,
      subStatus: result.subStatus,
    });
  }

  const epochMs = options.epochMs !== undefined && Number.isFinite(options.epochMs) ? options.epochMs : FREB_DEFAULT_EPOCH_MS;
  const activityId = activityIdFor(result.requestId);
  const failureReason = options.failureReason ?? 'STATUS_CODE';
  const authenticationType =
    options.authenticationType ?? (reachedAuthentication(events) ? 'anonymous' : 'NOT_AVAILABLE');
  const elapsed = result.endTime - result.startTime;
  const timeTaken = Number.isFinite(elapsed) && elapsed > 0 ? Math.round(elapsed) : 0;
  const common: EventCommon = {
    epochMs,
    activityId,
    threadId: threadIdFor(result.requestId),
    computer: escapeText(options.computerName ?? FREB_DEFAULT_COMPUTER_NAME),
  };
  const attr = (name: string, value: string): string => `${ATTR_INDENT}${name}="${escapeAttr(value)}"`;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    "<?xml-stylesheet type='text/xsl' href='freb.xsl'?>",
    '<!-- saved from url=(0014)about:internet -->',
    `<failedRequest url="${escapeAttr(absoluteUrl(result.url))}"`,
    attr('siteId', String(options.siteId)),
    attr('appPoolId', result.appPool ?? ''),
    attr('processId', String(result.workerProcess ?? 0)),
    attr('verb', result.method),
  ];
  if (authenticationType === 'NOT_AVAILABLE') {
    // F29: without the user-name attributes, FREB writes activityId on the same line.
    out.push(`${attr('authenticationType', authenticationType)}${attr('activityId', activityId)}`);
  } else {
    out.push(
      // FrebOptions has no separate remote user: the name the client gave is the authenticated one.
      attr('remoteUserName', options.userName ?? ''),
      attr('userName', options.userName ?? ''),
      attr('tokenUserName', options.tokenUserName ?? ''),
      attr('authenticationType', authenticationType),
      attr('activityId', activityId),
    );
  }
  out.push(
    attr('failureReason', failureReason),
    attr('statusCode', String(result.status)),
    attr('triggerStatusCode', failureReason === 'TIME_TAKEN' ? '0' : String(result.status)),
    attr('timeTaken', String(timeTaken)),
    attr('xmlns:freb', 'http://schemas.microsoft.com/win/2006/06/iis/freb'),
    `${ATTR_INDENT}>`,
  );
  for (const event of events) {
    const cls = FREB_EVENTS[event.event];
    if (cls !== undefined) writeEvent(out, event, cls, ctx, common);
  }
  out.push('</failedRequest>');
  return out.join(NL);
}
