/**
 * Every request of the session (a load's thousands too) in one list, virtualized with
 * @tanstack/react-virtual: only the rows in view are in the page. Sorted by time sent, status or
 * duration (toggle buttons over the columns; pressing the current one reverses it; status and duration
 * start highest first, where the errors and the slow ones are). A listbox: the
 * selected request is the one the trace shows; arrow keys, Home, End and Page keys move the selection,
 * Escape returns to all requests. A status shows only once the response has reached the client in
 * playback, as everywhere in the trace.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { RequestResult } from '../../engine/index.ts';
import { isTold, statusCodeOf, type ResponseIndex } from '../../store/outcomes.ts';
import type { RequestSort, RequestSortKey } from '../../store/outcomesList.ts';
import { formatMs, formatMsShort, shortUrl, statusClass } from './format.ts';
import './outcomes.css';

/** One row's height in CSS pixels; outcomes.css gives `.requests-row` the same. */
const ROW_HEIGHT = 20;

const SORTS: readonly { by: RequestSortKey; label: string; name: string; ascending: string; descending: string }[] = [
  { by: 'status', label: 'Status', name: 'Sort by status', ascending: 'lowest first', descending: 'highest first' },
  { by: 'sent', label: 'Sent', name: 'Sort by time sent', ascending: 'first sent first', descending: 'last sent first' },
  { by: 'duration', label: 'Duration', name: 'Sort by duration', ascending: 'shortest first', descending: 'longest first' },
];

export interface RequestListProps {
  ids: readonly number[];
  results: ReadonlyMap<number, RequestResult>;
  responses: ResponseIndex;
  /** The playback index the statuses are told at. */
  index: number;
  selected: number | undefined;
  sort: RequestSort;
  onSort: (sort: RequestSort) => void;
  onSelect: (id: number | undefined) => void;
}

const Row = memo(function Row({ result, told, domId, position, setSize, start, selected, onSelect }: { result: RequestResult; told: boolean; domId: string; position: number; setSize: number; start: number; selected: boolean; onSelect: (id: number) => void }) {
  const code = told ? statusCodeOf(result.status, result.subStatus) : 'in flight';
  const duration = told ? formatMs(result.endTime - result.startTime) : '';
  return (
    <div
      role="option"
      id={domId}
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={`#${String(result.requestId)} ${result.method} ${result.url} → ${code}, sent at ${formatMs(result.startTime)}${told ? `, took ${duration}` : ''}`}
      className={selected ? 'requests-row selected' : 'requests-row'}
      style={{ transform: `translateY(${String(start)}px)` }}
      onClick={() => { onSelect(result.requestId); }}
      title={`${result.method} ${result.url}${told ? ` → ${code} ${result.statusText} (${result.decidedBy})` : ''}`}
    >
      <span className="requests-id">#{result.requestId}</span>
      <span className="requests-url">
        {/* GET goes without saying in a narrow column; other methods are named. */}
        {result.method === 'GET' ? '' : `${result.method} `}
        {shortUrl(result.url)}
      </span>
      <span className={told ? `requests-status outcome-${statusClass(result.status)}` : 'requests-status in-flight'}>{code}</span>
      <span className="requests-ms">{formatMsShort(result.startTime)}</span>
      <span className="requests-ms">{told ? formatMsShort(result.endTime - result.startTime) : ''}</span>
    </div>
  );
});

function nextIndex(key: string, current: number, count: number, page: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      // From no selection (-1), the first.
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, current + page);
    case 'PageUp':
      return Math.max(0, current - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export const RequestList = memo(function RequestList({ ids, results, responses, index, selected, sort, onSort, onSelect }: RequestListProps) {
  const prefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scroller.current, estimateSize, overscan: 10 });
  const selectedIndex = selected === undefined ? -1 : ids.indexOf(selected);

  // Bring the selection into view when it changes (a load selects its first request), not each time
  // the list reorders as responses arrive, which would pull a person scrolling it back.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selected, sort]); // eslint-disable-line react-hooks/exhaustive-deps

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      if (selected !== undefined) {
        event.preventDefault();
        onSelect(undefined);
      }
      return;
    }
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const next = ids.length === 0 ? undefined : nextIndex(event.key, selectedIndex, ids.length, page);
    if (next === undefined) return;
    // The arrows, Space and the Page keys would otherwise also scroll the list, or play.
    event.preventDefault();
    event.stopPropagation();
    onSelect(ids[next]);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <>
      <div className="requests-columns" role="group" aria-label="Sort requests">
        <span>#</span>
        <span>Request</span>
        {SORTS.map((s) => {
          const on = sort.by === s.by;
          return (
            <button
              key={s.by}
              type="button"
              aria-label={s.name}
              aria-pressed={on}
              title={on ? `Sorted by ${s.label.toLowerCase()}, ${sort.descending ? s.descending : s.ascending}: click for ${sort.descending ? s.ascending : s.descending}` : `Sort by ${s.label.toLowerCase()}`}
              onClick={() => { onSort({ by: s.by, descending: on ? !sort.descending : s.by !== 'sent' }); }}
            >
              {s.label}
              <span aria-hidden="true">{on ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
            </button>
          );
        })}
      </div>
      {/* A listbox must hold options (axe aria-required-children): when none is listed, a sentence says why. */}
      <div ref={scroller} className="requests-list" {...(ids.length === 0 ? {} : { role: 'listbox', 'aria-label': 'Requests', tabIndex: 0, 'aria-activedescendant': selectedIndex >= 0 ? `${prefix}-${String(selectedIndex)}` : undefined, onKeyDown })}>
        {ids.length === 0 ? (
          <p className="requests-empty">No request answered so far matches the filters.</p>
        ) : (
          <div className="requests-rows" role="presentation" style={{ height: `${String(virtualizer.getTotalSize())}px` }}>
            {virtualizer.getVirtualItems().map((item) => {
              const id = ids[item.index] ?? 0;
              const result = results.get(id);
              if (result === undefined) return null;
              return <Row key={id} result={result} told={isTold(responses, id, index)} domId={`${prefix}-${String(item.index)}`} position={item.index + 1} setSize={ids.length} start={item.start} selected={id === selected} onSelect={onSelect} />;
            })}
          </div>
        )}
      </div>
    </>
  );
});
