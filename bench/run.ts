/**
 * npm run bench: IIS Flow's performance figures. Prints a table for people and, for tools, one JSON
 * line per figure: {"bench","value","unit","budget","better"} (DESIGN.md). Figures are measured, never
 * asserted; BENCHMARKS.md records them with the command and the machine's core count.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseApplicationHost, serializeApplicationHost } from '../src/config/index.ts';
import { generateApplicationHostConfig } from './generateConfig.ts';

interface Figure {
  bench: string;
  value: number;
  unit: string;
  budget: number;
  better: 'higher' | 'lower';
  note: string;
}

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
  return [
    { bench: 'config.parse5000Sites', value: round(parseMs), unit: 'ms', budget: 150, better: 'lower', note: `parse + validate + model, ${size}, median of 15` },
    { bench: 'config.serialize5000Sites', value: round(serializeMs), unit: 'ms', budget: 100, better: 'lower', note: 'serialize an unchanged model (synced into XML, written), median of 15' },
    { bench: 'config.serialize5000SitesEdited', value: round(editedMs), unit: 'ms', budget: 100, better: 'lower', note: 'serialize after editing all 5,000 pools, median of 9' },
  ];
}

function bundleFigures(): Figure[] {
  const assets = join(import.meta.dirname, '..', 'dist', 'assets');
  if (!existsSync(assets)) return [];
  const html = readFileSync(join(import.meta.dirname, '..', 'dist', 'index.html'), 'utf8');
  // Initial JavaScript: the scripts index.html loads, and the chunks they preload.
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length, 0);
  const all = readdirSync(assets).filter((f) => f.endsWith('.js')).length;
  return [{ bench: 'app.initialJsGzip', value: round(bytes / 1024), unit: 'KB', budget: 300, better: 'lower', note: `${String(initial.length)} of ${String(all)} JS files, gzip (run npm run build first)` }];
}

const round = (n: number): number => Math.round(n * 10) / 10;

const figures = [...configFigures(), ...bundleFigures()];
console.log(`IIS Flow benchmarks: node ${process.version}, ${String(cpus().length)} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);
console.log('');
console.log(`${'figure'.padEnd(28)} ${'value'.padStart(10)} ${'budget'.padStart(12)}  ok  note`);
for (const f of figures) {
  const ok = f.better === 'higher' ? f.value >= f.budget : f.value <= f.budget;
  console.log(`${f.bench.padEnd(28)} ${`${String(f.value)} ${f.unit}`.padStart(10)} ${`${f.better === 'lower' ? '<=' : '>='} ${String(f.budget)} ${f.unit}`.padStart(12)}  ${ok ? 'yes' : 'NO '}  ${f.note}`);
}
console.log('');
for (const f of figures) console.log(JSON.stringify({ bench: f.bench, value: f.value, unit: f.unit, budget: f.budget, better: f.better }));
