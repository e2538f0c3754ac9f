/**
 * Trace events: what the engine says happened, in time order. Inside the worker they use Failed Request
 * Tracing's event names (GENERAL_REQUEST_START, NOTIFY_MODULE_START, MODULE_SET_RESPONSE_ERROR_STATUS,
 * ...; fact sheet §9.2) so a FREB export is a mapping, not a translation; outside it, the HTTP.sys,
 * W3SVC and WAS steps of the seeds' request flow.
 */

/** The request notifications with their FREB names (httpserv.h RQ_* order; fact sheet §2.1). */
export const NOTIFICATIONS = [
  'BEGIN_REQUEST',
  'AUTHENTICATE_REQUEST',
  'AUTHORIZE_REQUEST',
  'RESOLVE_REQUEST_CACHE',
  'MAP_REQUEST_HANDLER',
  'REQUEST_ACQUIRE_STATE',
  'PRE_EXECUTE_REQUEST_HANDLER',
  'EXECUTE_REQUEST_HANDLER',
  'RELEASE_REQUEST_STATE',
  'UPDATE_REQUEST_CACHE',
  'LOG_REQUEST',
  'END_REQUEST',
] as const;

export type DeterministicNotification = (typeof NOTIFICATIONS)[number];
export type Notification = DeterministicNotification | 'SEND_RESPONSE' | 'MAP_PATH';

/** The decimal bitmask FREB writes in the `Notification` data field (RQ_* constants). */
export const NOTIFICATION_BITS: Readonly<Record<Notification, number>> = {
  BEGIN_REQUEST: 0x1,
  AUTHENTICATE_REQUEST: 0x2,
  AUTHORIZE_REQUEST: 0x4,
  RESOLVE_REQUEST_CACHE: 0x8,
  MAP_REQUEST_HANDLER: 0x10,
  REQUEST_ACQUIRE_STATE: 0x20,
  PRE_EXECUTE_REQUEST_HANDLER: 0x40,
  EXECUTE_REQUEST_HANDLER: 0x80,
  RELEASE_REQUEST_STATE: 0x100,
  UPDATE_REQUEST_CACHE: 0x200,
  LOG_REQUEST: 0x400,
  END_REQUEST: 0x800,
  SEND_RESPONSE: 0x20000000,
  MAP_PATH: 0x80000000,
};

/** The managed (HttpApplication) event names, for learners: BeginRequest, ... */
export const NOTIFICATION_DISPLAY_NAMES: Readonly<Record<Notification, string>> = {
  BEGIN_REQUEST: 'BeginRequest',
  AUTHENTICATE_REQUEST: 'AuthenticateRequest',
  AUTHORIZE_REQUEST: 'AuthorizeRequest',
  RESOLVE_REQUEST_CACHE: 'ResolveRequestCache',
  MAP_REQUEST_HANDLER: 'MapRequestHandler',
  REQUEST_ACQUIRE_STATE: 'AcquireRequestState',
  PRE_EXECUTE_REQUEST_HANDLER: 'PreExecuteRequestHandler',
  EXECUTE_REQUEST_HANDLER: 'ExecuteRequestHandler',
  RELEASE_REQUEST_STATE: 'ReleaseRequestState',
  UPDATE_REQUEST_CACHE: 'UpdateRequestCache',
  LOG_REQUEST: 'LogRequest',
  END_REQUEST: 'EndRequest',
  SEND_RESPONSE: 'SendResponse',
  MAP_PATH: 'MapPath',
};

/** Where an event happens: the components of the seeds' architecture. */
export type TraceComponent =
  | 'Client'
  | 'HTTP.sys'
  | 'W3SVC'
  | 'WAS'
  | 'applicationHost.config'
  | 'NetTcpActivator'
  | 'NetPipeActivator'
  | 'NetMsmqActivator'
  | 'w3wp.exe';

