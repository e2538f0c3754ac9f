/**
 * The graph menu's runtime commands (Recycle a pool, End a w3wp.exe) and configuration changes, through
 * the engine client the app uses (in-process here) and the simulation store's methods.
 */
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type Workspace } from '../config/index.ts';
import type { EngineReply } from './engineProtocol.ts';
import { createInProcessEngineClient } from './engineHost.ts';
import { createSimulationStore } from './simulationStore.ts';

const names = (reply: EngineReply): string[] => reply.events.map((e) => e.event);
const poolIn = (reply: EngineReply, name = 'DefaultAppPool') => reply.snapshot.applicationPools.find((p) => p.name === name);
const withPool = (attributes: string): Workspace => {
  const workspace = defaultWorkspace();
  return { ...workspace, applicationHostConfig: workspace.applicationHostConfig.replace('<add name="DefaultAppPool"', `<add name="DefaultAppPool" ${attributes}`) };
};

async function warm() {
  const client = createInProcessEngineClient();
  await client.request({ type: 'load', workspace: defaultWorkspace(), seed: 1 });
  const sent = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] });
  const pid = sent.results[0]?.workerProcess;
  if (pid === undefined) throw new Error('the first request started no worker');
  return { client, pid };
}

describe('engine commands through the in-process client', () => {
  it('recyclePool: WAS recycles the worker with overlap; the reply shows the recycle done', async () => {
    const { client, pid } = await warm();
    const reply = await client.request({ type: 'recyclePool', name: 'DefaultAppPool' });
    const events = names(reply);
    expect(events.indexOf('WAS_RECYCLE')).toBeLessThan(events.indexOf('WAS_START_WORKER'));
    expect(events.indexOf('WORKER_READY')).toBeLessThan(events.indexOf('WAS_WORKER_EXITED'));
    expect(reply.events.find((e) => e.event === 'WAS_RECYCLE')).toMatchObject({ requestId: 0, component: 'WAS', pid, data: { AppPool: 'DefaultAppPool' } });
    const workers = poolIn(reply)?.workers ?? [];
    expect(workers).toHaveLength(1);
    expect(workers[0]?.pid).not.toBe(pid);
    expect(workers[0]?.state).toBe('ready');
    expect(poolIn(reply)?.recycles).toBe(1);
  });

  it('recyclePool on a pool that does not exist is an error', async () => {
    const { client } = await warm();
    await expect(client.request({ type: 'recyclePool', name: 'Nope' })).rejects.toThrow(/No application pool is named "Nope"/);
  });

  it('killWorker (End): the worker is gone, WAS counts a failure, and the next request starts another', async () => {
    const { client, pid } = await warm();
    const reply = await client.request({ type: 'killWorker', pid });
    expect(reply.events.find((e) => e.event === 'WORKER_CRASHED')?.detail).toContain("Task Manager's End task");
    expect(names(reply)).toContain('WAS_WORKER_EXITED');
    expect(poolIn(reply)?.workers).toEqual([]);
    expect(reply.snapshot.counters.workerProcessFailures).toBe(1);
    const next = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] });
    expect(next.results[0]?.status).toBe(200);
    expect(next.results[0]?.workerProcess).not.toBe(pid);
    await expect(client.request({ type: 'killWorker', pid })).rejects.toThrow(/No worker process has pid/);
  });

  it('setPoolState: Start on a pool rapid-fail protection stopped brings it back without a configuration change', async () => {
    const client = createInProcessEngineClient();
    await client.request({ type: 'load', workspace: defaultWorkspace(), seed: 1 });
    for (let i = 0; i < 5; i++) {
      // A query string: HTTP.sys's kernel cache does not answer it, so each request reaches a worker.
      const sent = await client.request({ type: 'send', requests: [{ method: 'GET', url: `http://localhost/?i=${String(i)}` }] });
      const pid = sent.results[0]?.workerProcess;
      if (pid !== undefined) await client.request({ type: 'killWorker', pid });
    }
    const offline = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/?i=5' }] });
    expect(offline.results[0]?.reason).toContain('rapid-fail protection');
    const started = await client.request({ type: 'setPoolState', name: 'DefaultAppPool', started: true });
    expect(started.events.find((e) => e.event === 'WAS_POOL_STATE')?.data).toEqual({ AppPool: 'DefaultAppPool', State: 'Started' });
    expect(poolIn(started)?.state).toBe('Started');
    const served = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/?i=6' }] });
    expect(served.results[0]?.status).toBe(200);
    await expect(client.request({ type: 'setPoolState', name: 'Nope', started: false })).rejects.toThrow(/No application pool/);
  });

  it('apply: a stopped pool (autoStart="false") is stopped in the reply, and its next request ends 503 at HTTP.sys', async () => {
    const { client } = await warm();
    const reply = await client.request({ type: 'apply', workspace: withPool('autoStart="false"') });
    expect(names(reply).slice(0, 3)).toEqual(['WAS_READ_CONFIG', 'WAS_READ_CONFIG', 'W3SVC_CONFIGURE_HTTPSYS']);
    expect(poolIn(reply)).toMatchObject({ state: 'Stopped', workers: [] });
    const next = await client.request({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] });
    expect(next.results[0]).toMatchObject({ status: 503, servedFrom: 'http.sys', decidedBy: 'HTTP.sys' });
    expect(next.results[0]?.reason).toContain('DefaultAppPool');
  });

  it('apply: a pool setting change recycles its worker, and the reply shows the new worker ready', async () => {
    const { client, pid } = await warm();
    const reply = await client.request({ type: 'apply', workspace: withPool('queueLength="2000"') });
    expect(names(reply)).toContain('WAS_RECYCLE');
    expect(poolIn(reply)?.workers.map((w) => w.state)).toEqual(['ready']);
    expect(poolIn(reply)?.workers[0]?.pid).not.toBe(pid);
  });
});

