/**
 * The trace: a load's outcomes (by status and by who decided, each a filter), every request in a
 * sortable list, and every event, filtered by status, component, event or module, or by the request
 * selected, whose result and waterfall show beside its events.
 */
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { RequestResult, TraceEvent } from '../../engine/index.ts';
import { responsesOf, statusCodeOf, summarize } from '../../store/outcomes.ts';
import { isFiltering, parseStatusFilter, type OutcomeFilter } from '../../store/outcomesFilter.ts';
import { DEFAULT_SORT, listRequests, sortRequests, type RequestSort } from '../../store/outcomesList.ts';
import { usePlaybackIndex, useSettledTimeline, useSimulation, useStores } from '../hooks/stores.ts';
import { groupDigits } from '../outcomes/format.ts';
import { OutcomeSummary } from '../outcomes/OutcomeSummary.tsx';
import '../outcomes/outcomes.css';
import { EventList } from './EventList.tsx';
import { waterfall } from './waterfall.ts';

/**
 * The request list (and @tanstack/react-virtual, 10 KB gzipped) loads with the first request: the page
 * starts with none, and its first paint waits for every byte of JavaScript it starts with.
 */
const loadRequestList = () => import('../outcomes/RequestList.tsx');
const RequestList = lazy(() => loadRequestList().then((m) => ({ default: m.RequestList })));

/**
 * Fetches the request list's code once start-up is over (the first graph drawn, the page idle), so the
 * first request finds it there without it competing with the page's first paint.
 */
