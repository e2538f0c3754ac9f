import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost, setApplicationPool, setPoolAttributes, addApplicationPool, type ApplicationHostConfig } from '../../config/index.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { applicationsOf, buildArchitecture, poolState, APPLICATIONS_SHOWN, type ArchitectureNode } from './architecture.ts';
import { EMPTY_RUNTIME, type Runtime } from './runtime.ts';

const options = { expanded: new Set<string>(), pipelines: new Map() };

function modelOf(text: string): ApplicationHostConfig {
  return parseApplicationHost(text).model;
}

function node(nodes: readonly ArchitectureNode[], id: string): ArchitectureNode {
  const found = nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

describe('stopped sites on the URL groups node', () => {
  it("marks fixture 01's Default Web Site (serverAutoStart=false) stopped and does not list its binding as active", () => {
    const graph = buildArchitecture(modelOf(readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config')), EMPTY_RUNTIME, options);
    const urlGroups = node(graph.nodes, 'httpsys:urlgroups').data;
    const sites = urlGroups.sites ?? [];
    expect(sites.map((s) => s.name)).toEqual(['Default Web Site', 'redisoncloud.com', 'ikinci.com', 'deneme.com']);
    expect(sites.map((s) => s.stopped)).toEqual([true, false, false, false]);
    expect(urlGroups.stoppedSites).toBe(1);
    const defaultLine = urlGroups.lines.find((l) => l.startsWith('Default Web Site'));
    expect(defaultLine).toMatch(/Stopped, no URL group/);
    expect(urlGroups.lines.find((l) => l.startsWith('ikinci.com'))).toBe('ikinci.com: http *:80:ikinci.com, http *:80:www.ikinci.com');
  });
});

describe('application pools', () => {
  it('lists the applications a pool serves, at most APPLICATIONS_SHOWN, and counts the rest', () => {
    let workspace = defaultWorkspace();
    const model = modelOf(workspace.applicationHostConfig);
    const site = model.sites.sites[0]?.name ?? '';
    const extra = ['a', 'b', 'c', 'd', 'e'];
    for (const name of extra) {
      const result = applyEdit(workspace, {
        op: 'addElement',
        file: { kind: 'applicationHost' },
        parent: `system.applicationHost/sites/site[@name='${site}']`,
        name: 'application',
        attributes: { path: `/${name}`, applicationPool: 'DefaultAppPool' },
      });
      if (!result.ok) throw new Error(result.message);
      workspace = result.workspace;
    }
    const next = modelOf(workspace.applicationHostConfig);
    expect(applicationsOf(next, 'defaultapppool').map((a) => a.label)).toEqual([`${site}/`, ...extra.map((e) => `${site}/${e}`)]);
    const pool = node(buildArchitecture(next, EMPTY_RUNTIME, options).nodes, 'pool:DefaultAppPool').data;
    expect(pool.applications).toHaveLength(APPLICATIONS_SHOWN);
    expect(pool.moreApplications).toBe(6 - APPLICATIONS_SHOWN);
  });

  it('a pool with autoStart="false" and its queue show as stopped, answering 503', () => {
    const stopped = applyEdit(defaultWorkspace(), setPoolAttributes('DefaultAppPool', { autoStart: 'false' }));
    if (!stopped.ok) throw new Error(stopped.message);
    const graph = buildArchitecture(modelOf(stopped.workspace.applicationHostConfig), EMPTY_RUNTIME, options);
    const pool = node(graph.nodes, 'pool:DefaultAppPool').data;
    expect(pool.stopped).toBe(true);
    expect(pool.lines).toEqual(['Stopped', 'HTTP.sys answers its requests 503']);
    expect(node(graph.nodes, 'queue:DefaultAppPool').data.stopped).toBe(true);
    expect(node(graph.nodes, 'pool:.NET v4.5').data.stopped).toBe(false);
  });

  it("takes WAS's runtime stop (rapid-fail protection) over a configuration that says autoStart", () => {
    expect(poolState(true, undefined)).toEqual({ state: 'Started', stopped: false });
    expect(poolState(true, 'Stopped (rapid-fail protection)')).toEqual({ state: 'Stopped (rapid-fail protection)', stopped: true });
    expect(poolState(false, 'Started')).toEqual({ state: 'Stopped', stopped: true });
  });

  it('moving an application moves its row to the other pool, and its workers stay inside their pool', () => {
    let workspace = defaultWorkspace();
    const added = applyEdit(workspace, addApplicationPool(modelOf(workspace.applicationHostConfig), 'Shop') as Parameters<typeof applyEdit>[1]);
    if (!added.ok) throw new Error(added.message);
    workspace = added.workspace;
    const model = modelOf(workspace.applicationHostConfig);
    const site = model.sites.sites[0]?.name ?? '';
    const edit = setApplicationPool(model, site, '/', 'Shop');
    if (typeof edit === 'string') throw new Error(edit);
    const moved = applyEdit(workspace, edit);
    if (!moved.ok) throw new Error(moved.message);
    const runtime: Runtime = { ...EMPTY_RUNTIME, workers: [{ pid: 7, pool: 'Shop', state: 'ready', appDomain: false, startedAt: 0, inFlight: 0, served: 0 }] };
    const graph = buildArchitecture(modelOf(moved.workspace.applicationHostConfig), runtime, options);
    expect(node(graph.nodes, 'pool:Shop').data.applications?.map((a) => a.label)).toEqual([`${site}/`]);
    expect(node(graph.nodes, 'pool:DefaultAppPool').data.applications).toEqual([]);
    const pool = node(graph.nodes, 'pool:Shop');
    const worker = node(graph.nodes, 'worker:7');
    expect(worker.position.y).toBeGreaterThan(pool.position.y + 80);
    expect(worker.position.y + worker.height).toBeLessThanOrEqual(pool.position.y + pool.height);
  });
});
