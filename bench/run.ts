/**
 * npm run bench: IIS Flow's performance figures, by group (scripts/run-bench.mjs prints the table). One JSON
 * line per figure: {"bench","value","unit","budget","better"} (DESIGN.md). Figures are measured, never
 * asserted; BENCHMARKS.md records them with the command and the machine's core count.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ApplicationHostReader, applyEdit, defaultWorkspace, parseApplicationHost, serializeApplicationHost, setPoolAttributes, workspaceForApplicationHost } from '../src/config/index.ts';
import { createEngineHost } from '../src/store/engineHost.ts';
import { generateApplicationHostConfig } from './generateConfig.ts';
import { benchWorkspace, runWorkload } from './engineWorkload.ts';
import { uiFigures, type UiFigure } from './ui.ts';
import { editLatencyFigures } from './editLatency.ts';
import { seekLatencyFigures } from './seekLatency.ts';
import { cliFigures } from './cliBench.ts';

type Figure = UiFigure;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, warmup: number, body: () => void): number {
  for (let i = 0; i < warmup; i++) body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function configFigures(): Figure[] {
  const text = generateApplicationHostConfig(5000);
  const first = parseApplicationHost(text);
  const errors = first.diagnostics.filter((d) => d.severity === 'error').length;
  if (first.model.sites.sites.length !== 5000 || errors !== 0) throw new Error(`generated config read wrong: ${String(first.model.sites.sites.length)} sites, ${String(errors)} errors`);
  const parseMs = time(15, 5, () => parseApplicationHost(text));
  const model = parseApplicationHost(text).model;
  const serializeMs = time(15, 5, () => serializeApplicationHost(model));
  // Worst case for the writer: every pool edited, so no pool element can be copied from the source.
  const editedSamples: number[] = [];
  for (let run = 0; run < 9; run++) {
    const parsed = parseApplicationHost(text).model;
    const pools = parsed.applicationPools.pools.map((pool) => ({ ...pool, queueLength: 2000 + run }));
    const edited = { ...parsed, applicationPools: { ...parsed.applicationPools, pools } };
    const start = performance.now();
    serializeApplicationHost(edited);
    editedSamples.push(performance.now() - start);
  }
  const editedMs = median(editedSamples);
  const size = `${(text.length / 1048576).toFixed(1)} MB`;
  const incremental = incrementalFigures(text);
  return [
    ...incremental,
    { bench: 'config.parse5000Sites', value: round(parseMs), unit: 'ms', budget: 150, better: 'lower', note: `parse + validate + model, ${size}, median of 15` },
    { bench: 'config.serialize5000Sites', value: round(serializeMs), unit: 'ms', budget: 100, better: 'lower', note: 'serialize an unchanged model (synced into XML, written), median of 15' },
    { bench: 'config.serialize5000SitesEdited', value: round(editedMs), unit: 'ms', budget: 100, better: 'lower', note: 'serialize after editing all 5,000 pools, median of 9' },
  ];
}

/**
 * A form edit's re-read on the 5,000-site file, as the workspace store and the engine's worker do it:
 * applyEdit (a pool's queueLength), then ApplicationHostReader.read of the new text (one element
 * re-read, untouched sites and pools and their checks reused), and the engine's whole change
 * (createEngineHost's apply: the read, loadWorkspace, WAS's configuration change, the snapshot).
 */
function incrementalFigures(text: string): Figure[] {
  const reader = new ApplicationHostReader();
  let read = reader.read(text);
  let workspace = workspaceForApplicationHost(text);
  const host = createEngineHost();
  host({ type: 'load', workspace, seed: 1 });
  const pool = read.model.applicationPools.pools[0]?.name ?? 'Pool1';
  const readSamples: number[] = [];
  const applySamples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const edit = applyEdit(workspace, setPoolAttributes(pool, { queueLength: String(2000 + i) }));
    if (!edit.ok) throw new Error(edit.message);
    workspace = edit.workspace;
    let start = performance.now();
    read = reader.read(workspace.applicationHostConfig);
    readSamples.push(performance.now() - start);
    start = performance.now();
    host({ type: 'apply', workspace });
    applySamples.push(performance.now() - start);
  }
  if (read.model.applicationPools.pools[0]?.queueLength !== 2024) throw new Error('the incremental read missed the edit');
  const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;
  return [
    { bench: 'config.incrementalRead5000SitesP95', value: round(p95(readSamples.slice(5))), unit: 'ms', budget: 0, better: 'higher', note: `informative: re-read after a pool edit (one element; the rest reused), p95 of 20 after 5 warm-up (median ${String(round(median(readSamples.slice(5))))})` },
    { bench: 'engine.applyChange5000SitesP95', value: round(p95(applySamples.slice(5))), unit: 'ms', budget: 0, better: 'higher', note: `informative: the engine's whole configuration change in its worker, p95 of 20 (median ${String(round(median(applySamples.slice(5))))})` },
  ];
}

function bundleFigures(): Figure[] {
  const dist = join(process.cwd(), 'dist');
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) return [];
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Initial JavaScript: the scripts index.html loads, and the chunks they preload.
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length, 0);
  const all = readdirSync(assets).filter((f) => f.endsWith('.js')).length;
  return [{ bench: 'app.initialJsGzip', value: round(bytes / 1024), unit: 'KB', budget: 300, better: 'lower', note: `${String(initial.length)} of ${String(all)} JS files, gzip (run npm run build first)` }];
}

