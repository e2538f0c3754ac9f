/**
 * Site bindings: `protocol` plus `bindingInformation`, parsed per protocol.
 * http/https/ftp: `IP:port:host` (binding.md; `*` or empty IP = all unassigned addresses, empty host =
 * any host, `*.contoso.com` wildcard in the left-most label only, IIS 10). net.tcp: `port:host`
 * (`808:*`); net.pipe: a host (`*`); net.msmq and msmq.formatname: a host (`localhost`).
 */

export type BindingEndpoint =
  | { kind: 'ip'; ipAddress: string; port: number; host: string }
  | { kind: 'net.tcp'; port: number; host: string }
  | { kind: 'net.pipe'; host: string }
  | { kind: 'msmq'; host: string }
  | { kind: 'other' };

export interface Binding {
  protocol: string;
  bindingInformation: string;
  /** 0 = IP:port certificate, 1 = SNI, 2 = Central Certificate Store (flags; binding.md). */
  sslFlags: number;
  /** The parsed form; undefined when bindingInformation does not parse for its protocol. */
  endpoint: BindingEndpoint | undefined;
}

export type BindingParse = { ok: true; endpoint: BindingEndpoint } | { ok: false; reason: string };

const HOST_LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function checkHost(host: string): string | undefined {
  if (host === '') return undefined;
  if (host.length > 255) return 'the host name is longer than 255 characters';
  const labels = host.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? '';
    if (label === '*' && i === 0 && labels.length > 1) continue;
    if (label.includes('*')) return `the host name "${host}" has a wildcard that is not the whole left-most label (only *.example.com is allowed)`;
    if (!HOST_LABEL.test(label)) return `"${host}" is not a valid host name`;
  }
  return undefined;
}

function checkIp(ip: string): string | undefined {
  if (ip === '*' || ip === '') return undefined;
  if (ip.startsWith('[') && ip.endsWith(']')) {
    return /^[0-9A-Fa-f:.]+$/.test(ip.slice(1, -1)) && ip.includes(':') ? undefined : `"${ip}" is not a valid IPv6 address`;
  }
  const parts = ip.split('.');
  if (parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return `"${ip}" is not an IP address (use * for all unassigned addresses)`;
}

/** Parses a bindingInformation for its protocol. */
export function parseBindingInformation(protocol: string, information: string): BindingParse {
  const p = protocol.toLowerCase();
  if (p === 'http' || p === 'https' || p === 'ftp') {
    // The IP may be a bracketed IPv6 address that itself contains colons.
    const match = /^(\[[^\]]*\]|[^:]*):([^:]*):(.*)$/.exec(information);
    if (match === null) return { ok: false, reason: `expected IP:port:host, for example *:80:www.example.com` };
    const [, ip = '', portText = '', host = ''] = match;
    const ipProblem = checkIp(ip);
    if (ipProblem !== undefined) return { ok: false, reason: ipProblem };
    const port = parsePort(portText);
    if (port === undefined) return { ok: false, reason: `the port "${portText}" is not a number from 1 to 65535` };
    const hostProblem = checkHost(host);
    if (hostProblem !== undefined) return { ok: false, reason: hostProblem };
    return { ok: true, endpoint: { kind: 'ip', ipAddress: ip === '' ? '*' : ip, port, host: host.toLowerCase() } };
  }
  if (p === 'net.tcp') {
    const match = /^([^:]*):(.*)$/.exec(information);
    const port = match === null ? undefined : parsePort(match[1] ?? '');
    if (match === null || port === undefined) return { ok: false, reason: 'expected port:host, for example 808:*' };
    return { ok: true, endpoint: { kind: 'net.tcp', port, host: match[2] ?? '*' } };
  }
  if (p === 'net.pipe') {
    if (information.trim() === '') return { ok: false, reason: 'expected a host name or *' };
    return { ok: true, endpoint: { kind: 'net.pipe', host: information } };
  }
  if (p === 'net.msmq' || p === 'msmq.formatname') {
    if (information.trim() === '') return { ok: false, reason: 'expected a host name, for example localhost' };
    return { ok: true, endpoint: { kind: 'msmq', host: information } };
  }
  return { ok: true, endpoint: { kind: 'other' } };
}
