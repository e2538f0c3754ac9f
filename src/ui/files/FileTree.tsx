/**
 * The physical paths and their files as an ARIA tree. Only the rows in view are in the DOM
 * (@tanstack/react-virtual), so a folder of thousands of files scrolls as one of ten. The tree keeps
 * the focus itself and points at the current row with aria-activedescendant, since the row a key
 * moves to may not be drawn yet; selection follows the focus, as in Explorer's folder pane.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { TreeRow } from './fileTree.ts';

/** One row's height in CSS pixels; styles.css gives `.files-row` the same. */
const ROW_HEIGHT = 22;
const INDENT = 14;

function formatSize(chars: number): string {
  if (chars < 1024) return `${String(chars)} B`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

function rowLabel(row: TreeRow): string {
  switch (row.kind) {
    case 'root':
      return row.root.physicalPath;
    case 'folder':
      return row.folder.name;
    case 'file':
      return row.file.name + (row.file.hidden ? ', hidden' : '') + (row.file.readers === undefined ? '' : ', readers limited by its ACL');
  }
}

const Row = memo(function Row({ row, domId, start, selected, onSelect, onToggle }: { row: TreeRow; domId: string; start: number; selected: boolean; onSelect: (id: string) => void; onToggle: (id: string) => void }) {
  const expandable = row.kind !== 'file';
  return (
    <div
      role="treeitem"
      id={domId}
      aria-level={row.depth + 1}
      aria-expanded={expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-label={rowLabel(row)}
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
        <>
          <span className="files-name">{row.root.physicalPath}</span>
          <span className="files-meta">{row.root.servedBy.length === 0 ? 'not served by any site' : row.root.servedBy.map((s) => `${s.site} ${s.virtualPath}`).join(', ')}</span>
        </>
      )}
      {row.kind === 'folder' && (
        <>
          <span className="files-name">{row.folder.name}</span>
          <span className="files-meta">{row.folder.fileCount}</span>
        </>
      )}
      {row.kind === 'file' && (
        <>
          <span className="files-name">{row.file.name}</span>
          {row.file.hidden && <span className="files-badge">hidden</span>}
          {row.file.readers !== undefined && <span className="files-badge">ACL</span>}
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

export function FileTree({ rows, selectedId, onSelect, onToggle }: { rows: readonly TreeRow[]; selectedId: string | undefined; onSelect: (id: string) => void; onToggle: (id: string) => void }) {
  const prefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are not memoizable by the React Compiler; the tree renders on its own data only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
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
          return <Row key={row.id} row={row} domId={`${prefix}-${String(item.index)}`} start={item.start} selected={row.id === selectedId} onSelect={onSelect} onToggle={onToggle} />;
        })}
      </div>
    </div>
  );
}
