/**
 * `simulate`: runs requests through the engine and prints one JSON object per request, one per line.
 *   npm run cli -- simulate (--config FILE [--content FILE.json] | --workspace FILE.json) [--users FILE.json]
 *       [--seed N] [--trace full|off] [--freb DIR]
 *       (--requests FILE.jsonl | [--header 'Name: value']... [--client-ip IP] [--user NAME:PASSWORD] METHOD URL)
 * All requests go through one simulation: the first pays a cold start, a repeated one can come from the
 * kernel cache. A request without `at` is sent when the one before it has finished. The workspace is
 * built as the app builds it (workspaceForApplicationHost), so both answer a request alike.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeConfigBytes,
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

/** Reads a JSON-lines requests file; returns the requests or a message naming the bad line. */
export function parseRequestsFile(text: string): SimulationRequest[] | string {
  const requests: SimulationRequest[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return `line ${String(i + 1)}: not JSON`;
    }
    if (typeof parsed !== 'object' || parsed === null) return `line ${String(i + 1)}: expected an object`;
    const record = parsed as Record<string, unknown>;
    const { method, url, headers, clientIp, user, at } = record;
    if (typeof method !== 'string' || typeof url !== 'string') return `line ${String(i + 1)}: "method" and "url" must be strings`;
    const request: SimulationRequest = { method: method.toUpperCase(), url };
    if (headers !== undefined) {
      if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) return `line ${String(i + 1)}: "headers" must map names to strings`;
      request.headers = headers as Record<string, string>;
    }
    if (clientIp !== undefined) {
      if (typeof clientIp !== 'string') return `line ${String(i + 1)}: "clientIp" must be a string`;
      request.clientIp = clientIp;
    }
    if (user !== undefined) {
      if (typeof user !== 'string') return `line ${String(i + 1)}: "user" must be NAME:PASSWORD`;
      request.user = user;
    }
    if (at !== undefined) {
      if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return `line ${String(i + 1)}: "at" must be a time in ms`;
      request.at = at;
    }
    requests.push(request);
  }
  return requests;
}

function toOutput(result: RequestResult): Record<string, unknown> {
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
    trace: result.trace,
  };
}

export function runSimulate(args: readonly string[], out: Output, err: Output): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    err(`simulate: ${parsed}`);
    err(`Usage:\n${SIMULATE_USAGE}`);
    return 2;
  }
  const read = (file: string): string | undefined => {
    try {
      return decodeConfigBytes(new Uint8Array(readFileSync(file))).text;
    } catch (error) {
      err(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
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
  let requests: SimulationRequest[];
  if (parsed.requestsFile !== undefined) {
    const text = read(parsed.requestsFile);
    if (text === undefined) return 2;
    const list = parseRequestsFile(text);
    if (typeof list === 'string') {
      err(`${parsed.requestsFile}: ${list}`);
      return 2;
    }
    requests = list;
  } else requests = parsed.single === undefined ? [] : [parsed.single];

  if (parsed.usersFile !== undefined) {
    const checked = readJson(parsed.usersFile, parseWorkspaceUsers);
    if (!checked.ok) return 2;
    workspace.users = checked.value.users;
  }
  const needTrace = parsed.trace || parsed.freb !== undefined;
  const simulation = createSimulation(workspace, { seed: parsed.seed, trace: needTrace });
  for (const request of requests) {
    simulation.send(request);
    if (request.at === undefined) simulation.runUntilIdle();
  }
  simulation.runUntilIdle();
  const results = [...simulation.results()].sort((a, b) => a.requestId - b.requestId);
  if (parsed.freb !== undefined) mkdirSync(parsed.freb, { recursive: true });
  for (const result of results) {
    if (parsed.freb !== undefined) {
      const siteId = model.sites.sites.find((s) => s.name === result.site)?.id ?? 0;
      writeFileSync(join(parsed.freb, `fr${String(result.requestId).padStart(6, '0')}.xml`), toFrebXml(result, { siteId }));
    }
    out(JSON.stringify(toOutput(parsed.trace ? result : { ...result, trace: [] })));
  }
  return 0;
}
