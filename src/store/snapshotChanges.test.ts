import { describe, expect, it } from 'vitest';
import { generateApplicationHostConfig } from '../../bench/generateConfig.ts';
import { applyEdit, setPoolAttributes, workspaceForApplicationHost } from '../config/index.ts';
import type { SimulationSnapshot } from '../engine/index.ts';
import { createEngineHost } from './engineHost.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshotChanges.ts';

/** The snapshots of a session on a 60-site server: load, requests, a pool's setting changed, time passing. */
function sessionSnapshots(): SimulationSnapshot[] {
  const host = createEngineHost();
  let workspace = workspaceForApplicationHost(generateApplicationHostConfig(60));
  const snapshots = [host({ type: 'load', workspace, seed: 7 }).snapshot];
  snapshots.push(host({ type: 'send', requests: [{ method: 'GET', url: 'http://site3.example.com/' }, { method: 'GET', url: 'http://site9.example.com/' }] }).snapshot);
  const edit = applyEdit(workspace, setPoolAttributes('Pool3', { queueLength: '3000' }));
  if (!edit.ok) throw new Error(edit.message);
  workspace = edit.workspace;
  snapshots.push(host({ type: 'apply', workspace }).snapshot);
  snapshots.push(host({ type: 'advance', ms: 30_000 }).snapshot);
  snapshots.push(host({ type: 'load', workspace: workspaceForApplicationHost(generateApplicationHostConfig(20)), seed: 7 }).snapshot);
  return snapshots;
}

describe('snapshot changes between the worker and the page', () => {
  it('puts each snapshot back together from the one before, equal to what the engine took', () => {
    let sent: SimulationSnapshot | undefined;
    let received: SimulationSnapshot | undefined;
    for (const snapshot of sessionSnapshots()) {
      const wire = encodeSnapshot(sent, snapshot);
      sent = snapshot;
      const decoded = decodeSnapshot(received, wire);
      expect(decoded).toEqual(snapshot);
      received = decoded;
    }
  });

  it('sends only the pools that changed, and the page keeps the objects of the others', () => {
    const [loaded, sent, applied] = sessionSnapshots();
    if (loaded === undefined || sent === undefined || applied === undefined) throw new Error('no snapshots');
    const wire = encodeSnapshot(sent, applied);
    expect(Array.isArray(wire.applicationPools)).toBe(false);
    const changed = Array.isArray(wire.applicationPools) ? [] : wire.applicationPools.changed.map(([, pool]) => pool.name);
    expect(changed).toContain('Pool3');
    expect(changed.length).toBeLessThan(5);
    const decoded = decodeSnapshot(sent, wire);
    const untouched = sent.applicationPools.findIndex((pool) => !changed.includes(pool.name));
    expect(decoded?.applicationPools[untouched]).toBe(sent.applicationPools[untouched]);
  });

  it('sends whole lists when the pools are not the same ones, and says when the page is out of step', () => {
    const snapshots = sessionSnapshots();
    const [first, , , , reloaded] = snapshots;
    if (first === undefined || reloaded === undefined) throw new Error('no snapshots');
    expect(Array.isArray(encodeSnapshot(first, reloaded).applicationPools)).toBe(true);
    const delta = encodeSnapshot(first, first);
    expect(decodeSnapshot(undefined, delta)).toBeUndefined();
  });
});
