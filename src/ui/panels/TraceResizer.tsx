/**
 * The bar between the graph and the trace: drag it, or focus it and use the arrow keys, to give the
 * trace more rows or the graph more room. The graph column keeps at least GRAPH_COLUMN_MIN_HEIGHT pixels.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { GRAPH_COLUMN_MIN_HEIGHT, TRACE_MIN_HEIGHT } from '../../store/index.ts';
import { useStores } from '../hooks/stores.ts';

const KEY_STEP = 24;

/** The trace's largest height in the page's main area, and the main area's bottom edge. */
function bounds(element: HTMLElement): { bottom: number; max: number } {
  const main = element.closest('.app-main');
  const rect = main?.getBoundingClientRect();
  if (rect === undefined) return { bottom: window.innerHeight, max: window.innerHeight };
  return { bottom: rect.bottom, max: Math.max(TRACE_MIN_HEIGHT, rect.height - GRAPH_COLUMN_MIN_HEIGHT) };
}

export function TraceResizer() {
  const { ui } = useStores();
  const ref = useRef<HTMLDivElement>(null);
  // The trace's height as laid out (the default, a resize, or a smaller window's limit), for aria-valuenow.
  const [height, setHeight] = useState(TRACE_MIN_HEIGHT);
  useEffect(() => {
    const panel = ref.current?.parentElement;
    if (panel === null || panel === undefined) return;
    const observer = new ResizeObserver(() => { setHeight(Math.round(panel.getBoundingClientRect().height)); });
    observer.observe(panel);
    return () => { observer.disconnect(); };
  }, []);
  const resize = useCallback(
    (to: number) => {
      const element = ref.current;
      if (element === null) return;
      ui.getState().setTraceHeight(Math.min(bounds(element).max, to));
    },
    [ui],
  );
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    resize(bounds(event.currentTarget).bottom - event.clientY);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // From the height last set, not the one last laid out: quick presses (a held key) come before the
    // layout that reports the previous one.
    const from = ui.getState().traceHeight ?? height;
    if (event.key === 'ArrowUp') resize(from + KEY_STEP);
    else if (event.key === 'ArrowDown') resize(from - KEY_STEP);
    else if (event.key === 'Home') resize(TRACE_MIN_HEIGHT);
    else if (event.key === 'End') resize(Number.POSITIVE_INFINITY);
    else return;
    // The page's own keys (space plays, arrows step) are not meant while resizing.
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={ref}
      className="trace-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the trace panel"
      aria-valuemin={TRACE_MIN_HEIGHT}
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
