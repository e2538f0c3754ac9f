/** What module behaviours may use besides the request: tracing, the site's files, simulated users. */
import type { PhysicalEntry, SiteContent } from '../siteContent.ts';
import type { TraceEvent, TraceEventName } from '../trace.ts';
import type { RequestContext, SimulatedUser } from './requestContext.ts';

export type TraceFields = Omit<Partial<TraceEvent>, 't' | 'requestId' | 'component' | 'event'>;

export interface PipelineEnvironment {
  /** False on the fast path: modules must not build strings or objects for the trace then. */
  tracing: boolean;
  emit(event: TraceEventName, fields?: TraceFields): void;
  content: SiteContent;
  users: readonly SimulatedUser[];
  /**
   * LogonUser for these credentials through TokenCacheModule: returns the milliseconds it takes, 0 when
   * the worker's token cache holds the user's token. A successful logon's token is cached.
   */
  logonUser(name: string, password: string, succeeded: boolean): number;
  /** Runs the default document as a child request when it maps to another handler; undefined: serve it as a static file. */
  runChildRequest?: (path: string, entry: PhysicalEntry) => ModuleOutcome | undefined;
}

export type ModuleOutcome = 'continue' | 'finish';

export type ModuleBehaviour = (ctx: RequestContext, env: PipelineEnvironment, isPost: boolean) => ModuleOutcome;

/**
 * Sets the response status. An error status stops the request: the remaining notifications are
 * skipped to LogRequest, EndRequest and SendResponse (observed F26, F29).
 */
export function setStatus(
  ctx: RequestContext,
  env: PipelineEnvironment,
  status: number,
  subStatus: number,
  decidedBy: string,
  reason: string,
  errorCode = '0x0',
): ModuleOutcome {
  ctx.status = status;
  ctx.subStatus = subStatus;
  ctx.decidedBy = decidedBy;
  ctx.reason = reason;
  if (status >= 400) {
    ctx.finished = true;
    if (env.tracing) {
      env.emit('MODULE_SET_RESPONSE_ERROR_STATUS', {
        module: decidedBy,
        notification: ctx.notification,
        status,
        subStatus,
        detail: reason,
        data: { HttpReason: statusTextOf(status), ErrorCode: errorCode, ConfigExceptionInfo: '' },
      });
    }
    return 'finish';
  }
  return 'continue';
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Long',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function statusTextOf(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** The FREB ConnId of a request. */
export function connectionId(requestId: number): string {
  return String(1610612736 + requestId);
}
