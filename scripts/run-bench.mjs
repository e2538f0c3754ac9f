// npm run bench [group...]: bundles bench/run.ts with esbuild (plain, optimizable JavaScript, as the app
// ships it), runs each group of figures in a fresh `node --expose-gc` process (so heap figures follow a
// full collection and one group cannot slow the next), then prints a table for people and one JSON line
// per figure for tools: {"bench","value","unit","budget","better"}.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GROUPS = ['config', 'engine-off', 'engine-trace', 'engine-no-replay', 'engine-memory', 'app', 'ui', 'ui-edit', 'ui-seek', 'cli'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'iis-flow-bench', 'run.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({ entryPoints: [join(root, 'bench', 'run.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning', packages: 'external' });

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : GROUPS;
const figures = [];
for (const group of wanted) {
  const result = spawnSync(process.execPath, ['--expose-gc', outfile, group], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
  for (const line of result.stdout.split('\n')) if (line.startsWith('{')) figures.push(JSON.parse(line));
}

console.log(`IIS Flow benchmarks: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})\n`);
console.log(`${'figure'.padEnd(32)} ${'value'.padStart(14)} ${'budget'.padStart(16)}  ok   note`);
for (const f of figures) {
  const ok = f.better === 'higher' ? f.value >= f.budget : f.value <= f.budget;
  const budget = `${f.better === 'lower' ? '<=' : '>='} ${f.budget} ${f.unit}`;
  console.log(`${f.bench.padEnd(32)} ${`${f.value} ${f.unit}`.padStart(14)} ${budget.padStart(16)}  ${ok ? 'yes' : 'NO '}  ${f.note}`);
}
console.log('');
for (const f of figures) console.log(JSON.stringify({ bench: f.bench, value: f.value, unit: f.unit, budget: f.budget, better: f.better }));
