/**
 * A list box of sites or pools that draws only the rows in view (a configuration may hold 5,000 sites):
 * one tab stop, arrow keys, Home and End move the selection (aria-activedescendant), each row says its
 * place in the whole list (aria-posinset, aria-setsize).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { scrollToRow, visibleRows } from './listWindow.ts';

interface VirtualListProps<T> {
  label: string;
  items: readonly T[];
  selected: string | undefined;
  keyOf: (item: T) => string;
  onSelect: (key: string) => void;
  renderRow: (item: T) => ReactNode;
  rowHeight: number;
  /** The most the list grows to before it scrolls. */
  maxHeight: number;
  idPrefix: string;
}

export function VirtualList<T>({ label, items, selected, keyOf, onSelect, renderRow, rowHeight, maxHeight, idPrefix }: VirtualListProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(maxHeight, Math.max(1, items.length) * rowHeight);
  const selectedIndex = selected === undefined ? -1 : items.findIndex((item) => keyOf(item) === selected);
  const { from, to } = visibleRows(items.length, scrollTop, height, rowHeight);

  // A selection made elsewhere (the Inspector's "Edit in Server tab", a new site) is brought into view.
  useEffect(() => {
    const element = box.current;
    if (element === null || selectedIndex < 0) return;
    const top = scrollToRow(selectedIndex, element.scrollTop, height, rowHeight);
    if (top !== undefined) element.scrollTop = top;
  }, [selectedIndex, height, rowHeight]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, selectedIndex + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, selectedIndex - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    const item = next === undefined ? undefined : items[next];
    if (item === undefined) return;
    event.preventDefault();
    onSelect(keyOf(item));
  };

  const rows: ReactNode[] = [];
  // The selected row is always drawn, even scrolled out of view: aria-activedescendant must name an element.
  const indexes = selectedIndex >= 0 && (selectedIndex < from || selectedIndex >= to) ? [selectedIndex] : [];
  for (let i = from; i < to; i++) indexes.push(i);
  for (const i of indexes) {
    const item = items[i];
    if (item === undefined) continue;
    const key = keyOf(item);
    rows.push(
      <div
        key={key}
        id={`${idPrefix}-${String(i)}`}
        role="option"
        aria-selected={i === selectedIndex}
        aria-posinset={i + 1}
        aria-setsize={items.length}
        className="vlist-row"
        style={{ top: i * rowHeight, height: rowHeight }}
        onClick={() => { onSelect(key); }}
      >
        {renderRow(item)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedIndex < 0 ? undefined : `${idPrefix}-${String(selectedIndex)}`}
      className="vlist"
      style={{ height }}
      onScroll={(event) => { setScrollTop(event.currentTarget.scrollTop); }}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-inner" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
