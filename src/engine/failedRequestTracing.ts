/**
 * Failed Request Tracing rules (system.webServer/tracing/traceFailedRequests, fact sheet §9.1): with the
 * site's traceFailedRequestsLogging enabled, a request is traced when a rule's path matches and its
 * failureDefinitions match: a status in statusCodes ("401.3,404,500-999") or a time over timeTaken.
 */
import type { EffectiveConfig } from '../config/index.ts';
import type { RequestResult } from './types.ts';

export interface FailedRequestTrace {
  /** The rule's path, e.g. `*.aspx`. */
  rule: string;
  failureReason: 'STATUS_CODE' | 'TIME_TAKEN';
  /** Where IIS writes the file: the site's directory, W3SVC<siteId>. */
  directory: string;
}

function pathMatches(pattern: string, path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const p = pattern.toLowerCase();
  if (p === '*' || p === '') return true;
  if (p.startsWith('*')) return name.endsWith(p.slice(1));
  return name === p || path.toLowerCase().endsWith('/' + p);
}

/** Whether `status.subStatus` is in a statusCodes list such as `401.3,404,500-999`. */
export function statusMatches(list: string, status: number, subStatus: number): boolean {
  for (const raw of list.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const range = /^(\d+)-(\d+)$/.exec(item);
    if (range !== null) {
      if (status >= Number(range[1]) && status <= Number(range[2])) return true;
      continue;
    }
    const [code, sub] = item.split('.');
    if (Number(code) === status && (sub === undefined || Number(sub) === subStatus)) return true;
  }
  return false;
}

export function failedRequestTrace(effective: EffectiveConfig, result: RequestResult, path: string): FailedRequestTrace | undefined {
  const logging = effective.site.traceFailedRequestsLogging;
  const rules = effective.config.traceFailedRequests;
  if (!logging.enabled || rules.length === 0) return undefined;
  const taken = result.endTime - result.startTime;
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    const definitions = rule.failureDefinitions;
    const byStatus = definitions.statusCodes !== '' && statusMatches(definitions.statusCodes, result.status, result.subStatus);
    const byTime = definitions.timeTaken > 0 && taken >= definitions.timeTaken;
    if (byStatus || byTime) {
      return { rule: rule.path, failureReason: byStatus ? 'STATUS_CODE' : 'TIME_TAKEN', directory: `${logging.directory}\\W3SVC${String(effective.site.id)}` };
    }
  }
  return undefined;
}
