/**
 * Starting and stopping as IIS Manager does it, through a configuration change (a pool's autoStart, a
 * site's serverAutoStart), and the run-time Recycle of a pool.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test-support/sharedFixtures.ts';
import { workspaceForApplicationHost, type Workspace } from '../config/index.ts';
import { createSimulation } from './simulation.ts';
import { code, defaultAppPool, scenario, type Scenario } from './testing/scenario.ts';

const withConfig = (s: Scenario, edit: (config: string) => string): Workspace => ({ ...s.workspace, applicationHostConfig: edit(s.workspace.applicationHostConfig) });
const stopDefaultWebSite = (config: string): string => config.replace('<site name="Default Web Site" id="1">', '<site name="Default Web Site" id="1" serverAutoStart="false">');
const poolOf = (s: Scenario, name = 'DefaultAppPool') => s.simulation.snapshot().applicationPools.find((p) => p.name === name);
const eventsNamed = (s: Scenario, name: string) => s.simulation.trace().filter((e) => e.event === name);

describe('stopping and starting a pool as a configuration change (autoStart)', () => {
  it('autoStart="false" stops the pool: its worker exits, and the next request ends 503 at HTTP.sys naming the pool', () => {
    const s = scenario();
    const first = s.request('/');
    expect(first.status).toBe(200);
    s.simulation.applyWorkspace(withConfig(s, defaultAppPool('autoStart="false"')));
    s.simulation.runUntilSettled();
    const pool = poolOf(s);
    expect(pool?.state).toBe('Stopped');
    expect(pool?.workers).toEqual([]);
    expect(eventsNamed(s, 'WAS_POOL_STATE').at(-1)?.data).toEqual({ AppPool: 'DefaultAppPool', State: 'Stopped' });
    expect(eventsNamed(s, 'WAS_WORKER_EXITED').some((e) => e.pid === first.workerProcess)).toBe(true);
    const next = s.request('/');
    expect(code(next)).toBe('503.0');
    expect(next.servedFrom).toBe('http.sys');
    expect(next.decidedBy).toBe('HTTP.sys');
    expect(next.reason).toContain('DefaultAppPool');
    expect(next.reason).toContain('autoStart="false"');
    expect(next.reason).toContain('HTTPERR Disabled');
    expect(s.simulation.logs().httpErr.at(-1)).toMatch(/ 503 - Disabled DefaultAppPool$/);
  });

  it('the requests waiting in the stopped pool\'s queue get 503', () => {
    const s = scenario();
    // A cold pool: the request waits in the queue while WAS starts w3wp.exe.
    const id = s.simulation.send({ method: 'GET', url: '/iisstart.htm' });
    while (!s.simulation.trace().some((e) => e.event === 'HTTPSYS_QUEUED')) s.simulation.step();
    expect(poolOf(s)?.queueDepth).toBe(1);
    s.simulation.applyWorkspace(withConfig(s, defaultAppPool('autoStart="false"')));
    s.simulation.runUntilSettled();
    const queued = s.simulation.results().find((r) => r.requestId === id);
    expect(queued === undefined ? '' : code(queued)).toBe('503.0');
    expect(queued?.reason).toContain('DefaultAppPool');
    expect(poolOf(s)?.workers).toEqual([]);
  });

  it('a request in a worker when the pool stops is finished before the worker exits (a graceful stop)', () => {
    const s = scenario({ options: { failures: { slowRequests: { urlContains: 'slow', extraMs: 2_000 } } } });
    s.request('/');
    const id = s.simulation.send({ method: 'GET', url: '/iisstart.htm?slow' });
    s.simulation.runUntil(s.simulation.now() + 100);
    s.simulation.applyWorkspace(withConfig(s, defaultAppPool('autoStart="false"')));
    expect(poolOf(s)?.workers.map((w) => w.state)).toEqual(['draining']);
    s.simulation.runUntilSettled();
    expect(s.simulation.results().find((r) => r.requestId === id)?.status).toBe(200);
    expect(poolOf(s)?.workers).toEqual([]);
  });

  it('autoStart="true" again starts the pool: the next request starts a new worker and is served', () => {
    const s = scenario();
    const first = s.request('/');
    const stopped = withConfig(s, defaultAppPool('autoStart="false"'));
    s.simulation.applyWorkspace(stopped);
    expect(s.request('/').status).toBe(503);
    s.simulation.applyWorkspace(s.workspace);
    expect(poolOf(s)?.state).toBe('Started');
    expect(eventsNamed(s, 'WAS_POOL_STATE').at(-1)?.data).toEqual({ AppPool: 'DefaultAppPool', State: 'Started' });
    const after = s.request('/');
    expect(after.status).toBe(200);
    expect(after.workerProcess).not.toBe(first.workerProcess);
  });

  it('a pool stopped by rapid-fail protection is started again by Stop then Start', () => {
    const s = scenario({ editConfig: defaultAppPool('autoStart="true"'), options: { failures: { crashEveryNth: { module: 'StaticFileModule', n: 1 } } } });
    for (let i = 0; i < 5; i++) s.request(`/iisstart.htm?i=${String(i)}`);
    expect(poolOf(s)?.stoppedReason).toBe('AppOffline');
    s.simulation.applyWorkspace(withConfig(s, (c) => c.replace('<add name="DefaultAppPool" autoStart="true"', '<add name="DefaultAppPool" autoStart="false"')));
    expect(poolOf(s)?.stoppedReason).toBe('Disabled');
    s.simulation.applyWorkspace(s.workspace);
    expect(poolOf(s)?.state).toBe('Started');
  });

  it('another pool setting recycles the worker, unless recycling disallowRotationOnConfigChange', () => {
    const recycled = scenario();
    const before = recycled.request('/');
    recycled.simulation.applyWorkspace(withConfig(recycled, defaultAppPool('queueLength="2000"')));
    recycled.simulation.runUntilSettled();
    expect(eventsNamed(recycled, 'WAS_RECYCLE')).toHaveLength(1);
    expect(recycled.request('/').workerProcess).not.toBe(before.workerProcess);

    const kept = scenario({ editConfig: (c) => c.replace('<add name="DefaultAppPool" />', '<add name="DefaultAppPool"><recycling disallowRotationOnConfigChange="true" /></add>') });
    const first = kept.request('/');
    kept.simulation.applyWorkspace(withConfig(kept, defaultAppPool('queueLength="2000"')));
    kept.simulation.runUntilSettled();
    expect(eventsNamed(kept, 'WAS_RECYCLE')).toHaveLength(0);
    expect(kept.request('/').workerProcess).toBe(first.workerProcess);
  });
});

describe('a stopped site (serverAutoStart="false")', () => {
  it('fixture 01: a request for the stopped Default Web Site\'s binding says the site is stopped (404 from HTTP.sys)', () => {
    const simulation = createSimulation(workspaceForApplicationHost(readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config')), { seed: 1, trace: true });
    simulation.send({ method: 'GET', url: 'http://localhost/' });
    simulation.runUntilIdle();
    const result = simulation.results()[0];
    expect(result === undefined ? '' : code(result)).toBe('404.0');
    expect(result?.servedFrom).toBe('http.sys');
    expect(result?.decidedBy).toBe('HTTP.sys');
    expect(result?.reason).toContain('The site "Default Web Site" is stopped (serverAutoStart="false")');
    expect(result?.reason).toContain('*:80:');
    expect(simulation.logs().httpErr.at(-1)).toMatch(/ 404 - NotFound /);
    expect(simulation.snapshot().sites.find((site) => site.name === 'Default Web Site')?.state).toBe('Stopped');
  });

  it('a host that no site binds, stopped or not, still gets 400 Invalid Hostname', () => {
    const s = scenario({ editConfig: (c) => stopDefaultWebSite(c).replace('bindingInformation="*:80:"', 'bindingInformation="*:80:www.contoso.com"') });
    const result = s.request('http://www.fabrikam.com/');
    expect(code(result)).toBe('400.0');
    expect(result.reason).toContain('No site binding matches');
    expect(code(s.request('http://www.contoso.com/'))).toBe('404.0');
  });

  it('stopping a site is a configuration change: W3SVC removes its URL group; starting it adds it back', () => {
    const s = scenario();
    expect(s.request('/').status).toBe(200);
    s.simulation.applyWorkspace(withConfig(s, stopDefaultWebSite));
    const update = eventsNamed(s, 'W3SVC_CONFIGURE_HTTPSYS').at(-1);
    expect(update?.detail).toContain('removes the URL group of "Default Web Site"');
    const stopped = s.request('/');
    expect(code(stopped)).toBe('404.0');
    expect(stopped.reason).toContain('"Default Web Site" is stopped');
    s.simulation.applyWorkspace(s.workspace);
    expect(eventsNamed(s, 'W3SVC_CONFIGURE_HTTPSYS').at(-1)?.detail).toContain('adds the URL group of "Default Web Site"');
    expect(s.request('/').status).toBe(200);
  });

  it('a started site whose binding also matches takes the request', () => {
    const other = '<site name="Other" id="2"><application path="/" applicationPool="DefaultAppPool"><virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" /></application><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site>';
    const s = scenario({
      editConfig: (c) => stopDefaultWebSite(c).replace('bindingInformation="*:80:"', 'bindingInformation="*:80:localhost"').replace('</sites>', `${other}</sites>`),
    });
    const result = s.request('/');
    expect(result.site).toBe('Other');
    expect(result.status).toBe(200);
  });
});

describe('Recycle, from IIS Manager', () => {
  it('an overlapping recycle: the new worker is ready before the old one exits, and serves the next request', () => {
    const s = scenario();
    const first = s.request('/');
    expect(s.simulation.recycleApplicationPool('defaultapppool')).toBe(1);
    s.simulation.runUntilSettled();
    const names = s.simulation.trace().map((e) => `${e.event}:${String(e.pid ?? '')}`);
    const recycle = names.indexOf(`WAS_RECYCLE:${String(first.workerProcess)}`);
    const ready = names.findIndex((n, i) => i > recycle && n.startsWith('WORKER_READY:'));
    const exited = names.indexOf(`WAS_WORKER_EXITED:${String(first.workerProcess)}`);
    expect(recycle).toBeGreaterThan(-1);
    expect(ready).toBeGreaterThan(recycle);
    expect(exited).toBeGreaterThan(ready);
    expect(eventsNamed(s, 'WAS_RECYCLE')[0]?.detail).toContain('IIS Manager: Recycle');
    const workers = poolOf(s)?.workers ?? [];
    expect(workers.map((w) => w.state)).toEqual(['ready']);
    expect(s.request('/').workerProcess).toBe(workers[0]?.pid);
    expect(s.simulation.snapshot().counters.applicationPoolRecycles).toBe(1);
  });

  it('a pool with no running worker has nothing to recycle; an unknown pool is not found', () => {
    const s = scenario();
    expect(s.simulation.recycleApplicationPool('DefaultAppPool')).toBe(0);
    expect(eventsNamed(s, 'WAS_RECYCLE')[0]?.detail).toContain('no running worker process');
    expect(s.simulation.recycleApplicationPool('NoSuchPool')).toBeUndefined();
  });
});
