/**
 * XML 1.0 well-formedness beyond the grammar (issue 11): characters XML does not allow, character
 * references to them, "--->" in a comment, a second byte order mark, and bytes that are not valid in the
 * file's encoding, each an error at its line and column, as a person fixing the file needs it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, decodeConfigBytes, parseApplicationHost, serializeApplicationHost } from '../index.ts';
import { readXml } from './readXml.ts';
import { writeXml } from './writeXml.ts';

/** The first error of a text: its line, column and message. */
function firstError(text: string): { line: number; column: number; message: string } | undefined {
  const error = parseApplicationHost(text).diagnostics.find((d) => d.severity === 'error');
  return error === undefined ? undefined : { line: error.line, column: error.column, message: error.message };
}

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('characters XML 1.0 does not allow', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['a control character in an attribute', '<configuration>\n  <a b="x\u0001y"/>\n</configuration>', 2, 10, /U\+0001 is not allowed/],
    ['a control character in text', '<configuration>\n  te\u0007xt\n</configuration>', 2, 5, /U\+0007 is not allowed/],
    ['U+FFFE', '<configuration>\n\n   \uFFFE</configuration>', 3, 4, /U\+FFFE is not allowed/],
    ['a lone high surrogate', '<configuration>\uD800</configuration>', 1, 16, /surrogate/],
    ['a lone low surrogate', '<configuration><a b="\uDC00"/></configuration>', 1, 22, /surrogate/],
    ['a reference to NUL', '<configuration>\n&#0;</configuration>', 2, 1, /does not allow/],
    ['a reference to a control character', '<configuration><a b="&#x1;"/></configuration>', 1, 22, /does not allow/],
    ['a reference to a surrogate', '<configuration>\n  <a b="&#xD800;"/>\n</configuration>', 2, 9, /does not allow/],
    ['a reference to U+FFFF', '<configuration>&#65535;</configuration>', 1, 16, /does not allow/],
    ['a reference past U+10FFFF', '<configuration>\n  <a b="&#x110000;"/>\n</configuration>', 2, 9, /does not allow/],
    ['"--->" closing a comment', '<configuration>\n<!-- a --->\n</configuration>', 2, 8, /--->/],
    ['a second byte order mark', '\uFEFF\uFEFF<configuration/>', 1, 1, /second byte order mark/],
  ];
  for (const [what, text, line, column, message] of cases) {
    it(`refuses ${what}, at line ${String(line)} column ${String(column)}`, () => {
      expect(readXml(text).wellFormed).toBe(false);
      const error = firstError(text);
      expect(error).toMatchObject({ line, column });
      expect(error?.message).toMatch(message);
    });
  }

  it('accepts every character XML allows, pairs of surrogates (an emoji) and references to them', () => {
    const text = '<configuration>\t\r\n<a b="\u00e9\u4e2d\uD83D\uDE00 &#x1F600; &#9; &#xFFFD;"/>\uE000\uFFFD</configuration>';
    const read = readXml(text);
    expect(read.wellFormed).toBe(true);
    expect(read.document.root?.children.find((c) => c.kind === 'element')).toMatchObject({ attributes: [{ value: '\u00e9\u4e2d\uD83D\uDE00 \uD83D\uDE00 \t \uFFFD' }] });
  });
});

