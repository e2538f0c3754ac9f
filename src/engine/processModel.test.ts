/** WAS and the worker processes: on-demand start, idle timeout, recycling, web gardens, failures. */
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { createSimulation } from './simulation.ts';
import { beforeEnd, code, defaultAppPool, scenario, webConfig, WWWROOT } from './testing/scenario.ts';
import type { TraceEvent } from './trace.ts';

const names = (trace: readonly TraceEvent[]): string[] => trace.map((e) => e.event);

describe('the seeds request flow', () => {
  it('a first request to a cold pool follows the seeds steps in order, a second skips the worker start', () => {
    const s = scenario();
    const first = s.request('/');
    const events = names(first.trace);
    // seeds/000 steps 1-9 and seeds/002 steps 1-8, as trace events.
    const flow = [
      'CLIENT_REQUEST_SENT', // the browser makes the request
      'HTTPSYS_REQUEST_RECEIVED', // HTTP.sys intercepts it
      'W3SVC_NOTIFY_WAS', // HTTP.sys (through W3SVC, its listener adapter) contacts WAS
      'WAS_READ_CONFIG', // WAS reads applicationHost.config
      'W3SVC_CONFIGURE_HTTPSYS', // W3SVC receives the configuration and configures HTTP.sys
      'WAS_START_WORKER', // WAS starts w3wp.exe
      'WORKER_READY',
      'WORKER_DEQUEUE', // the worker process handles the request
      'GENERAL_REQUEST_START',
      'GENERAL_REQUEST_END',
      'HTTPSYS_RESPONSE_SENT', // HTTP.sys sends the response
      'CLIENT_RESPONSE_RECEIVED', // the client receives it
    ];
    let position = -1;
    for (const step of flow) {
      const next = events.indexOf(step, position + 1);
      expect(next, `${step} after position ${String(position)}`).toBeGreaterThan(position);
      position = next;
    }
    expect(first.endTime - first.startTime).toBeGreaterThan(500);
    const second = s.request('/');
    expect(names(second.trace)).not.toContain('WAS_START_WORKER');
    expect(names(second.trace)).toContain('WORKER_DEQUEUE');
    expect(second.workerProcess).toBe(first.workerProcess);
    expect(second.endTime - second.startTime).toBeLessThan(10);
  });

  it('times never go back within a request trace', () => {
    const s = scenario();
    const result = s.request('/');
    for (let i = 1; i < result.trace.length; i++) expect(result.trace[i]?.t ?? 0).toBeGreaterThanOrEqual(result.trace[i - 1]?.t ?? 0);
  });
});

