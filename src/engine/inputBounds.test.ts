/**
 * Issue 11, "A CLI that streams": the engine's costs must not grow with what input says. Virtual times
 * are bounded, a long quiet stretch of virtual time costs no more than a short one, a URL of 100,000
 * segments is answered in time linear in its length, and the W3C log drops old lines in chunks.
 */
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, loadWorkspace } from '../config/index.ts';
import { keptLines, MAX_LOG_LINES, pushLogLine } from './logs.ts';
import { createSimulation, MAX_VIRTUAL_TIME } from './index.ts';

const workspace = loadWorkspace(defaultWorkspace());

/** A URL of `segments` folders of `length - 1` letters each (and a digit), about segments * length bytes. */
function longUrl(segments: number, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < segments; i++) parts.push('a'.repeat(length - 1) + String(i % 10));
  return `http://localhost/${parts.join('/')}`;
}

function timeOneRequest(url: string): { ms: number; status: string } {
  const simulation = createSimulation(workspace, { seed: 1 });
  const start = performance.now();
  simulation.send({ method: 'GET', url });
  simulation.runUntilIdle();
  const ms = performance.now() - start;
  const result = simulation.results()[0];
  return { ms, status: `${String(result?.status)}.${String(result?.subStatus)}` };
}

describe('virtual time from input', () => {
  it('sends a request at 1e15 or 1e300 ms at MAX_VIRTUAL_TIME (30 days), and answers it at once', () => {
    for (const at of [1e15, 1e300]) {
      const simulation = createSimulation(workspace, { seed: 1 });
      // A worker first, whose pings every 30 s run on virtual time up to the request.
      simulation.send({ method: 'GET', url: 'http://localhost/' });
      simulation.runUntilIdle();
      const start = performance.now();
      simulation.send({ method: 'GET', url: 'http://localhost/', at });
      simulation.runUntilIdle();
      expect(performance.now() - start).toBeLessThan(5_000);
      const result = simulation.results()[1];
      expect(result?.startTime).toBe(MAX_VIRTUAL_TIME);
      expect(result?.status).toBe(200);
    }
  });

  it('runs the clock to 30 days quickly: counter samples skip the quiet stretch', () => {
    const simulation = createSimulation(workspace, { seed: 1 });
    simulation.send({ method: 'GET', url: 'http://localhost/' });
    simulation.runUntilIdle();
    const start = performance.now();
    simulation.runUntil(1e300);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(simulation.now()).toBe(MAX_VIRTUAL_TIME);
    expect(simulation.counterSamples().length).toBe(3600);
    expect(simulation.counterSamples().at(-1)?.t).toBe(MAX_VIRTUAL_TIME);
  });

  it('keeps the same counter samples whether a quiet stretch is run at once or a second at a time', () => {
    const at = (simulation: ReturnType<typeof createSimulation>): void => {
      simulation.send({ method: 'GET', url: 'http://localhost/' });
      simulation.send({ method: 'GET', url: 'http://localhost/iisstart.png', at: 400 });
      simulation.runUntilIdle();
    };
    const once = createSimulation(workspace, { seed: 1 });
    at(once);
    once.runUntil(2 * 3600_000);
    const stepwise = createSimulation(workspace, { seed: 1 });
    at(stepwise);
    while (stepwise.now() < 2 * 3600_000) stepwise.runUntil(Math.min(stepwise.now() + 1000, 2 * 3600_000));
    expect(once.counterSamples()).toEqual(stepwise.counterSamples());
    expect(once.counterSamples()).toHaveLength(3600);
  });

  it('runBefore processes the events before a time, not those at it, and leaves the clock at the last one', () => {
    const simulation = createSimulation(workspace, { seed: 1, trace: true });
    simulation.send({ method: 'GET', url: 'http://localhost/', at: 10 });
    simulation.runBefore(10);
    expect(simulation.results()).toHaveLength(0);
    expect(simulation.now()).toBeLessThan(10);
    simulation.runUntilIdle();
    expect(simulation.results()[0]?.status).toBe(200);
  });
});

