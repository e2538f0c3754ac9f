/**
 * The IIS Flow command line.
 *   npm run cli -- validate --config FILE
 *   npm run cli -- format --config FILE
 *   npm run cli -- simulate --config FILE ... (see simulate.ts)
 */
import { DiagnosticCode, parseApplicationHost, serializeApplicationHost } from '../config/index.ts';
import { readInputText } from './readInput.ts';
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
  const read = readInputText(file);
  if (!read.ok) {
    err(`${file}: ${read.message}`);
    return 2;
  }
  const { model, diagnostics, wellFormed } = parseApplicationHost(read.text);
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
  } else if (!wellFormed || diagnostics.some((d) => d.code === DiagnosticCode.wrongRoot)) {
    // Not XML, or not a configuration file (another root): nothing is written, so nothing is lost.
    for (const d of diagnostics) if (d.severity === 'error') err(`${file}:${String(d.line)}:${String(d.column)} ${d.severity} ${d.message}`);
    return 1;
  } else if (read.encoding !== 'utf-8') {
    err(`${file}: the file is ${read.encoding.toUpperCase()}, and format writes UTF-8: it is refused rather than changed (validate reads it as it is).`);
    return 1;
  } else {
    // Byte for byte: a UTF-8 byte order mark the file starts with is written back.
    writer.text((read.bom ? '\uFEFF' : '') + serializeApplicationHost(model));
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
