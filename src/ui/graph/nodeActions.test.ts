import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost, type ConfigEdit, type Workspace } from '../../config/index.ts';
import { createSimulation, describePipeline, type RequestResult } from '../../engine/index.ts';
import { loadWorkspace } from '../../config/index.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { MOVE_ITEMS, menuItemsFor, menuTargetOf, moveApplicationEdit, poolStartStopEdit, removeModuleEdit, siteStartStopEdit } from './nodeActions.ts';

const NO_STATES = new Map<string, string>();

function apply(workspace: Workspace, edit: ConfigEdit | string): Workspace {
  if (typeof edit === 'string') throw new Error(edit);
  const result = applyEdit(workspace, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

const modelOf = (workspace: Workspace) => parseApplicationHost(workspace.applicationHostConfig).model;

function request(workspace: Workspace, url: string): RequestResult {
  const simulation = createSimulation(workspace, { seed: 1 });
  let result: RequestResult | undefined;
  simulation.onResult((r) => (result = r));
  simulation.send({ method: 'GET', url });
  simulation.runUntilIdle();
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('the menu of an application pool', () => {
  it('offers Stop, Recycle, Move for each application, and Settings when started', () => {
    const items = menuItemsFor({ kind: 'pool', pool: 'DefaultAppPool' }, modelOf(defaultWorkspace()), NO_STATES);
    expect(items.map((i) => i.label)).toEqual(['Stop DefaultAppPool', 'Recycle DefaultAppPool', 'Move Default Web Site/ to pool…', 'Settings…']);
    expect(items[0]?.action).toEqual({ type: 'pool.stop', pool: 'DefaultAppPool' });
  });

  it('offers at most MOVE_ITEMS moves for a pool serving many applications', () => {
    let workspace = defaultWorkspace();
    for (let i = 0; i < MOVE_ITEMS + 3; i++) {
      workspace = apply(workspace, { op: 'addElement', file: { kind: 'applicationHost' }, parent: "system.applicationHost/sites/site[@name='Default Web Site']", name: 'application', attributes: { path: `/app${String(i)}`, applicationPool: 'DefaultAppPool' } });
    }
    const moves = menuItemsFor({ kind: 'pool', pool: 'DefaultAppPool' }, modelOf(workspace), NO_STATES).filter((item) => item.action.type === 'application.move');
    expect(moves).toHaveLength(MOVE_ITEMS);
    expect(moves[0]?.label).toBe('Move Default Web Site/ to pool…');
  });

  it('offers Start and no Recycle for a stopped pool', () => {
    const stopped = apply(defaultWorkspace(), poolStartStopEdit('DefaultAppPool', false));
    const items = menuItemsFor({ kind: 'pool', pool: 'DefaultAppPool' }, modelOf(stopped), NO_STATES);
    expect(items.map((i) => i.label)).toEqual(['Start DefaultAppPool', 'Move Default Web Site/ to pool…', 'Settings…']);
    // WAS stopped it (rapid-fail protection) although autoStart is true: Start.
    const rfp = menuItemsFor({ kind: 'pool', pool: 'DefaultAppPool' }, modelOf(defaultWorkspace()), new Map([['defaultapppool', 'Stopped (rapid-fail protection)']]));
    expect(rfp[0]?.label).toBe('Start DefaultAppPool');
  });

  it('stopping writes autoStart="false", and a request to its application then ends 503 at HTTP.sys', () => {
    const stopped = apply(defaultWorkspace(), poolStartStopEdit('DefaultAppPool', false));
    expect(stopped.applicationHostConfig).toMatch(/<add name="DefaultAppPool" autoStart="false"/);
    const result = request(stopped, 'http://localhost/');
    expect(result.status).toBe(503);
    expect(result.decidedBy).toBe('HTTP.sys');
    const started = apply(stopped, poolStartStopEdit('DefaultAppPool', true));
    expect(request(started, 'http://localhost/').status).toBe(200);
  });
});

describe('the menu of a site', () => {
  it('offers Stop or Start by serverAutoStart, and Settings', () => {
    const workspace = { ...defaultWorkspace(), applicationHostConfig: readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config') };
    const model = modelOf(workspace);
    expect(menuItemsFor({ kind: 'site', site: 'Default Web Site' }, model, NO_STATES).map((i) => i.label)).toEqual(['Start Default Web Site', 'Settings of Default Web Site…']);
    expect(menuItemsFor({ kind: 'site', site: 'ikinci.com' }, model, NO_STATES).map((i) => i.action.type)).toEqual(['site.stop', 'site.settings']);
  });

  it('stopping writes serverAutoStart="false" and its requests no longer reach it', () => {
    const stopped = apply(defaultWorkspace(), siteStartStopEdit('Default Web Site', false));
    expect(modelOf(stopped).sites.sites[0]?.serverAutoStart).toBe(false);
    const result = request(stopped, 'http://localhost/');
    expect(result.status).not.toBe(200);
    expect(result.decidedBy).toBe('HTTP.sys');
  });
});

describe('worker processes and modules', () => {
  it('offers End process on a worker process, and to show its pipeline, or to hide it once kept open', () => {
    expect(menuItemsFor({ kind: 'worker', pid: 4, pool: 'DefaultAppPool' }, modelOf(defaultWorkspace()), NO_STATES)).toEqual([
      { label: 'End process 4', action: { type: 'worker.end', pid: 4 } },
      { label: 'Show the pipeline', action: { type: 'worker.pipeline', pool: 'DefaultAppPool', show: true } },
    ]);
    expect(menuItemsFor({ kind: 'worker', pid: 4, pool: 'DefaultAppPool', pipelinePinned: true }, modelOf(defaultWorkspace()), NO_STATES)[1]).toEqual({ label: 'Hide the pipeline', action: { type: 'worker.pipeline', pool: 'DefaultAppPool', show: false } });
  });

  it("a notification's menu names each module once", () => {
    const target = menuTargetOf({ kind: 'notification', label: 'AuthenticateRequest', caption: '', lines: [], pool: 'DefaultAppPool', modules: [{ name: 'BasicAuthenticationModule', managed: false, isPost: false }, { name: 'BasicAuthenticationModule', managed: false, isPost: true }, { name: 'AnonymousAuthenticationModule', managed: false, isPost: false }] });
    expect(target).toBeDefined();
    if (target === undefined) return;
    expect(menuItemsFor(target, modelOf(defaultWorkspace()), NO_STATES).map((i) => i.label)).toEqual(['Remove module BasicAuthenticationModule', 'Remove module AnonymousAuthenticationModule']);
  });

  it("removing a native module takes its <add> out of the server's <modules> (in <location path=\"\">), and it no longer runs", () => {
    const workspace = defaultWorkspace();
    const edit = removeModuleEdit(workspace, modelOf(workspace), 'RequestFilteringModule', 'DefaultAppPool');
    expect(edit).toEqual({ op: 'removeElement', file: { kind: 'applicationHost' }, path: "location[@path='']/system.webServer/modules/add[@name='RequestFilteringModule']" });
    const next = apply(workspace, edit);
    const enabled = /<add name="RequestFilteringModule" lockItem="true" \/>/;
    expect(workspace.applicationHostConfig).toMatch(enabled);
    expect(next.applicationHostConfig).not.toMatch(enabled);
    // Still loaded by globalModules, but not enabled: it runs in no notification.
    expect(next.applicationHostConfig).toMatch(/<add name="RequestFilteringModule" image=/);
    const modulesOf = (w: Workspace) => describePipeline(loadWorkspace(w), 'Default Web Site', '/')?.stages.flatMap((s) => s.modules.map((m) => m.name)) ?? [];
    expect(modulesOf(workspace)).toContain('RequestFilteringModule');
    expect(modulesOf(next)).not.toContain('RequestFilteringModule');
    // Without it nothing refuses the .mdb extension: no more 404.7.
    expect(request(workspace, 'http://localhost/x.mdb').subStatus).toBe(7);
    expect(request(next, 'http://localhost/x.mdb').decidedBy).not.toBe('RequestFilteringModule');
  });

  it('removes a module added below the server level with a <remove> in the web.config of the pool\'s first application', () => {
    const workspace = defaultWorkspace();
    const edit = removeModuleEdit(workspace, modelOf(workspace), 'NoSuchModule', 'DefaultAppPool');
    expect(edit).toMatchObject({ op: 'addElement', file: { kind: 'content', relativePath: 'web.config' }, name: 'remove', attributes: { name: 'NoSuchModule' } });
    expect(removeModuleEdit(workspace, modelOf(workspace), 'NoSuchModule', 'PoolWithoutApplications')).toMatch(/serves no application/);
  });
});

describe('moving an application', () => {
  it('refuses a move to the pool it is in, and writes applicationPool otherwise', () => {
    const model = modelOf(defaultWorkspace());
    expect(moveApplicationEdit(model, 'Default Web Site', '/', 'defaultapppool')).toMatch(/already runs in/);
    expect(moveApplicationEdit(model, 'Default Web Site', '/nope', 'DefaultAppPool')).toMatch(/no application/);
    const next = apply(defaultWorkspace(), moveApplicationEdit(model, 'Default Web Site', '/', '.NET v4.5'));
    expect(modelOf(next).sites.sites[0]?.applications[0]?.applicationPool).toBe('.NET v4.5');
    expect(menuItemsFor({ kind: 'application', site: 'Default Web Site', path: '/' }, model, NO_STATES).map((i) => i.action)).toEqual([
      { type: 'application.move', site: 'Default Web Site', path: '/' },
      { type: 'application.settings', site: 'Default Web Site', path: '/' },
    ]);
    expect(request(next, 'http://localhost/').appPool).toBe('.NET v4.5');
  });
});