function usePrefetchRequestList(): void {
  useEffect(() => {
    let idle: number | undefined;
    const timer = setTimeout(() => {
      const prefetch = (): void => { void loadRequestList(); };
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(prefetch, { timeout: 1000 });
      else prefetch();
    }, 2500);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
}

/**
 * The summary and the request list follow playback at most this often (ms) while it plays: they
 * count and sort thousands of requests, which need not happen each time the event list moves.
 */
const OUTCOMES_INTERVAL = 300;

function statusCode(result: RequestResult): string {
  return statusCodeOf(result.status, result.subStatus);
}

/** Leaves the selected request: the event list shows every request's events (those listed). */
function AllRequests({ onAll }: { onAll: () => void }) {
  return (
    <button type="button" className="result-all" onClick={onAll} title="Show the events of every request listed, not of this one (Escape in the request list)">
      All requests
    </button>
  );
}

const ResultSummary = memo(function ResultSummary({ result, onAll }: { result: RequestResult; onAll: () => void }) {
  const where = result.servedFrom === 'kernel-cache' ? ' (kernel cache: never entered user mode)' : result.servedFrom === 'http.sys' ? ' (answered by HTTP.sys)' : ` in w3wp.exe ${String(result.workerProcess ?? '')}`;
  const who = `${result.decidedBy}${where}${result.handler !== undefined ? ` · handler ${result.handler}` : ''}`;
  return (
    <div className={`result result-${String(Math.floor(result.status / 100))}xx`} aria-label="Result">
      <AllRequests onAll={onAll} />
      <div className="result-line" title={`${statusCode(result)} ${result.statusText} · ${who}`}>
        <strong className="result-code">{statusCode(result)}</strong> {result.statusText}
        <span className="result-who"> · {who}</span>
      </div>
      <p className="result-reason" title={result.reason}>{result.reason}</p>
    </div>
  );
});

/** The selected request before its response has reached the client in playback. */
const InFlight = memo(function InFlight({ result, onShow, onAll }: { result: RequestResult; onShow: () => void; onAll: () => void }) {
  return (
    <div className="result result-in-flight" aria-label="Result">
      <AllRequests onAll={onAll} />
      <strong className="result-code">In flight</strong> #{result.requestId} {result.method} {result.url}
      <span className="result-who"> · its result shows when the response reaches the client. </span>
      <button type="button" onClick={onShow}>
        Skip to its result
      </button>
    </div>
  );
});

/** Playback position of a request's last event (its response at the client). */
function lastEventPosition(timeline: { events: readonly TraceEvent[]; at: readonly number[] }, requestId: number): number {
  for (let i = timeline.events.length - 1; i >= 0; i--) if (timeline.events[i]?.requestId === requestId) return timeline.at[i] ?? 0;
  return 0;
}

const Waterfall = memo(function Waterfall({ events }: { events: readonly TraceEvent[] }) {
  const bars = useMemo(() => waterfall(events), [events]);
  const total = Math.max(0.001, ...bars.map((b) => b.start + b.duration));
  return (
    // A scrolling list: focusable, so the keyboard can scroll it (axe scrollable-region-focusable).
    <ol className="waterfall" aria-label="Waterfall" tabIndex={0}>
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
});

export function TracePanel() {
  const { simulation } = useStores();
  usePrefetchRequestList();
  const timeline = useSettledTimeline();
  const index = usePlaybackIndex(150);
  // Deferred: React renders the summary and the request list for a new position in the background,
  // in slices that give way to the token overlay's frames, rather than in the frame it arrives in.
  const outcomesIndex = useDeferredValue(usePlaybackIndex(OUTCOMES_INTERVAL));
  const results = useSimulation((s) => s.results);
  const selected = useSimulation((s) => s.selectedRequest);
  const [component, setComponent] = useState('');
  const [kind, setKind] = useState('');
  const [statusText, setStatusText] = useState('');
  const [decider, setDecider] = useState<string | undefined>();
  const [sort, setSort] = useState<RequestSort>(DEFAULT_SORT);

  // Where each response reached the client: scanned as the settled timeline grows (at most four
  // times a second during a load), not at each render (its events array grows in place meanwhile).
  const responses = useMemo(() => responsesOf(timeline), [timeline]);
  const parsedStatus = useMemo(() => parseStatusFilter(statusText), [statusText]);
  const statusProblem = typeof parsedStatus === 'string' ? parsedStatus : undefined;
  const filter = useMemo<OutcomeFilter>(() => ({ status: typeof parsedStatus === 'string' ? [] : parsedStatus, decider }), [parsedStatus, decider]);
  const filtering = isFiltering(filter);
  const summary = useMemo(() => summarize(results, responses, outcomesIndex), [results, responses, outcomesIndex]);
  const sorted = useMemo(() => sortRequests(results, sort), [results, sort]);
  const listed = useMemo(() => listRequests(sorted, sort, results, responses, outcomesIndex, filter), [sorted, sort, results, responses, outcomesIndex, filter]);
  // The requests an outcome filter lets through, for the event list (undefined when none filters).
  const listedSet = useMemo(() => (filtering ? new Set(listed) : undefined), [filtering, listed]);

  // Indices of the events the filters let through; undefined when none filters (every event shows).
  // A request selected shows its events; otherwise an outcome filter shows those of the requests listed.
  const rows = useMemo(() => {
    if (selected === undefined && component === '' && kind === '' && listedSet === undefined) return undefined;
    const needle = kind.toLowerCase();
    const all: number[] = [];
    timeline.events.forEach((event, i) => {
      if (selected !== undefined) {
        if (event.requestId !== selected && event.requestId !== 0) return;
      } else if (listedSet !== undefined && !listedSet.has(event.requestId)) return;
      if (component !== '' && event.component !== component) return;
      if (needle !== '' && !event.event.toLowerCase().includes(needle) && !(event.module ?? '').toLowerCase().includes(needle)) return;
      all.push(i);
    });
    return all;
  }, [timeline, selected, component, kind, listedSet]);
  const result = selected === undefined ? undefined : results.get(selected);
  // The selected request's events (once per timeline).
  const requestEvents = useMemo(() => (selected === undefined ? [] : timeline.events.filter((e) => e.requestId === selected)), [timeline, selected]);
  // The result is told when playback has brought the response back to the client, not before.
  const responseIndex = selected === undefined ? undefined : responses.at.get(selected);
  const arrived = responseIndex !== undefined && index >= responseIndex;
  const seekToEvent = useCallback((i: number) => { simulation.getState().seek(timeline.at[i] ?? 0); }, [simulation, timeline]);
  const selectRequest = useCallback((id: number | undefined) => { simulation.getState().selectRequest(id); }, [simulation]);
  const components = useMemo(() => {
    const seen = new Set<string>();
    for (const e of timeline.events) seen.add(e.component);
    return [...seen].sort();
  }, [timeline]);

  // A new outcome filter shows the events of all the requests it lists, not of one selected before.
  const onStatusText = useCallback((text: string) => {
    setStatusText(text);
    selectRequest(undefined);
  }, [selectRequest]);
  const onStatus = useCallback((code: string | undefined) => { onStatusText(code ?? ''); }, [onStatusText]);
  const onDecider = useCallback((key: string | undefined) => {
    setDecider(key);
    selectRequest(undefined);
  }, [selectRequest]);
  const onAll = useCallback(() => { selectRequest(undefined); }, [selectRequest]);
  const onShowResult = useCallback(() => {
    if (selected !== undefined) simulation.getState().seek(lastEventPosition(timeline, selected));
  }, [simulation, timeline, selected]);
  const onClear = useCallback(() => {
    setStatusText('');
    setDecider(undefined);
  }, []);
  // The status count whose filter is on: the field holds exactly its code.
  const only = typeof parsedStatus !== 'string' && parsedStatus.length === 1 ? parsedStatus[0] : undefined;
  const statusOn = only?.reset === true ? 'reset' : only?.subStatus !== undefined ? `${only.prefix}.${String(only.subStatus)}` : undefined;

  return (
    <section className="trace-panel" aria-labelledby="trace-title">
      <h2 id="trace-title" className="visually-hidden">Trace</h2>
      <div className="trace-columns">
        {/* The left column: what the requests ended with, a filter on it, and the requests themselves;
            the events beside it get the panel's whole height (it is short at 1280x720). */}
        <div className="requests-column">
          <div className="outcomes-bar">
            <label className="status-filter">
              Status
              <input
                type="search"
                value={statusText}
                onChange={(e) => { onStatusText(e.target.value); }}
                placeholder="503, 404.7, 5xx"
                title="A request's final status: 503 finds every 503.x, 404.7 only 404.7, 5xx every 500 to 599; several, separated by commas, find any of them"
                aria-invalid={statusProblem !== undefined}
                aria-describedby="trace-status-help"
                spellCheck={false}
              />
            </label>
            <span id="trace-status-help" className={statusProblem === undefined ? 'visually-hidden' : 'problem trace-status-problem'}>
              {statusProblem ?? 'Lists the requests, and their events, by final status: 503 finds every 503.x, 404.7 only 404.7, 5xx every 500 to 599.'}
            </span>
            {summary.requests > 0 && <OutcomeSummary summary={summary} statusOn={statusOn} deciderOn={decider} onStatus={onStatus} onDecider={onDecider} />}
          </div>
          <div className="requests">
            <div className="requests-head">
              <span className="requests-count">
                <strong>Requests</strong> {filtering ? `${groupDigits(listed.length)} of ${groupDigits(results.size)}` : groupDigits(results.size)}
              </span>
              {filtering && (
                <button type="button" className="requests-clear" onClick={onClear}>
                  Clear filters
                </button>
              )}
            </div>
            {results.size === 0 ? (
              <p className="requests-empty">No requests yet: send one, or start a load.</p>
            ) : (
              <Suspense fallback={<p className="requests-empty">Loading the request list…</p>}>
                <RequestList ids={listed} results={results} responses={responses} index={outcomesIndex} selected={selected} sort={sort} onSort={setSort} onSelect={selectRequest} />
              </Suspense>
            )}
          </div>
        </div>
        <div className="trace-detail">
          <div className="row filters trace-filters">
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
          {result !== undefined && (arrived ? <ResultSummary result={result} onAll={onAll} /> : <InFlight result={result} onShow={onShowResult} onAll={onAll} />)}
          <div className={requestEvents.length > 0 ? 'trace-body with-waterfall' : 'trace-body'}>
            <EventList timeline={timeline} rows={rows} index={index} onSeek={seekToEvent} />
            {requestEvents.length > 0 && <Waterfall events={requestEvents} />}
          </div>
        </div>
      </div>
    </section>
  );
}
