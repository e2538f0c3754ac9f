import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../config/index.ts';
import { createSimulation, type RequestResult } from '../../engine/index.ts';
import { PRESETS } from './presets.ts';

/** Each preset's result on the default workspace: cold (the first request of a fresh server) and warm. */
function resultsOf(warm: boolean): Map<string, RequestResult> {
  const results = new Map<string, RequestResult>();
  for (const preset of PRESETS) {
    const simulation = createSimulation(defaultWorkspace(), { seed: 1 });
    if (warm) {
      simulation.send({ method: 'GET', url: 'http://localhost/iisstart.htm' });
      simulation.runUntilIdle();
    }
    simulation.onResult((r) => results.set(preset.label, { ...r }));
    simulation.send(preset.request);
    simulation.runUntilIdle();
  }
  return results;
}

describe('the presets', () => {
  for (const warm of [false, true]) {
    it(`end as their names say, on a ${warm ? 'warm' : 'cold'} default server`, () => {
      const results = resultsOf(warm);
      for (const preset of PRESETS) {
        const result = results.get(preset.label);
        expect({ preset: preset.label, code: `${String(result?.status)}.${String(result?.subStatus)}`, decidedBy: result?.decidedBy }).toEqual({ preset: preset.label, ...preset.ends });
      }
    });
  }

  it('"Hidden segment" is refused for its hidden segment, not its extension', () => {
    const result = resultsOf(false).get('Hidden segment');
    expect(result?.reason).toContain('hiddenSegments');
    expect(result?.reason).not.toContain('fileExtensions');
  });

  it('"Unknown host name" is answered by HTTP.sys as an invalid host name', () => {
    const result = resultsOf(false).get('Unknown host name');
    expect(result?.statusText).toBe('Bad Request - Invalid Hostname');
    expect(result?.servedFrom).toBe('http.sys');
  });
});
