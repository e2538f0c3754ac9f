/**
 * The playback timeline: the engine's events in time order, each given a place on a display clock. A
 * step shorter than MIN_STEP virtual ms is stretched to it, so that the pipeline's microsecond steps
 * can be seen; with many requests at once (a load) the stretch is shared between them, so a load plays
 * at nearly its real pace. A gap longer than MAX_GAP (an idle minute) is shortened to it. The display clock runs at
 * `speed` display ms per screen ms (x0.1 to x1000). Pure: tested in Node.
 */
import type { TraceEvent } from '../engine/index.ts';

export const MIN_STEP = 40;
export const MAX_GAP = 1500;

export interface Timeline {
  events: TraceEvent[];
  /** Display time of each event, increasing. */
  at: number[];
  /** The display time of the last event. */
  end: number;
}

export const EMPTY_TIMELINE: Timeline = { events: [], at: [], end: 0 };

/**
 * Appends a batch of events (in emission order) to a timeline, keeping time order within the batch.
 * `requests` is how many requests the whole reply carries, when it is added in parts (see the store).
 */
export function extendTimeline(timeline: Timeline, batch: readonly TraceEvent[], requests = countRequests(batch)): Timeline {
  if (batch.length === 0) return timeline;
  return appendTo(timeline.events.slice(), timeline.at.slice(), batch, requests);
}

/**
 * extendTimeline for the store's own timeline, which only grows until a new workspace replaces it: the
 * batch is appended to its arrays in place (a load arrives in dozens of parts; copying ~100,000 events
 * for each would be work and garbage growing with the square of the load). Views holding an earlier
 * Timeline see its arrays grow, which, as they only ever append, keeps every index they read valid.
 */
export function growTimeline(timeline: Timeline, batch: readonly TraceEvent[], requests: number): Timeline {
  if (timeline.events.length === 0) return extendTimeline(timeline, batch, requests);
  if (batch.length === 0) return timeline;
  return appendTo(timeline.events, timeline.at, batch, requests);
}

function appendTo(events: TraceEvent[], at: number[], batch: readonly TraceEvent[], requests: number): Timeline {
  // The worker sends its events in time order; anything else is put in order here (a stable sort).
  const sorted = isInTimeOrder(batch) ? batch : batch.slice().sort((a, b) => a.t - b.t);
  const minStep = MIN_STEP / Math.max(1, requests);
  let lastT = events.at(-1)?.t;
  let lastAt = at.at(-1) ?? 0;
  for (const event of sorted) {
    const gap = lastT === undefined ? 0 : Math.min(MAX_GAP, Math.max(minStep, event.t - lastT));
    lastAt = lastT === undefined ? 0 : lastAt + gap;
    lastT = event.t;
    events.push(event);
    at.push(lastAt);
  }
  return { events, at, end: lastAt };
}

/** How many distinct requests a batch of events belongs to (configuration events, request 0, aside). */
export function countRequests(batch: readonly TraceEvent[]): number {
  const requests = new Set<number>();
  for (const event of batch) if (event.requestId !== 0) requests.add(event.requestId);
  return requests.size;
}

function isInTimeOrder(batch: readonly TraceEvent[]): boolean {
  for (let i = 1; i < batch.length; i++) if ((batch[i]?.t ?? 0) < (batch[i - 1]?.t ?? 0)) return false;
  return true;
}

/** The index of the last event at or before display time `position`; -1 before the first. */
export function eventIndexAt(timeline: Timeline, position: number): number {
  const at = timeline.at;
  let low = 0;
  let high = at.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((at[mid] ?? 0) <= position) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Speeds on the slider's scale: 0 -> x0.1, 1 -> x1, 2 -> x10, 3 -> x100, 4 -> x1000 (log scale). */
export function speedFromSlider(value: number): number {
  return Math.round(10 ** (value - 1) * 1000) / 1000;
}

export function formatSpeed(speed: number): string {
  return `x${speed >= 1 ? String(Math.round(speed)) : speed.toFixed(1)}`;
}
