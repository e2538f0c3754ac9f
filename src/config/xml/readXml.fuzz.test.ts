/**
 * Fuzzing the configuration reader (issue 11): random text, and real configurations broken at random, are
 * read without an exception, with every problem inside the text, and a file that reads cleanly is
 * written back byte for byte, whether as a tree or through the model. `npm run fuzz` runs these with
 * FUZZ_SCALE=50 (fifty times the runs); each failure found becomes a named test in wellFormed.test.ts or
 * schemaValues.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, parseApplicationHost, serializeApplicationHost } from '../index.ts';
import { readXml } from './readXml.ts';
import { writeXml } from './writeXml.ts';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const runs = (n: number): number => Math.round(n * SCALE);

/** Pieces of XML and of trouble, so that random text often comes close to a file. */
const TOKENS = ['<', '>', '/>', '</', '&', '&amp;', '&#x41;', '&#0;', '&lt', '"', "'", '=', ' ', '\n', '\r\n', '\t', '<!--', '-->', '--', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<?', '?>', '<!DOCTYPE x>', 'configuration', 'site', 'add', 'name', 'a', '\u0001', '\uD800', '\uFEFF', '\uFFFF', 'é', '\uD83D\uDE00'];
const token = fc.constantFrom(...TOKENS);
const xmlish = fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));

function checkRead(text: string): void {
  const read = readXml(text);
  const source = read.document.source;
  for (const problem of read.problems) {
    expect(problem.offset).toBeGreaterThanOrEqual(0);
    expect(problem.offset).toBeLessThanOrEqual(source.length);
    expect(problem.message.length).toBeGreaterThan(0);
  }
  if (read.wellFormed) expect(writeXml(read.document)).toBe(source);
}

/** A random break of a text: a token put in, a span taken out, or a span doubled. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: token }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('double' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }) }),
);

function mutate(text: string, changes: readonly fc.Arbitrary<never>[] | readonly { kind: 'insert' | 'delete' | 'double'; at: number; text?: string; length?: number }[]): string {
  let out = text;
  for (const change of changes as readonly { kind: 'insert' | 'delete' | 'double'; at: number; text?: string; length?: number }[]) {
    const at = Math.floor(change.at * out.length);
    if (change.kind === 'insert') out = out.slice(0, at) + (change.text ?? '') + out.slice(at);
    else if (change.kind === 'delete') out = out.slice(0, at) + out.slice(at + (change.length ?? 1));
    else out = out.slice(0, at) + out.slice(at, at + (change.length ?? 1)) + out.slice(at);
  }
  return out;
}

describe('the reader on hostile and broken text', () => {
  it('reads any text without an exception, every problem inside it, and writes what reads cleanly back byte for byte', () => {
    fc.assert(fc.property(fc.oneof(xmlish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => { checkRead(text); }), { numRuns: runs(400), seed: 11 });
  });

  it('reads the default applicationHost.config broken at random: no exception, and a clean read round-trips through the model', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const text = mutate(DEFAULT_APPLICATION_HOST_CONFIG, changes);
        checkRead(text);
        const parsed = parseApplicationHost(text);
        for (const d of parsed.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        if (parsed.wellFormed) expect(serializeApplicationHost(parsed.model)).toBe(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      }),
      { numRuns: runs(150), seed: 12 },
    );
  });
});
