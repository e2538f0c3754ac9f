/**
 * Which rows of a long list to draw: a configuration can hold thousands of sites (the benchmark file has
 * 5,000), and the Server tab draws only the rows in view, plus a few either side. Pure: no React.
 */

export interface RowWindow {
  /** First row to draw. */
  from: number;
  /** One past the last row to draw. */
  to: number;
}

/** Rows of `rowHeight` px under a viewport `height` px tall scrolled by `scrollTop`, with `overscan` rows either side. */
export function visibleRows(count: number, scrollTop: number, height: number, rowHeight: number, overscan = 4): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { from: 0, to: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { from: Math.max(0, Math.min(count, first - overscan)), to: Math.min(count, last + overscan) };
}

/** The scrollTop that brings row `index` into a viewport, or undefined when it is in view already. */
export function scrollToRow(index: number, scrollTop: number, height: number, rowHeight: number): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return undefined;
}

/** Items whose text contains every word of the query, ignoring case (a filter over names and bindings). */
export function filterByText<T>(items: readonly T[], query: string, text: (item: T) => string): readonly T[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return items;
  return items.filter((item) => {
    const haystack = text(item).toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
