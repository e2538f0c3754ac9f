/** Maps offsets in a source text to 1-based line and column numbers. */

export interface SourcePosition {
  line: number;
  column: number;
}

/** Line tables by document, with the source they were made for: an incremental re-read changes a document's source. */
const lineStartCache = new WeakMap<object, { source: string; starts: number[] }>();

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The line and column of `offset` in `source`. `key` (the document the source belongs to) lets repeated
 * look-ups in one file share the line table.
 */
export function positionAt(source: string, offset: number, key?: object): SourcePosition {
  if (offset < 0) return { line: 0, column: 0 };
  const cached = key === undefined ? undefined : lineStartCache.get(key);
  let starts = cached?.source === source ? cached.starts : undefined;
  if (starts === undefined) {
    starts = lineStarts(source);
    if (key !== undefined) lineStartCache.set(key, { source, starts });
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
