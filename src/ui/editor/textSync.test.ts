import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { editorPosition, indentationOf, lineSeparatorOf, smallestChange, type LineSeparator } from './textSync.ts';

/** Applies a change to an editor state made with the file's separator, as the XML editor does, and reads the text back. */
function applyInEditor(current: string, next: string): string {
  const separator: LineSeparator = lineSeparatorOf(current);
  const state = EditorState.create({ doc: current, extensions: EditorState.lineSeparator.of(separator) });
  const change = smallestChange(current, next, separator);
  if (change === undefined) return current;
  return state.update({ changes: change }).state.sliceDoc();
}

describe('line breaks and indentation', () => {
  it('keeps CRLF when the file uses it', () => {
    expect(lineSeparatorOf('<a>\r\n</a>\r\n')).toBe('\r\n');
    expect(lineSeparatorOf('<a>\n</a>\n')).toBe('\n');
  });
  it('finds the indentation of the first indented element', () => {
    expect(indentationOf('<configuration>\n  <a/>\n')).toBe('  ');
    expect(indentationOf('<configuration>\n\t<a/>\n')).toBe('\t');
    expect(indentationOf('<configuration/>')).toBe('    ');
  });
  it('counts each CRLF before an offset as one editor position', () => {
    expect(editorPosition('ab\r\ncd', 4, '\r\n')).toBe(3);
    expect(editorPosition('ab\r\ncd', 2, '\r\n')).toBe(2);
    expect(editorPosition('ab\ncd', 3, '\n')).toBe(3);
  });
});

describe('smallestChange', () => {
  it('is undefined for equal texts', () => {
    expect(smallestChange('<a/>', '<a/>', '\n')).toBeUndefined();
  });
  it('replaces only what lies between the common start and end', () => {
    expect(smallestChange('<site name="A" />', '<site name="Shop" />', '\n')).toEqual({ from: 12, to: 13, insert: 'Shop' });
  });
  it('gives editor positions in a CRLF file and keeps its line breaks', () => {
    const before = '<a>\r\n  <b x="1" />\r\n</a>\r\n';
    const after = '<a>\r\n  <b x="2" />\r\n</a>\r\n';
    expect(smallestChange(before, after, '\r\n')).toEqual({ from: 12, to: 13, insert: '2' });
    expect(applyInEditor(before, after)).toBe(after);
  });
  it('never splits a CRLF when lines are added or removed', () => {
    const cases: [string, string][] = [
      ['<a>\r\n</a>\r\n', '<a>\r\n  <b />\r\n</a>\r\n'],
      ['<a>\r\n  <b />\r\n</a>\r\n', '<a>\r\n</a>\r\n'],
      ['x\r\ny', 'x\r\n\r\ny'],
      ['x\r\n\r\ny', 'x\r\ny'],
      ['a\r\n', 'a\r\nb\r\n'],
      ['a', 'a\r\n'],
    ];
    for (const [before, after] of cases) expect(applyInEditor(before, after)).toBe(after);
  });
  it('turns any text into any other, LF or CRLF (checked on many pairs)', () => {
    const pieces = ['<a>', '\r\n', '\n', '</a>', 'x', '\r', ' '];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const make = (): string => Array.from({ length: random(8) }, () => pieces[random(pieces.length)] ?? '').join('');
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const before = make();
      const after = make();
      // Only texts whose line breaks the editor keeps as they are: one kind of break, no lone CR.
      const consistent = (t: string): boolean => !/\r(?!\n)/.test(t) && !(t.includes('\r\n') && /(^|[^\r])\n/.test(t));
      if (!consistent(before) || !consistent(after) || lineSeparatorOf(before) !== lineSeparatorOf(after)) continue;
      expect(applyInEditor(before, after)).toBe(after);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