const round = (n: number): number => Math.round(n * 10) / 10;

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  collectGarbage?.();
  return process.memoryUsage().heapUsed / 1048576;
}

const MIX_NOTE = '8-request mix: static, default document, managed GET and POST, 404.7, 404.0, kernel-cached';

function engineTraceOff(): Figure[] {
  const workspace = benchWorkspace();
  runWorkload(workspace, 200_000, false); // warm up the JIT
  const runs = [1, 2, 3].map(() => runWorkload(workspace, 1_000_000, false));
  const rate = median(runs.map((r) => (r.done / r.ms) * 1000));
  return [{ bench: 'engine.traceOff', value: Math.round(rate), unit: 'req/s', budget: 1_000_000, better: 'higher', note: `1M requests, median of 3 runs; ${MIX_NOTE}` }];
}

function engineFullTrace(): Figure[] {
  const workspace = benchWorkspace();
  runWorkload(workspace, 20_000, true);
  const runs = [1, 2, 3].map(() => runWorkload(workspace, 200_000, true));
  const rate = median(runs.map((r) => (r.done / r.ms) * 1000));
  return [{ bench: 'engine.fullTrace', value: Math.round(rate), unit: 'req/s', budget: 100_000, better: 'higher', note: '200k requests with every trace event built, median of 3 runs' }];
}

/** Every request through the whole pipeline, none replayed: what the first request to each URL costs. */
function engineFullPipeline(): Figure[] {
  const workspace = benchWorkspace();
  runWorkload(workspace, 10_000, true, undefined, false);
  const runs = [1, 2, 3].map(() => runWorkload(workspace, 50_000, true, undefined, false));
  const rate = median(runs.map((r) => (r.done / r.ms) * 1000));
  return [{ bench: 'engine.fullTraceNoReplay', value: Math.round(rate), unit: 'req/s', budget: 0, better: 'higher', note: 'informative: 50k requests, full trace, every one through the whole pipeline (memoize off)' }];
}

/** The worker's heap over `count` loads of `size` requests each, sent as the page sends a load. */
export function workerHeapOverLoads(count: number, size: number): { growth: number; perLoad: number[] } {
  const host = createEngineHost();
  host({ type: 'load', workspace: defaultWorkspace(), seed: 1, withModel: false });
  const request = { method: 'GET', url: 'http://localhost/iisstart.htm?load' };
  const perLoad: number[] = [];
  for (let i = 0; i < count; i++) {
    host({ type: 'send', requests: Array.from({ length: size }, () => request) });
    perLoad.push(heapMb());
  }
  return { growth: (perLoad[count - 1] ?? Number.NaN) - (perLoad[Math.min(4, count - 1)] ?? Number.NaN), perLoad };
}

function engineMemory(): Figure[] {
  // Heap after 1M and after 5M requests of one run (trace off, results not retained).
  const workspace = benchWorkspace();
  const heap: number[] = [];
  const base = heapMb();
  runWorkload(workspace, 5_000_000, false, (done) => {
    if (done === 1_000_000 || done === 5_000_000) heap.push(heapMb());
  });
  const loads = workerHeapOverLoads(20, 2000);
  return [
    {
      bench: 'engine.workerHeapGrowth20Loads',
      value: round(loads.growth),
      unit: 'MB',
      budget: 5,
      better: 'lower',
      note: `the engine's worker (createEngineHost, as in the page) after twenty loads of 2,000 requests in a row, heap after the 20th minus after the 5th (after a full GC; ${loads.perLoad.map((m) => String(round(m))).join(', ')} MB)`,
    },
    { bench: 'engine.heapAfter1M', value: round((heap[0] ?? Number.NaN) - base), unit: 'MB', budget: 50, better: 'lower', note: 'heap growth after 1M requests (after a full GC)' },
    { bench: 'engine.heapAfter5M', value: round((heap[1] ?? Number.NaN) - base), unit: 'MB', budget: 50, better: 'lower', note: 'heap growth after 5M requests: should not grow with requests done' },
  ];
}

/** Each group runs in a process of its own (scripts/run-bench.mjs), so one cannot slow the next. */
const GROUPS: Readonly<Record<string, () => Figure[] | Promise<Figure[]>>> = {
  ui: () => uiFigures(process.cwd()),
  'ui-edit': () => editLatencyFigures(process.cwd()),
  'ui-seek': () => seekLatencyFigures(process.cwd()),
  config: configFigures,
  'engine-off': engineTraceOff,
  'engine-trace': engineFullTrace,
  'engine-memory': engineMemory,
  'engine-no-replay': engineFullPipeline,
  app: bundleFigures,
  cli: () => cliFigures(process.cwd()),
};

const group = process.argv[2] ?? '';
const run = GROUPS[group];
if (run === undefined) {
  console.error(`bench group "${group}" is not one of ${Object.keys(GROUPS).join(', ')}`);
  process.exitCode = 2;
} else {
  for (const f of await run()) console.log(JSON.stringify(f));
}
