/**
 * The logs IIS writes: a W3C line per request through HttpLoggingModule (the default W3C fields of
 * siteDefaults/logFile logExtFileFlags) and an HTTPERR line per request HTTP.sys refused or dropped
 * (KB 820729 field order). Kept only when the simulation retains its output, and only the last
 * MAX_LOG_LINES, so a long run's memory does not grow with the requests it has finished.
 */
import { FREB_DEFAULT_EPOCH_MS as DEFAULT_EPOCH_MS, formatSystemTime } from './freb.ts';
import type { InFlightRequest, SimulationState } from './state.ts';

export const MAX_LOG_LINES = 10_000;

export const W3C_FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
export const HTTPERR_FIELDS = '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename';

/**
 * Adds a line. The oldest lines are dropped MAX_LOG_LINES at a time, when the array holds twice that:
 * dropping one line per request moved the other 10,000 each time (65% of a long CLI run's time).
 * keptLines gives the last MAX_LOG_LINES.
 */
export function pushLogLine(lines: string[], line: string): void {
  if (lines.length >= 2 * MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES + 1);
  lines.push(line);
}

/** The lines a log holds: the last MAX_LOG_LINES written. */
export function keptLines(lines: readonly string[]): readonly string[] {
  return lines.length > MAX_LOG_LINES ? lines.slice(lines.length - MAX_LOG_LINES) : lines;
}

function dateTime(t: number): string {
  const stamp = formatSystemTime(DEFAULT_EPOCH_MS + t);
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 19)}`;
}

const dash = (value: string | undefined): string => (value === undefined || value === '' ? '-' : value.replace(/\s/g, '+'));

export function writeW3cLine(state: SimulationState, flight: InFlightRequest): void {
  if (!state.retain) return;
  const result = flight.result;
  const parsed = flight.parsed;
  pushLogLine(
    state.w3cLog,
    [
      dateTime(result.startTime),
      '127.0.0.1',
      result.method,
      dash(parsed?.rawPath ?? result.url),
      dash(parsed?.queryString),
      String(parsed?.port ?? 80),
      dash(flight.userName),
      flight.request.clientIp ?? '127.0.0.1',
      dash(flight.headers.get('user-agent')),
      dash(flight.headers.get('referer')),
      String(result.status),
      String(result.subStatus),
      result.status === 404 ? '2' : '0',
      String(Math.round(result.endTime - result.startTime)),
    ].join(' '),
  );
}

export function writeHttpErrLine(state: SimulationState, flight: InFlightRequest, status: string, reason: string, queue: string | undefined): void {
  if (!state.retain) return;
  const parsed = flight.parsed;
  pushLogLine(
    state.httpErrLog,
    [dateTime(state.now), flight.request.clientIp ?? '127.0.0.1', '50000', '127.0.0.1', String(parsed?.port ?? 80), 'HTTP/1.1', flight.request.method, dash(parsed?.rawPath ?? flight.request.url), status, '-', reason, dash(queue)].join(' '),
  );
}
