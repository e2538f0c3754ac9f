import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createEngineHost } from './engineHost.ts';

describe('the engine host describes pipelines for pools with a worker process', () => {
  it('none at load, DefaultAppPool once a request starts its worker, again after a change', () => {
    const host = createEngineHost();
    const loaded = host({ type: 'load', workspace: defaultWorkspace(), seed: 1 });
    expect(Object.keys(loaded.pipelines ?? {})).toEqual([]);
    const sent = host({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] });
    expect(Object.keys(sent.pipelines ?? {})).toEqual(['DefaultAppPool']);
    expect(sent.pipelines?.DefaultAppPool?.stages.length).toBeGreaterThan(5);
    // Nothing new to describe: the reply leaves the pipelines as they are.
    expect(host({ type: 'send', requests: [{ method: 'GET', url: 'http://localhost/' }] }).pipelines).toBeUndefined();
    const applied = host({ type: 'apply', workspace: defaultWorkspace() });
    expect(Object.keys(applied.pipelines ?? {})).toEqual(['DefaultAppPool']);
  });
});
