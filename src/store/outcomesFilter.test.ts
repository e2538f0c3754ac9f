import { describe, expect, it } from 'vitest';
import { matchesStatus, parseStatusFilter, type StatusFilter } from './outcomesFilter.ts';

function filter(text: string): StatusFilter {
  const parsed = parseStatusFilter(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const STATUSES: readonly [number, number][] = [
  [200, 0],
  [304, 0],
  [400, 0],
  [401, 2],
  [404, 0],
  [404, 7],
  [404, 8],
  [404, 70],
  [405, 0],
  [500, 19],
  [503, 0],
  [503, 2],
  [0, 0],
];

/** The statuses of STATUSES a filter text lets through, as `503.2`. */
function matched(text: string): string[] {
  const terms = filter(text);
  return STATUSES.filter(([s, sub]) => matchesStatus(terms, s, sub)).map(([s, sub]) => (s === 0 ? 'reset' : `${String(s)}.${String(sub)}`));
}

describe('the status filter', () => {
  it('"503" finds every 503, whatever its substatus, and nothing else', () => {
    expect(matched('503')).toEqual(['503.0', '503.2']);
  });

  it('"404.7" finds that substatus only', () => {
    expect(matched('404.7')).toEqual(['404.7']);
    expect(matched('503.2')).toEqual(['503.2']);
  });

  it('fewer digits match the status from its start, and 5xx a class', () => {
    expect(matched('5')).toEqual(['500.19', '503.0', '503.2']);
    expect(matched('40')).toEqual(['400.0', '401.2', '404.0', '404.7', '404.8', '404.70', '405.0']);
    expect(matched('5xx')).toEqual(matched('5'));
    expect(matched('40X')).toEqual(matched('40'));
    // While typing "404.7", "404." is every 404.
    expect(matched('404.')).toEqual(['404.0', '404.7', '404.8', '404.70']);
  });

  it('several terms find any of them; "reset" finds connections reset with no response', () => {
    expect(matched('404.7, 503')).toEqual(['404.7', '503.0', '503.2']);
    expect(matched('reset 200')).toEqual(['200.0', 'reset']);
  });

  it('an empty field filters nothing; what is not a status says so', () => {
    expect(filter('  ')).toEqual([]);
    expect(matched('')).toHaveLength(STATUSES.length);
    expect(parseStatusFilter('abc')).toBe('"abc" is not a status: type 503, 404.7, 5xx or reset.');
    expect(typeof parseStatusFilter('5034')).toBe('string');
    expect(typeof parseStatusFilter('5x')).toBe('string');
    expect(typeof parseStatusFilter('600')).toBe('string');
  });
});
