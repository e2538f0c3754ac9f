import { describe, expect, it } from 'vitest';
import { defaultWorkspace, effectiveConfig, loadWorkspace, parseApplicationHost, type LoadedWorkspace } from '../../config/index.ts';
import { describePipeline, NOTIFICATIONS, type PipelineDescription } from '../../engine/index.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { buildArchitecture, type ArchitectureGraph } from '../graph/architecture.ts';
import { EMPTY_RUNTIME, type Runtime, type RuntimeWorker } from '../graph/runtime.ts';
import type { Description } from './description.ts';
import { accessibleName, describeModule, describeNode, moduleDescription, postEventDescription, stageOf } from './describe.ts';
import { NOTIFICATION_DESCRIPTIONS } from './notifications.ts';

/** A description says what the thing is, what it does to a request, and what configures it, each in a sentence or more. */
function expectComplete(description: Description | undefined, what: string): void {
  expect(description, what).toBeDefined();
  for (const part of [description?.what, description?.request, description?.configuredBy]) {
    expect((part ?? '').length, `${what}: ${JSON.stringify(description)}`).toBeGreaterThan(20);
  }
}

/** The graph of a workspace with one running worker (with its AppDomain) per pool and each pool's pipeline for `path`. */
function graphWithWorkers(workspace: LoadedWorkspace, path: string): ArchitectureGraph {
  const { model } = workspace;
  const workers: RuntimeWorker[] = model.applicationPools.pools.map((pool, i) => ({ pid: 1000 + i, pool: pool.name, state: 'ready', appDomain: true, startedAt: 0, inFlight: 0, served: 0 }));
  const runtime: Runtime = { ...EMPTY_RUNTIME, workers };
  const pipelines = new Map<string, PipelineDescription>();
  for (const site of model.sites.sites) {
    for (const application of site.applications) {
      const pipeline = describePipeline(workspace, site.name, `${application.path.replace(/\/$/, '')}${path}`);
      if (pipeline !== undefined && !pipelines.has(application.applicationPool)) pipelines.set(application.applicationPool, pipeline);
    }
  }
  for (const pool of model.applicationPools.pools) {
    const pipeline = pipelines.get(pool.name) ?? pipelines.values().next().value;
    if (pipeline !== undefined) pipelines.set(pool.name, pipeline);
  }
  // Every pool's pipeline kept open (as its button does), so that its notifications are drawn.
  return buildArchitecture(model, runtime, { expanded: new Set(model.applicationPools.pools.map((p) => `pipeline:${p.name.toLowerCase()}`)), pipelines });
}

describe('descriptions of the default workspace', () => {
  const workspace = loadWorkspace(defaultWorkspace());

  it('every node of the graph (components, pools, queues, workers, AppDomains, notifications) has a complete description', () => {
    const graph = graphWithWorkers(workspace, '/hello.aspx');
    const kinds = new Set(graph.nodes.map((n) => n.type));
    // The graph being described has every kind of node the layout makes, but the adapters and the collapsed pools (below).
    expect([...kinds].sort()).toEqual(['appDomain', 'band', 'cache', 'client', 'component', 'group', 'notification', 'pool', 'queue', 'urlGroups', 'worker']);
    for (const node of graph.nodes) {
      const described = describeNode(node);
      expectComplete(described?.description, node.id);
      expect(described?.title).toBe(accessibleName(node));
      expect(described?.kind.length ?? 0, node.id).toBeGreaterThan(3);
    }
  });

  it('names WAS a Windows service, a pool an application pool and a notification a pipeline notification', () => {
    const graph = graphWithWorkers(workspace, '/');
    const byId = (id: string) => graph.nodes.find((n) => n.id === id);
    const was = byId('was');
    expect(was && describeNode(was)).toMatchObject({ title: 'WAS', kind: 'Windows service' });
    expect(was && describeNode(was)?.description.what).toMatch(/Windows Process Activation Service/);
    const pool = byId('pool:DefaultAppPool');
    expect(pool && describeNode(pool)).toMatchObject({ title: 'Application pool DefaultAppPool', kind: 'application pool' });
    const begin = graph.nodes.find((n) => n.id.endsWith(':BEGIN_REQUEST'));
    expect(begin && stageOf(begin)).toBe('BEGIN_REQUEST');
    expect(begin && describeNode(begin)).toMatchObject({ title: 'BeginRequest notification', kind: 'pipeline notification', key: 'notification-BEGIN_REQUEST' });
  });

  it('every module of <globalModules> and <modules>, and every module a pipeline shows, has its own description', () => {
    const result = effectiveConfig(workspace, 'Default Web Site', '/');
    if (!result.ok) throw new Error(result.message);
    const names = new Set([...result.effective.config.globalModules.map((m) => m.name), ...result.effective.config.modules.entries.map((m) => m.name)]);
    for (const path of ['/', '/hello.aspx', '/x.asp', '/iisstart.htm']) {
      for (const stage of describePipeline(workspace, 'Default Web Site', path)?.stages ?? []) for (const m of stage.modules) names.add(m.name);
    }
    expect(names.size).toBeGreaterThan(50);
    for (const name of names) expectComplete(moduleDescription(name), name);
  });

  it('every notification, with each post-event, has a description', () => {
    for (const notification of [...NOTIFICATIONS, 'SEND_RESPONSE', 'MAP_PATH', 'PRE_BEGIN_REQUEST'] as const) expectComplete(NOTIFICATION_DESCRIPTIONS[notification], notification);
    for (const notification of NOTIFICATIONS) expectComplete(postEventDescription(notification), `Post ${notification}`);
    expect(postEventDescription('SEND_RESPONSE')).toBeUndefined();
    expect(postEventDescription('AUTHENTICATE_REQUEST')?.request).toMatch(/DefaultAuthentication/);
  });

  it('a module IIS Flow does not know still gets an honest description, and is not in the catalogue', () => {
    expect(moduleDescription('ContosoAuditModule')).toBeUndefined();
    expect(describeModule('ContosoAuditModule', true).what).toMatch(/managed module this configuration adds/);
    expect(describeModule('ManagedEngineV4.0_64bit', false).what).toMatch(/bridge to ASP.NET/);
  });
});

describe('descriptions of other servers', () => {
  it("fixture 12's listener adapters and collapsed pools are described, each adapter with its protocol", () => {
    const graph = buildArchitecture(parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config')).model, EMPTY_RUNTIME, { expanded: new Set(), pipelines: new Map() });
    const adapters = graph.nodes.filter((n) => n.id.startsWith('adapter:'));
    expect(adapters.length).toBeGreaterThan(0);
    for (const adapter of adapters) {
      const described = describeNode(adapter);
      expectComplete(described?.description, adapter.id);
      expect(described?.description.what).toContain(adapter.data.label);
      expect(described?.kind).toBe('listener adapter');
    }
    const more = graph.nodes.find((n) => n.id === 'pools:more');
    expect(more && describeNode(more)?.description.configuredBy).toMatch(/Show all application pools/);
  });
});
