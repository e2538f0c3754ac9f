/**
 * The physical paths and their files as an ARIA tree. Only the rows in view are in the DOM
 * (@tanstack/react-virtual), so a folder of thousands of files scrolls as one of ten. The tree keeps
 * the focus itself and points at the current row with aria-activedescendant, since the row a key
 * moves to may not be drawn yet; selection follows the focus, as in Explorer's folder pane.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { TreeRow } from './fileTree.ts';

/** Row heights in CSS pixels; styles.css gives `.files-row` and `.files-row-root` the same. A physical
 * path's row has a second line: the sites and URLs that serve it. */
const ROW_HEIGHT = 22;
const ROOT_ROW_HEIGHT = 38;
const INDENT = 14;

function formatSize(chars: number): string {
  if (chars < 1024) return `${String(chars)} B`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

function rowLabel(row: TreeRow, broken: boolean): string {
  switch (row.kind) {
    case 'root':
      return row.root.physicalPath;
    case 'folder':
      return row.folder.name;
    case 'file':
      return row.file.name + (row.file.hidden ? ', hidden' : '') + (row.file.readers === undefined ? '' : ', readers limited by its ACL') + (broken ? ', not well-formed XML' : '');
  }
}

/** Which site URLs serve a physical path, as the root row says it: "Default Web Site /". */
function servedText(row: TreeRow & { kind: 'root' }): string {
  const served = row.root.servedBy;
  return served.length === 0 ? 'not served by any site' : served.map((s) => `${s.site} ${s.virtualPath}`).join(', ');
}

const Row = memo(function Row({ row, domId, start, selected, broken, onSelect, onToggle }: { row: TreeRow; domId: string; start: number; selected: boolean; broken: boolean; onSelect: (id: string) => void; onToggle: (id: string) => void }) {
  const expandable = row.kind !== 'file';
  return (
    <div
      role="treeitem"
      id={domId}
      aria-level={row.depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-label={rowLabel(row, broken)}
      title={row.kind === 'root' ? `${row.root.physicalPath}: ${servedText(row)}` : undefined}
      className={`files-row files-row-${row.kind}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${String(start)}px)`, paddingLeft: `${String(4 + row.depth * INDENT)}px` }}
      onClick={() => { onSelect(row.id); }}
      onDoubleClick={() => { if (expandable) onToggle(row.id); }}
    >
      <span
        className="files-twisty"
        aria-hidden="true"
        onClick={(event) => {
          if (!expandable) return;
          event.stopPropagation();
          onToggle(row.id);
        }}
      >
        {expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      {row.kind === 'root' && (
        <span className="files-root-text">
          <span className="files-name">{row.root.physicalPath}</span>
          <span className="files-served">{servedText(row)}</span>
        </span>
      )}
      {row.kind === 'folder' && (
        <>
          <span className="files-name" title={row.folder.name}>
            {row.folder.name}
          </span>
          <span className="files-meta">{row.folder.fileCount}</span>
        </>
      )}
      {row.kind === 'file' && (
        <>
          <span className="files-name" title={row.file.name}>
            {row.file.name}
          </span>
          {row.file.hidden && <span className="files-badge">hidden</span>}
          {row.file.readers !== undefined && <span className="files-badge">ACL</span>}
          {broken && <span className="files-badge files-badge-error">not well-formed</span>}
          <span className="files-meta">{formatSize(row.file.size)}</span>
        </>
      )}
    </div>
  );
});

/** The row to go to for a key, or undefined when the key is not the tree's. */
function target(rows: readonly TreeRow[], index: number, key: string, onToggle: (id: string) => void): number | undefined {
  const row = rows[index];
  switch (key) {
    case 'ArrowDown':
      return Math.min(rows.length - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return rows.length - 1;
    case 'ArrowRight':
      if (row === undefined || row.kind === 'file') return index;
      if (!row.expanded) onToggle(row.id);
      return row.expanded ? Math.min(rows.length - 1, index + 1) : index;
    case 'ArrowLeft': {
      if (row === undefined) return index;
      if (row.kind !== 'file' && row.expanded) {
        onToggle(row.id);
        return index;
      }
      for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < row.depth) return i;
      return index;
    }
    default:
      return undefined;
  }
}

export function FileTree({ rows, selectedId, broken, onSelect, onToggle }: { rows: readonly TreeRow[]; selectedId: string | undefined; broken: ReadonlySet<string>; onSelect: (id: string) => void; onToggle: (id: string) => void }) {
  const prefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  // A new estimateSize (new rows) makes the virtualizer lay the rows out again.
  const estimateSize = useCallback((index: number) => (rows[index]?.kind === 'root' ? ROOT_ROW_HEIGHT : ROW_HEIGHT), [rows]);
  // The virtualizer's functions are not memoizable by the React Compiler; the tree renders on its own data only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize, overscan: 8 });
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);

  // Keep the selected row in view when it moves (keys, a new file selected, a folder renamed).
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = target(rows, Math.max(0, selectedIndex), event.key, onToggle);
    if (next === undefined) return;
    event.preventDefault();
    const row = rows[next];
    if (row !== undefined) onSelect(row.id);
  };

  return (
    <div
      ref={scroller}
      className="files-tree"
      role="tree"
      aria-label="Files"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `${prefix}-${String(selectedIndex)}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="files-rows" role="presentation" style={{ height: `${String(virtualizer.getTotalSize())}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return <Row key={row.id} row={row} domId={`${prefix}-${String(item.index)}`} start={item.start} selected={row.id === selectedId} broken={broken.has(row.id)} onSelect={onSelect} onToggle={onToggle} />;
        })}
      </div>
    </div>
  );
}
