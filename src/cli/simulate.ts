/**
 * `simulate`: runs requests through the engine and prints one JSON object per request, one per line.
 *   npm run cli -- simulate (--config FILE [--content FILE.json] | --workspace FILE.json) [--users FILE.json]
 *       [--seed N] [--trace full|off] [--freb DIR]
 *       (--requests FILE.jsonl | [--header 'Name: value']... [--client-ip IP] [--user NAME:PASSWORD] METHOD URL)
 * All requests go through one simulation: the first pays a cold start, a repeated one can come from the
 * kernel cache. A request without `at` is sent when the one before it has finished. The workspace is
 * built as the app builds it (workspaceForApplicationHost), so both answer a request alike.
 */
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  parseApplicationHost,
  parseSiteContent,
  parseWorkspaceBundle,
  parseWorkspaceUsers,
  workspaceForApplicationHost,
  type ParseResult,
  type SiteContent,
  type Workspace,
} from '../config/index.ts';
import { createSimulation, toFrebXml, type RequestResult, type SimulationRequest } from '../engine/index.ts';
import { LineWriter, type OutputStream } from './output.ts';
import { readInputText } from './readInput.ts';
import { parseRequestLine, readRequestLines } from './requestLines.ts';

export { parseRequestsFile } from './requestLines.ts';

export const SIMULATE_USAGE = `  npm run cli -- simulate (--config FILE [--content FILE.json] | --workspace FILE.json) [--users FILE.json] [--seed N] [--trace full|off] [--freb DIR]
        (--requests FILE.jsonl | [--header 'Name: value']... [--client-ip IP] [--user NAME:PASSWORD] METHOD URL)`;

type Output = (line: string) => void;

interface SimulateArgs {
  config: string | undefined;
  /** A workspace file (the app's export): applicationHost.config, content and users in one. */
  workspace: string | undefined;
  content: string | undefined;
  seed: number;
  trace: boolean;
  freb: string | undefined;
  requestsFile: string | undefined;
  usersFile: string | undefined;
  single: SimulationRequest | undefined;
}

