/**
 * The graph's layout at the sizes people use (issue 10): every part inside its band, no two parts
 * overlapping, ids stable, and the default view's zoom drawing component names at least 12 px on screen
 * in the panes the app has at 1280x720 and 1440x900.
 */
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, loadWorkspace, parseApplicationHost } from '../../config/index.ts';
import { describePipelines } from '../../store/engineHost.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { buildArchitecture, pipelineKey, type ArchitectureGraph, type ArchitectureNode } from './architecture.ts';
import { RAIL_WIDTH } from './GraphRail.tsx';
import { DETAIL_ZOOM, fitViewport, nameSize, statusSize, unionBox, type Box } from './legibility.ts';
import { EMPTY_RUNTIME, type Runtime } from './runtime.ts';

const loaded = loadWorkspace(defaultWorkspace());
const model = loaded.model;
const pipelines = new Map(Object.entries(describePipelines(loaded)));
const none = { expanded: new Set<string>(), pipelines };

/** A runtime with one w3wp.exe in DefaultAppPool, a request in it or not. */
function withWorker(inFlight: number, appDomain = false): Runtime {
  return { ...EMPTY_RUNTIME, workers: [{ pid: 4242, pool: 'DefaultAppPool', state: 'ready', appDomain, startedAt: 0, inFlight, served: 1 }], now: 950 };
}

const boxOf = (n: ArchitectureNode): Box => ({ x: n.position.x, y: n.position.y, width: n.width, height: n.height });
const inside = (inner: Box, outer: Box): boolean => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function byId(graph: ArchitectureGraph, id: string): ArchitectureNode {
  const node = graph.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

/** The panes beside the graph's rail: the graph section at 1280x720 and 1440x900 with the default panels. */
const PANES = [
  { name: '1280x720', width: 940 - RAIL_WIDTH, height: 360 },
  { name: '1440x900', width: 1060 - RAIL_WIDTH, height: 480 },
];

function checkLayout(graph: ArchitectureGraph): void {
  const user = boxOf(byId(graph, 'band:user'));
  const kernel = boxOf(byId(graph, 'band:kernel'));
  expect(intersects(user, kernel)).toBe(false);
  const kernelIds = (n: ArchitectureNode): boolean => n.id.startsWith('httpsys') || n.id.startsWith('queue:');
  for (const node of graph.nodes) {
    if (node.type === 'band') continue;
    if (node.id === 'client') {
      expect(intersects(boxOf(node), user) || intersects(boxOf(node), kernel), 'the client is outside the server').toBe(false);
      continue;
    }
    expect(inside(boxOf(node), kernelIds(node) ? kernel : user), `${node.id} inside its band`).toBe(true);
  }
  // Two parts either do not meet or one holds the other (a pool its w3wp.exe, HTTP.sys its queues).
  const parts = graph.nodes.filter((n) => n.type !== 'band');
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i];
      const b = parts[j];
      if (a === undefined || b === undefined) continue;
      const [boxA, boxB] = [boxOf(a), boxOf(b)];
      if (!intersects(boxA, boxB)) continue;
      expect(inside(boxA, boxB) || inside(boxB, boxA), `${a.id} and ${b.id} overlap`).toBe(true);
    }
  }
}

describe('the layout', () => {
  it('keeps every part of the default workspace inside its band, and no two overlapping, before and after a worker starts', () => {
    checkLayout(buildArchitecture(model, EMPTY_RUNTIME, none));
    checkLayout(buildArchitecture(model, withWorker(0, true), none));
    checkLayout(buildArchitecture(model, withWorker(1, true), none));
    checkLayout(buildArchitecture(model, withWorker(0), { ...none, expanded: new Set(['pools', 'queues', pipelineKey('DefaultAppPool')]) }));
  });

  it('keeps fixture 12 (62 sites) and its pools laid out without overlaps, collapsed and expanded', () => {
    const big = parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config')).model;
    checkLayout(buildArchitecture(big, EMPTY_RUNTIME, none));
    checkLayout(buildArchitecture(big, EMPTY_RUNTIME, { ...none, expanded: new Set(['pools', 'queues', 'urlGroups']) }));
  });

  it('keeps the ids tests, scenarios and keyboard navigation use', () => {
    const ids = new Set(buildArchitecture(model, withWorker(1, true), none).nodes.map((n) => n.id));
    for (const id of ['client', 'band:user', 'band:kernel', 'svchost', 'was', 'w3svc', 'config', 'httpsys', 'httpsys:listener', 'httpsys:urlgroups', 'httpsys:cache', 'pool:DefaultAppPool', 'queue:DefaultAppPool', 'queue:.NET v4.5 Classic', 'worker:4242', 'appdomain:4242', 'notification:4242:BEGIN_REQUEST', 'notification:4242:PRE_BEGIN_REQUEST']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('draws the pipeline while a request is in the worker or when the person keeps it open, and otherwise keeps its notifications on the worker', () => {
    const idle = buildArchitecture(model, withWorker(0), none);
    expect(idle.nodes.some((n) => n.type === 'notification')).toBe(false);
    expect(byId(idle, 'worker:4242').data.pipelineShown).toBe(false);
    // A token at a notification not drawn rests on the worker process.
    expect(idle.centres.get('notification:4242:BEGIN_REQUEST')).toEqual(idle.centres.get('worker:4242'));
    const busy = buildArchitecture(model, withWorker(1), none);
    expect(busy.nodes.filter((n) => n.type === 'notification').length).toBe(pipelines.get('DefaultAppPool')?.stages.length);
    const kept = buildArchitecture(model, withWorker(0), { ...none, expanded: new Set([pipelineKey('DefaultAppPool')]) });
    expect(byId(kept, 'worker:4242').data.pipelinePinned).toBe(true);
    expect(kept.nodes.some((n) => n.id === 'notification:4242:BEGIN_REQUEST')).toBe(true);
    // The compact worker is shorter than the one with its pipeline drawn.
    expect(byId(idle, 'worker:4242').height).toBeLessThan(byId(busy, 'worker:4242').height / 3);
  });

  it("rests a token near a node's right edge, clear of its name", () => {
    const graph = buildArchitecture(model, EMPTY_RUNTIME, none);
    const was = byId(graph, 'was');
    const anchor = graph.centres.get('was');
    expect(anchor?.x).toBeGreaterThan(was.position.x + was.width * 0.7);
    expect(anchor?.x).toBeLessThan(was.position.x + was.width);
  });
});

describe('the default view', () => {
  for (const pane of PANES) {
    for (const [what, runtime] of [['before any request', EMPTY_RUNTIME], ['after a request (w3wp.exe and its AppDomain)', withWorker(0, true)]] as const) {
      it(`at ${pane.name} (a ${String(pane.width)}x${String(pane.height)} pane), ${what}, draws component names at least 12 px tall`, () => {
        const graph = buildArchitecture(model, runtime, none);
        const extent = unionBox(graph.nodes.map(boxOf));
        if (extent === undefined) throw new Error('no nodes');
        const { zoom } = fitViewport(extent, pane);
        expect(zoom).toBeLessThan(DETAIL_ZOOM);
        expect(nameSize(zoom) * zoom).toBeGreaterThanOrEqual(12);
        expect(statusSize(zoom) * zoom).toBeGreaterThanOrEqual(12);
      });
    }
  }
});
