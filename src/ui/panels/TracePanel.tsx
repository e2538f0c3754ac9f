import { useCallback, useMemo, useState } from 'react';
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import { usePlaybackIndex, useSettledTimeline, useSimulation, useStores } from '../hooks/stores.ts';
import { EventList } from './EventList.tsx';
import { waterfall } from './waterfall.ts';

const REQUESTS_LISTED = 300;

/** 12345 -> "12,345". Not toLocaleString: its first call sets up Intl, a 20 ms task at start-up. */
function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

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
  // The request list names the latest requests (a load sends thousands; a select of thousands is slow).
  const listed = useMemo(() => {
    const latest = order.length > REQUESTS_LISTED ? order.slice(-REQUESTS_LISTED) : order;
    return selected !== undefined && !latest.includes(selected) ? [selected, ...latest] : latest;
  }, [order, selected]);
  const result = selected === undefined ? undefined : results.get(selected);
  // Where each request's response reaches the client, by request id (once per timeline).
  const responseIndexOf = useMemo(() => {
    const at = new Map<number, number>();
    timeline.events.forEach((e, i) => {
      if (e.event === 'CLIENT_RESPONSE_RECEIVED') at.set(e.requestId, i);
    });
    return at;
  }, [timeline]);
  // The selected request's events (once per timeline).
  const requestEvents = useMemo(() => (selected === undefined ? [] : timeline.events.filter((e) => e.requestId === selected)), [timeline, selected]);
  // The result is told when playback has brought the response back to the client, not before.
  const responseIndex = selected === undefined ? undefined : responseIndexOf.get(selected);
  const arrived = responseIndex !== undefined && index >= responseIndex;
  const seekToEvent = useCallback((i: number) => { simulation.getState().seek(timeline.at[i] ?? 0); }, [simulation, timeline]);
  const components = useMemo(() => {
    const seen = new Set<string>();
    for (const e of timeline.events) seen.add(e.component);
    return [...seen].sort();
  }, [timeline]);

  return (
    <section className="trace-panel" aria-labelledby="trace-title">
      <h2 id="trace-title" className="visually-hidden">Trace</h2>
      <div className="row filters">
        <label>
          Request
          <select value={selected ?? ''} onChange={(e) => { simulation.getState().selectRequest(e.target.value === '' ? undefined : Number(e.target.value)); }}>
            <option value="">All requests{order.length > listed.length ? ` (the latest ${String(REQUESTS_LISTED)} of ${String(order.length)} listed)` : ''}</option>
            {listed.map((id) => {
              const r = results.get(id);
              // A request's status is told once its response has reached the client in playback.
              const told = (responseIndexOf.get(id) ?? Number.POSITIVE_INFINITY) <= index;
              return (
                <option key={id} value={id}>
                  #{id} {r?.method} {r?.url} → {r === undefined ? '' : told ? statusCode(r) : 'in flight'}
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
        <span className="events-count">
          {rows === undefined ? `${groupDigits(timeline.events.length)} events` : `${groupDigits(rows.length)} of ${groupDigits(timeline.events.length)} events`}
        </span>
      </div>
      {result !== undefined && (arrived ? <ResultSummary result={result} /> : <InFlight result={result} onShow={() => { simulation.getState().seek(lastEventPosition(timeline, result.requestId)); }} />)}
      <div className={requestEvents.length > 0 ? 'trace-body with-waterfall' : 'trace-body'}>
        <EventList timeline={timeline} rows={rows} index={index} onSeek={seekToEvent} />
        {requestEvents.length > 0 && <Waterfall events={requestEvents} />}
      </div>
    </section>
  );
}
