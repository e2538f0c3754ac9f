/**
 * Keeping the editor's text and the workspace's in step without rewriting what did not change. A file's
 * line breaks are kept as written (IIS's own files use CRLF), and a change made elsewhere (a form, Undo)
 * reaches the editor as the one smallest change, so the cursor and the folds around it stay put.
 * Pure string work, tested in Node.
 */

export type LineSeparator = '\r\n' | '\n';

/** CRLF when the file uses it (as Windows tools write applicationHost.config), else LF. */
export function lineSeparatorOf(text: string): LineSeparator {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** How the file indents, for new lines typed in the editor: a tab, or the first indentation's spaces (2 to 8). */
export function indentationOf(text: string): string {
  const match = /\n([ \t]+)</.exec(text.slice(0, 20_000));
  const indent = match?.[1];
  if (indent === undefined) return '    ';
  if (indent.startsWith('\t')) return '\t';
  return ' '.repeat(Math.min(8, Math.max(2, indent.length)));
}

/**
 * The editor's position of an offset in the text as written: the editor counts a line break as one
 * position, so each CRLF before the offset counts one less.
 */
export function editorPosition(text: string, offset: number, separator: LineSeparator): number {
  if (separator === '\n') return offset;
  let crlfs = 0;
  for (let i = text.indexOf('\r\n'); i >= 0 && i + 1 < offset; i = text.indexOf('\r\n', i + 2)) crlfs++;
  return offset - crlfs;
}

export interface TextChange {
  /** Editor positions in the current text. */
  from: number;
  to: number;
  /** The text as written (the editor splits it at its line separator). */
  insert: string;
}

/**
 * The one change that turns `current` into `next`: what lies between their common start and their
 * common end. Undefined when they are equal. Never splits a CRLF, so the editor's line breaks stay whole.
 */
export function smallestChange(current: string, next: string, separator: LineSeparator): TextChange | undefined {
  if (current === next) return undefined;
  const limit = Math.min(current.length, next.length);
  let start = 0;
  while (start < limit && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (separator === '\r\n') {
    // A change starting or ending between the \r and the \n of a line break takes the whole break.
    if (start > 0 && current[start - 1] === '\r' && (current[start] === '\n' || next[start] === '\n')) start--;
    const currentEnd = current.length - end;
    const nextEnd = next.length - end;
    if (end > 0 && current[currentEnd] === '\n' && (current[currentEnd - 1] === '\r' || next[nextEnd - 1] === '\r')) end--;
  }
  return {
    from: editorPosition(current, start, separator),
    to: editorPosition(current, current.length - end, separator),
    insert: next.slice(start, next.length - end),
  };
}
