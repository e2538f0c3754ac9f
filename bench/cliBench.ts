/**
 * The `cli` group (issue 11, "A CLI that streams"): `simulate` on 1,000,000 requests of the engine
 * benchmark's mix (engineWorkload.ts, 0.05 ms apart), trace off and full, its output piped into this
 * process, which only counts it. Figures: requests a second (budget: half the engine API's rate on the
 * same mix, measured here in-process with createSimulation + send + run) and the CLI's peak RSS (budget
 * 300 MB). The CLI runs bundled, as the benchmark itself does (scripts/run-bench.mjs).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { MIX, benchWorkspace, runWorkload } from './engineWorkload.ts';
import type { UiFigure } from './ui.ts';
import { defaultWorkspace } from '../src/config/index.ts';

/** A figure as every group reports it (bench/ui.ts). */
export type CliFigure = UiFigure;

const COUNT = 1_000_000;

/** The requests file: a first request that starts the worker, then the mix 0.05 ms apart from 10 s on. */
function writeRequests(file: string): void {
  const fd = openSync(file, 'w');
  let chunk = JSON.stringify({ method: 'GET', url: 'http://localhost/' }) + '\n';
  for (let i = 0; i < COUNT; i++) {
    const request = MIX[i % MIX.length];
    if (request === undefined) continue;
    chunk += JSON.stringify({ method: request.method, url: request.url, at: Math.round((10_000 + (i + 1) * 0.05) * 100) / 100 }) + '\n';
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** Runs the bundled CLI; resolves to its wall time, peak RSS and the output's size and line count. */
function runCli(cli: string, preload: string, args: string[]): Promise<{ ms: number; rssMb: number; bytes: number; lines: number; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', preload, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => {
      const rss = Number(/maxRSS (\d+)/.exec(stderr)?.[1]);
      resolve({ ms: performance.now() - start, rssMb: rss / 1024, bytes, lines, code, stderr });
    });
  });
}

export async function cliFigures(root: string): Promise<CliFigure[]> {
  const cli = join(root, 'node_modules', '.cache', 'iis-flow-bench', 'cli.mjs');
  mkdirSync(dirname(cli), { recursive: true });
  await build({ entryPoints: [join(root, 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: cli, logLevel: 'warning', packages: 'external' });
  const dir = mkdtempSync(join(tmpdir(), 'iis-flow-cli-bench-'));
  try {
    const workspace = defaultWorkspace();
    const root0 = '%SystemDrive%\\inetpub\\wwwroot';
    const content = { ...workspace.content, [root0]: { ...workspace.content[root0], 'app/page.aspx': '<%@ Page Language="C#" %>' } };
    const config = join(dir, 'applicationHost.config');
    const contentFile = join(dir, 'content.json');
    const requests = join(dir, 'requests.jsonl');
    const preload = join(dir, 'rss.cjs');
    writeFileSync(config, workspace.applicationHostConfig);
    writeFileSync(contentFile, JSON.stringify(content));
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('maxRSS ' + String(process.resourceUsage().maxRSS) + '\\n'));\n");
    writeRequests(requests);

    const engine = benchWorkspace();
    const figures: CliFigure[] = [];
    for (const trace of ['off', 'full'] as const) {
      // The engine API on the same mix, as the engine groups measure it (warmed up first).
      runWorkload(engine, 100_000, trace === 'full');
      const api = runWorkload(engine, COUNT, trace === 'full');
      const apiRate = (api.done / api.ms) * 1000;
      const run = await runCli(cli, preload, ['simulate', '--config', config, '--content', contentFile, '--requests', requests, '--trace', trace]);
      if (run.code !== 0 || run.lines !== COUNT + 1) throw new Error(`simulate --trace ${trace} ended with ${String(run.code)} after ${String(run.lines)} lines: ${run.stderr}`);
      const rate = (run.lines / run.ms) * 1000;
      const name = trace === 'off' ? 'cli.traceOff' : 'cli.fullTrace';
      figures.push(
        { bench: name, value: Math.round(rate), unit: 'req/s', budget: Math.round(apiRate / 2), better: 'higher', note: `simulate, 1M requests piped out (${String(Math.round(run.bytes / 1048576))} MB); budget half the engine API's ${String(Math.round(apiRate))} req/s on the same mix` },
        { bench: `${name}PeakRss`, value: Math.round(run.rssMb), unit: 'MB', budget: 300, better: 'lower', note: 'peak RSS of the simulate process (process.resourceUsage().maxRSS)' },
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