describe('WAS process model', () => {
  it('shuts an idle worker down after idleTimeout and starts a new one on demand', () => {
    const s = scenario({ editConfig: defaultAppPool('') });
    const first = s.request('/');
    s.simulation.runUntil(s.simulation.now() + 21 * 60_000);
    expect(s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers).toEqual([]);
    expect(s.simulation.trace().some((e) => e.event === 'WAS_IDLE_SHUTDOWN')).toBe(true);
    const later = s.request('/');
    expect(later.workerProcess).not.toBe(first.workerProcess);
    expect(names(later.trace)).toContain('WAS_START_WORKER');
  });

  it('recycles after periodicRestart requests, overlapping: the new worker serves the next request', () => {
    const s = scenario({
      editConfig: (c) => c.replace('<add name="DefaultAppPool" />', '<add name="DefaultAppPool"><recycling><periodicRestart requests="3" /></recycling></add>'),
    });
    const pids = [1, 2, 3].map(() => s.request('/iisstart.htm?x').workerProcess);
    expect(new Set(pids).size).toBe(1);
    // Overlapping: the old worker serves on while the new one starts...
    expect(s.request('/iisstart.htm?x').workerProcess).toBe(pids[0]);
    // ...and once it is ready, the new one takes the requests and the old one exits.
    s.simulation.runUntil(s.simulation.now() + 3_000);
    const after = s.request('/iisstart.htm?x').workerProcess;
    expect(after).not.toBe(pids[0]);
    expect(s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers.map((w) => w.pid)).toEqual([after]);
    expect(s.simulation.trace().filter((e) => e.event === 'WAS_RECYCLE')).toHaveLength(1);
    expect(s.simulation.snapshot().counters.applicationPoolRecycles).toBe(1);
  });

  it('a web garden (maxProcesses=2) spreads requests round-robin over two workers', () => {
    const s = scenario({ editConfig: (c) => c.replace('<add name="DefaultAppPool" />', '<add name="DefaultAppPool"><processModel maxProcesses="2" /></add>') });
    // Two requests at once: WAS starts a second worker for the second (web garden).
    for (let i = 0; i < 2; i++) s.simulation.send({ method: 'GET', url: `/iisstart.htm?n=${String(i)}`, at: 0 });
    s.simulation.runUntilIdle();
    s.simulation.runUntil(s.simulation.now() + 2_000);
    expect(s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers).toHaveLength(2);
    // Once both are ready, requests alternate between them.
    const later = [0, 1, 2, 3].map((i) => s.request(`/iisstart.htm?m=${String(i)}`).workerProcess);
    expect(new Set(later).size).toBe(2);
    expect(later[0]).toBe(later[2]);
    expect(later[1]).toBe(later[3]);
  });

  it('rapid-fail protection stops the pool after 5 failed starts; HTTP.sys then answers 503', () => {
    const s = scenario({ options: { failures: { failStartup: { pool: 'DefaultAppPool' } } } });
    const results = [1, 2, 3, 4, 5, 6].map(() => s.request('/'));
    expect(results.at(-1)?.status).toBe(503);
    expect(results.at(-1)?.reason).toMatch(/rapid-fail protection/);
    expect(s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.state).toBe('Stopped');
    expect(s.simulation.trace().some((e) => e.event === 'WAS_RAPID_FAIL_PROTECTION')).toBe(true);
  });

  it('a worker that stops answering pings is terminated and replaced', () => {
    const s = scenario({ options: { failures: { missPings: { pool: 'DefaultAppPool', afterMs: 5_000 } } } });
    const first = s.request('/');
    s.simulation.runUntil(s.simulation.now() + 5 * 60_000);
    expect(s.simulation.trace().some((e) => e.event === 'WAS_PING_FAILED')).toBe(true);
    const next = s.request('/');
    expect(next.workerProcess).not.toBe(first.workerProcess);
  });

  it('killing a worker resets the requests in it, and the next request starts a new one', () => {
    const s = scenario({ options: { failures: { slowRequests: { urlContains: 'slow', extraMs: 5_000 } } } });
    s.request('/');
    const id = s.simulation.send({ method: 'GET', url: '/iisstart.htm?slow' });
    s.simulation.runUntil(s.simulation.now() + 100);
    const pid = s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers[0]?.pid;
    expect(pid).toBeDefined();
    expect(s.simulation.killWorker(pid ?? 0)).toBe(true);
    s.simulation.runUntilIdle();
    const killed = s.simulation.results().find((r) => r.requestId === id);
    expect(killed?.status).toBe(0);
    expect(killed?.reason).toMatch(/Connection_Abandoned_By_AppPool/);
    expect(s.request('/').workerProcess).not.toBe(pid);
  });

  it('a crashing module brings the worker down every Nth request', () => {
    const s = scenario({ options: { failures: { crashEveryNth: { module: 'StaticFileModule', n: 3 } } } });
    const statuses = [1, 2, 3, 4].map(() => s.request('/iisstart.htm?c').status);
    expect(statuses).toEqual([200, 200, 0, 200]);
    expect(s.simulation.snapshot().counters.workerProcessFailures).toBe(1);
  });

  it('a full request queue gets 503 from HTTP.sys while the worker starts', () => {
    const s = scenario({ editConfig: defaultAppPool('queueLength="10"') });
    for (let i = 0; i < 15; i++) s.simulation.send({ method: 'GET', url: `/iisstart.htm?i=${String(i)}`, at: 0 });
    s.simulation.runUntilIdle();
    const statuses = s.simulation.results().map((r) => r.status);
    expect(statuses.filter((x) => x === 503)).toHaveLength(5);
    expect(statuses.filter((x) => x === 200)).toHaveLength(10);
    expect(s.simulation.results().find((r) => r.status === 503)?.reason).toMatch(/QueueFull/);
  });

  it('serverRuntime appConcurrentRequestLimit: requests over the limit get 503.2', () => {
    const s = scenario({
      editConfig: (c) => c.replace('<serverRuntime />', '<serverRuntime appConcurrentRequestLimit="2" />'),
      options: { failures: { slowRequests: { urlContains: 'slow', extraMs: 1_000 } } },
    });
    s.request('/');
    for (let i = 0; i < 4; i++) s.simulation.send({ method: 'GET', url: `/iisstart.htm?slow=${String(i)}` });
    s.simulation.runUntilIdle();
    const codes = s.simulation.results().slice(1).map(code);
    expect(codes.filter((c) => c === '503.2')).toHaveLength(2);
    expect(codes.filter((c) => c === '200.0')).toHaveLength(2);
  });

  it('startMode="AlwaysRunning" starts the worker before any request', () => {
    const s = scenario({ editConfig: defaultAppPool('startMode="AlwaysRunning"') });
    s.simulation.runUntil(2_000);
    expect(s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool')?.workers).toHaveLength(1);
    const first = s.request('/');
    expect(names(first.trace)).not.toContain('WAS_START_WORKER');
  });

  it('the first managed request creates the AppDomain; the next does not', () => {
    const s = scenario({ files: { 'a.aspx': '<%@ Page %>' } });
    const first = s.request('/a.aspx');
    const second = s.request('/a.aspx');
    expect(names(first.trace)).toContain('APPDOMAIN_CREATED');
    expect(names(second.trace)).not.toContain('APPDOMAIN_CREATED');
    const snapshot = s.simulation.snapshot().applicationPools.find((p) => p.name === 'DefaultAppPool');
    expect(snapshot?.workers[0]?.appDomains).toEqual(['Default Web Site|']);
  });
});

describe('Classic mode: ASP.NET runs in aspnet_isapi.dll for managed extensions only', () => {
  const forms = webConfig('', '<authentication mode="Forms"><forms loginUrl="~/login.aspx" /></authentication><authorization><deny users="?" /></authorization>');
  const files = { 'secret.aspx': '<%@ Page %>', 'secret.htm': '<p>not protected</p>', 'web.config': forms };

  it('protects the .aspx page but not the static file next to it', () => {
    const s = scenario({ files, editConfig: (c) => c.replace('<add name="DefaultAppPool" />', '<add name="DefaultAppPool" managedPipelineMode="Classic" />') });
    const page = s.request('/secret.aspx');
    expect(code(page)).toBe('302.0');
    expect(page.handler).toBe('PageHandlerFactory-ISAPI-4.0_64bit');
    expect(page.decidedBy).toBe('IsapiModule');
    const staticFile = s.request('/secret.htm');
    expect(code(staticFile)).toBe('200.0');
    expect(names(staticFile.trace).filter((e) => e === 'NOTIFY_MODULE_START').length).toBeGreaterThan(5);
    expect(staticFile.trace.some((e) => e.module === 'FormsAuthentication')).toBe(false);
  });

  it('in Integrated mode Forms authentication protects static files too, with runAllManagedModulesForAllRequests', () => {
    const integrated = { ...files, 'web.config': forms.replace('<system.webServer>', '<system.webServer><modules runAllManagedModulesForAllRequests="true" />') };
    const s = scenario({ files: integrated });
    expect(code(s.request('/secret.htm'))).toBe('302.0');
  });
});

describe('non-HTTP activation', () => {
  const tcp = (c: string): string =>
    c
      .replace('<binding protocol="http" bindingInformation="*:80:" />', '<binding protocol="http" bindingInformation="*:80:" />\n                    <binding protocol="net.tcp" bindingInformation="808:*" />')
      .replace('<application path="/">', '<application path="/" enabledProtocols="http,net.tcp">');

  it('NetTcpActivator asks WAS to start the pool without W3SVC or HTTP.sys', () => {
    const s = scenario({ editConfig: tcp });
    const result = s.request('net.tcp://localhost:808/Service.svc');
    expect(result.status).toBe(200);
    expect(result.decidedBy).toBe('ServiceModel');
    const components = new Set(result.trace.map((e) => e.component));
    expect(components).toContain('NetTcpActivator');
    expect(components).toContain('WAS');
    expect(components).not.toContain('HTTP.sys');
    expect(components).not.toContain('W3SVC');
  });

  it('refuses an application whose enabledProtocols lack net.tcp', () => {
    const s = scenario({ editConfig: (c) => tcp(c).replace('enabledProtocols="http,net.tcp"', 'enabledProtocols="http"') });
    const result = s.request('net.tcp://localhost:808/Service.svc');
    expect(result.status).toBe(404);
    expect(result.reason).toMatch(/enabledProtocols/);
  });
});

describe('configuration changes', () => {
  it('a pool setting change recycles its worker; a content change is seen by the next request', () => {
    const workspace = defaultWorkspace();
    const simulation = createSimulation(workspace, { seed: 3, trace: true });
    simulation.send({ method: 'GET', url: '/missing.htm' });
    simulation.runUntilIdle();
    const before = simulation.results()[0];
    expect(before?.status).toBe(404);
    simulation.applyWorkspace({
      applicationHostConfig: defaultAppPool('queueLength="2000"')(workspace.applicationHostConfig),
      content: { [WWWROOT]: { ...workspace.content[WWWROOT], 'missing.htm': '<p>here now</p>' } },
    });
    simulation.runUntil(simulation.now() + 3_000);
    simulation.send({ method: 'GET', url: '/missing.htm' });
    simulation.runUntilIdle();
    const after = simulation.results()[1];
    expect(after?.status).toBe(200);
    expect(after?.workerProcess).not.toBe(before?.workerProcess);
    const events = simulation.trace().map((e) => `${e.component}:${e.event}`);
    expect(events).toContain('applicationHost.config:WAS_READ_CONFIG');
    expect(events).toContain('WAS:WAS_RECYCLE');
  });

  it('a location tag added to applicationHost.config takes effect without a restart', () => {
    const s = scenario();
    expect(s.request('/x.txt').status).toBe(404);
    s.simulation.applyWorkspace({ ...s.workspace, applicationHostConfig: beforeEnd('<location path="Default Web Site"><system.webServer><httpRedirect enabled="true" destination="https://new.example" /></system.webServer></location>')(s.workspace.applicationHostConfig) });
    expect(s.request('/x.txt').status).toBe(302);
  });
});

describe('determinism', () => {
  it('the same workspace, requests and seed give the same trace, byte for byte', () => {
    const run = (): string => {
      const s = scenario({ files: { 'a.aspx': 'x' } });
      for (const url of ['/', '/a.aspx', '/x.mdb', '/iisstart.htm', '/iisstart.htm', '/iisstart.htm']) s.request(url);
      return JSON.stringify(s.simulation.trace());
    };
    expect(run()).toBe(run());
  });

  it('another seed changes timings but not outcomes', () => {
    const outcomes = (seed: number): { codes: string[]; time: number } => {
      const s = scenario({ options: { seed } });
      const results = ['/', '/x.mdb', '/missing.htm'].map((u) => s.request(u));
      return { codes: results.map(code), time: results[0]?.endTime ?? 0 };
    };
    const a = outcomes(1);
    const b = outcomes(2);
    expect(a.codes).toEqual(b.codes);
    expect(a.time).not.toBe(b.time);
  });
});
