/**
 * One workspace, one answer: the same requests on the same imported applicationHost.config give the same
 * results through `npm run cli -- simulate` (run here as a process, as a person runs it) and through the
 * engine client the app uses (engineHost.ts, in-process), on the workspace the app builds on import.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readFixture, SHARED_FIXTURES } from '../../test-support/sharedFixtures.ts';
import { DEFAULT_APPLICATION_HOST_CONFIG, workspaceForApplicationHost, type Workspace } from '../config/index.ts';
import type { RequestResult, SimulationRequest } from '../engine/index.ts';
import { createInProcessEngineClient } from './engineHost.ts';

const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'iis-flow-parity-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The fields a person compares: the CLI prints these (startTime and endTime rounded to the microsecond). */
function comparable(result: Record<string, unknown>): Record<string, unknown> {
  const round = (value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value);
  return {
    url: result.url,
    status: result.status,
    subStatus: result.subStatus,
    site: result.site ?? null,
    application: result.application ?? null,
    appPool: result.appPool ?? null,
    workerProcess: result.workerProcess ?? null,
    handler: result.handler ?? null,
    servedFrom: result.servedFrom,
    decidedBy: result.decidedBy,
    reason: result.reason,
    bytesSent: result.bytesSent,
    startTime: round(result.startTime),
    endTime: round(result.endTime),
  };
}

function runCli(configFile: string, requests: readonly SimulationRequest[]): Record<string, unknown>[] {
  const requestsFile = join(folder, `requests-${String(Math.random()).slice(2)}.jsonl`);
  writeFileSync(requestsFile, requests.map((r) => JSON.stringify(r)).join('\n'));
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', '--config', configFile, '--requests', requestsFile], { cwd: ROOT, encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`the CLI exited ${String(cli.status)}: ${cli.stderr}`);
  return cli.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The app: a load, then each request sent on its own as the request composer sends it. */
async function runApp(workspace: Workspace, requests: readonly SimulationRequest[]): Promise<RequestResult[]> {
  const client = createInProcessEngineClient();
  await client.request({ type: 'load', workspace, seed: 1 });
  const results: RequestResult[] = [];
  for (const request of requests) results.push(...(await client.request({ type: 'send', requests: [request] })).results);
  client.dispose();
  return results;
}

const get = (url: string): SimulationRequest => ({ method: 'GET', url });

describe('the CLI and the app give the same answer', () => {
  it('on fixture 01, including www.ikinci.com and the stopped Default Web Site', async () => {
    const requests = [
      get('http://www.ikinci.com/'),
      get('http://www.ikinci.com/iisstart.htm'),
      get('http://www.ikinci.com/iisstart.htm'),
      get('http://www.ikinci.com/iisstart.htm'),
      get('http://redisoncloud.com/hello.aspx'),
      get('http://deneme.com/missing.htm'),
      get('http://localhost/'),
      get('http://nobody.example/'),
    ];
    const cli = runCli(join(SHARED_FIXTURES, FIXTURE_01), requests);
    const app = await runApp(workspaceForApplicationHost(readFixture(FIXTURE_01)), requests);
    expect(cli).toHaveLength(requests.length);
    expect(app.map((r) => comparable({ ...r }))).toEqual(cli.map(comparable));
    // The answers themselves: the site's folder holds the default content in both, so www.ikinci.com is
    // served (not 404.0 "the folder does not exist"), and a repeat comes from the kernel cache.
    // Fixture 01's defaultDocument list has no iisstart.htm: the folder is there, listing is off (403.14).
    expect(cli[0]).toMatchObject({ site: 'ikinci.com', status: 403, subStatus: 14 });
    expect(cli[1]?.status).toBe(200);
    expect(cli[3]?.servedFrom).toBe('kernel-cache');
    // hello.aspx is there, but fixture 01 has no ASP.NET handler: the file is found and refused (404.3).
    expect(cli[4]).toMatchObject({ status: 404, subStatus: 3 });
    expect(cli[5]).toMatchObject({ status: 404, subStatus: 0 });
    expect(String(cli[6]?.reason)).toContain('Default Web Site');
  });

  it('on the default workspace', async () => {
    const configFile = join(folder, 'applicationHost.config');
    writeFileSync(configFile, DEFAULT_APPLICATION_HOST_CONFIG);
    const requests = [get('http://localhost/'), get('http://localhost/hello.aspx'), get('http://localhost/x.mdb'), { method: 'POST', url: 'http://localhost/hello.aspx' }];
    const cli = runCli(configFile, requests);
    const app = await runApp(workspaceForApplicationHost(DEFAULT_APPLICATION_HOST_CONFIG), requests);
    expect(app.map((r) => comparable({ ...r }))).toEqual(cli.map(comparable));
    expect(cli.map((r) => `${String(r.status)}.${String(r.subStatus)}`)).toEqual(['200.0', '200.0', '404.7', '200.0']);
  });
});
