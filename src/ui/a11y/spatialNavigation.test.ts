import { describe, expect, it } from 'vitest';
import { defaultWorkspace, loadWorkspace, parseApplicationHost } from '../../config/index.ts';
import { describePipeline, type PipelineDescription } from '../../engine/index.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { buildArchitecture, type ArchitectureGraph } from '../graph/architecture.ts';
import { EMPTY_RUNTIME } from '../graph/runtime.ts';
import { navigationBoxes } from './graphNavigation.ts';
import { directionOf, nearestInDirection, type Direction, type NavigationBox } from './spatialNavigation.ts';

const DIRECTIONS: readonly Direction[] = ['up', 'down', 'left', 'right'];

/** The default workspace's graph once DefaultAppPool's w3wp.exe runs, with its AppDomain and pipeline. */
function defaultGraphWithWorker(): ArchitectureGraph {
  const workspace = loadWorkspace(defaultWorkspace());
  const pipeline = describePipeline(workspace, 'Default Web Site', '/hello.aspx');
  const pipelines = new Map<string, PipelineDescription>(pipeline === undefined ? [] : [['DefaultAppPool', pipeline]]);
  const runtime = { ...EMPTY_RUNTIME, workers: [{ pid: 4242, pool: 'DefaultAppPool', state: 'ready' as const, appDomain: true, startedAt: 0, inFlight: 0, served: 0 }] };
  // The pipeline kept open (as its button does): it is drawn otherwise only while a request is in it.
  return buildArchitecture(workspace.model, runtime, { expanded: new Set(['pipeline:defaultapppool']), pipelines });
}

/** Every node reachable from `start` with the arrow keys alone. */
function reachable(boxes: readonly NavigationBox[], start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const direction of DIRECTIONS) {
      const next = nearestInDirection(boxes, id, direction);
      if (next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('arrow keys on the default graph with a worker process', () => {
  const graph = defaultGraphWithWorker();
  const boxes = navigationBoxes(graph.nodes);
  const move = (from: string, direction: Direction) => nearestInDirection(boxes, from, direction);

  it('skips the two bands, which are backgrounds, not parts of the server', () => {
    expect(boxes.some((b) => b.id.startsWith('band:'))).toBe(false);
    expect(boxes.length).toBe(graph.nodes.length - 2);
  });

  it('moves between WAS and W3SVC, side by side, up to svchost.exe that contains them, and down to applicationHost.config', () => {
    expect(move('was', 'right')).toBe('w3svc');
    expect(move('w3svc', 'left')).toBe('was');
    expect(move('was', 'up')).toBe('svchost');
    expect(move('w3svc', 'up')).toBe('svchost');
    expect(['was', 'w3svc']).toContain(move('svchost', 'down'));
    expect(move('was', 'down')).toBe('config');
  });

  it('goes from the client right into HTTP.sys, and up from the listener to HTTP.sys that contains it', () => {
    expect(move('client', 'right')).toBe('httpsys:listener');
    expect(move('httpsys:listener', 'up')).toBe('httpsys');
    expect(move('httpsys:listener', 'right')).toBe('httpsys:urlgroups');
    expect(move('httpsys:listener', 'down')).toBe('httpsys:cache');
    expect(move('client', 'left')).toBeUndefined();
  });

  it('walks down the pipeline one notification at a time, and back up to the worker', () => {
    const stages = graph.nodes.filter((n) => n.type === 'notification').sort((a, b) => a.position.y - b.position.y);
    expect(stages.length).toBeGreaterThan(10);
    for (let i = 0; i + 1 < stages.length; i++) expect(move(stages[i]?.id ?? '', 'down')).toBe(stages[i + 1]?.id);
    for (let i = stages.length - 1; i > 0; i--) expect(move(stages[i]?.id ?? '', 'up')).toBe(stages[i - 1]?.id);
    const first = stages[0]?.id ?? '';
    const above = move(first, 'up');
    expect(['worker:4242', 'appdomain:4242']).toContain(above);
    expect(move('worker:4242', 'up')).toBe('pool:DefaultAppPool');
  });

  it('reaches every node from the client with the arrow keys alone', () => {
    expect([...reachable(boxes, 'client')].sort()).toEqual(boxes.map((b) => b.id).sort());
  });
});

describe('arrow keys on a large server', () => {
  it("reaches every node of fixture 12 (62 sites, collapsed lists, listener adapters) from the client", () => {
    const model = parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config')).model;
    const boxes = navigationBoxes(buildArchitecture(model, EMPTY_RUNTIME, { expanded: new Set(), pipelines: new Map() }).nodes);
    expect(boxes.length).toBeGreaterThan(20);
    expect([...reachable(boxes, 'client')].sort()).toEqual(boxes.map((b) => b.id).sort());
  });
});

describe('keys', () => {
  it('maps the four arrows and nothing else', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', ' '].map(directionOf)).toEqual(['up', 'down', 'left', 'right', undefined, undefined]);
  });
});
