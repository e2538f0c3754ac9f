/**
 * The IIS Flow command line.
 *   npm run cli -- validate --config FILE
 *   npm run cli -- format --config FILE
 *   npm run cli -- simulate --config FILE ... (see simulate.ts)
 */
import { readFileSync } from 'node:fs';
import { decodeConfigBytes, parseApplicationHost, serializeApplicationHost } from '../config/index.ts';
import { runSimulate, SIMULATE_USAGE } from './simulate.ts';

const USAGE = `Usage:
  npm run cli -- validate --config FILE   print each diagnostic as FILE:LINE:COL severity message; exit 1 on any error
  npm run cli -- format --config FILE     print the configuration as IIS Flow writes it back
${SIMULATE_USAGE}
                                          print one JSON object per request (status, subStatus, site, application,
                                          appPool, workerProcess, handler, servedFrom, decidedBy, reason, trace)`;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function readConfig(file: string): string {
  return decodeConfigBytes(new Uint8Array(readFileSync(file))).text;
}

export function runCli(args: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  const [command] = args;
  if (command === 'simulate') return runSimulate(args, out, err);
  const file = option(args, '--config');
  if ((command !== 'validate' && command !== 'format') || file === undefined) {
    err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readConfig(file);
  } catch (error) {
    err(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
    return 2;
  }
  const { model, diagnostics, wellFormed } = parseApplicationHost(text);
  if (command === 'validate') {
    for (const d of diagnostics) out(`${file}:${String(d.line)}:${String(d.column)} ${d.severity} ${d.message}${d.path === '' ? '' : ` [${d.path}]`} (${d.code})`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    err(`${file}: ${String(errors)} error(s), ${String(diagnostics.length - errors)} other diagnostic(s)`);
    return errors > 0 ? 1 : 0;
  }
  if (!wellFormed) {
    for (const d of diagnostics) err(`${file}:${String(d.line)}:${String(d.column)} ${d.severity} ${d.message}`);
    return 1;
  }
  out(serializeApplicationHost(model));
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  const code = runCli(process.argv.slice(2), (line) => process.stdout.write(line.endsWith('\n') ? line : line + '\n'), (line) => process.stderr.write(line + '\n'));
  process.exitCode = code;
}