describe('the simulation store plays what a command did', () => {
  it('recyclePool and endWorker add their events to the timeline and play them from where they start', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    const first = await store.getState().send({ method: 'GET', url: 'http://localhost/' });
    store.getState().seek(store.getState().timeline.end);
    store.getState().pause();
    const before = store.getState().timeline.events.length;
    await store.getState().recyclePool('DefaultAppPool');
    const state = store.getState();
    expect(state.timeline.events.slice(before).map((e) => e.event)).toContain('WAS_RECYCLE');
    expect(state.playing).toBe(true);
    expect(state.clock.position).toBeLessThan(state.timeline.at[before] ?? 0);
    expect(state.clock.position).toBeGreaterThanOrEqual(state.timeline.at[before - 1] ?? 0);
    const pid = state.snapshot?.applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers[0]?.pid;
    expect(pid).not.toBe(first?.workerProcess);
    store.getState().seek(store.getState().timeline.end);
    await store.getState().endWorker(pid ?? 0);
    expect(store.getState().timeline.events.some((e) => e.event === 'WORKER_CRASHED' && e.pid === pid)).toBe(true);
    expect(store.getState().snapshot?.applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers).toEqual([]);
  });

  it('a configuration change plays when playback was at the end, and leaves a person reviewing an earlier moment where they are', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    await store.getState().send({ method: 'GET', url: 'http://localhost/' });
    store.getState().pause();
    store.getState().seek(100);
    await store.getState().apply(withPool('queueLength="2000"'));
    expect(store.getState().playing).toBe(false);
    expect(store.getState().clock.position).toBe(100);
    store.getState().seek(store.getState().timeline.end);
    const before = store.getState().timeline.events.length;
    await store.getState().apply(withPool('queueLength="3000"'));
    expect(store.getState().playing).toBe(true);
    expect(store.getState().timeline.events[before]?.component).toBe('applicationHost.config');
  });

  it('an error from a command is kept for the page, not thrown', async () => {
    const store = createSimulationStore(createInProcessEngineClient());
    await store.getState().load(defaultWorkspace());
    expect(await store.getState().endWorker(123456)).toMatch(/No worker process has pid 123456/);
    expect(store.getState().error).toMatch(/No worker process has pid 123456/);
    expect(await store.getState().recyclePool('DefaultAppPool')).toBeUndefined();
  });
});