function parseArgs(args: readonly string[]): SimulateArgs | string {
  let config: string | undefined;
  let workspace: string | undefined;
  let content: string | undefined;
  let seed = 1;
  let trace = false;
  let freb: string | undefined;
  let requestsFile: string | undefined;
  let usersFile: string | undefined;
  let clientIp: string | undefined;
  let user: string | undefined;
  const headers: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i++;
      return next;
    };
    try {
      switch (arg) {
        case '--config':
          config = value();
          break;
        case '--content':
          content = value();
          break;
        case '--workspace':
          workspace = value();
          break;
        case '--seed': {
          const text = value();
          seed = Number(text);
          if (!Number.isInteger(seed)) return `--seed takes a whole number, not "${text}"`;
          break;
        }
        case '--trace': {
          const mode = value();
          if (mode !== 'full' && mode !== 'off') return `--trace takes full or off, not "${mode}"`;
          trace = mode === 'full';
          break;
        }
        case '--freb':
          freb = value();
          break;
        case '--requests':
          requestsFile = value();
          break;
        case '--users':
          usersFile = value();
          break;
        case '--client-ip':
          clientIp = value();
          break;
        case '--user':
          user = value();
          break;
        case '--header': {
          const header = value();
          const colon = header.indexOf(':');
          if (colon <= 0) return `--header takes 'Name: value', not "${header}"`;
          headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
          break;
        }
        default:
          if (arg.startsWith('--')) return `unknown option ${arg}`;
          positional.push(arg);
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  if (config === undefined && workspace === undefined) return '--config FILE (or --workspace FILE.json) is required';
  if (workspace !== undefined && (config !== undefined || content !== undefined)) return '--workspace holds applicationHost.config and the content: give it without --config and --content';
  let single: SimulationRequest | undefined;
  if (requestsFile === undefined) {
    const [method, url] = positional;
    if (method === undefined || url === undefined) return 'give METHOD URL, or --requests FILE.jsonl';
    single = { method: method.toUpperCase(), url, headers, ...(clientIp === undefined ? {} : { clientIp }), ...(user === undefined ? {} : { user }) };
  } else if (positional.length > 0) return 'give either --requests or METHOD URL, not both';
  return { config, workspace, content, seed, trace, freb, requestsFile, usersFile, single };
}

function toOutput(result: RequestResult, trace: boolean): Record<string, unknown> {
  return {
    requestId: result.requestId,
    method: result.method,
    url: result.url,
    status: result.status,
    subStatus: result.subStatus,
    statusText: result.statusText,
    site: result.site ?? null,
    application: result.application ?? null,
    appPool: result.appPool ?? null,
    workerProcess: result.workerProcess ?? null,
    handler: result.handler ?? null,
    servedFrom: result.servedFrom,
    decidedBy: result.decidedBy,
    reason: result.reason,
    responseHeaders: result.responseHeaders,
    bytesSent: result.bytesSent,
    startTime: Math.round(result.startTime * 1000) / 1000,
    endTime: Math.round(result.endTime * 1000) / 1000,
    trace: trace ? result.trace : [],
  };
}

/** The requests of a run, as they are read: the single one of the command line, or the file's lines (a string: a bad line). */
function* requestsOf(args: SimulateArgs): Generator<SimulationRequest | string> {
  if (args.requestsFile === undefined) {
    if (args.single !== undefined) yield args.single;
    return;
  }
  for (const line of readRequestLines(args.requestsFile)) {
    const request = parseRequestLine(line.text, line.number);
    if (request !== undefined) yield request;
  }
}

/**
 * Creates a folder and the folders above it that are missing, one at a time: Node's own recursive
 * mkdirSync never returns on a path such as /proc/x (mkdir says ENOENT, the parent exists, it retries).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    try {
      statSync(current);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

/** Why a FREB folder cannot be used, in one line for the user; undefined when it can. */
export function frebFolderProblem(dir: string): string | undefined {
  const describe = (error: unknown): string => {
    const code = (error as { code?: string } | undefined)?.code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return 'it is a file, or under a file, not a folder';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') return 'the folder cannot be created or written there';
    return error instanceof Error ? error.message : String(error);
  };
  try {
    makeFolders(dir);
    if (!statSync(dir).isDirectory()) return `--freb ${dir}: it is a file, or under a file, not a folder`;
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return `--freb ${dir}: ${describe(error)}`;
  }
  return undefined;
}

/** The streams of a run: standard output (results) and a line writer for messages (standard error). */
export interface SimulateIo {
  stdout: OutputStream;
  err: Output;
}

/**
 * Runs `simulate`. Results are written as requests finish (one JSON line each), and the run waits
 * whenever standard output asks it to (a slow reader), so memory stays flat however many requests the
 * file holds. Resolves to the exit status: 0 done (also when the reader of the output went away, as
 * with `| head`), 1 the configuration is not well formed, 2 a bad argument, file or output.
 */
export async function runSimulate(args: readonly string[], io: SimulateIo): Promise<number> {
  const { err } = io;
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    err(`simulate: ${parsed}`);
    err(`Usage:\n${SIMULATE_USAGE}`);
    return 2;
  }
  const read = (file: string): string | undefined => {
    const input = readInputText(file);
    if (input.ok) return input.text;
    err(`${file}: ${input.message}`);
    return undefined;
  };
  /** Reads a JSON file and checks it; reports what is wrong and returns ok: false. */
  const readJson = <T extends { ok: true } | { ok: false; message: string }>(file: string, check: (json: unknown) => T): { ok: true; value: Extract<T, { ok: true }> } | { ok: false } => {
    const text = read(file);
    if (text === undefined) return { ok: false };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      err(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      return { ok: false };
    }
    const checked = check(json);
    if (!checked.ok) {
      err(`${file}: ${checked.message}`);
      return { ok: false };
    }
    return { ok: true, value: checked as Extract<T, { ok: true }> };
  };
  // The workspace: a workspace file as the app exports it, or applicationHost.config with the given
  // content or, without it, the default content the app gives an imported configuration.
  let workspace: Workspace;
  let source: string;
  let parse: ParseResult;
  if (parsed.workspace !== undefined) {
    const text = read(parsed.workspace);
    if (text === undefined) return 2;
    const bundle = parseWorkspaceBundle(text);
    if (!bundle.ok) {
      err(`${parsed.workspace}: ${bundle.message}`);
      return 2;
    }
    workspace = bundle.workspace;
    source = `${parsed.workspace} (applicationHost.config)`;
    parse = parseApplicationHost(workspace.applicationHostConfig);
  } else {
    source = parsed.config ?? '';
    const configText = read(source);
    if (configText === undefined) return 2;
    let content: SiteContent | undefined;
    if (parsed.content !== undefined) {
      const checked = readJson(parsed.content, parseSiteContent);
      if (!checked.ok) return 2;
      content = checked.value.content;
    }
    parse = parseApplicationHost(configText);
    workspace = workspaceForApplicationHost(configText, { content, model: parse.model });
  }
  const model = parse.model;
  const diagnostics = parse.diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) err(`${source}:${String(d.line)}:${String(d.column)} error ${d.message}`);
  if (diagnostics.some((d) => d.code === 'IISF0001' || d.code === 'IISF0002')) return 1;
  if (parsed.usersFile !== undefined) {
    const checked = readJson(parsed.usersFile, parseWorkspaceUsers);
    if (!checked.ok) return 2;
    workspace.users = checked.value.users;
  }
  const freb = parsed.freb;
  if (freb !== undefined) {
    const problem = frebFolderProblem(freb);
    if (problem !== undefined) {
      err(problem);
      return 2;
    }
  }
  const requestsFile = parsed.requestsFile;
  const requests = requestsOf(parsed);

  const writer = new LineWriter(io.stdout);
  // Nothing is retained: each result is written (and its trace let go) as it finishes.
  const simulation = createSimulation(workspace, { seed: parsed.seed, trace: parsed.trace || freb !== undefined, retain: false });
  const siteIds = new Map<string, number>(model.sites.sites.map((site) => [site.name, site.id]));
  let sent = 0;
  let finished = 0;
  let failure: string | undefined;
  simulation.onResult((result) => {
    finished++;
    if (writer.closed || failure !== undefined) return;
    if (freb !== undefined) {
      const file = join(freb, `fr${String(result.requestId).padStart(6, '0')}.xml`);
      try {
        writeFileSync(file, toFrebXml(result, { siteId: siteIds.get(result.site ?? '') ?? 0 }));
      } catch (error) {
        failure = `${file}: cannot write the FREB file (${error instanceof Error ? error.message : String(error)})`;
        return;
      }
    }
    writer.line(JSON.stringify(toOutput(result, parsed.trace)));
  });
  const stopped = (): boolean => writer.closed || failure !== undefined;

  let status = 0;
  for (;;) {
    let next: IteratorResult<SimulationRequest | string>;
    try {
      next = requests.next();
    } catch (error) {
      err(`${requestsFile ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      status = 2;
      break;
    }
    if (next.done === true) break;
    const request = next.value;
    if (typeof request === 'string') {
      // The lines before it have been simulated and written; the run stops here.
      err(`${requestsFile ?? ''}: ${request}`);
      status = 2;
      break;
    }
    if (request.at === undefined) {
      // "Sent when the one before it has finished" (README).
      simulation.runUntilIdle();
    } else {
      // Whatever happens before its time can run now: the calendar then holds only what is in flight.
      simulation.runBefore(request.at);
    }
    simulation.send(request);
    sent++;
    if (request.at === undefined) simulation.runUntilIdle();
    if (writer.mustWait) await writer.drained();
    if (stopped()) break;
  }
  // The requests still in flight, an event at a time, so that a slow reader holds the run back here too.
  while (finished < sent && !stopped()) {
    if (simulation.step() === undefined) break;
    if (writer.mustWait) await writer.drained();
  }
  await writer.end();
  if (failure !== undefined) {
    err(failure);
    return 2;
  }
  if (writer.failure !== undefined) {
    err(`simulate: cannot write the output (${writer.failure.message})`);
    return 2;
  }
  return status;
}
