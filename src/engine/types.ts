/** The engine's inputs and outputs for one request. */
import type { FailedRequestTrace } from './failedRequestTracing.ts';
import type { TraceEvent } from './trace.ts';

export interface SimulationRequest {
  method: string;
  /** An absolute URL (`http://localhost/x.htm`) or a path (`/x.htm`, sent to localhost:80). */
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** The client's address; 127.0.0.1 (a local client) by default. */
  clientIp?: string;
  /** `NAME:PASSWORD`, sent as Basic credentials unless an Authorization header is given. */
  user?: string;
  /** The request body's size in bytes. */
  bodySize?: number;
  /** When to send it, in virtual ms; by default when the previous request has finished. */
  at?: number;
}

/** Where the response came from. */
export type ServedFrom = 'http.sys' | 'kernel-cache' | 'worker';

export interface RequestResult {
  requestId: number;
  method: string;
  url: string;
  status: number;
  subStatus: number;
  /** The reason phrase, e.g. `Not Found`. */
  statusText: string;
  site: string | undefined;
  application: string | undefined;
  appPool: string | undefined;
  workerProcess: number | undefined;
  /** The handler mapping's name, e.g. `StaticFile`. */
  handler: string | undefined;
  servedFrom: ServedFrom;
  /** The module that set the status, `IIS Web Core`, or `HTTP.sys`. */
  decidedBy: string;
  /** Why, in a sentence naming the configuration element responsible. */
  reason: string;
  responseHeaders: Record<string, string>;
  bytesSent: number;
  /** Virtual times. */
  startTime: number;
  endTime: number;
  /** The request's trace when tracing is on; empty otherwise. */
  trace: TraceEvent[];
  /** Set when a Failed Request Tracing rule of the site matched (traceFailedRequests). */
  failedRequestTrace?: FailedRequestTrace;
}
