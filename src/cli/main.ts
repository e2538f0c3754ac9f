/**
 * The IIS Flow command line.
 *   npm run cli -- validate --config FILE
 *   npm run cli -- format --config FILE
 *   npm run cli -- simulate --config FILE ... (see simulate.ts)
 */
import { readFileSync } from 'node:fs';
import { decodeConfigBytes, parseApplicationHost, serializeApplicationHost } from '../config/index.ts';
import { LineWriter, type OutputStream } from './output.ts';
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

/** Standard output (a stream, so that a long output waits for its reader) and standard error, a line at a time. */
export interface CliIo {
  stdout: OutputStream;
  err: (line: string) => void;
}

/**
 * Runs one command; resolves to its exit status (README, "Exit status"): 0 done, 1 the input has errors
 * (validate found one, format or simulate cannot read the configuration), 2 a wrong call, a file that
 * cannot be read, or output that cannot be written.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command] = args;
  if (command === 'simulate') return runSimulate(args, io);
  const { err } = io;
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
  const writer = new LineWriter(io.stdout);
  let status: number;
  if (command === 'validate') {
    for (const d of diagnostics) {
      writer.line(`${file}:${String(d.line)}:${String(d.column)} ${d.severity} ${d.message}${d.path === '' ? '' : ` [${d.path}]`} (${d.code})`);
      if (writer.mustWait) await writer.drained();
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    err(`${file}: ${String(errors)} error(s), ${String(diagnostics.length - errors)} other diagnostic(s)`);
    status = errors > 0 ? 1 : 0;
  } else if (!wellFormed) {
    for (const d of diagnostics) err(`${file}:${String(d.line)}:${String(d.column)} ${d.severity} ${d.message}`);
    return 1;
  } else {
    writer.text(serializeApplicationHost(model));
    status = 0;
  }
  await writer.end();
  if (writer.failure !== undefined) {
    err(`${command}: cannot write the output (${writer.failure.message})`);
    return 2;
  }
  return status;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  const code = await runCli(process.argv.slice(2), { stdout: process.stdout, err: (line) => process.stderr.write(line + '\n') });
  process.exitCode = code;
}
