import { foldable } from '@codemirror/language';
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import type { Decoration } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { isLargeFile, LARGE_FILE_CHARS, largeFileExtensions, largeFileMode, scanLine } from './largeFile.ts';

/** The marks of consecutive lines, as `class:text`. */
function marks(lines: readonly string[]): string[] {
  const builder = new RangeSetBuilder<Decoration>();
  let inComment = false;
  let from = 0;
  for (const line of lines) {
    inComment = scanLine(line, from, inComment, builder);
    from += line.length + 1;
  }
  const text = lines.join('\n');
  const found: string[] = [];
  for (const cursor = builder.finish().iter(); cursor.value !== null; ) {
    const spec = cursor.value.spec as { class?: string };
    found.push(`${(spec.class ?? '').replace('cm-xml-', '')}:${text.slice(cursor.from, cursor.to)}`);
    cursor.next();
  }
  return found;
}

describe('the large-file mode', () => {
  it('is for texts over 1 MB', () => {
    expect(isLargeFile('x'.repeat(LARGE_FILE_CHARS + 1))).toBe(true);
    expect(isLargeFile('x'.repeat(76_000))).toBe(false);
    const state = EditorState.create({ doc: '<a/>', extensions: largeFileExtensions() });
    expect(state.facet(largeFileMode)).toBe(true);
    expect(EditorState.create({ doc: '<a/>' }).facet(largeFileMode)).toBe(false);
  });

  it('colours tags, attribute names and values', () => {
    expect(marks(['    <site name="Shop" id="2">'])).toEqual(['tag:<site', 'attribute:name', 'value:"Shop"', 'attribute:id', 'value:"2"', 'tag:>']);
    expect(marks(['<binding protocol="http" />', '</bindings>'])).toEqual(['tag:<binding', 'attribute:protocol', 'value:"http"', 'tag:/>', 'tag:</bindings', 'tag:>']);
  });

  it('carries a comment over lines, and colours what follows its end', () => {
    expect(marks(['<!-- one', 'two <site name="x">', 'end --> <a b="c">'])).toEqual(['comment:<!-- one', 'comment:two <site name="x">', 'comment:end -->', 'tag:<a', 'attribute:b', 'value:"c"', 'tag:>']);
  });

  it('folds an element down to its last deeper line, keeping its end tag in sight', () => {
    const doc = ['<sites>', '    <site name="a">', '        <bindings />', '    </site>', '</sites>'].join('\n');
    const state = EditorState.create({ doc, extensions: largeFileExtensions() });
    const line = (n: number) => state.doc.line(n);
    expect(foldable(state, line(1).from, line(1).to)).toEqual({ from: line(1).to, to: line(4).to });
    expect(foldable(state, line(2).from, line(2).to)).toEqual({ from: line(2).to, to: line(3).to });
    expect(foldable(state, line(3).from, line(3).to)).toBeNull();
    expect(foldable(state, line(4).from, line(4).to)).toBeNull();
  });
});
