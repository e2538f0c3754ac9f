// npm run bench: bundles bench/run.ts with esbuild (plain, optimizable JavaScript, as the app ships
// it) and runs it with --expose-gc, so heap figures are measured after a full collection.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'iis-flow-bench', 'run.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({ entryPoints: [join(root, 'bench', 'run.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
