/**
 * Runs a guided scenario against the app's stores: loads its workspace (an undoable replacement), runs
 * each step's actions through the simulation (requests, loads, configuration edits, recycles), plays to
 * the step's trace event and pauses there; Back returns to the step before and its playback position.
 * After the steps, three Predict questions: the person picks an outcome, the request plays, and the
 * answer is told once playback reaches the response. Progress is kept in the browser (progress.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RequestResult } from '../engine/index.ts';
import { findPause, statusCode } from '../scenarios/match.ts';
import { readProgress, recordRun, writeProgress, type ProgressMap, type ProgressStorage } from '../scenarios/progress.ts';
import type { Scenario, ScenarioAction } from '../scenarios/types.ts';
import { scenarioWorkspace } from '../scenarios/workspace.ts';
import type { SimulationState, SimulationStore } from './simulationStore.ts';
import type { UiStore } from './uiStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

export type ScenarioPhase = 'idle' | 'preparing' | 'step' | 'question' | 'finished';

export interface PredictAnswer {
  chosen: { status: string; decidedBy: string };
  actual: { status: string; decidedBy: string; reason: string };
  right: boolean;
  /** Playback has reached the response: the page tells the answer. */
  revealed: boolean;
}

export interface ScenarioState {
  scenarios: readonly Scenario[];
  activeId: string | undefined;
  phase: ScenarioPhase;
  /** The step shown (0-based). */
  step: number;
  /** The timeline index each reached step paused at. */
  stops: number[];
  /** Steps whose actions have run. */
  ran: number;
  /** The graph nodes the step points at (resolved ids). */
  highlighted: readonly string[];
  busy: boolean;
  error: string | undefined;
  question: number;
  answer: PredictAnswer | undefined;
  score: number;
  progress: ProgressMap;
  start: (id: string) => Promise<void>;
  next: () => Promise<void>;
  back: () => void;
  leave: () => void;
  predict: (status: string, decidedBy: string) => Promise<void>;
  /** Moves playback to the question's response at once. */
  reveal: () => void;
  nextQuestion: () => void;
}

export type ScenarioStore = StoreApi<ScenarioState>;

interface Stores {
  workspace: WorkspaceStore;
  simulation: SimulationStore;
  ui: UiStore;
}

/** Long enough for a configuration change on the default workspace on a loaded machine. */
const WAIT_LIMIT_MS = 20_000;

