/**
 * The two objects the engine makes for every request, as classes rather than object literals. V8 may
 * pretenure a literal's allocation site when, in a process's first scavenges, most of its objects happen
 * to survive (a batch of requests sent at once is all alive); every later request's objects then go
 * straight to the old generation, and a traced run goes at a quarter of its speed from mark-compacts
 * (measured: 43-53k against 150-230k req/s, in 2 of 5 processes). Instances made by a constructor are
 * not pretenured by allocation site. Trace events are TraceRecord instances for the same reason (emit.ts),
 * and each request's trace array is made by Array.of rather than `[]` (simulation.ts): with that, 14
 * processes of 14 ran at 142-229k req/s.
 */
import type { Arrival } from './httpSys/routing.ts';
import type { InFlightRequest, PoolRuntime, RequestPhase, WorkerProcess } from './state.ts';
import type { ParsedUrl } from './httpSys/httpSys.ts';
import type { FailedRequestTrace } from './failedRequestTracing.ts';
import type { RequestResult, ServedFrom, SimulationRequest } from './types.ts';
import type { TraceEvent } from './trace.ts';

/** Shared by results until a response sets headers: never written to. */
const NO_RESPONSE_HEADERS: Record<string, string> = {};
Object.freeze(NO_RESPONSE_HEADERS);

export class RequestRecord implements RequestResult {
  status = 0;
  subStatus = 0;
  statusText = '';
  site: string | undefined = undefined;
  application: string | undefined = undefined;
  appPool: string | undefined = undefined;
  workerProcess: number | undefined = undefined;
  handler: string | undefined = undefined;
  servedFrom: ServedFrom = 'http.sys';
  decidedBy = 'HTTP.sys';
  reason = '';
  responseHeaders: Record<string, string> = NO_RESPONSE_HEADERS;
  bytesSent = 0;
  endTime: number;
  declare failedRequestTrace?: FailedRequestTrace;

  constructor(
    public requestId: number,
    public method: string,
    public url: string,
    public startTime: number,
    public trace: TraceEvent[],
  ) {
    this.endTime = startTime;
  }
}

export class InFlightRecord implements InFlightRequest {
  readonly type = 'request';
  phase: RequestPhase = 'arrive';
  dueAt = 0;
  finished = false;
  worker: WorkerProcess | undefined = undefined;
  pool: PoolRuntime | undefined = undefined;
  cacheKey: string | undefined = undefined;
  kernelCacheable = false;
  parsed: ParsedUrl | undefined = undefined;
  nonHttp = false;
  abandoned = false;
  userName: string | undefined = undefined;
  arrival: Extract<Arrival, { kind: 'routed' }> | undefined = undefined;

  constructor(
    public id: number,
    public request: SimulationRequest,
    public result: RequestResult,
    public headers: Map<string, string>,
  ) {}
}
