/**
 * The simulation bridge: sends requests to the engine (in a Web Worker), keeps the timeline of events
 * and the results, and the playback: where it stands (`index`, the last event shown), whether it plays,
 * at what speed. The display position itself moves every frame in `clock` (a plain object the overlay's
 * animation loop advances), so React renders only when the event index changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParseResult, Workspace } from '../config/index.ts';
import type { PipelineDescription, RequestResult, SimulationRequest, SimulationSnapshot, TraceEvent } from '../engine/index.ts';
import type { EngineClient, EngineReply } from './engineProtocol.ts';
import { EMPTY_TIMELINE, countRequests, eventIndexAt, growTimeline, type Timeline } from './playback.ts';

/**
 * Events added to the timeline per task. A load's reply holds ~100,000 events; added at once they would
 * hold the main thread for hundreds of ms (DESIGN.md: never more than 50), so the rest follow in parts.
 */
export const ABSORB_SLICE = 2000;

interface Backlog {
  events: readonly TraceEvent[];
  from: number;
  /** Requests in the whole reply (playback shares its short-step stretch among them). */
  requests: number;
  /** Called once its first slice is on the timeline (or the backlog is dropped). */
  started: () => void;
}

export interface PlaybackClock {
  /** Display time (see playback.ts). */
  position: number;
  playing: boolean;
  /** Display ms per screen ms. */
  speed: number;
}

export interface SimulationState {
  timeline: Timeline;
  results: Map<number, RequestResult>;
  /** Request ids in the order they were sent. */
  requestOrder: number[];
  snapshot: SimulationSnapshot | undefined;
  /** Pool name -> the pipeline its workers show. */
  pipelines: ReadonlyMap<string, PipelineDescription>;
  /** The last event shown: -1 before the first. */
  index: number;
  playing: boolean;
  speed: number;
  /** The request the trace panel shows and the view follows. */
  selectedRequest: number | undefined;
  follow: boolean;
  busy: boolean;
  /** Events of a large reply are still being added to the timeline. */
  adding: boolean;
  error: string | undefined;
  clock: PlaybackClock;
  /**
   * Starts a simulation of `workspace`. With `withModel`, resolves with applicationHost.config as the
   * engine's worker parsed it (at start-up, so that the main thread does not parse it too).
   */
  load: (workspace: Workspace, withModel?: boolean) => Promise<ParseResult | undefined>;
  /**
   * A configuration change: the engine applies the workspace (WAS reads it, W3SVC updates HTTP.sys,
   * pools recycle, start or stop). When playback was caught up, it plays the change.
   */
  apply: (workspace: Workspace) => Promise<void>;
  /**
   * IIS Manager's Recycle on a pool: an overlapping recycle through WAS, played like a change. Resolves
   * with the engine's message when it could not (no such pool), else undefined; it never rejects.
   */
  recyclePool: (name: string) => Promise<string | undefined>;
  /** Ends a w3wp.exe from outside (Task Manager's End task), played like a change; resolves as recyclePool. */
  endWorker: (pid: number) => Promise<string | undefined>;
  /**
   * Starts or stops a pool in WAS only, leaving applicationHost.config as it is: for a pool that
   * rapid-fail protection stopped, whose autoStart is still "true". Stop and Start otherwise write
   * autoStart, a configuration change (setPoolAttributes).
   */
  setPoolState: (name: string, started: boolean) => Promise<string | undefined>;
  send: (request: SimulationRequest) => Promise<RequestResult | undefined>;
  /** Sends `count` copies of a request at the same moment: a load, to watch the queues fill. */
  sendLoad: (request: SimulationRequest, count: number) => Promise<void>;
  play: () => void;
  pause: () => void;
  /** One engine event forward (+1) or back (-1). */
  step: (direction: 1 | -1) => void;
  seek: (position: number) => void;
  setSpeed: (speed: number) => void;
  selectRequest: (id: number | undefined) => void;
  setFollow: (follow: boolean) => void;
  /** Called by the animation loop each frame: moves the clock, and the index when it passes an event. */
  tick: (elapsedMs: number) => void;
}