/** Resolves once the simulation's state satisfies `ready` (or after WAIT_LIMIT_MS, rejecting). */
function waitFor(simulation: SimulationStore, ready: (s: SimulationState) => boolean): Promise<void> {
  if (ready(simulation.getState())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('The simulation did not answer in time.'));
    }, WAIT_LIMIT_MS);
    const unsubscribe = simulation.subscribe((s) => {
      if (!ready(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

export function createScenarioStore(scenarios: readonly Scenario[], stores: Stores, storage?: ProgressStorage): ScenarioStore {
  const { workspace, simulation, ui } = stores;
  /** Playback pauses when it reaches this index (the step's event). */
  let stopAt: number | undefined;
  /** The Predict answer is told when playback reaches this index. */
  let revealAt: number | undefined;
  /** Bumped by start and leave, so work of an abandoned run does nothing. */
  let run = 0;

  const store = createStore<ScenarioState>()((set, get) => {
    const active = (): Scenario | undefined => scenarios.find((s) => s.id === get().activeId);
    const seekTo = (index: number): void => {
      const at = simulation.getState().timeline.at[index];
      if (at !== undefined) simulation.getState().seek(at);
    };
    /** Plays from where playback stands (or from just before `from`) and pauses at `target`. */
    const playTo = (from: number, target: number): void => {
      const sim = simulation.getState();
      sim.pause();
      if (sim.index >= target) {
        seekTo(target);
        return;
      }
      if (sim.index < from - 1) seekTo(from - 1);
      stopAt = target;
      simulation.getState().play();
    };
    /** The node ids to point at: `worker@POOL` is that pool's newest w3wp.exe, when it runs. */
    const resolve = (ids: readonly string[]): string[] => {
      const pools = simulation.getState().snapshot?.applicationPools ?? [];
      const out: string[] = [];
      for (const id of ids) {
        if (!id.startsWith('worker@')) out.push(id);
        else {
          const pid = pools.find((p) => p.name.toLowerCase() === id.slice(7).toLowerCase())?.workers.at(-1)?.pid;
          if (pid !== undefined) out.push(`worker:${String(pid)}`);
        }
      }
      return out;
    };
    const point = (ids: readonly string[]): void => {
      const resolved = resolve(ids);
      set({ highlighted: resolved });
      // Selected without leaving the Learn tab (selectNode would show the Inspector).
      ui.setState({ selectedNode: resolved[0] });
    };
    const perform = async (action: ScenarioAction): Promise<RequestResult | undefined> => {
      const sim = simulation.getState();
      switch (action.do) {
        case 'send': {
          const at = action.after === undefined ? undefined : (sim.snapshot?.now ?? 0) + action.after;
          return sim.send(at === undefined ? action.request : { ...action.request, at });
        }
        case 'load': {
          await sim.sendLoad(action.request, action.count);
          const s = simulation.getState();
          const last = Math.max(...s.requestOrder.slice(-action.count));
          return s.results.get(last);
        }
        case 'edit': {
          const before = sim.timeline.events.length;
          const message = workspace.getState().edit(action.edit, action.label);
          if (message !== undefined) throw new Error(message);
          // connectWorkspace sends the change to the engine; WAS's reading of it is the first new event.
          await waitFor(simulation, (s) => !s.busy && s.timeline.events.length > before);
          return undefined;
        }
        case 'recycle': {
          const message = await sim.recyclePool(action.pool);
          if (message !== undefined) throw new Error(message);
          return undefined;
        }
        case 'endWorker': {
          const pid = sim.snapshot?.applicationPools.find((p) => p.name === action.pool)?.workers[0]?.pid;
          if (pid === undefined) throw new Error(`${action.pool} has no worker process to end.`);
          const message = await sim.endWorker(pid);
          if (message !== undefined) throw new Error(message);
          return undefined;
        }
      }
    };
    const performAll = async (actions: readonly ScenarioAction[]): Promise<RequestResult | undefined> => {
      let last: RequestResult | undefined;
      for (const action of actions) last = await perform(action);
      // A large reply reaches the timeline in parts: the pause is looked for in the whole of it.
      await waitFor(simulation, (s) => !s.adding && !s.busy);
      return last;
    };
    /** Shows step `index`, running its actions when it is reached for the first time. */
    const enter = async (index: number, token: number): Promise<void> => {
      const scenario = active();
      const step = scenario?.steps[index];
      if (scenario === undefined || step === undefined) return;
      set({ busy: true, error: undefined });
      try {
        const before = simulation.getState().timeline.events.length;
        const fresh = index >= get().ran;
        if (fresh && step.actions !== undefined) await performAll(step.actions);
        if (token !== run) return;
        const { events } = simulation.getState().timeline;
        const from = fresh ? (step.actions === undefined ? (get().stops[index - 1] ?? -1) + 1 : before) : (get().stops[index - 1] ?? -1) + 1;
        let target = get().stops[index];
        if (target === undefined) {
          // No actions and no event: a step of narration only, at the position of the step before.
          if (step.pauseAt === undefined) target = step.actions === undefined ? Math.max(0, from - 1) : events.length - 1;
          else target = findPause(events, from, step.pauseAt);
          if (target < 0) {
            set({ error: `The engine produced no ${step.pauseAt?.event ?? 'event'} here.` });
            target = events.length - 1;
          }
        }
        const stops = get().stops.slice();
        stops[index] = target;
        set({ step: index, stops, ran: Math.max(get().ran, index + 1) });
        point(step.highlight);
        playTo(from, target);
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (token === run) set({ busy: false });
      }
    };

    return {
      scenarios,
      activeId: undefined,
      phase: 'idle',
      step: 0,
      stops: [],
      ran: 0,
      highlighted: [],
      busy: false,
      error: undefined,
      question: 0,
      answer: undefined,
      score: 0,
      progress: readProgress(storage),
      start: async (id) => {
        const scenario = scenarios.find((s) => s.id === id);
        if (scenario === undefined) return;
        const token = ++run;
        stopAt = undefined;
        revealAt = undefined;
        set({ activeId: id, phase: 'preparing', step: 0, stops: [], ran: 0, highlighted: [], busy: true, error: undefined, question: 0, answer: undefined, score: 0 });
        const { results, snapshot } = simulation.getState();
        try {
          workspace.getState().replaceWorkspace(scenarioWorkspace(scenario.workspace), `Scenario: ${scenario.title}`, { label: `Start the scenario "${scenario.title}"`, original: false });
          // connectWorkspace restarts the simulation on it: the load empties the results at once, and its
          // reply brings a new snapshot.
          await waitFor(simulation, (s) => s.results !== results && s.snapshot !== snapshot && s.requestOrder.length === 0 && !s.busy);
        } catch (error) {
          if (token === run) set({ busy: false, error: error instanceof Error ? error.message : String(error) });
          return;
        }
        if (token !== run) return;
        set({ phase: 'step' });
        await enter(0, token);
      },
      next: async () => {
        const scenario = active();
        const state = get();
        if (scenario === undefined || state.busy || state.phase !== 'step') return;
        if (state.step + 1 < scenario.steps.length) {
          await enter(state.step + 1, run);
          return;
        }
        stopAt = undefined;
        set({ phase: 'question', question: 0, answer: undefined, score: 0 });
      },
      back: () => {
        const scenario = active();
        const state = get();
        if (scenario === undefined || state.busy) return;
        stopAt = undefined;
        simulation.getState().pause();
        if (state.phase === 'question' && state.answer === undefined && state.question === 0) {
          // From the first question back to the last step.
          const last = scenario.steps.length - 1;
          set({ phase: 'step', step: last });
          const stop = state.stops[last];
          if (stop !== undefined) seekTo(stop);
          point(scenario.steps[last]?.highlight ?? []);
          return;
        }
        if (state.phase !== 'step' || state.step === 0) return;
        const index = state.step - 1;
        set({ step: index });
        const stop = state.stops[index];
        if (stop !== undefined) seekTo(stop);
        point(scenario.steps[index]?.highlight ?? []);
      },
      leave: () => {
        run++;
        stopAt = undefined;
        revealAt = undefined;
        set({ activeId: undefined, phase: 'idle', busy: false, error: undefined, answer: undefined, highlighted: [] });
      },
      predict: async (status, decidedBy) => {
        const scenario = active();
        const state = get();
        const question = scenario?.questions[state.question];
        if (question === undefined || state.busy || state.phase !== 'question' || state.answer !== undefined) return;
        const token = run;
        set({ busy: true, error: undefined });
        try {
          if (question.before !== undefined) await performAll(question.before);
          const before = simulation.getState().timeline.events.length;
          const result = await performAll([question.count === undefined ? { do: 'send', request: question.request } : { do: 'load', request: question.request, count: question.count }]);
          if (token !== run) return;
          if (result === undefined) throw new Error('The request has no result.');
          const actual = { status: statusCode(result), decidedBy: result.decidedBy, reason: result.reason };
          const right = actual.status === status && actual.decidedBy === decidedBy;
          const { events } = simulation.getState().timeline;
          let last = events.length - 1;
          for (let i = events.length - 1; i >= before; i--) {
            if (events[i]?.requestId === result.requestId) {
              last = i;
              break;
            }
          }
          const revealed = simulation.getState().index >= last;
          revealAt = revealed ? undefined : last;
          set({ answer: { chosen: { status, decidedBy }, actual, right, revealed }, score: get().score + (right ? 1 : 0) });
          if (!simulation.getState().playing && !revealed) simulation.getState().play();
        } catch (error) {
          set({ error: error instanceof Error ? error.message : String(error) });
        } finally {
          if (token === run) set({ busy: false });
        }
      },
      reveal: () => {
        const answer = get().answer;
        if (answer === undefined || answer.revealed) return;
        if (revealAt !== undefined) {
          simulation.getState().pause();
          seekTo(revealAt);
        }
        revealAt = undefined;
        set({ answer: { ...answer, revealed: true } });
      },
      nextQuestion: () => {
        const scenario = active();
        const state = get();
        if (scenario === undefined || state.phase !== 'question' || state.answer === undefined) return;
        revealAt = undefined;
        if (state.question + 1 < scenario.questions.length) {
          set({ question: state.question + 1, answer: undefined });
          return;
        }
        const progress = recordRun(state.progress, scenario.id, state.score);
        writeProgress(storage, progress);
        set({ phase: 'finished', progress, answer: undefined });
      },
    };
  });

  // Pauses at the step's event, and tells the Predict answer once playback reaches the response.
  simulation.subscribe((s, previous) => {
    if (s.index === previous.index) return;
    if (stopAt !== undefined && s.index >= stopAt) {
      const target = stopAt;
      stopAt = undefined;
      s.pause();
      const at = s.timeline.at[target];
      if (at !== undefined && s.index !== target) s.seek(at);
    }
    if (revealAt !== undefined && s.index >= revealAt) {
      revealAt = undefined;
      const answer = store.getState().answer;
      if (answer !== undefined) store.setState({ answer: { ...answer, revealed: true } });
    }
  });
  return store;
}
