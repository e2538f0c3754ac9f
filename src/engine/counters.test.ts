import { describe, expect, it } from 'vitest';
import { defaultAppPool, scenario } from './testing/scenario.ts';

describe('performance counters', () => {
  it('count requests, kernel cache hits and 404s as W3SVC reports them', () => {
    const s = scenario();
    for (const url of ['/iisstart.htm', '/iisstart.htm', '/iisstart.htm', '/missing.htm']) s.request(url);
    const counters = s.simulation.counters();
    expect(counters.webService['Total Method Requests']).toBe(4);
    expect(counters.webService['Total Get Requests']).toBe(4);
    expect(counters.webService['Total Not Found Errors']).toBe(1);
    expect(counters.webServiceCache['Kernel: URI Cache Hits']).toBe(1);
    expect(counters.webServiceCache['Kernel: Current URIs Cached']).toBe(1);
    expect(counters.applicationPools.DefaultAppPool).toMatchObject({ 'Current Application Pool State': 3, 'Current Worker Processes': 1, 'Total Worker Processes Created': 1 });
  });

  it('are sampled on virtual time, with rates between samples', () => {
    const s = scenario();
    for (let i = 0; i < 20; i++) s.simulation.send({ method: 'GET', url: `/iisstart.htm?i=${String(i)}`, at: 1500 + i * 10 });
    s.simulation.runUntil(4000);
    const samples = s.simulation.counterSamples();
    expect(samples.map((x) => x.t)).toEqual([0, 1000, 2000, 3000, 4000]);
    const last = samples.at(-1);
    expect(last?.webService['Total Method Requests']).toBe(20);
    const rates = samples.map((x) => x.webService['Total Method Requests/sec']);
    expect(rates.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('show the HTTP.sys queue of a pool waiting for its worker, and the requests it rejected', () => {
    const s = scenario({ editConfig: defaultAppPool('queueLength="10"') });
    for (let i = 0; i < 12; i++) s.simulation.send({ method: 'GET', url: `/iisstart.htm?q=${String(i)}`, at: 0 });
    s.simulation.runUntil(100);
    const queue = s.simulation.counters().requestQueues.DefaultAppPool;
    expect(queue?.CurrentQueueSize).toBe(10);
    expect(queue?.RejectedRequests).toBe(2);
    expect(queue?.MaxQueueItemAge).toBeGreaterThan(90);
  });
});

describe('Failed Request Tracing rules', () => {
  it('mark the requests a rule of the site asks to trace, with the reason', () => {
    const s = scenario({
      editConfig: (c) =>
        c
          .replace('<site name="Default Web Site" id="1">', '<site name="Default Web Site" id="1"><traceFailedRequestsLogging enabled="true" />')
          .replace(
            '</configuration>',
            '<location path="Default Web Site"><system.webServer><tracing><traceFailedRequests><add path="*.htm"><traceAreas><add provider="WWW Server" areas="StaticFile" verbosity="Verbose" /></traceAreas><failureDefinitions statusCodes="404" /></add></traceFailedRequests></tracing></system.webServer></location>\n</configuration>',
          ),
    });
    const missing = s.request('/missing.htm');
    expect(missing.failedRequestTrace).toEqual({ rule: '*.htm', failureReason: 'STATUS_CODE', directory: '%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles\\W3SVC1' });
    expect(s.request('/iisstart.htm').failedRequestTrace).toBeUndefined();
    expect(s.request('/x.mdb').failedRequestTrace).toBeUndefined();
  });
});
