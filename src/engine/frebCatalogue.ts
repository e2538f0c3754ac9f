/**
 * The Failed Request Tracing event catalogue: the "WWW Server" provider, its areas, and every event
 * freb.ts writes, with its opcode, level, area and fields in FREB's order, and the tables that turn the
 * engine's values into the words IIS writes, with the file's line end and attribute indent. Data only;
 * freb.ts writes the file.
 */

/** The "WWW Server" trace provider (F05, F26). */
export const PROVIDER_NAME = 'WWW Server';
export const PROVIDER_GUID = '{3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}';
export const NL = '\r\n';
export const ATTR_INDENT = ' '.repeat('<failedRequest '.length);

/**
 * The event classes (areas) of the WWW Server provider: keyword mask, keyword name (RenderingInfo) and
 * the EventGuid of ExtendedTracingInfo, all as in F26/F27/F29. General events carry keyword 0x0 and no
 * <Keywords> list in RenderingInfo.
 */
export type FrebArea = 'General' | 'RequestNotifications' | 'Authentication' | 'Cache' | 'Compression';

export const AREAS: Readonly<Record<FrebArea, { keywords: number; keywordName: string | undefined; eventGuid: string }>> = {
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
export type Describe =
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

export const NOTIFICATION_STATUS: Readonly<Record<string, string>> = {
  '0': 'NOTIFICATION_CONTINUE',
  // PENDING is REQUEST_NOTIFICATION_STATUS 1 (httpserv.h); its FREB spelling was not observed.
  '1': 'NOTIFICATION_PENDING',
  '2': 'NOTIFICATION_FINISH_REQUEST',
};

/** AUTH_START AuthTypeSupported / AUTH_REQUEST_AUTH_TYPE RequestAuthType (F26; 16 Digest from §9.2). */
export const AUTH_TYPE_SUPPORTED: Readonly<Record<string, string>> = {
  '1': 'Anonymous',
  '2': 'Basic',
  '4': 'NT',
  '16': 'Digest',
  '128': 'MapCliCert',
};

/** AUTH_SUCCEEDED AuthType: a different enum from AUTH_START's (4 NT in F26; the rest from iisauth's event code). */
export const AUTH_SUCCEEDED_TYPE: Readonly<Record<string, string>> = {
  '1': 'Anonymous',
  '2': 'Basic',
  '4': 'NT',
  '16': 'Digest',
  '64': 'Passport',
  '128': 'CertMap',
};

/** Only 3 was observed (F26); the other impersonation levels' FREB names are unknown, so they get no description. */
export const TOKEN_IMPERSONATION_LEVEL: Readonly<Record<string, string>> = { '3': 'ImpersonationDelegate' };

/** HTTPSYS_CACHEABLE Reason (21 NO_PIPELINE_ENABLE in F26/F27/F29; the rest from HttpCacheModule's event code). */
export const HTTPSYS_CACHEABLE_REASON: Readonly<Record<string, string>> = {
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

export const HTTPSYS_CACHE_POLICY: Readonly<Record<string, string>> = {
  '0': 'NO_CACHE',
  '1': 'USER_INVALIDATES',
  '2': 'TIME_TO_LIVE',
};

/** OUTPUT_CACHE_LOOKUP_END Result (HttpCacheModule's event code; §9.2: 0 NOT_FOUND). */
export const OUTPUT_CACHE_RESULT: Readonly<Record<string, string>> = {
  '0': 'NOT_FOUND',
  '1': 'FOUND',
  '2': 'ACCEPT_NOT_MATCH',
  '3': 'ACCEPT_ENCODING_NOT_MATCH',
  '4': 'CACHING_DISABLED',
  '5': 'CONDITIONAL_HEADERS_PRESENT',
};

/** GENERAL_NOT_SEND_CUSTOM_ERROR Reason: only the two values of F27/F29 are known. */
export const NOT_SEND_CUSTOM_ERROR_REASON: Readonly<Record<string, string>> = {
  '1': 'SETSTATUS_SUCCESS',
  '2': 'SETSTATUS_TRYSKIP',
};

/** DYNAMIC_COMPRESSION_NOT_SUCCESS Reason (2 COMPRESSION_DISABLED in F29; the rest from the compression module's event code). */
export const DYNAMIC_COMPRESSION_REASON: Readonly<Record<string, string>> = {
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
export const STATIC_COMPRESSION_REASON: Readonly<Record<string, string>> = {
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
export const ERROR_MESSAGES: ReadonlyMap<number, string> = new Map([
  [0x0, 'The operation completed successfully.'],
  [0x80070002, 'The system cannot find the file specified.'],
  [0x80070003, 'The system cannot find the path specified.'],
  [0x80070005, 'Access is denied.'],
  [0x8007000d, 'The data is invalid.'],
  [0x80070032, 'The request is not supported.'],
  [0x80070057, 'The parameter is incorrect.'],
  [0x80070490, 'Element not found.'],
]);

export const NOTIFY_DESCRIBE = { Notification: 'notification' } as const;

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