describe('bytes that are not valid in the file\'s encoding', () => {
  const cases: [string, number[], number, number][] = [
    ['a Latin-1 byte in a UTF-8 file', [...utf8('<configuration>\n  <site name="caf'), 0xe9, ...utf8('"/>\n</configuration>')], 2, 18],
    ['a truncated sequence at the end', [...utf8('<configuration/>\n'), 0xe2, 0x82], 2, 1],
    ['an overlong form of "/"', [...utf8('<configuration>'), 0xc0, 0xaf, ...utf8('</configuration>')], 1, 16],
    ['an encoded surrogate', [...utf8('<configuration>\n'), 0xed, 0xa0, 0x80, ...utf8('</configuration>')], 2, 1],
    ['a code point past U+10FFFF', [...utf8('<configuration>'), 0xf4, 0x90, 0x80, 0x80, ...utf8('</configuration>')], 1, 16],
  ];
  for (const [what, bytes, line, column] of cases) {
    it(`reports ${what} at line ${String(line)} column ${String(column)}`, () => {
      const { text } = decodeConfigBytes(new Uint8Array(bytes));
      const error = firstError(text);
      expect(error).toMatchObject({ line, column });
      expect(error?.message).toMatch(/not valid in the file's encoding/);
    });
  }

  it('reports a UTF-16 file of odd length at its end', () => {
    const body = '<configuration>\n</configuration>';
    const bytes = [0xff, 0xfe, ...Array.from({ length: body.length }, (_, i) => [body.charCodeAt(i), 0]).flat(), 0x41];
    const { text, encoding } = decodeConfigBytes(new Uint8Array(bytes));
    expect(encoding).toBe('utf-16le');
    expect(firstError(text)).toMatchObject({ line: 2, column: 17 });
  });

  it('still decodes every valid sequence, of one to four bytes', () => {
    const sample = '<configuration><a b="A\u00e9\u4e2d\uD83D\uDE00"/></configuration>';
    const { text } = decodeConfigBytes(new TextEncoder().encode(sample));
    expect(text).toBe(sample);
    expect(parseApplicationHost(text).wellFormed).toBe(true);
  });
});

describe('cost linear in the input', () => {
  const element = (count: number, extra = ''): string => `<configuration><system.applicationHost><sites><site name="x" id="1" ${Array.from({ length: count }, (_, i) => `a${String(i)}="v"`).join(' ')}${extra}/></sites></system.applicationHost></configuration>`;

  it('reads an element of 100,000 attributes in seconds, not minutes (the duplicate check was quadratic)', () => {
    const text = element(100_000);
    const started = performance.now();
    const parsed = parseApplicationHost(text);
    // 22-33 s before; about 1 s on a loaded 2-core machine now. The bound is loose so as not to flake.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(parsed.wellFormed).toBe(true);
  });

  it('still finds an attribute written twice among many, where it is', () => {
    const text = element(40, ' a7="w"');
    const read = readXml(text);
    expect(read.wellFormed).toBe(false);
    expect(read.problems[0]?.message).toBe('The attribute "a7" appears twice.');
    expect(read.problems[0]?.offset).toBe(text.indexOf(' a7="w"') + 1);
  });
});

describe('found by fuzzing (readXml.fuzz.test.ts)', () => {
  it('a processing instruction whose target is not a name is an error: "<?<?xml ..."', () => {
    const text = '<?<?xml version="1.0" encoding="UTF-8"?>\n<configuration/>';
    expect(readXml(text).wellFormed).toBe(false);
    expect(firstError(text)?.message).toMatch(/target name/);
  });

  it('a processing instruction keeps the white space after its target', () => {
    for (const text of ['<?xml  version="1.0"?>\n<configuration/>', '<configuration><?foo ?></configuration>', '<configuration><?foo\tbar?></configuration>']) {
      const read = readXml(text);
      expect(read.wellFormed).toBe(true);
      expect(writeXml(read.document)).toBe(text);
    }
    expect(readXml('<configuration><?foo"bar?></configuration>').wellFormed).toBe(false);
  });

  it('a virtual directory without a path is an error, and is written back as it was, not given path="/"', () => {
    const text = DEFAULT_APPLICATION_HOST_CONFIG.replace('<virtualDirectory path="/"', '<virtualDirectory \uD83D\uDE00path="/"');
    const parsed = parseApplicationHost(text);
    expect(parsed.diagnostics.some((d) => d.severity === 'error' && d.message === 'A virtual directory needs a path, such as "/".')).toBe(true);
    expect(serializeApplicationHost(parsed.model)).toBe(text);
  });
});
