import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { connectWorkspaceToSimulation } from './connectWorkspace.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { createScenarioStore } from './scenarioStore.ts';
import { createSimulationStore } from './simulationStore.ts';
import { createUiStore } from './uiStore.ts';
import { createWorkspaceStore } from './workspaceStore.ts';
import { defaultWorkspace } from '../config/index.ts';
import { PROGRESS_KEY } from '../scenarios/progress.ts';

async function setUp(storage?: Map<string, string>) {
  const simulation = createSimulationStore(createInProcessEngineClient());
  await simulation.getState().load(defaultWorkspace());
  const workspace = createWorkspaceStore(defaultWorkspace(), 'default');
  const ui = createUiStore();
  connectWorkspaceToSimulation(workspace, simulation);
  const store = createScenarioStore(SCENARIOS, { workspace, simulation, ui }, storage === undefined ? undefined : { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) });
  return { simulation, workspace, ui, store };
}

/** Plays until playback stops on its own (at a step's pause or the end). */
function playOut(simulation: ReturnType<typeof createSimulationStore>): void {
  for (let i = 0; i < 1000 && simulation.getState().playing; i++) simulation.getState().tick(10_000);
}

describe('every scenario, run through the engine', () => {
  it('has at least fifteen scenarios (issue 10), with unique ids and three questions each, the seeds first and IIS 6.0 last', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    expect(SCENARIOS.at(-1)?.title).toMatch(/IIS 6/);
    for (const s of SCENARIOS) expect(s.questions).toHaveLength(3);
  });

  for (const scenario of SCENARIOS) {
    it(`"${scenario.title}": each step pauses at its event, and each Predict answer is the engine's`, async () => {
      const { simulation, store } = await setUp();
      await store.getState().start(scenario.id);
      expect(store.getState().error).toBeUndefined();
      for (let index = 0; index < scenario.steps.length; index++) {
        if (index > 0) await store.getState().next();
        const state = store.getState();
        expect({ step: state.step, error: state.error }).toEqual({ step: index, error: undefined });
        const step = scenario.steps[index];
        const stop = state.stops[index] ?? -1;
        const event = simulation.getState().timeline.events[stop];
        if (step?.pauseAt !== undefined) expect({ step: step.title, event: event?.event }).toEqual({ step: step.title, event: step.pauseAt.event });
        playOut(simulation);
        expect(simulation.getState().index).toBe(stop);
      }
      await store.getState().next();
      expect(store.getState().phase).toBe('question');
      for (const question of scenario.questions) {
        await store.getState().predict(question.answer.status, question.answer.decidedBy);
        const answer = store.getState().answer;
        expect({ prompt: question.prompt, actual: { status: answer?.actual.status, decidedBy: answer?.actual.decidedBy } }).toEqual({ prompt: question.prompt, actual: question.answer });
        playOut(simulation);
        expect(store.getState().answer?.revealed).toBe(true);
        store.getState().nextQuestion();
      }
      expect(store.getState().phase).toBe('finished');
      expect(store.getState().progress[scenario.id]).toEqual({ completed: true, bestScore: 3 });
    });
  }
});

describe('the scenario store', () => {
  it('Back returns a step and its playback position; Next comes back without running the step again', async () => {
    const { simulation, store } = await setUp();
    await store.getState().start('first-request-nine');
    await store.getState().next();
    await store.getState().next();
    const stops = store.getState().stops;
    const events = simulation.getState().timeline.events.length;
    store.getState().back();
    expect(store.getState().step).toBe(1);
    expect(simulation.getState().index).toBe(stops[1]);
    await store.getState().next();
    playOut(simulation);
    expect(store.getState().step).toBe(2);
    expect(simulation.getState().index).toBe(stops[2]);
    expect(simulation.getState().timeline.events.length).toBe(events);
  });

  it('scores a wrong prediction as wrong, keeps progress in storage, and reads it back', async () => {
    const storage = new Map<string, string>();
    const { store } = await setUp(storage);
    await store.getState().start('warm-request');
    for (let i = 1; i <= 4; i++) await store.getState().next();
    await store.getState().predict('404.0', 'IIS Web Core');
    expect(store.getState().answer?.right).toBe(false);
    store.getState().reveal();
    store.getState().nextQuestion();
    await store.getState().predict('405.0', 'StaticFileModule');
    expect(store.getState().answer?.right).toBe(true);
    store.getState().nextQuestion();
    await store.getState().predict('200.0', 'HTTP.sys');
    store.getState().nextQuestion();
    expect(JSON.parse(storage.get(PROGRESS_KEY) ?? '{}')).toEqual({ 'warm-request': { completed: true, bestScore: 1 } });
    const again = await setUp(storage);
    expect(again.store.getState().progress['warm-request']).toEqual({ completed: true, bestScore: 1 });
  });

  it('works without storage, and with storage that throws', async () => {
    const { store } = await setUp();
    expect(store.getState().progress).toEqual({});
    const throwing = createScenarioStore(SCENARIOS, await setUp().then((s) => ({ workspace: s.workspace, simulation: s.simulation, ui: s.ui })), { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
    expect(throwing.getState().progress).toEqual({});
  });
});
