/** Invariants over random configurations, request streams and failures (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type Workspace } from '../config/index.ts';
import { createSimulation } from './simulation.ts';
import { WWWROOT } from './testing/scenario.ts';

const poolSettings = fc.record({
  queueLength: fc.integer({ min: 10, max: 40 }),
  autoStart: fc.boolean(),
  maxProcesses: fc.integer({ min: 1, max: 3 }),
  recycleRequests: fc.integer({ min: 0, max: 6 }),
  rapidFailProtection: fc.boolean(),
  maxCrashes: fc.integer({ min: 1, max: 4 }),
  mode: fc.constantFrom('Integrated', 'Classic'),
  idleMinutes: fc.integer({ min: 0, max: 3 }),
});

const requestStream = fc.array(
  fc.record({
    url: fc.constantFrom(
      '/',
      '/iisstart.htm',
      '/page.aspx',
      '/x.mdb',
      '/missing.htm',
      '/docs',
      '/docs/',
      '/iisstart.htm?q=1',
      'http://unknown.example/',
      '/App_Data/a',
      'https://localhost/iisstart.htm',
      'https://localhost/docs',
      'http://127.0.0.1/iisstart.htm',
      '/a/../iisstart.htm',
    ),
    method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'OPTIONS'),
    gap: fc.integer({ min: 0, max: 3000 }),
    headers: fc.option(fc.dictionary(fc.constantFrom('Accept-Encoding', 'Cookie', 'Authorization', 'Host', 'X-Note'), fc.constantFrom('gzip', 'a|b', 'Basic YWxpY2U6YWxpY2UtcHc=', 'localhost', 'z|authorization:Basic x'), { maxKeys: 2 }), { nil: undefined }),
    clientIp: fc.option(fc.constantFrom('127.0.0.1', '10.0.0.7', '203.0.113.5'), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 40 },
);

const failures = fc.record({
  crash: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
  failStartup: fc.boolean(),
});

type PoolSettings = typeof poolSettings extends fc.Arbitrary<infer T> ? T : never;

function workspaceFor(settings: PoolSettings): Workspace {
  const base = defaultWorkspace();
  const pool = `<add name="DefaultAppPool" queueLength="${String(settings.queueLength)}" autoStart="${String(settings.autoStart)}" managedPipelineMode="${settings.mode}"><processModel maxProcesses="${String(settings.maxProcesses)}" idleTimeout="00:0${String(settings.idleMinutes)}:00" /><recycling><periodicRestart requests="${String(settings.recycleRequests)}" /></recycling><failure rapidFailProtection="${String(settings.rapidFailProtection)}" rapidFailProtectionMaxCrashes="${String(settings.maxCrashes)}" /></add>`;
  return {
    applicationHostConfig: base.applicationHostConfig
      .replace('<add name="DefaultAppPool" />', pool)
      .replace('<binding protocol="http" bindingInformation="*:80:" />', '<binding protocol="http" bindingInformation="*:80:" />\n<binding protocol="https" bindingInformation="*:443:" />')
      .replace('</configuration>', '<location path="Default Web Site/docs"><system.webServer><security><access sslFlags="Ssl" /></security></system.webServer></location>\n</configuration>'),
    content: { [WWWROOT]: { ...base.content[WWWROOT], 'page.aspx': '<%@ Page %>', 'docs/a.txt': 'a' } },
  };
}

describe('simulation invariants (property)', () => {
  it('every request ends once; in = out + in flight; queues stay within queueLength; stopped pools get no worker; time never goes back', () => {
    fc.assert(
      fc.property(poolSettings, requestStream, failures, fc.integer({ min: 1, max: 1000 }), (settings, stream, failure, seed) => {
        const simulation = createSimulation(workspaceFor(settings), {
          seed,
          trace: false,
          failures: {
            ...(failure.crash === undefined ? {} : { crashEveryNth: { module: 'StaticFileModule', n: failure.crash } }),
            ...(failure.failStartup ? { failStartup: { pool: 'DefaultAppPool' } } : {}),
          },
        });
        let at = 0;
        for (const request of stream) {
          at += request.gap;
          simulation.send({ method: request.method, url: request.url, at });
        }
        let last = simulation.now();
        let steps = 0;
        while (simulation.snapshot().requestsInFlight > 0 && steps < 100_000) {
          const produced = simulation.step();
          if (produced === undefined) break;
          steps++;
          const now = simulation.now();
          expect(now).toBeGreaterThanOrEqual(last);
          last = now;
          const snapshot = simulation.snapshot();
          for (const pool of snapshot.applicationPools) {
            expect(pool.queueDepth).toBeLessThanOrEqual(pool.queueLength);
            if (pool.name === 'DefaultAppPool' && !settings.autoStart) expect(pool.workers).toEqual([]);
          }
          expect(simulation.results().length + snapshot.requestsInFlight).toBe(stream.length);
        }
        const results = simulation.results();
        expect(results).toHaveLength(stream.length);
        expect(new Set(results.map((r) => r.requestId)).size).toBe(stream.length);
        for (const result of results) expect(result.endTime).toBeGreaterThanOrEqual(result.startTime);
      }),
      { numRuns: 60, seed: 424242 },
    );
  });

  it('the same seed gives the same trace', () => {
    fc.assert(
      fc.property(poolSettings, requestStream, fc.integer({ min: 1, max: 1000 }), (settings, stream, seed) => {
        const run = (): string => {
          const simulation = createSimulation(workspaceFor(settings), { seed, trace: true });
          let at = 0;
          for (const request of stream) {
            at += request.gap;
            simulation.send({ method: request.method, url: request.url, at });
          }
          simulation.runUntilIdle();
          return JSON.stringify([simulation.trace(), simulation.results().map((r) => [r.status, r.subStatus, r.workerProcess])]);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 25, seed: 77 },
    );
  });
});

describe('the fast path (property)', () => {
  it('with tracing off, results equal those of the full pipeline with tracing on', () => {
    fc.assert(
      fc.property(poolSettings, requestStream, fc.integer({ min: 1, max: 1000 }), (settings, stream, seed) => {
        const run = (trace: boolean): string => {
          const simulation = createSimulation(workspaceFor(settings), { seed, trace });
          let at = 0;
          // Each request twice, so the second can take the fast path.
          for (const request of [...stream, ...stream]) {
            at += request.gap;
            simulation.send({ method: request.method, url: request.url, at, ...(request.headers === undefined ? {} : { headers: request.headers }), ...(request.clientIp === undefined ? {} : { clientIp: request.clientIp }) });
          }
          simulation.runUntilIdle();
          return JSON.stringify(simulation.results().map((r) => ({ ...r, trace: [] })));
        };
        expect(run(false)).toBe(run(true));
      }),
      { numRuns: 60, seed: 99 },
    );
  });
});

describe('replaying recorded events (property)', () => {
  it('with tracing on, the trace is the same whether repeated requests are replayed or run in full', () => {
    fc.assert(
      fc.property(poolSettings, requestStream, fc.integer({ min: 1, max: 1000 }), (settings, stream, seed) => {
        const run = (memoize: boolean): string => {
          const simulation = createSimulation(workspaceFor(settings), { seed, trace: true, memoize });
          let at = 0;
          for (const request of [...stream, ...stream]) {
            at += request.gap;
            simulation.send({ method: request.method, url: request.url, at });
          }
          simulation.runUntilIdle();
          return JSON.stringify([simulation.trace(), simulation.results()]);
        };
        expect(run(true)).toBe(run(false));
      }),
      { numRuns: 30, seed: 5150 },
    );
  });
});
