/**
 * HTTP.sys URL groups: W3SVC registers one per started site, from its bindings, bound to the request
 * queue of the pool that serves the URL. Routing follows the HTTP Server API's precedence (win32:
 * urlprefix-strings.md; fact sheet §6.2): an explicit host name beats an IP-bound weak wildcard, which
 * beats the weak wildcard `*`. IIS 10 host wildcards (`*.contoso.com`) rank just below exact host names
 * [inferred]. No match in any category: 400 Bad Request - Invalid Hostname.
 */
import type { ApplicationHostConfig, Site } from '../../config/index.ts';

export interface UrlGroupBinding {
  site: Site;
  protocol: string;
  ipAddress: string;
  port: number;
  host: string;
  /** The URL prefix as HTTP.sys registers it, e.g. `HTTP://*:80/` or `HTTP://WWW.CONTOSO.COM:80/`. */
  prefix: string;
}

export interface UrlGroupTable {
  bindings: UrlGroupBinding[];
  /** `protocol:port` -> bindings on it, for the hot path. */
  byEndpoint: Map<string, UrlGroupBinding[]>;
  /**
   * The bindings of stopped sites, by `protocol:port`: not in HTTP.sys, kept to say which stopped site
   * a request would have reached (routing.ts).
   */
  stopped: Map<string, UrlGroupBinding[]>;
  /** The sites the table was built from, to know when a change left them all as they were. */
  sites: readonly Site[];
}

/**
 * The URL groups of a configuration. `previous`: the table in force, kept when every site is the same
 * object as when it was built (an incremental re-read keeps an untouched site's object, config/schema/
 * elementMemo.ts): a pool's change on 5,000 sites then costs no rebuild.
 */
export function buildUrlGroups(model: ApplicationHostConfig, previous?: UrlGroupTable): UrlGroupTable {
  if (previous !== undefined && sameSites(previous.sites, model.sites.sites)) return previous;
  const bindings: UrlGroupBinding[] = [];
  const stopped: UrlGroupBinding[] = [];
  for (const site of model.sites.sites) {
    // A site that does not start with the server has no URL group (serverAutoStart="false"; IIS
    // Manager's Stop writes it, and W3SVC removes the site's URL group).
    const into = site.serverAutoStart ? bindings : stopped;
    for (const binding of site.bindings) {
      const endpoint = binding.endpoint;
      if (endpoint?.kind !== 'ip') continue;
      const protocol = binding.protocol.toLowerCase();
      if (protocol !== 'http' && protocol !== 'https') continue;
      const hostPart = endpoint.host !== '' ? endpoint.host.toUpperCase() : endpoint.ipAddress === '*' ? '*' : endpoint.ipAddress;
      into.push({
        site,
        protocol,
        ipAddress: endpoint.ipAddress,
        port: endpoint.port,
        host: endpoint.host,
        prefix: `${protocol.toUpperCase()}://${hostPart}:${String(endpoint.port)}/`,
      });
    }
  }
  return { bindings, byEndpoint: byEndpointOf(bindings), stopped: byEndpointOf(stopped), sites: model.sites.sites };
}

/** The same site objects in the same order. */
export function sameSites(before: readonly Site[], after: readonly Site[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) return false;
  return true;
}

function byEndpointOf(bindings: readonly UrlGroupBinding[]): Map<string, UrlGroupBinding[]> {
  const byEndpoint = new Map<string, UrlGroupBinding[]>();
  for (const binding of bindings) {
    const key = `${binding.protocol}:${String(binding.port)}`;
    const list = byEndpoint.get(key) ?? [];
    list.push(binding);
    byEndpoint.set(key, list);
  }
  return byEndpoint;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

/**
 * The binding a request reaches: `host` from the Host header (lower case, no port), `localAddress` the
 * server address the connection arrived on.
 */
export function matchBinding(table: UrlGroupTable, protocol: string, port: number, host: string, localAddress: string): UrlGroupBinding | undefined {
  return matchIn(table.byEndpoint, protocol, port, host, localAddress);
}

/** The binding of a stopped site the request would have reached, by the same precedence. */
export function matchStoppedBinding(table: UrlGroupTable, protocol: string, port: number, host: string, localAddress: string): UrlGroupBinding | undefined {
  return matchIn(table.stopped, protocol, port, host, localAddress);
}

function matchIn(byEndpoint: ReadonlyMap<string, UrlGroupBinding[]>, protocol: string, port: number, host: string, localAddress: string): UrlGroupBinding | undefined {
  const candidates = byEndpoint.get(`${protocol}:${String(port)}`);
  if (candidates === undefined) return undefined;
  let exact: UrlGroupBinding | undefined;
  let wildcardHost: UrlGroupBinding | undefined;
  let ipBound: UrlGroupBinding | undefined;
  let weak: UrlGroupBinding | undefined;
  for (const binding of candidates) {
    const ipOk = binding.ipAddress === '*' || binding.ipAddress === localAddress;
    if (!ipOk) continue;
    if (binding.host !== '') {
      if (binding.host === host) exact ??= binding;
      else if (hostMatches(binding.host, host)) wildcardHost ??= binding;
    } else if (binding.ipAddress !== '*') ipBound ??= binding;
    else weak ??= binding;
  }
  return exact ?? wildcardHost ?? ipBound ?? weak;
}
