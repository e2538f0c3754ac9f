/**
 * A site binding as the Add/Edit Site Binding dialog shows it (Type, IP address, Port, Host name, and
 * for https "Require Server Name Indication"), turned into the protocol, bindingInformation and
 * sslFlags IIS writes, and checked as HTTP.sys takes it (checkBinding; binding.md). Pure: no React.
 */
import { checkBinding, parseBindingInformation, type ApplicationHostConfig, type Binding } from '../../config/index.ts';

export interface BindingDraft {
  protocol: string;
  ipAddress: string;
  port: string;
  hostName: string;
  /** https only: sslFlags bit 1, Server Name Indication. */
  sni: boolean;
  /** Protocols that are not IP:port:host (net.tcp, net.pipe, net.msmq, ...): the bindingInformation as typed. */
  information: string;
  /** sslFlags bits the form does not show (2, Central Certificate Store), kept as they were. */
  otherSslFlags: number;
}

/** The protocols IIS Manager's Site Bindings dialog offers (the WCF ones with the non-HTTP activation feature). */
export const BINDING_PROTOCOLS = ['http', 'https', 'net.tcp', 'net.pipe', 'net.msmq', 'msmq.formatname'] as const;

/** http, https and ftp bindings are IP:port:host; the others have a syntax of their own. */
export function usesEndpoint(protocol: string): boolean {
  const p = protocol.toLowerCase();
  return p === 'http' || p === 'https' || p === 'ftp';
}

const DEFAULT_PORT: Readonly<Record<string, string>> = { http: '80', https: '443', ftp: '21' };
const DEFAULT_INFORMATION: Readonly<Record<string, string>> = { 'net.tcp': '808:*', 'net.pipe': '*', 'net.msmq': 'localhost', 'msmq.formatname': 'localhost' };

export function newBindingDraft(protocol = 'http'): BindingDraft {
  return { protocol, ipAddress: '*', port: DEFAULT_PORT[protocol] ?? '80', hostName: '', sni: false, information: DEFAULT_INFORMATION[protocol] ?? '', otherSslFlags: 0 };
}

/** A new draft for another protocol: its default port (when the port was the old protocol's default) and syntax. */
export function withProtocol(draft: BindingDraft, protocol: string): BindingDraft {
  const fresh = newBindingDraft(protocol);
  const port = draft.port === (DEFAULT_PORT[draft.protocol] ?? '') ? fresh.port : draft.port;
  return { ...draft, protocol, port, information: usesEndpoint(protocol) ? draft.information : fresh.information, sni: protocol === 'https' && draft.sni };
}

export function draftFromBinding(binding: Binding): BindingDraft {
  const draft: BindingDraft = { ...newBindingDraft(binding.protocol), information: binding.bindingInformation, otherSslFlags: binding.sslFlags & ~1, sni: (binding.sslFlags & 1) !== 0 };
  if (!usesEndpoint(binding.protocol)) return draft;
  const match = /^(\[[^\]]*\]|[^:]*):([^:]*):(.*)$/.exec(binding.bindingInformation);
  if (match === null) return draft;
  const [, ip = '', port = '', host = ''] = match;
  return { ...draft, ipAddress: ip === '' ? '*' : ip, port, hostName: host };
}

/** An IPv6 address is written in brackets in bindingInformation ([::1]:80:); IIS Manager adds them. */
function ipForBinding(ip: string): string {
  const trimmed = ip.trim();
  if (trimmed === '') return '*';
  return trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
}

export function bindingInformationOf(draft: BindingDraft): string {
  if (!usesEndpoint(draft.protocol)) return draft.information.trim();
  return `${ipForBinding(draft.ipAddress)}:${draft.port.trim()}:${draft.hostName.trim()}`;
}

export function sslFlagsOf(draft: BindingDraft): number {
  if (draft.protocol.toLowerCase() !== 'https') return 0;
  return draft.otherSslFlags | (draft.sni ? 1 : 0);
}

/** Which control a problem belongs beside. */
export type BindingField = 'protocol' | 'ipAddress' | 'port' | 'hostName' | 'sni' | 'information' | 'binding';

export interface BindingProblem {
  field: BindingField;
  message: string;
}

const sentence = (reason: string): string => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;

/**
 * The first problem HTTP.sys would have with the draft, placed beside the field it comes from: each
 * part of IP:port:host is read alone first, then the whole binding (SNI needs a host name; no other
 * binding may have the same protocol and endpoint). `except`: the binding being edited.
 */
export function checkBindingDraft(model: ApplicationHostConfig, draft: BindingDraft, except?: { site: string; index: number }): BindingProblem | undefined {
  if (draft.protocol.trim() === '') return { field: 'protocol', message: 'Choose a protocol.' };
  if (usesEndpoint(draft.protocol)) {
    const parts: ReadonlyArray<[BindingField, string]> = [
      ['ipAddress', `${ipForBinding(draft.ipAddress)}:80:`],
      ['port', `*:${draft.port.trim()}:`],
      ['hostName', `*:80:${draft.hostName.trim()}`],
    ];
    for (const [field, information] of parts) {
      const parsed = parseBindingInformation(draft.protocol, information);
      if (!parsed.ok) return { field, message: sentence(parsed.reason) };
    }
  } else {
    const parsed = parseBindingInformation(draft.protocol, bindingInformationOf(draft));
    if (!parsed.ok) return { field: 'information', message: sentence(parsed.reason) };
  }
  const problem = checkBinding(model, draft.protocol, bindingInformationOf(draft), sslFlagsOf(draft), except);
  if (problem === undefined) return undefined;
  return { field: /Server Name Indication/.test(problem) ? 'sni' : 'binding', message: problem };
}

/** How a binding reads in a list: `http *:80:shop.example`, with SNI when set. */
export function describeBinding(binding: Pick<Binding, 'protocol' | 'bindingInformation' | 'sslFlags'>): string {
  return `${binding.protocol} ${binding.bindingInformation}${binding.protocol.toLowerCase() === 'https' && (binding.sslFlags & 1) !== 0 ? ' (SNI)' : ''}`;
}
