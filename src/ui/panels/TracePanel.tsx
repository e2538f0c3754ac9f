import { useEffect, useMemo, useRef, useState } from 'react';
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import { usePlaybackIndex, useSettledTimeline, useSimulation, useStores } from '../hooks/stores.ts';
import { waterfall } from './waterfall.ts';

/**
 * Rows of the event list around the current event: a short window while playing (the list re-renders
 * several times a second then, and its rows cost frames), a long one when paused, to read and scroll.
 */
const ROWS_PLAYING = 80;
const ROWS_PAUSED = 400;
const REQUESTS_LISTED = 300;


function statusCode(result: RequestResult): string {
  return result.status === 0 ? 'reset' : `${String(result.status)}.${String(result.subStatus)}`;
}

function ResultSummary({ result }: { result: RequestResult }) {
  return (
    <div className={`result result-${String(Math.floor(result.status / 100))}xx`} aria-label="Result">
      <strong className="result-code">{statusCode(result)}</strong> {result.statusText}
      <span className="result-who">
        {' '}
        · {result.decidedBy}
        {result.servedFrom === 'kernel-cache' ? ' (kernel cache: never entered user mode)' : result.servedFrom === 'http.sys' ? ' (answered by HTTP.sys)' : ` in w3wp.exe ${String(result.workerProcess ?? '')}`}
        {result.handler !== undefined ? ` · handler ${result.handler}` : ''}
      </span>
      <p className="result-reason">{result.reason}</p>
    </div>
  );
}

/** The selected request before its response has reached the client in playback. */
function InFlight({ result, onShow }: { result: RequestResult; onShow: () => void }) {
  return (
    <div className="result result-in-flight" aria-label="Result">
      <strong className="result-code">In flight</strong> #{result.requestId} {result.method} {result.url}
      <span className="result-who"> · its result shows when the response reaches the client. </span>
      <button type="button" onClick={onShow}>
        Skip to its result
      </button>
    </div>
  );
}

/** Playback position of a request's last event (its response at the client). */
function lastEventPosition(timeline: { events: readonly TraceEvent[]; at: readonly number[] }, requestId: number): number {
  for (let i = timeline.events.length - 1; i >= 0; i--) if (timeline.events[i]?.requestId === requestId) return timeline.at[i] ?? 0;
  return 0;
}

function Waterfall({ events }: { events: readonly TraceEvent[] }) {
  const bars = useMemo(() => waterfall(events), [events]);
  const total = Math.max(0.001, ...bars.map((b) => b.start + b.duration));
  return (
    <ol className="waterfall" aria-label="Waterfall">
      {bars.map((bar, i) => (
        <li key={i}>
          <span className="waterfall-label">{bar.label}</span>
          <span className="waterfall-track">
            <span className={`waterfall-bar waterfall-${bar.kind}`} style={{ marginLeft: `${String((bar.start / total) * 100)}%`, width: `${String(Math.max(0.5, (bar.duration / total) * 100))}%` }} />
          </span>
          <span className="waterfall-ms">{bar.duration >= 1 ? `${bar.duration.toFixed(1)} ms` : `${(bar.duration * 1000).toFixed(0)} µs`}</span>
        </li>
      ))}
    </ol>
  );
}

