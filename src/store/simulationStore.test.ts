import { describe, expect, it, vi } from 'vitest';
import { defaultWorkspace, parseApplicationHost } from '../config/index.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { extendTimeline } from './playback.ts';
import { ABSORB_SLICE, createSimulationStore } from './simulationStore.ts';
import { createWorkspaceStore, DEFAULT_SOURCE_NAME } from './workspaceStore.ts';

describe('simulation store', () => {
  it('at start-up, hands the workspace store the model the engine parsed, so the main thread need not parse', async () => {
    const workspace = defaultWorkspace();
    const store = createSimulationStore(createInProcessEngineClient());
    const parsed = await store.getState().load(workspace, true);
    if (parsed === undefined) throw new Error('the load reply carried no model');
    expect(parsed).toEqual(parseApplicationHost(workspace.applicationHostConfig));
    const workspaceStore = createWorkspaceStore(workspace, DEFAULT_SOURCE_NAME, parsed);
    expect(workspaceStore.getState().model).toBe(parsed.model);
    // Without the flag the reply carries no model (300 KB a message).
    expect(await store.getState().load(workspace)).toBeUndefined();
  });

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

  it('adds a large reply in parts, each a short task, ending with the same timeline as all at once, and plays on while it arrives', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    const before = store.getState().timeline;
    await store.getState().sendLoad({ method: 'GET', url: 'http://localhost/iisstart.htm' }, 300);
    const first = store.getState();
    expect(first.adding).toBe(true);
    expect(first.results.size).toBe(300);
    expect(first.timeline.events.length).toBe(before.events.length + ABSORB_SLICE);
    // Playing through what has arrived does not stop playback while more is coming.
    first.setSpeed(1000);
    for (let i = 0; i < 50; i++) store.getState().tick(100);
    expect(store.getState().playing).toBe(true);
    const parts: number[] = [];
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.timeline !== previous.timeline) parts.push(state.timeline.events.length - previous.timeline.events.length);
    });
    await vi.waitFor(() => { expect(store.getState().adding).toBe(false); }, { timeout: 10_000 });
    unsubscribe();
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts)).toBeLessThanOrEqual(ABSORB_SLICE);
    const all = store.getState().timeline;
    const added = all.events.slice(before.events.length);
    const atOnce = extendTimeline(before, added, new Set(added.filter((e) => e.requestId !== 0).map((e) => e.requestId)).size);
    expect(all.at).toEqual(atOnce.at);
    expect(added.filter((e) => e.event === 'HTTPSYS_RESPONSE_SENT')).toHaveLength(300);
  });

  it('a new workspace drops what is left of a reply still being added', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    await store.getState().sendLoad({ method: 'GET', url: 'http://localhost/iisstart.htm' }, 300);
    expect(store.getState().adding).toBe(true);
    await store.getState().load(defaultWorkspace());
    const length = store.getState().timeline.events.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().adding).toBe(false);
    expect(store.getState().timeline.events.length).toBe(length);
  });

  it('a load selects the first request sent, whichever finished first', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    await store.getState().sendLoad({ method: 'GET', url: 'http://localhost/' }, 200);
    const ids = [...store.getState().results.keys()];
    expect(ids).toHaveLength(200);
    expect(store.getState().selectedRequest).toBe(Math.min(...ids));
  });
});
