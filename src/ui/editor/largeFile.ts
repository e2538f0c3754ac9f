/**
 * A lighter XML mode for large files (a server with thousands of sites): CodeMirror's XML parser builds
 * a syntax tree of the whole text from its start, in the page's idle time, in slices of up to 100 ms
 * (3.7 MB took it about a second on a quiet machine): a keystroke landing in a slice waits for it. Here
 * only the lines on screen are coloured, by a small scanner, and folding follows indentation (IIS writes
 * each element's children one level deeper, and its end tag at its own level). As editors do for large
 * files, the cost of a keystroke no longer grows with the file.
 */
import { foldService } from '@codemirror/language';
import { Facet, RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Files longer than this (in characters) get the lighter mode; the default applicationHost.config is 76 KB. */
export const LARGE_FILE_CHARS = 1_000_000;
/** How far back the scanner looks for an open comment above the first line on screen. */
const COMMENT_LOOKBEHIND = 20_000;

const mark = {
  tag: Decoration.mark({ class: 'cm-xml-tag' }),
  attribute: Decoration.mark({ class: 'cm-xml-attribute' }),
  value: Decoration.mark({ class: 'cm-xml-value' }),
  comment: Decoration.mark({ class: 'cm-xml-comment' }),
};

const TOKEN = /<!--|<\/?[\w.:-]+|\/?>|[\w.:-]+(?=\s*=)|"[^"]*"|'[^']*'/g;

/** True when `pos` is inside a comment, judged from the text shortly before it. */
function insideComment(state: EditorState, pos: number): boolean {
  const before = state.sliceDoc(Math.max(0, pos - COMMENT_LOOKBEHIND), pos);
  return before.lastIndexOf('<!--') > before.lastIndexOf('-->');
}

/** Adds the marks of one line; returns whether a comment is still open at its end. Exported for its tests. */
export function scanLine(text: string, from: number, inComment: boolean, builder: RangeSetBuilder<Decoration>): boolean {
  let i = 0;
  if (inComment) {
    const end = text.indexOf('-->');
    if (end < 0) {
      if (text.length > 0) builder.add(from, from + text.length, mark.comment);
      return true;
    }
    builder.add(from, from + end + 3, mark.comment);
    i = end + 3;
  }
  TOKEN.lastIndex = i;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    const start = m.index;
    if (token === '<!--') {
      const end = text.indexOf('-->', start + 4);
      builder.add(from + start, from + (end < 0 ? text.length : end + 3), mark.comment);
      if (end < 0) return true;
      TOKEN.lastIndex = end + 3;
    } else if (token.startsWith('<') || token.endsWith('>')) builder.add(from + start, from + start + token.length, mark.tag);
    else if (token.startsWith('"') || token.startsWith("'")) builder.add(from + start, from + start + token.length, mark.value);
    else builder.add(from + start, from + start + token.length, mark.attribute);
  }
  return false;
}

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc } = view.state;
  let done = 0;
  for (const { from, to } of view.visibleRanges) {
    let line = doc.lineAt(from);
    if (line.number <= done) {
      if (line.number >= doc.lines) continue;
      line = doc.line(done + 1);
    }
    let inComment = insideComment(view.state, line.from);
    for (;;) {
      inComment = scanLine(line.text, line.from, inComment, builder);
      done = line.number;
      if (line.to >= to || line.number >= doc.lines) break;
      line = doc.line(line.number + 1);
    }
  }
  return builder.finish();
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function indentationOf(text: string): number {
  let n = 0;
  while (n < text.length && (text[n] === ' ' || text[n] === '\t')) n++;
  return n === text.length ? -1 : n;
}

/** An element whose following lines are indented deeper folds up to its last deeper line (its end tag stays in sight). */
const foldByIndentation = foldService.of((state, lineStart) => {
  const { doc } = state;
  const line = doc.lineAt(lineStart);
  const indent = indentationOf(line.text);
  if (indent < 0 || !line.text.startsWith('<', indent) || line.text.startsWith('</', indent)) return null;
  let last = line.number;
  for (let n = line.number + 1; n <= doc.lines; n++) {
    const depth = indentationOf(doc.line(n).text);
    if (depth < 0) continue;
    if (depth <= indent) break;
    last = n;
  }
  return last === line.number ? null : { from: line.to, to: doc.line(last).to };
});

const colours = EditorView.baseTheme({
  '.cm-xml-tag': { color: '#170' },
  '.cm-xml-attribute': { color: '#00c' },
  '.cm-xml-value': { color: '#a11' },
  '.cm-xml-comment': { color: '#940' },
});

/** Whether a state was made in the lighter mode (a text that grows past the limit, or shrinks below it, gets a new state). */
export const largeFileMode = Facet.define<boolean, boolean>({ combine: (values) => values.some(Boolean) });

export function isLargeFile(text: string): boolean {
  return text.length > LARGE_FILE_CHARS;
}

export function largeFileExtensions(): Extension {
  return [largeFileMode.of(true), highlighter, foldByIndentation, colours];
}
