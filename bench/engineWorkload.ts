/**
 * The engine benchmark's workload: the default workspace with a managed page, and a mix of static,
 * default-document, managed, filtered and kernel-cached requests sent back to back.
 */
import { defaultWorkspace, loadWorkspace, type LoadedWorkspace } from '../src/config/index.ts';
import { createSimulation, type SimulationRequest } from '../src/engine/index.ts';

export const MIX: readonly SimulationRequest[] = [
  { method: 'GET', url: 'http://localhost/iisstart.htm' }, // kernel-cached after two hits
  { method: 'GET', url: 'http://localhost/' }, // default document
  { method: 'GET', url: 'http://localhost/app/page.aspx' }, // managed
  { method: 'GET', url: 'http://localhost/x.mdb' }, // request filtering 404.7
  { method: 'GET', url: 'http://localhost/iisstart.png?v=2' }, // static, with a query string: never kernel-cached
  { method: 'POST', url: 'http://localhost/app/page.aspx' }, // managed POST
  { method: 'GET', url: 'http://localhost/missing.htm' }, // 404.0
  { method: 'GET', url: 'http://localhost/iisstart.htm' },
];

export function benchWorkspace(): LoadedWorkspace {
  const workspace = defaultWorkspace();
  const root = workspace.content['%SystemDrive%\\inetpub\\wwwroot'] ?? {};
  workspace.content['%SystemDrive%\\inetpub\\wwwroot'] = { ...root, 'app/page.aspx': '<%@ Page Language="C#" %>' };
  return loadWorkspace(workspace);
}

/** Runs `count` requests (0.05 ms apart) and returns the wall time in ms and the results seen. */
export function runWorkload(
  workspace: LoadedWorkspace,
  count: number,
  trace: boolean,
  onHeap?: (done: number) => void,
  memoize = true,
): { ms: number; done: number; statuses: Map<number, number> } {
  const simulation = createSimulation(workspace, { seed: 1, trace, retain: false, memoize });
  const statuses = new Map<number, number>();
  let done = 0;
  simulation.onResult((result) => {
    done++;
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    if (onHeap !== undefined && done % 1_000_000 === 0) onHeap(done);
  });
  // Warm the worker first so the figure is the steady state, not the cold start.
  simulation.send({ method: 'GET', url: 'http://localhost/' });
  simulation.runUntilIdle();
  const start = performance.now();
  let at = simulation.now();
  const batch = 100;
  for (let i = 0; i < count; i++) {
    const request = MIX[i % MIX.length];
    if (request === undefined) continue;
    at += 0.05;
    simulation.send({ method: request.method, url: request.url, at });
    if (i % batch === batch - 1) simulation.runUntil(at);
  }
  simulation.runUntilIdle();
  return { ms: performance.now() - start, done: done - 1, statuses };
}