export function TracePanel() {
  const { simulation } = useStores();
  const timeline = useSettledTimeline();
  const index = usePlaybackIndex(150);
  const results = useSimulation((s) => s.results);
  const order = useSimulation((s) => s.requestOrder);
  const selected = useSimulation((s) => s.selectedRequest);
  const playing = useSimulation((s) => s.playing);
  const [component, setComponent] = useState('');
  const [kind, setKind] = useState('');

  // Indices of the events the filters let through; undefined when none filters (every event shows).
  const rows = useMemo(() => {
    if (selected === undefined && component === '' && kind === '') return undefined;
    const needle = kind.toLowerCase();
    const all: number[] = [];
    timeline.events.forEach((event, i) => {
      if (selected !== undefined && event.requestId !== selected && event.requestId !== 0) return;
      if (component !== '' && event.component !== component) return;
      if (needle !== '' && !event.event.toLowerCase().includes(needle) && !(event.module ?? '').toLowerCase().includes(needle)) return;
      all.push(i);
    });
    return all;
  }, [timeline, selected, component, kind]);
  const shown = useMemo(() => {
    const count = rows === undefined ? timeline.events.length : rows.length;
    const eventAt = (row: number): number => (rows === undefined ? row : (rows[row] ?? 0));
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (eventAt(mid) < index) low = mid + 1;
      else high = mid;
    }
    const centre = low >= count ? count : low;
    const size = playing ? ROWS_PLAYING : ROWS_PAUSED;
    const start = Math.max(0, Math.min(centre - size / 2, count - size));
    const picked: { event: TraceEvent; index: number }[] = [];
    for (let row = start; row < Math.min(count, start + size); row++) {
      const i = eventAt(row);
      const event = timeline.events[i];
      if (event !== undefined) picked.push({ event, index: i });
    }
    return picked;
  }, [rows, timeline, index, playing]);
  // The request list names the latest requests (a load sends thousands; a select of thousands is slow).
  const listed = useMemo(() => {
    const latest = order.length > REQUESTS_LISTED ? order.slice(-REQUESTS_LISTED) : order;
    return selected !== undefined && !latest.includes(selected) ? [selected, ...latest] : latest;
  }, [order, selected]);
  // Keep the current event in sight as playback moves (only when it has left the visible rows, so a
  // person scrolling the list while paused is not pulled back).
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const table = tableRef.current;
    const row = table?.querySelector<HTMLTableRowElement>('tr[aria-current]');
    if (table === null || row === null || row === undefined) return;
    const top = row.offsetTop;
    if (top < table.scrollTop + 20 || top + row.offsetHeight > table.scrollTop + table.clientHeight) table.scrollTop = Math.max(0, top - table.clientHeight / 2);
  }, [shown, index]);
  const result = selected === undefined ? undefined : results.get(selected);
  // The selected request's events, and the index of its response at the client (once, per timeline).
  const { requestEvents, responseIndex } = useMemo(() => {
    const events: TraceEvent[] = [];
    let response = -1;
    if (selected !== undefined) {
      timeline.events.forEach((e, i) => {
        if (e.requestId !== selected) return;
        events.push(e);
        if (e.event === 'CLIENT_RESPONSE_RECEIVED') response = i;
      });
    }
    return { requestEvents: events, responseIndex: response };
  }, [timeline, selected]);
  // The result is told when playback has brought the response back to the client, not before.
  const arrived = responseIndex >= 0 && index >= responseIndex;
  const components = useMemo(() => {
    const seen = new Set<string>();
    for (const e of timeline.events) seen.add(e.component);
    return [...seen].sort();
  }, [timeline]);

  return (
    <section className="panel trace" aria-labelledby="trace-title">
      <h2 id="trace-title">Trace</h2>
      <div className="row filters">
        <label>
          Request
          <select value={selected ?? ''} onChange={(e) => { simulation.getState().selectRequest(e.target.value === '' ? undefined : Number(e.target.value)); }}>
            <option value="">All requests{order.length > listed.length ? ` (the latest ${String(REQUESTS_LISTED)} of ${String(order.length)} listed)` : ''}</option>
            {listed.map((id) => {
              const r = results.get(id);
              return (
                <option key={id} value={id}>
                  #{id} {r?.method} {r?.url} → {r === undefined ? '' : statusCode(r)}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          Component
          <select value={component} onChange={(e) => { setComponent(e.target.value); }}>
            <option value="">All</option>
            {components.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Event or module
          <input type="search" value={kind} onChange={(e) => { setKind(e.target.value); }} placeholder="NOTIFY_MODULE, RequestFiltering…" />
        </label>
      </div>
      {result !== undefined && (arrived ? <ResultSummary result={result} /> : <InFlight result={result} onShow={() => { simulation.getState().seek(lastEventPosition(timeline, result.requestId)); }} />)}
      <div className="trace-body">
        <table className="events" ref={tableRef}>
          <thead>
            <tr>
              <th>ms</th>
              <th>#</th>
              <th>Component</th>
              <th>Event</th>
              <th>Module</th>
              <th>Notification</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ event, index: i }) => (
              <tr key={i} className={i === index ? 'current' : i > index ? 'future' : undefined} aria-current={i === index ? 'step' : undefined} onClick={() => { simulation.getState().seek(timeline.at[i] ?? 0); }}>
                <td>{event.t.toFixed(3)}</td>
                <td>{event.requestId === 0 ? '' : event.requestId}</td>
                <td>{event.component}</td>
                <td>{event.event}</td>
                <td>{event.module ?? ''}</td>
                <td>
                  {event.notification ?? ''}
                  {event.isPost === true ? ' (post)' : ''}
                </td>
                <td>{event.status !== undefined ? `${String(event.status)}.${String(event.subStatus ?? 0)} ` : ''}{event.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {requestEvents.length > 0 && <Waterfall events={requestEvents} />}
      </div>
    </section>
  );
}
