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
 *   events named in FREB_EVENTS below. Events outside the worker (HTTPSYS_* except HTTPSYS_CACHEABLE,
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

/** The "WWW Server" trace provider (F05, F26). */
const PROVIDER_NAME = 'WWW Server';
const PROVIDER_GUID = '{3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}';
const NL = '\r\n';
const ATTR_INDENT = ' '.repeat('<failedRequest '.length);

/**
 * The event classes (areas) of the WWW Server provider: keyword mask, keyword name (RenderingInfo) and
 * the EventGuid of ExtendedTracingInfo, all as in F26/F27/F29. General events carry keyword 0x0 and no
 * <Keywords> list in RenderingInfo.
 */
type FrebArea = 'General' | 'RequestNotifications' | 'Authentication' | 'Cache' | 'Compression';

const AREAS: Readonly<Record<FrebArea, { keywords: number; keywordName: string | undefined; eventGuid: string }>> = {
  General: { keywords: 0x0, keywordName: undefined, eventGuid: '{D42CF7EF-DE92-473E-8B6C-621EA663113A}' },
  RequestNotifications: {
    keywords: 0x100,
    keywordName: 'RequestNotifications',
    eventGuid: '{002E91E3-E7AE-44AB-8E07-99230FFA6ADE}',
  },
  Authentication: { keywords: 0x2, keywordName: 'Authentication', eventGuid: '{C33BBE8F-985B-4080-81E6-005F1A06B9E2}' },
  Cache: { keywords: 0x80, keywordName: 'Cache', eventGuid: '{AC1D69F1-BF33-4CA0-9313-BCA13873E1DC}' },
  Compression: { keywords: 0x40, keywordName: 'Compression', eventGuid: '{E60CEE96-4472-448D-A13C-2170B18220EC}' },
};

/** How a data field's value is explained in a `<freb:Description Data="…">` element. */
type Describe =
  | 'notification'
  | 'notificationStatus'
  | 'errorCode'
  | Readonly<Record<string, string>>;

export interface FrebEventClass {
  area: FrebArea;
  /** The numeric <Opcode> (per event class, so values repeat across classes). */
  opcode: number;
  /** 0 General, 1 CriticalError, 2 Error, 3 Warning, 4 Information, 5 Verbose. */
  level: number;
  /** Data fields after ContextId, in the order FREB writes them. */
  fields: readonly string[];
  /** Fields that get a freb:Description, written in field order. */
  describe?: Readonly<Record<string, Describe>>;
}

const NOTIFICATION_STATUS: Readonly<Record<string, string>> = {
  '0': 'NOTIFICATION_CONTINUE',
  // PENDING is REQUEST_NOTIFICATION_STATUS 1 (httpserv.h); its FREB spelling was not observed.
  '1': 'NOTIFICATION_PENDING',
  '2': 'NOTIFICATION_FINISH_REQUEST',
};

/** AUTH_START AuthTypeSupported / AUTH_REQUEST_AUTH_TYPE RequestAuthType (F26; 16 Digest from §9.2). */
const AUTH_TYPE_SUPPORTED: Readonly<Record<string, string>> = {
  '1': 'Anonymous',
  '2': 'Basic',
  '4': 'NT',
  '16': 'Digest',
  '128': 'MapCliCert',
};

/** AUTH_SUCCEEDED AuthType: a different enum from AUTH_START's (4 NT in F26; the rest from iisauth's event code). */
const AUTH_SUCCEEDED_TYPE: Readonly<Record<string, string>> = {
  '1': 'Anonymous',
  '2': 'Basic',
  '4': 'NT',
  '16': 'Digest',
  '64': 'Passport',
  '128': 'CertMap',
};

/** Only 3 was observed (F26); the other impersonation levels' FREB names are unknown, so they get no description. */
const TOKEN_IMPERSONATION_LEVEL: Readonly<Record<string, string>> = { '3': 'ImpersonationDelegate' };

/** HTTPSYS_CACHEABLE Reason (21 NO_PIPELINE_ENABLE in F26/F27/F29; the rest from HttpCacheModule's event code). */
const HTTPSYS_CACHEABLE_REASON: Readonly<Record<string, string>> = {
  '0': 'OK',
  '1': 'NO_METADATA',
  '2': 'HTTPSYS_CACHE_DISABLED',
  '3': 'FILE_COMPRESSIBLE',
  '4': 'FOOTER_ENABLED',
  '5': 'SUPRESSING_ENTITY',
  '6': 'URL_CHANGE_BY_FILTER',
  '7': 'HTTP_STATUS_NOT_OK',
  '8': 'CHILD_REQUEST',
  '9': 'HANDLER_HTTPSYS_UNFRIENDLY',
  '10': 'FILTER_CACHE_UNAWARE',
  '11': 'NON_ANONYMOUS_ACCESS',
  '12': 'IP_RESTRICTION_SET',
  '13': 'CUSTOM_LOGGING',
  '14': 'SSL_RESTRICTION',
  '15': 'ISAPI_NOT_CACHING',
  '16': 'STATIC_REQUEST_QUERYSTRING',
  '17': 'RESPONSE_MORE_DATA',
  '18': 'FILE_NOT_CACHED',
  '19': 'RESPONSE_SENDING_RAW_HEADERS',
  '20': 'DYNAMIC_COMPRESSION_ENABLED',
  '21': 'NO_PIPELINE_ENABLE',
  '22': 'VERB_NOT_GET',
  '23': 'NO_CACHE_INVALIDATOR',
  '24': 'HANDLER_CHANGED',
  '25': 'REQUEST_FILTER_RULE',
};

const HTTPSYS_CACHE_POLICY: Readonly<Record<string, string>> = {
  '0': 'NO_CACHE',
  '1': 'USER_INVALIDATES',
  '2': 'TIME_TO_LIVE',
};

/** OUTPUT_CACHE_LOOKUP_END Result (HttpCacheModule's event code; §9.2: 0 NOT_FOUND). */
const OUTPUT_CACHE_RESULT: Readonly<Record<string, string>> = {
  '0': 'NOT_FOUND',
  '1': 'FOUND',
  '2': 'ACCEPT_NOT_MATCH',
  '3': 'ACCEPT_ENCODING_NOT_MATCH',
  '4': 'CACHING_DISABLED',
  '5': 'CONDITIONAL_HEADERS_PRESENT',
};

/** GENERAL_NOT_SEND_CUSTOM_ERROR Reason: only the two values of F27/F29 are known. */
const NOT_SEND_CUSTOM_ERROR_REASON: Readonly<Record<string, string>> = {
  '1': 'SETSTATUS_SUCCESS',
  '2': 'SETSTATUS_TRYSKIP',
};

/** DYNAMIC_COMPRESSION_NOT_SUCCESS Reason (2 COMPRESSION_DISABLED in F29; the rest from the compression module's event code). */
const DYNAMIC_COMPRESSION_REASON: Readonly<Record<string, string>> = {
  '1': 'NO_ACCEPT_ENCODING',
  '2': 'COMPRESSION_DISABLED',
  '3': 'NO_COMPRESSION_10',
  '4': 'NO_COMPRESSION_PROXY',
  '5': 'NO_MATCHING_SCHEME',
  '6': 'UNKNOWN_ERROR',
  '7': 'HEADERS_SENT_TWICE',
  '8': 'NO_HEADER_SENT',
  '9': 'NOT_SUCCESS_STATUS',
  '10': 'ALREADY_CONTENT_ENCODING',
  '11': 'NO_COMPRESSION_RANGE',
  '12': 'NO_MATCHING_CONTENT_TYPE',
};

/** STATIC_COMPRESSION_NOT_SUCCESS Reason (the compression module's event code; no fixture has one). */
const STATIC_COMPRESSION_REASON: Readonly<Record<string, string>> = {
  '1': 'NO_ACCEPT_ENCODING',
  '2': 'COMPRESSION_DISABLED',
  '3': 'NO_COMPRESSION_10',
  '4': 'NO_COMPRESSION_PROXY',
  '5': 'NO_MATCHING_SCHEME',
  '6': 'UNKNOWN_ERROR',
  '7': 'NO_COMPRESSION_RANGE',
  '8': 'FILE_TOO_SMALL',
  '9': 'FILE_ENCRYPTED',
  '10': 'COMPRESS_FILE_NOT_FOUND',
  '11': 'COMPRESS_FILE_STALE',
  '12': 'NO_MATCHING_CONTENT_TYPE',
  '13': 'FOOTER_ENABLED',
  '14': 'NOT_FREQUENTLY_HIT',
  '15': 'FAIL_TO_COMPRESS',
};

/**
 * The system messages FREB puts before an ErrorCode's hex value (FormatMessage text, en-US; F29 has
 * "The operation completed successfully." for 0). Codes not listed get no description.
 */
const ERROR_MESSAGES: ReadonlyMap<number, string> = new Map([
  [0x0, 'The operation completed successfully.'],
  [0x80070002, 'The system cannot find the file specified.'],
  [0x80070003, 'The system cannot find the path specified.'],
  [0x80070005, 'Access is denied.'],
  [0x8007000d, 'The data is invalid.'],
  [0x80070032, 'The request is not supported.'],
  [0x80070057, 'The parameter is incorrect.'],
  [0x80070490, 'Element not found.'],
]);

const NOTIFY_DESCRIBE = { Notification: 'notification' } as const;

/**
 * Every event this module exports, keyed by its FREB name.
 *
 * Sources of the numbers (opcode, level, area → keywords and EventGuid) and of the field order:
 * - [F] the real traces F26, F27 and F29 (shared/fixtures/26-*, 27-*, 29-*); every entry marked [F]
 *   was read from them.
 * - [§9.2] the fact sheet, where no fixture has the event.
 * - [bin] public decompilations of the IIS 10 modules that raise the event (the HTTP_TRACE_EVENT each
 *   RaiseEvent fills in: dwArea, dwEvent = opcode, dwVerbosity = level, item names), where neither the
 *   fixtures nor §9.2 give a number.
 */
export const FREB_EVENTS: Readonly<Record<string, FrebEventClass>> = {
  // --- General {D42CF7EF-…}, keyword 0x0 [F]
  GENERAL_REQUEST_START: {
    area: 'General',
    opcode: 1,
    level: 0,
    fields: ['SiteId', 'AppPoolId', 'ConnId', 'RawConnId', 'RequestURL', 'RequestVerb'],
  },
  GENERAL_ENDPOINT_INFORMATION: {
    area: 'General',
    opcode: 55,
    level: 4,
    fields: ['RemoteAddress', 'RemotePort', 'LocalAddress', 'LocalPort'],
  },
  GENERAL_REQUEST_HEADERS: { area: 'General', opcode: 50, level: 4, fields: ['Headers'] },
  GENERAL_GET_URL_METADATA: { area: 'General', opcode: 30, level: 4, fields: ['PhysicalPath', 'AccessPerms'] },
  HANDLER_CHANGED: {
    area: 'General',
    opcode: 43,
    level: 4,
    fields: ['OldHandlerName', 'NewHandlerName', 'NewHandlerModules', 'NewHandlerScriptProcessor', 'NewHandlerType'],
  },
  MODULE_PRECONDITION_NOT_MATCH: { area: 'General', opcode: 45, level: 4, fields: ['Name', 'Precondition'] },
  // Not in the fixtures: opcode 46 and the fields from §9.2; level 4 and area General [bin] (iiscore
  // checks verbosity 4, area 0 before raising it), i.e. like MODULE_PRECONDITION_NOT_MATCH.
  HANDLER_PRECONDITION_NOT_MATCH: { area: 'General', opcode: 46, level: 4, fields: ['Name', 'Precondition'] },
  USER_SET: { area: 'General', opcode: 44, level: 4, fields: ['AuthType', 'UserName', 'SupportsIsInRole'] },
  GENERAL_SET_REQUEST_HEADER: {
    area: 'General',
    opcode: 53,
    level: 5,
    fields: ['HeaderName', 'HeaderValue', 'Replace'],
  },
  GENERAL_SET_RESPONSE_HEADER: {
    area: 'General',
    opcode: 56,
    level: 4,
    fields: ['HeaderName', 'HeaderValue', 'Replace'],
  },
  GENERAL_SEND_CUSTOM_ERROR: {
    area: 'General',
    opcode: 33,
    level: 0,
    fields: ['HttpStatus', 'HttpSubStatus', 'FileNameOrURL'],
  },
  GENERAL_NOT_SEND_CUSTOM_ERROR: {
    area: 'General',
    opcode: 52,
    level: 5,
    fields: ['Reason'],
    describe: { Reason: NOT_SEND_CUSTOM_ERROR_REASON },
  },
  GENERAL_FLUSH_RESPONSE_START: { area: 'General', opcode: 35, level: 4, fields: [] },
  GENERAL_RESPONSE_HEADERS: { area: 'General', opcode: 47, level: 4, fields: ['Headers'] },
  GENERAL_RESPONSE_ENTITY_BUFFER: { area: 'General', opcode: 49, level: 5, fields: ['Buffer'] },
  GENERAL_FLUSH_RESPONSE_END: {
    area: 'General',
    opcode: 36,
    level: 4,
    fields: ['BytesSent', 'ErrorCode'],
    describe: { ErrorCode: 'errorCode' },
  },
  GENERAL_REQUEST_END: {
    area: 'General',
    opcode: 2,
    level: 0,
    fields: ['BytesSent', 'BytesReceived', 'HttpStatus', 'HttpSubStatus'],
  },

  // --- RequestNotifications {002E91E3-…}, keyword 0x100 [F]
  PRE_BEGIN_REQUEST_START: { area: 'RequestNotifications', opcode: 4, level: 5, fields: ['ModuleName'] },
  PRE_BEGIN_REQUEST_END: {
    area: 'RequestNotifications',
    opcode: 5,
    level: 5,
    fields: ['ModuleName', 'NotificationStatus'],
    describe: { NotificationStatus: 'notificationStatus' },
  },
  NOTIFY_MODULE_START: {
    area: 'RequestNotifications',
    opcode: 1,
    level: 5,
    fields: ['ModuleName', 'Notification', 'fIsPostNotification'],
    describe: NOTIFY_DESCRIBE,
  },
  NOTIFY_MODULE_END: {
    area: 'RequestNotifications',
    opcode: 2,
    level: 5,
    fields: ['ModuleName', 'Notification', 'fIsPostNotificationEvent', 'NotificationStatus'],
    describe: { Notification: 'notification', NotificationStatus: 'notificationStatus' },
  },
  NOTIFY_MODULE_COMPLETION: {
    area: 'RequestNotifications',
    opcode: 3,
    level: 5,
    fields: ['ModuleName', 'Notification', 'fIsPostNotificationEvent', 'CompletionBytes', 'ErrorCode'],
    describe: { Notification: 'notification', ErrorCode: 'errorCode' },
  },
  MODULE_SET_RESPONSE_ERROR_STATUS: {
    area: 'RequestNotifications',
    opcode: 16,
    level: 3,
    fields: ['ModuleName', 'Notification', 'HttpStatus', 'HttpReason', 'HttpSubStatus', 'ErrorCode', 'ConfigExceptionInfo'],
    describe: { Notification: 'notification', ErrorCode: 'errorCode' },
  },
  // Not in the fixtures nor §9.2. Level 4 and area 0x100 [bin] (W3_RESPONSE::SetStatus raises it for a
  // status below 400 when RequestNotifications is traced at verbosity 4), with module name, notification,
  // status and reason as its arguments; the field names follow MODULE_SET_RESPONSE_ERROR_STATUS.
  // Opcode 17 is INFERRED (the next number after ERROR_STATUS's 16 in the same class), not observed.
  MODULE_SET_RESPONSE_SUCCESS_STATUS: {
    area: 'RequestNotifications',
    opcode: 17,
    level: 4,
    fields: ['ModuleName', 'Notification', 'HttpStatus', 'HttpReason'],
    describe: NOTIFY_DESCRIBE,
  },

  // --- Authentication {C33BBE8F-…}, keyword 0x2 [F]
  AUTH_START: {
    area: 'Authentication',
    opcode: 10,
    level: 4,
    fields: ['AuthTypeSupported'],
    describe: { AuthTypeSupported: AUTH_TYPE_SUPPORTED },
  },
  AUTH_REQUEST_AUTH_TYPE: {
    area: 'Authentication',
    opcode: 27,
    level: 4,
    fields: ['RequestAuthType'],
    describe: { RequestAuthType: AUTH_TYPE_SUPPORTED },
  },
  AUTH_SUCCEEDED: {
    area: 'Authentication',
    opcode: 11,
    level: 4,
    fields: ['AuthType', 'NTLMUsed', 'RemoteUserName', 'AuthUserName', 'TokenImpersonationLevel'],
    describe: { AuthType: AUTH_SUCCEEDED_TYPE, TokenImpersonationLevel: TOKEN_IMPERSONATION_LEVEL },
  },
  AUTH_END: { area: 'Authentication', opcode: 28, level: 4, fields: [] },

  // --- Cache {AC1D69F1-…}, keyword 0x80 [F]
  URL_CACHE_ACCESS_START: { area: 'Cache', opcode: 12, level: 4, fields: ['RequestURL'] },
  URL_CACHE_ACCESS_END: {
    area: 'Cache',
    opcode: 13,
    level: 4,
    fields: ['PhysicalPath', 'URLInfoFromCache', 'URLInfoAddedToCache', 'ErrorCode'],
    describe: { ErrorCode: 'errorCode' },
  },
  FILE_CACHE_ACCESS_START: { area: 'Cache', opcode: 10, level: 4, fields: ['FileName', 'UserName', 'DomainName'] },
  FILE_CACHE_ACCESS_END: {
    area: 'Cache',
    opcode: 11,
    level: 4,
    fields: [
      'Successful',
      'FileFromCache',
      'FileAddedToCache',
      'FileDirmoned',
      'LastModCheckErrorIgnored',
      'ErrorCode',
      'LastModifiedTime',
    ],
    describe: { ErrorCode: 'errorCode' },
  },
  HTTPSYS_CACHEABLE: {
    area: 'Cache',
    opcode: 14,
    level: 4,
    fields: ['HttpsysCacheable', 'Reason', 'CachePolicy', 'TimeToLive'],
    describe: { Reason: HTTPSYS_CACHEABLE_REASON, CachePolicy: HTTPSYS_CACHE_POLICY },
  },
  // Not in the fixtures: opcodes 15/16 and the Result field from §9.2; level 4 [bin].
  OUTPUT_CACHE_LOOKUP_START: { area: 'Cache', opcode: 15, level: 4, fields: [] },
  OUTPUT_CACHE_LOOKUP_END: {
    area: 'Cache',
    opcode: 16,
    level: 4,
    fields: ['Result'],
    describe: { Result: OUTPUT_CACHE_RESULT },
  },

  // --- Compression {E60CEE96-…}, keyword 0x40 [F]
  DYNAMIC_COMPRESSION_START: { area: 'Compression', opcode: 6, level: 4, fields: [] },
  DYNAMIC_COMPRESSION_SUCCESS: { area: 'Compression', opcode: 7, level: 4, fields: [] },
  DYNAMIC_COMPRESSION_NOT_SUCCESS: {
    area: 'Compression',
    opcode: 8,
    level: 4,
    fields: ['Reason'],
    describe: { Reason: DYNAMIC_COMPRESSION_REASON },
  },
  DYNAMIC_COMPRESSION_DO: { area: 'Compression', opcode: 9, level: 5, fields: ['OriginalSize', 'CompressedSize'] },
  DYNAMIC_COMPRESSION_END: { area: 'Compression', opcode: 10, level: 4, fields: [] },
  // Not in the fixtures nor §9.2: opcodes 1/2/3/11, level 4 and fields [bin] (the static compression
  // module's STATIC_COMPRESSION_* RaiseEvent functions).
  STATIC_COMPRESSION_START: { area: 'Compression', opcode: 1, level: 4, fields: [] },
  STATIC_COMPRESSION_SUCCESS: { area: 'Compression', opcode: 2, level: 4, fields: [] },
  STATIC_COMPRESSION_NOT_SUCCESS: {
    area: 'Compression',
    opcode: 3,
    level: 4,
    fields: ['Reason'],
    describe: { Reason: STATIC_COMPRESSION_REASON },
  },
  STATIC_COMPRESSION_END: { area: 'Compression', opcode: 11, level: 4, fields: [] },
};

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
