/**
 * Issue 11, "A CLI that streams": simulate writes as requests finish and waits for a slow reader, ends
 * quietly when the reader goes away, keeps its memory flat, and refuses a bad --freb folder in a line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { CapturedOutput, ClosedPipe, runCaptured } from './testStreams.ts';

const dir = mkdtempSync(join(tmpdir(), 'iisflow-stream-'));
const config = join(dir, 'applicationHost.config');
writeFileSync(config, defaultWorkspace().applicationHostConfig);

const MIX = ['/iisstart.htm', '/', '/x.mdb', '/iisstart.png?v=2', '/missing.htm'];

/** A requests file of `count` lines, each sent when the one before has finished (no `at`). */
function requestsFile(name: string, count: number): string {
  const file = join(dir, name);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ method: 'GET', url: `http://localhost${MIX[i % MIX.length] ?? '/'}` }));
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const cliMain = join(import.meta.dirname, 'main.ts');

/** Runs the CLI in a child process (node --import tsx); `consume` gets its stdout. */
function spawnCli(args: string[], options: { preload?: string } = {}): ReturnType<typeof spawn> {
  const nodeArgs = ['--import', 'tsx', ...(options.preload === undefined ? [] : ['--require', options.preload]), cliMain, ...args];
  return spawn(process.execPath, nodeArgs, { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ReturnType<typeof spawn>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => { resolve({ code, stderr }); }));
}

describe('simulate streams its output', () => {
  it('waits for a slow reader: write() returning false holds the run back, and every result arrives in order', async () => {
    const file = requestsFile('slow.jsonl', 400);
    const stdout = new CapturedOutput(1, 16 * 1024);
    const run = await runCaptured(['simulate', '--config', config, '--requests', file, '--trace', 'full'], stdout);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(400);
    expect(run.out.map((line) => (JSON.parse(line) as { requestId: number }).requestId)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    // The stream asked to wait, and never held more than about one chunk (64 KB) and a line: without
    // waiting, the whole output (megabytes with the trace) piles up in its buffer.
    expect(stdout.refusals).toBeGreaterThan(5);
    expect(stdout.text().length).toBeGreaterThan(2 * 1024 * 1024);
    expect(stdout.peakBuffered).toBeLessThan(256 * 1024);
  });

  it('ends quietly with status 0 when the reader goes away (EPIPE, as with | head)', async () => {
    const file = requestsFile('epipe.jsonl', 3000);
    const stdout = new ClosedPipe(1);
    const run = await runCaptured(['simulate', '--config', config, '--requests', file, '--trace', 'full'], new CapturedOutput());
    expect(run.out).toHaveLength(3000);
    const closed = await runCaptured(['simulate', '--config', config, '--requests', file, '--trace', 'full'], stdout);
    expect(closed.code).toBe(0);
    expect(closed.err).toEqual([]);
    // It stopped at the first refused chunk, not after writing the other 3,000 results into the void.
    expect(stdout.written).toBe(1);
  });

  it('exits 0 with nothing on stderr when piped into a reader that closes after one line', async () => {
    const file = requestsFile('head.jsonl', 20_000);
    const child = spawnCli(['simulate', '--config', config, '--requests', file]);
    const exit = exitOf(child);
    const first = await new Promise<string>((resolve) => child.stdout?.once('data', (chunk: Buffer) => { resolve(chunk.toString('utf8')); }));
    child.stdout?.destroy();
    const { code, stderr } = await exit;
    expect(first).toMatch(/^\{"requestId":1,/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  /** Runs the CLI in a child process on `count` requests; returns its peak RSS in MB and the lines it wrote. */
  async function peakRss(name: string, count: number, trace: 'off' | 'full'): Promise<{ mb: number; lines: number; code: number | null }> {
    const file = requestsFile(name, count);
    const preload = join(dir, 'rss.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
    const child = spawnCli(['simulate', '--config', config, '--requests', file, '--trace', trace], { preload });
    let lines = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    const { code, stderr } = await exitOf(child);
    return { mb: Number(/maxRSS (\d+)/.exec(stderr)?.[1]) / 1024, lines, code };
  }

  it('keeps its memory flat: 100,000 requests through a pipe stay under 300 MB of RSS', async () => {
    const run = await peakRss('memory.jsonl', 100_000, 'off');
    expect(run.code).toBe(0);
    expect(run.lines).toBe(100_000);
    expect(run.mb).toBeLessThan(300);
  }, 180_000);

  it('keeps its memory flat with --trace full: 40,000 requests (560 MB of output) stay under 300 MB of RSS', async () => {
    // Before, every result and the whole trace were kept until the end: well over 300 MB here.
    const run = await peakRss('memory-trace.jsonl', 40_000, 'full');
    expect(run.code).toBe(0);
    expect(run.lines).toBe(40_000);
    expect(run.mb).toBeLessThan(300);
  }, 180_000);
});

describe('simulate refuses a bad --freb folder in one line, with status 2', () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  it.each([
    ['onto a file', file, 'it is a file, or under a file, not a folder'],
    ['under a file', join(file, 'freb'), 'it is a file, or under a file, not a folder'],
    ['where no folder can be made (/proc)', '/proc/iis-flow-freb', 'the folder cannot be created or written there'],
  ])('%s', async (_what, freb, message) => {
    const run = await runCaptured(['simulate', '--config', config, '--freb', freb, 'GET', 'http://localhost/']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`--freb ${freb}: ${message}`]);
    expect(run.out).toEqual([]);
  });
});

describe('simulate reads a bad requests file as far as it is good', () => {
  it('prints the results before a bad line, then names the line and exits 2', async () => {
    const file = join(dir, 'bad-line.jsonl');
    writeFileSync(file, '{"method":"GET","url":"http://localhost/"}\n{"method":"GET","url":"http://localhost/","at":1e15}\n{"method":"GET","url":"http://localhost/"}\n');
    const run = await runCaptured(['simulate', '--config', config, '--requests', file]);
    expect(run.code).toBe(2);
    expect(run.out).toHaveLength(1);
    expect(run.err).toEqual([`${file}: line 2: "at" must be a time in ms from 0 to 2592000000 (30 days)`]);
  });

  it('says when the requests file is a folder or missing, with status 2', async () => {
    for (const requests of [dir, join(dir, 'missing.jsonl')]) {
      const run = await runCaptured(['simulate', '--config', config, '--requests', requests]);
      expect(run.code).toBe(2);
      expect(run.err[0]).toMatch(new RegExp(`^${requests.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the file \\(`));
    }
  });

  it('sends requests with "at" in time order as it reads them: concurrent requests finish together', async () => {
    const file = join(dir, 'at.jsonl');
    writeFileSync(file, [0, 0, 0, 5000].map((at, i) => JSON.stringify({ method: 'GET', url: `http://localhost/?n=${String(i)}`, at })).join('\n'));
    const run = await runCaptured(['simulate', '--config', config, '--requests', file]);
    const lines = run.out.map((line) => JSON.parse(line) as { requestId: number; startTime: number; status: number });
    expect(lines.map((l) => l.requestId).sort()).toEqual([1, 2, 3, 4]);
    expect(lines.find((l) => l.requestId === 4)?.startTime).toBe(5000);
    expect(lines.every((l) => l.status === 200)).toBe(true);
  });
});
