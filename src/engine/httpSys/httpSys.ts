/**
 * HTTP.sys, the kernel-mode listener: receives a request, checks it, routes it to a site's URL group,
 * answers from the kernel response cache, or queues it for the application pool. It answers by itself
 * 400 (a bad request, or Bad Request - Invalid Hostname when no URL group matches) and 503 (the pool is
 * stopped or its queue is full), and writes those to the HTTPERR log (KB 820729; fact sheet §4, §6).
 */
import { emit } from '../emit.ts';
import { writeHttpErrLine } from '../logs.ts';
import { scheduleRequest, type InFlightRequest, type PoolRuntime, type SimulationState } from '../state.ts';
import { statusTextOf } from '../worker/environment.ts';
import { matchBinding } from './urlGroups.ts';

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  rawPath: string;
  path: string;
  queryString: string;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, 'net.tcp': 808 };

/** Parses `http://host:port/path?query` or a bare `/path` (sent to localhost:80). */
export function parseRequestUrl(url: string): ParsedUrl | string {
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]*)(?::(\d+))?)?([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (match === null) return 'the URL does not parse';
  const scheme = (match[1] ?? 'http').toLowerCase();
  const host = (match[2] ?? 'localhost').toLowerCase();
  const port = match[3] === undefined ? (DEFAULT_PORTS[scheme] ?? 80) : Number(match[3]);
  let rawPath = match[4] ?? '/';
  if (rawPath === '') rawPath = '/';
  if (!rawPath.startsWith('/')) return 'the path must start with /';
  if (port < 1 || port > 65535) return `the port ${String(port)} is out of range`;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return 'the URL has an invalid percent-encoding';
  }
  // HTTP.sys canonicalizes the path: `.` segments go, `..` removes the segment before it; climbing
  // above the root is refused.
  if (/(^|\/)\.\.?(\/|$)/.test(path)) {
    const out: string[] = [];
    for (const segment of path.split('/').slice(1)) {
      if (segment === '.') continue;
      if (segment === '..') {
        if (out.length === 0) return 'the URL climbs above the site root with ".."';
        out.pop();
        continue;
      }
      out.push(segment);
    }
    path = '/' + out.join('/') + (path.endsWith('/.') || path.endsWith('/..') ? '/' : '');
  }
  if (path.includes('\0')) return 'the URL contains a NUL character';
  return { scheme, host, port, rawPath, path, queryString: match[5] ?? '' };
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** HTTP.sys's own checks of the request line (HTTPERR reasons Verb, URL). */
export function preCheck(method: string, parsed: ParsedUrl): string | undefined {
  if (!TOKEN.test(method)) return `"${method}" is not a valid HTTP verb (HTTPERR Verb)`;
  // UrlSegmentMaxLength: 260 characters per path segment by default (KB 820129).
  for (const segment of parsed.rawPath.split('/')) {
    if (segment.length > 260) return `a URL segment is ${String(segment.length)} characters, over HTTP.sys's UrlSegmentMaxLength of 260 (HTTPERR URL)`;
  }
  return undefined;
}

/** Finishes a request that HTTP.sys answers itself. */
export function answerFromHttpSys(
  state: SimulationState,
  flight: InFlightRequest,
  status: number,
  subStatus: number,
  reason: string,
  httpErrReason: string,
  resetConnection = false,
): void {
  const result = flight.result;
  result.status = resetConnection ? 0 : status;
  result.subStatus = subStatus;
  result.statusText = resetConnection ? 'Connection reset' : status === 400 && httpErrReason === 'Hostname' ? 'Bad Request - Invalid Hostname' : statusTextOf(status);
  result.servedFrom = 'http.sys';
  result.decidedBy = 'HTTP.sys';
  result.reason = reason;
  result.responseHeaders = resetConnection ? {} : { 'Content-Type': 'text/html; charset=us-ascii', Server: 'Microsoft-HTTPAPI/2.0', Connection: 'close' };
  result.bytesSent = resetConnection ? 0 : status === 400 ? 334 : 326;
  writeHttpErrLine(state, flight, resetConnection ? '-' : String(status), httpErrReason, flight.pool?.name);
  if (status === 503) {
    state.counters.rejectedRequests++;
    if (flight.pool !== undefined) flight.pool.rejected++;
  }
  if (state.tracing) {
    emit(state, flight, 'HTTP.sys', resetConnection ? 'HTTPSYS_CONNECTION_RESET' : 'HTTPSYS_REQUEST_REJECTED', { status, subStatus, detail: reason, data: { Reason: httpErrReason } });
  }
  scheduleRequest(state, flight, 'complete', state.now + state.costs.httpSysReject);
}

/** The kernel cache key of a request, or undefined when HTTP.sys would not even look (KB 817445). */
export function kernelCacheKey(method: string, parsed: ParsedUrl, headers: ReadonlyMap<string, string>, siteId: number): string | undefined {
  if (method !== 'GET' || parsed.queryString !== '') return undefined;
  if (headers.has('authorization') || headers.has('range') || headers.has('if-range') || headers.has('translate')) return undefined;
  const encoding = /\bgzip\b/i.test(headers.get('accept-encoding') ?? '') ? 'gzip' : 'identity';
  // Per URL as the client asked for it (scheme, host, port, path) and per content encoding.
  return `${String(siteId)}|${parsed.scheme}://${parsed.host}:${String(parsed.port)}${parsed.path.toLowerCase()}|${encoding}`;
}

/** Where the pool queue stands: it refuses when full (queueLength), or when the pool is stopped. */
export function admissionProblem(pool: PoolRuntime, poolOrigin = ''): { reason: string; httpErr: string } | undefined {
  if (pool.state === 'Stopped') {
    return pool.stoppedReason === 'AppOffline'
      ? { reason: `The application pool ${pool.name}${poolOrigin} was stopped by rapid-fail protection: HTTP.sys answers 503 (HTTPERR AppOffline).`, httpErr: 'AppOffline' }
      : { reason: `The application pool ${pool.name}${poolOrigin} is stopped${pool.settings.autoStart ? '' : ' (autoStart="false")'}: HTTP.sys answers 503 Service Unavailable for its request queue (HTTPERR Disabled).`, httpErr: 'Disabled' };
  }
  if (pool.queue.length >= pool.settings.queueLength) {
    return { reason: `The request queue of ${pool.name} is full (queueLength=${String(pool.settings.queueLength)}): HTTP.sys answers 503 (HTTPERR QueueFull).`, httpErr: 'QueueFull' };
  }
  return undefined;
}

export { matchBinding };

/** HTTP.sys drops the cached responses of a pool whose queue is disabled (the pool stopped). */
export function flushKernelCacheFor(state: SimulationState, poolName: string): void {
  for (const [key, entry] of state.kernelCache) {
    if (entry.appPool.toLowerCase() !== poolName.toLowerCase()) continue;
    state.kernelCache.delete(key);
    state.counters.kernelUrisFlushed++;
  }
}