export type SimulationStore = StoreApi<SimulationState>;

export function createSimulationStore(engine: EngineClient, seed = 1): SimulationStore {
  return createStore<SimulationState>()((set, get) => {
    const clock: PlaybackClock = { position: 0, playing: false, speed: 1 };
    const backlog: Backlog[] = [];
    let drainTimer: ReturnType<typeof setTimeout> | undefined;
    /** Adds up to ABSORB_SLICE events from the backlog; schedules the next part while any is left. */
    const addPart = (): void => {
      drainTimer = undefined;
      const part = backlog[0];
      if (part === undefined) return;
      const to = Math.min(part.events.length, part.from + ABSORB_SLICE);
      const first = part.from === 0;
      const events = first && to === part.events.length ? part.events : part.events.slice(part.from, to);
      part.from = to;
      if (to >= part.events.length) backlog.shift();
      set({ timeline: growTimeline(get().timeline, events, part.requests), adding: backlog.length > 0 });
      if (first) part.started();
      if (backlog.length > 0) drainTimer = setTimeout(addPart, 0);
    };
    const clearBacklog = (): void => {
      for (const part of backlog) if (part.from === 0) part.started();
      backlog.length = 0;
      if (drainTimer !== undefined) clearTimeout(drainTimer);
      drainTimer = undefined;
    };
    /**
     * Takes a reply: its results at once, its events onto the timeline in slices, each a task of its own
     * (the first too, for a reply of more than one slice: the task that received it has done enough).
     * Resolves once the first slice is on the timeline, so the caller finds its request's first events.
     */
    const absorb = async (reply: EngineReply): Promise<RequestResult[]> => {
      const state = get();
      const results = new Map(state.results);
      for (const result of reply.results) results.set(result.requestId, result);
      const requestOrder = [...state.requestOrder, ...reply.results.map((r) => r.requestId).filter((id) => !state.results.has(id))];
      set({ results, requestOrder, snapshot: reply.snapshot, busy: false, error: undefined });
      if (reply.pipelines !== undefined) set({ pipelines: new Map(Object.entries(reply.pipelines)) });
      if (reply.events.length > 0) {
        // Every request of a reply has its result: counting its ~100,000 events instead took a long task.
        const requests = reply.results.length > 0 ? reply.results.length : countRequests(reply.events);
        const events = reply.events;
        const alone = backlog.length === 0;
        const started = new Promise<void>((resolve) => backlog.push({ events, from: 0, requests, started: resolve }));
        // A reply that is one slice (a change, a send) goes on the timeline in the task that received it:
        // a task of its own would wait behind the frames being drawn, and the edit would show later.
        if (alone && events.length <= ABSORB_SLICE) addPart();
        else drainTimer ??= setTimeout(addPart, 0);
        await started;
      }
      return reply.results;
    };
    const run = async (work: () => Promise<EngineReply>): Promise<RequestResult[]> => {
      set({ busy: true });
      try {
        return await absorb(await work());
      } catch (error) {
        set({ busy: false, error: error instanceof Error ? error.message : String(error) });
        return [];
      }
    };
    const moveTo = (position: number): void => {
      const { timeline } = get();
      clock.position = Math.max(0, Math.min(position, timeline.end));
      const index = eventIndexAt(timeline, clock.position);
      if (index !== get().index) set({ index });
    };
    /**
     * Runs a command of the server's own (a change, a recycle, a worker ended) and plays what it did,
     * when playback stood at the end: a person watching live sees the token go; one reviewing an earlier
     * moment is left where they are.
     */
    const runAndPlay = async (work: () => Promise<EngineReply>): Promise<string | undefined> => {
      const before = get().timeline;
      const caughtUp = clock.position >= before.end;
      const count = before.events.length;
      await run(work);
      const { timeline, error } = get();
      if (error !== undefined) return error;
      if (!caughtUp || timeline.events.length <= count) return undefined;
      const start = timeline.at[count] ?? timeline.end;
      moveTo(Math.max(0, start - 1));
      clock.playing = true;
      set({ playing: true });
      return undefined;
    };
    return {
      timeline: EMPTY_TIMELINE,
      results: new Map(),
      requestOrder: [],
      snapshot: undefined,
      pipelines: new Map(),
      index: -1,
      playing: false,
      speed: 1,
      selectedRequest: undefined,
      follow: false,
      busy: false,
      adding: false,
      error: undefined,
      clock,
      load: async (workspace, withModel = false) => {
        clock.position = 0;
        clock.playing = false;
        clearBacklog();
        set({ adding: false, timeline: EMPTY_TIMELINE, results: new Map(), requestOrder: [], index: -1, playing: false, selectedRequest: undefined });
        let parsed: ParseResult | undefined;
        await run(async () => {
          const reply = await engine.request({ type: 'load', workspace, seed, withModel });
          parsed = reply.parsed;
          return reply;
        });
        return parsed;
      },
      apply: async (workspace) => {
        await runAndPlay(() => engine.request({ type: 'apply', workspace }));
      },
      recyclePool: (name) => runAndPlay(() => engine.request({ type: 'recyclePool', name })),
      endWorker: (pid) => runAndPlay(() => engine.request({ type: 'killWorker', pid })),
      setPoolState: (name, started) => runAndPlay(() => engine.request({ type: 'setPoolState', name, started })),
      send: async (request) => {
        const before = get().timeline.end;
        const results = await run(() => engine.request({ type: 'send', requests: [request] }));
        const result = results[0];
        if (result !== undefined) {
          set({ selectedRequest: result.requestId });
          // Play the new request from where its events start.
          const start = get().timeline.at.find((at, i) => at >= before && get().timeline.events[i]?.requestId === result.requestId);
          if (start !== undefined && clock.position < start) moveTo(start === 0 ? 0 : start - 1);
          clock.playing = true;
          set({ playing: true });
        }
        return result;
      },
      sendLoad: async (request, count) => {
        const before = get().timeline.end;
        const now = get().snapshot?.now ?? 0;
        const requests = Array.from({ length: count }, () => ({ ...request, at: now }));
        const results = await run(() => engine.request({ type: 'send', requests }));
        if (results.length === 0) return;
        const start = get().timeline.at.findIndex((at) => at >= before);
        if (start >= 0) moveTo(get().timeline.at[start] ?? 0);
        clock.playing = true;
        // Results come in the order requests finished; the trace shows the first one sent.
        set({ playing: true, selectedRequest: Math.min(...results.map((r) => r.requestId)) });
      },
      play: () => {
        if (clock.position >= get().timeline.end) moveTo(0);
        clock.playing = true;
        set({ playing: true });
      },
      pause: () => {
        clock.playing = false;
        set({ playing: false });
      },
      step: (direction) => {
        clock.playing = false;
        const { timeline, index } = get();
        const target = Math.max(0, Math.min(timeline.events.length - 1, index + direction));
        const position = timeline.at[target];
        set({ playing: false });
        if (position !== undefined) moveTo(position);
        set({ index: target });
      },
      seek: (position) => {
        moveTo(position);
      },
      setSpeed: (speed) => {
        clock.speed = speed;
        set({ speed });
      },
      selectRequest: (id) => { set({ selectedRequest: id }); },
      setFollow: (follow) => { set({ follow }); },
      tick: (elapsedMs) => {
        if (!clock.playing) return;
        const { timeline } = get();
        const next = clock.position + elapsedMs * clock.speed;
        if (next >= timeline.end) {
          moveTo(timeline.end);
          // More of a reply is on its way: wait at the end for it rather than stop.
          if (get().adding) return;
          clock.playing = false;
          set({ playing: false });
          return;
        }
        moveTo(next);
      },
    };
  });
}
