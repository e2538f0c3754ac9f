import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { createSimulationStore } from './simulationStore.ts';

describe('simulation store', () => {
  it('sends a request, keeps its result and events, and plays it from its first event', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    const result = await store.getState().send({ method: 'GET', url: 'http://localhost/x.mdb' });
    expect(result?.status).toBe(404);
    const state = store.getState();
    expect(state.results.get(result?.requestId ?? 0)?.subStatus).toBe(7);
    expect(state.timeline.events.some((e) => e.event === 'WAS_START_WORKER')).toBe(true);
    expect(state.playing).toBe(true);
    expect(state.selectedRequest).toBe(result?.requestId);
  });

  it('steps one event back and forward to the same event', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    await store.getState().send({ method: 'GET', url: 'http://localhost/' });
    store.getState().pause();
    store.getState().seek(store.getState().timeline.at[10] ?? 0);
    const here = store.getState().index;
    const event = store.getState().timeline.events[here];
    store.getState().step(-1);
    expect(store.getState().index).toBe(here - 1);
    store.getState().step(1);
    expect(store.getState().index).toBe(here);
    expect(store.getState().timeline.events[store.getState().index]).toBe(event);
  });

  it('advances the index on ticks at the chosen speed and stops at the end', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    await store.getState().send({ method: 'GET', url: 'http://localhost/' });
    store.getState().seek(0);
    store.getState().setSpeed(1000);
    store.getState().play();
    store.getState().tick(1);
    expect(store.getState().index).toBeGreaterThan(0);
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().tick(100);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().index).toBe(store.getState().timeline.events.length - 1);
  });
});
