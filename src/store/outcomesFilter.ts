/**
 * The trace's filter by outcome: a status typed as a person reads IIS logs, and who decided it. Pure.
 *
 * What a status term matches, against a request's final `status.substatus`:
 *   `503`    every 503, whatever its substatus (503.0, 503.2...): digits match the status from its start,
 *            so `5` is every 5xx and `40` every 400-409 (the list narrows as one types);
 *   `404.7`  that status and substatus only (404.7, not 404.70);
 *   `5xx`    the status class (also `50x`);
 *   `reset`  a connection reset with no response.
 * Several terms, separated by commas or spaces, match any of them: `404.7, 503`.
 */
import type { RequestResult } from '../engine/index.ts';

export interface StatusTerm {
  /** The status's first digits (`5`, `50`, `503`); '' with `reset`. */
  prefix: string;
  /** Present when the term names a substatus (`404.7`). */
  subStatus?: number;
  reset?: boolean;
}

export type StatusFilter = readonly StatusTerm[];

/** The terms of `text`, or a sentence saying what is wrong; an empty text is no filter ([]). */
export function parseStatusFilter(text: string): StatusFilter | string {
  const terms: StatusTerm[] = [];
  for (const word of text.split(/[\s,;]+/)) {
    if (word === '') continue;
    if (/^reset$/i.test(word)) {
      terms.push({ prefix: '', reset: true });
      continue;
    }
    const exact = /^([1-5]\d\d)\.(\d{1,3})$/.exec(word);
    if (exact !== null) {
      terms.push({ prefix: exact[1] ?? '', subStatus: Number(exact[2]) });
      continue;
    }
    // `503`, `50`, `5` (the status from its start); `503.` (still typing); `5xx`, `50x` (a class).
    const prefix = /^([1-5]\d{0,2})$/.exec(word) ?? /^([1-5]\d\d)\.$/.exec(word) ?? /^([1-5])xx$/i.exec(word) ?? /^([1-5]\d)x$/i.exec(word);
    if (prefix !== null) {
      terms.push({ prefix: prefix[1] ?? '' });
      continue;
    }
    return `"${word}" is not a status: type 503, 404.7, 5xx or reset.`;
  }
  return terms;
}

export function matchesStatus(filter: StatusFilter, status: number, subStatus: number): boolean {
  if (filter.length === 0) return true;
  const text = String(status);
  for (const term of filter) {
    if (term.reset === true) {
      if (status === 0) return true;
      continue;
    }
    if (status === 0 || !text.startsWith(term.prefix)) continue;
    if (term.subStatus !== undefined && (term.prefix !== text || term.subStatus !== subStatus)) continue;
    return true;
  }
  return false;
}

/** The filters the outcome summary and the status field set, for the request and event lists. */
export interface OutcomeFilter {
  status: StatusFilter;
  /** A Decider key (outcomes.ts), or undefined for anyone. */
  decider: string | undefined;
}

export const NO_OUTCOME_FILTER: OutcomeFilter = { status: [], decider: undefined };

export function isFiltering(filter: OutcomeFilter): boolean {
  return filter.status.length > 0 || filter.decider !== undefined;
}

/** Whether a request's outcome passes the filter; `deciderKey` is its Decider's key. */
export function matchesOutcome(filter: OutcomeFilter, result: RequestResult, deciderKey: string): boolean {
  return matchesStatus(filter.status, result.status, result.subStatus) && (filter.decider === undefined || filter.decider === deciderKey);
}
