/**
 * How HTTP.sys routes a request: parses the URL, refuses what it refuses itself, hands net.tcp, net.pipe
 * and net.msmq to the WCF listener adapters, and matches the URL groups W3SVC registered for the started
 * sites (urlGroups.ts) to find the site, its application and the pool's request queue. The answer is the
 * same for every request with the same verb, URL and Host header, so it is cached per configuration.
 */
import type { Outcome } from '../worker/outcomes.ts';
import type { Route } from '../worker/processRequest.ts';
import type { SimulationState } from '../state.ts';
import { kernelCacheKey, parseRequestUrl, preCheck, type ParsedUrl } from './httpSys.ts';
import { matchBinding, matchStoppedBinding, type UrlGroupBinding } from './urlGroups.ts';

const ACTIVATORS = { 'net.tcp': 'NetTcpActivator', 'net.pipe': 'NetPipeActivator', 'net.msmq': 'NetMsmqActivator', 'msmq.formatname': 'NetMsmqActivator' } as const;

/** The application whose path is the longest prefix of `path`. */
export function longestApplication<T extends { path: string }>(applications: readonly T[], path: string): T | undefined {
  let best: T | undefined;
  const lower = path.toLowerCase();
  for (const application of applications) {
    const prefix = application.path.replace(/\/+$/, '').toLowerCase();
    if ((lower === prefix || lower.startsWith(prefix + '/') || prefix === '') && (best === undefined || prefix.length > best.path.replace(/\/+$/, '').length)) best = application;
  }
  return best;
}

/** How HTTP.sys routes a URL: the same for every request with the same verb, URL and Host header. */
export type Arrival =
  | { kind: 'refused'; parsed: ParsedUrl | undefined; status: number; reason: string; httpErr: string }
  | { kind: 'nonHttp'; parsed: ParsedUrl; activator: string }
  | {
      kind: 'routed';
      parsed: ParsedUrl;
      binding: UrlGroupBinding;
      applicationLabel: string | undefined;
      poolName: string;
      poolKey: string;
      /** Where the pool's name comes from when the application sets none, for 503 sentences ('' when it sets it). */
      poolOrigin: string;
      plainCacheKey: string | undefined;
      /** The worker's route for it, filled on first use (see worker/processRequest.ts). */
      route: Route | string | undefined;
      /** Outcomes of requests to it, by variant (the fast path, see worker/processRequest.ts). */
      outcomes: Map<string, Outcome>;
    };

const MAX_ARRIVALS = 50_000;

export function routeArrival(state: SimulationState, method: string, url: string, hostHeader: string | undefined): Arrival {
  // Keyed by the caller's own strings (URL, then verb and Host): no key is built per request.
  let byMethod = state.arrivalCache.get(url);
  if (byMethod === undefined) {
    if (state.arrivalCache.size >= MAX_ARRIVALS) state.arrivalCache.clear();
    byMethod = new Map();
    state.arrivalCache.set(url, byMethod);
  }
  const key = hostHeader === undefined ? method : `${method} ${hostHeader}`;
  const cached = byMethod.get(key);
  if (cached !== undefined) return cached;
  const arrival = computeArrival(state, method, url, hostHeader);
  byMethod.set(key, arrival);
  return arrival;
}

function computeArrival(state: SimulationState, method: string, url: string, hostHeader: string | undefined): Arrival {
  const parsed = parseRequestUrl(url);
  if (typeof parsed === 'string') return { kind: 'refused', parsed: undefined, status: 400, reason: `HTTP.sys refuses the request: ${parsed}.`, httpErr: 'URL' };
  const activator = (ACTIVATORS as Readonly<Record<string, string | undefined>>)[parsed.scheme];
  if (activator !== undefined) return { kind: 'nonHttp', parsed, activator };
  const problem = preCheck(method, parsed);
  if (problem !== undefined) return { kind: 'refused', parsed, status: 400, reason: `HTTP.sys refuses the request: ${problem}.`, httpErr: problem.includes('verb') ? 'Verb' : 'URL' };
  const host = (hostHeader ?? parsed.host).replace(/:\d+$/, '').toLowerCase();
  const localAddress = /^\d+\.\d+\.\d+\.\d+$/.test(parsed.host) ? parsed.host : '127.0.0.1';
  const binding = matchBinding(state.urlGroups, parsed.scheme, parsed.port, host, localAddress);
  if (binding === undefined) return unmatched(state, parsed, host, localAddress);
  const site = binding.site;
  const application = longestApplication(site.applications, parsed.path);
  const poolName = application?.applicationPool ?? '';
  return {
    kind: 'routed',
    parsed,
    binding,
    applicationLabel: application === undefined ? undefined : `${site.name}${application.path === '/' ? '' : application.path}`,
    poolName,
    poolKey: poolName.toLowerCase(),
    poolOrigin: poolOriginOf(application),
    plainCacheKey: kernelCacheKey(method, parsed, EMPTY_HEADERS, site.id),
    route: undefined,
    outcomes: new Map(),
  };
}

const EMPTY_HEADERS: ReadonlyMap<string, string> = new Map();

/**
 * An <application> without applicationPool runs in the pool of its site's <applicationDefaults>, else
 * of the server's (<sites><applicationDefaults>), as IIS takes collection defaults (IIS schema; the
 * applicationDefaults reference). A result that turns on the pool says which it was.
 */
export function poolOriginOf(application: { applicationPoolFrom?: 'site' | 'server' } | undefined): string {
  if (application?.applicationPoolFrom === undefined) return '';
  return application.applicationPoolFrom === 'site'
    ? " (the application sets no applicationPool: it takes its site's <applicationDefaults>)"
    : ' (the application sets no applicationPool: it takes <sites><applicationDefaults>)';
}

/**
 * No started site's URL group matches. When a stopped site's binding would have matched, the request
 * says so: stopping a site (serverAutoStart="false", what IIS Manager's Stop writes) has W3SVC remove
 * its URL group from HTTP.sys, and HTTP.sys answers a URL no registered prefix holds with its own
 * 404 Not Found (HTTPERR NotFound) - "IIS returns error code 404 instead of 503 when the [site is]
 * turned off" [3p: cainetworks.com/support/how-to-IIS-return-503.html, Windows Server 2008+; the same
 * 404 for a stopped host-header site since IIS 5]. Any other unmatched host: 400 Bad Request - Invalid
 * Hostname (win32: urlprefix-strings.md; fact sheet §6.2, open question 4).
 */
function unmatched(state: SimulationState, parsed: ParsedUrl, host: string, localAddress: string): Arrival {
  const where = `${parsed.scheme}://${host}:${String(parsed.port)}`;
  const stopped = matchStoppedBinding(state.urlGroups, parsed.scheme, parsed.port, host, localAddress);
  if (stopped !== undefined) {
    return {
      kind: 'refused',
      parsed,
      status: 404,
      reason: `The site "${stopped.site.name}" is stopped (serverAutoStart="false"): W3SVC removed its URL group, so its binding ${stopped.protocol} ${stopped.ipAddress}:${String(stopped.port)}:${stopped.host} is not in HTTP.sys and no URL prefix matches ${where}. HTTP.sys answers 404 Not Found itself (HTTPERR NotFound).`,
      httpErr: 'NotFound',
    };
  }
  return {
    kind: 'refused',
    parsed,
    status: 400,
    reason: `No site binding matches ${where} (host "${host}", address ${localAddress}): HTTP.sys answers 400 Bad Request - Invalid Hostname.`,
    httpErr: 'Hostname',
  };
}