describe('a very long URL', () => {
  it('is answered in time linear in its length: 1 MB of 100,000 segments costs under 10x 100 KB of 10,000 segments (and under 2 s)', () => {
    timeOneRequest(longUrl(1000, 10)); // warm up
    const small = Math.min(timeOneRequest(longUrl(10_000, 10)).ms, timeOneRequest(longUrl(10_000, 10)).ms);
    const large = timeOneRequest(longUrl(100_000, 10));
    // Linear is 10x; it was quadratic (about 100x: 58 s for 1 MB) in effectiveConfig's web.config lookup.
    // Generous for a loaded machine: 20x, and 2 s (10 s with a slow 100 KB run).
    expect(large.ms).toBeLessThan(Math.max(20 * small, 2_000));
    expect(large.ms).toBeLessThan(10_000);
    // The site's limits maxUrlSegments (32) refuse it: 404.20.
    expect(large.status).toBe('404.20');
  });

  it('still reads a web.config deep in the site, and one below it, with the shortened lookup', () => {
    const base = defaultWorkspace();
    const root = Object.keys(base.content)[0] ?? '';
    const deny = (ext: string): string => `<configuration><system.webServer><security><requestFiltering><fileExtensions><add fileExtension="${ext}" allowed="false" /></fileExtensions></requestFiltering></security></system.webServer></configuration>`;
    const content = { [root]: { ...base.content[root], 'a/b/c/web.config': deny('.txt'), 'a/b/c/d.txt': 'x', 'a/b/c/e/f/g/h.htm': 'x', 'a/b/c/e/f/g/web.config': deny('.htm') } };
    const simulation = createSimulation(loadWorkspace({ ...base, content }), { seed: 1 });
    for (const url of ['/a/b/c/d.txt', '/a/b/c/e/f/g/h.htm', '/iisstart.htm']) simulation.send({ method: 'GET', url: `http://localhost${url}` });
    simulation.runUntilIdle();
    expect(simulation.results().map((r) => `${r.url} ${String(r.status)}.${String(r.subStatus)}`).sort()).toEqual([
      'http://localhost/a/b/c/d.txt 404.7',
      'http://localhost/a/b/c/e/f/g/h.htm 404.7',
      'http://localhost/iisstart.htm 200.0',
    ]);
  });
});

describe('the W3C and HTTPERR logs', () => {
  it('drop old lines MAX_LOG_LINES at a time, not one per request (the splice was 65% of a long run)', () => {
    let splices = 0;
    class CountingLines extends Array<string> {
      override splice(start: number, deleteCount?: number): string[] {
        splices++;
        return super.splice(start, deleteCount);
      }
    }
    const lines = new CountingLines();
    const total = 10 * MAX_LOG_LINES;
    for (let i = 0; i < total; i++) pushLogLine(lines, String(i));
    expect(splices).toBeLessThanOrEqual(total / MAX_LOG_LINES);
    const kept = keptLines(lines);
    expect(kept).toHaveLength(MAX_LOG_LINES);
    expect(kept[0]).toBe(String(total - MAX_LOG_LINES));
    expect(kept.at(-1)).toBe(String(total - 1));
  });

  it('logs() gives the header and the last MAX_LOG_LINES lines, in order', () => {
    const simulation = createSimulation(workspace, { seed: 1 });
    const count = MAX_LOG_LINES + 50;
    for (let i = 0; i < count; i++) simulation.send({ method: 'GET', url: `http://localhost/iisstart.htm?n=${String(i)}`, at: i });
    simulation.runUntilIdle();
    const { w3c } = simulation.logs();
    expect(w3c).toHaveLength(MAX_LOG_LINES + 1);
    expect(w3c[0]).toMatch(/^#Fields: /);
    // A line per request that reached the worker, in the order they finished: the last MAX_LOG_LINES.
    const logged = simulation.results().filter((r) => r.servedFrom !== 'http.sys').map((r) => r.url.split('?')[1] ?? '');
    expect(logged.length).toBeGreaterThan(MAX_LOG_LINES);
    expect(w3c.slice(1).map((line) => line.split(' ')[5])).toEqual(logged.slice(-MAX_LOG_LINES));
  });
});
