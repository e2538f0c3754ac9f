/**
 * The trace's event list, virtualized: every event (or every event the filters let through) can be
 * scrolled to, yet only the rows in view are in the DOM. Rows have one fixed height, so a row's place
 * is arithmetic, and the list's layout is contained: re-rendering it while playback runs costs its
 * twenty-odd rows, not the page's layout.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { TraceEvent } from '../../engine/index.ts';
import type { Timeline } from '../../store/index.ts';

/** One row's height in CSS pixels; styles.css gives `.event-row` the same. */
const ROW_HEIGHT = 18;
/** Rows drawn above and below those in view, so a scroll shows rows before React catches up. */
const OVERSCAN = 6;
/** Browsers cap an element's height near 33.5 million pixels; past this many rows the list keeps the latest. */
const MAX_ROWS = 1_500_000;

const COLUMNS = ['ms', '#', 'Component', 'Event', 'Module', 'Notification', 'Detail'] as const;

function detail(event: TraceEvent): string {
  const status = event.status === undefined ? '' : `${String(event.status)}.${String(event.subStatus ?? 0)} `;
  const text = event.detail ?? '';
  // The client's event says its status itself ("503.0 Service Unavailable"): not twice.
  return text.startsWith(status) ? text : status + text;
}

const EventRow = memo(function EventRow({ event, index, row, state, onSeek }: { event: TraceEvent; index: number; row: number; state: 'current' | 'future' | 'past'; onSeek: (index: number) => void }) {
  const text = detail(event);
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      aria-current={state === 'current' ? 'step' : undefined}
      className={`event-row ${state}`}
      style={{ transform: `translateY(${String(row * ROW_HEIGHT)}px)` }}
      onClick={() => { onSeek(index); }}
    >
      <span role="cell">{event.t.toFixed(3)}</span>
      <span role="cell">{event.requestId === 0 ? '' : event.requestId}</span>
      <span role="cell">{event.component}</span>
      <span role="cell">{event.event}</span>
      <span role="cell">{event.module ?? ''}</span>
      <span role="cell">
        {event.notification ?? ''}
        {event.isPost === true ? ' (post)' : ''}
      </span>
      <span role="cell" title={text}>
        {text}
      </span>
    </div>
  );
});

/** The row (position in the list) of the first event at or after `index`. */
function rowOf(rows: readonly number[] | undefined, count: number, index: number): number {
  if (rows === undefined) return Math.min(index, count);
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((rows[mid] ?? 0) < index) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Memoized: the trace panel re-renders when the outcome summary moves on, which changes none of this
 * list's props; it then costs nothing.
 */
export const EventList = memo(function EventList({ timeline, rows, index, onSeek }: { timeline: Timeline; rows: readonly number[] | undefined; index: number; onSeek: (index: number) => void }) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 300 });
  const total = rows === undefined ? timeline.events.length : rows.length;
  // Past MAX_ROWS only the latest rows are listed (a limit of the browser, not of the trace).
  const skipped = Math.max(0, total - MAX_ROWS);
  const count = total - skipped;

  const onScroll = useCallback(() => {
    const scroller = scrollerRef.current;
    if (scroller !== null) setView({ top: scroller.scrollTop, height: scroller.clientHeight });
  }, []);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller === null) return;
    const observer = new ResizeObserver(onScroll);
    observer.observe(scroller);
    return () => { observer.disconnect(); };
  }, [onScroll]);

  // Keep the current event in sight as playback moves, only when it has left the rows in view, so a
  // person scrolling the list while paused is not pulled back. The view is the one kept by the scroll
  // and resize handlers, not read from the element: reading scrollTop in a commit forces the page's
  // layout, at every step of playback. Only a row out of view moves the scroll position.
  const viewRef = useRef(view);
  viewRef.current = view;
  const currentRow = rowOf(rows, total, index) - skipped;
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller === null || currentRow < 0 || currentRow >= count) return;
    const { top: shown, height } = viewRef.current;
    // The sticky header covers the first ROW_HEIGHT pixels of the view.
    const top = currentRow * ROW_HEIGHT;
    if (top < shown || top + 2 * ROW_HEIGHT > shown + height) {
      // The rows around the event are drawn now; the scroll position is set at the next frame, whose
      // layout is then done once (set here, it would force the layout of everything this commit changed
      // in the page, and the frame would lay it out again), from the list's height at that frame.
      // Centred in the part of the list below the header.
      setView({ top: Math.max(0, top + ROW_HEIGHT - height / 2), height });
      const frame = requestAnimationFrame(() => {
        scroller.scrollTop = Math.max(0, top + ROW_HEIGHT - scroller.clientHeight / 2);
      });
      return () => { cancelAnimationFrame(frame); };
    }
    return undefined;
  }, [currentRow, count]);
  // A shorter list (a filter, a new workspace) can leave the scroll position past its end.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller !== null && view.top > count * ROW_HEIGHT) onScroll();
  }, [count, view.top, onScroll]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const visible: ReactNode[] = [];
  for (let row = first; row < last; row++) {
    const i = rows === undefined ? row + skipped : (rows[row + skipped] ?? 0);
    const event = timeline.events[i];
    if (event === undefined) continue;
    visible.push(<EventRow key={i} event={event} index={i} row={row} state={i === index ? 'current' : i > index ? 'future' : 'past'} onSeek={onSeek} />);
  }

  return (
    <div className="events" role="table" aria-label="Events" aria-rowcount={count + 1} ref={scrollerRef} onScroll={onScroll} tabIndex={0}>
      <div role="rowgroup" className="events-head">
        <div role="row" aria-rowindex={1} className="event-row">
          {COLUMNS.map((name) => (
            <span key={name} role="columnheader">
              {name}
            </span>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="events-rows" style={{ height: `${String(count * ROW_HEIGHT)}px` }}>
        {visible}
      </div>
      {count === 0 && <p className="events-empty">{timeline.events.length > 0 ? 'No event matches the filters.' : 'No events yet: send a request.'}</p>}
    </div>
  );
});