export type TraceEventName =
  // outside the worker
  | 'CLIENT_REQUEST_SENT'
  | 'HTTPSYS_REQUEST_RECEIVED'
  | 'HTTPSYS_BINDING_MATCHED'
  | 'HTTPSYS_REQUEST_REJECTED'
  | 'HTTPSYS_CACHE_HIT'
  | 'HTTPSYS_CACHE_MISS'
  | 'HTTPSYS_QUEUED'
  | 'HTTPSYS_QUEUE_FULL'
  | 'HTTPSYS_CACHE_STORED'
  | 'HTTPSYS_RESPONSE_SENT'
  | 'HTTPSYS_CONNECTION_RESET'
  | 'W3SVC_NOTIFY_WAS'
  | 'W3SVC_CONFIGURE_HTTPSYS'
  | 'WAS_READ_CONFIG'
  | 'WAS_START_WORKER'
  | 'WAS_WORKER_STARTUP_FAILED'
  | 'WAS_RAPID_FAIL_PROTECTION'
  | 'WAS_IDLE_SHUTDOWN'
  | 'WAS_WORKER_SUSPENDED'
  | 'WORKER_RESUMED'
  | 'WAS_RECYCLE'
  | 'WAS_PING_FAILED'
  | 'WAS_WORKER_EXITED'
  | 'WAS_POOL_STATE'
  | 'LISTENER_ADAPTER_ACTIVATION'
  | 'WORKER_READY'
  | 'WORKER_DEQUEUE'
  | 'WORKER_CRASHED'
  | 'APPDOMAIN_CREATED'
  | 'ISAPI_FILTERS_LOADED'
  | 'CLIENT_RESPONSE_RECEIVED'
  // inside the worker: Failed Request Tracing names
  | 'GENERAL_REQUEST_START'
  | 'GENERAL_ENDPOINT_INFORMATION'
  | 'GENERAL_REQUEST_HEADERS'
  | 'GENERAL_GET_URL_METADATA'
  | 'HANDLER_CHANGED'
  | 'HANDLER_PRECONDITION_NOT_MATCH'
  | 'MODULE_PRECONDITION_NOT_MATCH'
  | 'PRE_BEGIN_REQUEST_START'
  | 'PRE_BEGIN_REQUEST_END'
  | 'NOTIFY_MODULE_START'
  | 'NOTIFY_MODULE_END'
  | 'MODULE_SET_RESPONSE_ERROR_STATUS'
  | 'MODULE_SET_RESPONSE_SUCCESS_STATUS'
  | 'AUTH_START'
  | 'AUTH_REQUEST_AUTH_TYPE'
  | 'AUTH_SUCCEEDED'
  | 'AUTH_END'
  | 'USER_SET'
  | 'URL_CACHE_ACCESS_START'
  | 'URL_CACHE_ACCESS_END'
  | 'FILE_CACHE_ACCESS_START'
  | 'FILE_CACHE_ACCESS_END'
  | 'OUTPUT_CACHE_LOOKUP_START'
  | 'OUTPUT_CACHE_LOOKUP_END'
  | 'STATIC_COMPRESSION_START'
  | 'STATIC_COMPRESSION_END'
  | 'DYNAMIC_COMPRESSION_START'
  | 'DYNAMIC_COMPRESSION_END'
  | 'GENERAL_SEND_CUSTOM_ERROR'
  | 'GENERAL_NOT_SEND_CUSTOM_ERROR'
  | 'GENERAL_SET_RESPONSE_HEADER'
  | 'HTTPSYS_CACHEABLE'
  | 'GENERAL_FLUSH_RESPONSE_START'
  | 'GENERAL_RESPONSE_HEADERS'
  | 'GENERAL_FLUSH_RESPONSE_END'
  | 'GENERAL_REQUEST_END'
  | 'CONFIG_ERROR';

export interface TraceEvent {
  /** Virtual time in milliseconds. */
  t: number;
  /** The request this event belongs to; 0 for events of no request (a worker starting on its own, a recycle). */
  requestId: number;
  component: TraceComponent;
  event: TraceEventName;
  module?: string | undefined;
  notification?: Notification | undefined;
  /** True for a post-event (OnPost...). */
  isPost?: boolean | undefined;
  /** For status events: `404.7` as status and subStatus. */
  status?: number | undefined;
  subStatus?: number | undefined;
  /** One readable sentence. */
  detail?: string | undefined;
  /** FREB data fields (e.g. NewHandlerName, ErrorCode), only what the export needs. */
  data?: Readonly<Record<string, string>> | undefined;
  /** The worker process, for events inside one. */
  pid?: number | undefined;
}
