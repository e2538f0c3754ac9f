import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, serializeWorkspaceBundle } from '../config/index.ts';
import { runCaptured } from './testStreams.ts';
import { parseRequestsFile } from './simulate.ts';

const run = runCaptured;

const dir = mkdtempSync(join(tmpdir(), 'iisflow-sim-'));
const config = join(dir, 'applicationHost.config');
writeFileSync(config, defaultWorkspace().applicationHostConfig);

describe('simulate', () => {
  it('answers one request with the documented fields', async () => {
    const result = (await run(['simulate', '--config', config, 'GET', 'http://localhost/x.mdb']));
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    const line = JSON.parse(result.out[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ status: 404, subStatus: 7, site: 'Default Web Site', appPool: 'DefaultAppPool', handler: 'StaticFile', servedFrom: 'worker', decidedBy: 'RequestFilteringModule' });
    expect(typeof line.workerProcess).toBe('number');
    expect(line.trace).toEqual([]);
  });

  it('runs a requests file through one simulation: a cold start, then the kernel cache', async () => {
    const requests = join(dir, 'requests.jsonl');
    writeFileSync(requests, ['/iisstart.htm', '/iisstart.htm', '/iisstart.htm'].map((url) => JSON.stringify({ method: 'GET', url: `http://localhost${url}` })).join('\n'));
    const result = (await run(['simulate', '--config', config, '--requests', requests, '--trace', 'full']));
    const lines = result.out.map((l) => JSON.parse(l) as { servedFrom: string; trace: { event: string }[]; endTime: number; startTime: number });
    expect(lines.map((l) => l.servedFrom)).toEqual(['worker', 'worker', 'kernel-cache']);
    expect(lines[0]?.trace.some((e) => e.event === 'WAS_START_WORKER')).toBe(true);
    expect(lines[1]?.trace.some((e) => e.event === 'WAS_START_WORKER')).toBe(false);
    expect((lines[0]?.endTime ?? 0) - (lines[0]?.startTime ?? 0)).toBeGreaterThan(100);
  });

  it('passes headers, client IP and credentials; uses --content', async () => {
    const content = join(dir, 'content.json');
    writeFileSync(content, JSON.stringify({ '%SystemDrive%\\inetpub\\wwwroot': { 'web.config': '<configuration><system.webServer><httpErrors errorMode="Custom" /></system.webServer></configuration>' } }));
    const result = (await run(['simulate', '--config', config, '--content', content, '--header', 'Accept-Encoding: gzip', '--client-ip', '10.0.0.9', '--user', 'alice:alice-pw', 'GET', 'http://localhost/nothing.htm']));
    const line = JSON.parse(result.out[0] ?? '{}') as { status: number; decidedBy: string };
    expect(line.status).toBe(404);
    expect(line.decidedBy).toBe('IIS Web Core');
  });

  it('reads files with attributes from --content: hidden (404.9) and an ACL (401.3); explains a bad file entry', async () => {
    const content = join(dir, 'attributes.json');
    writeFileSync(content, JSON.stringify({ '%SystemDrive%\\inetpub\\wwwroot': { 'hidden.htm': { text: 'x', hidden: true }, 'staff.htm': { text: 'x', readers: ['Administrators'] } } }));
    const hidden = JSON.parse((await run(['simulate', '--config', config, '--content', content, 'GET', 'http://localhost/hidden.htm'])).out[0] ?? '{}') as { status: number; subStatus: number };
    expect([hidden.status, hidden.subStatus]).toEqual([404, 9]);
    const staff = JSON.parse((await run(['simulate', '--config', config, '--content', content, 'GET', 'http://localhost/staff.htm'])).out[0] ?? '{}') as { status: number; subStatus: number };
    expect([staff.status, staff.subStatus]).toEqual([401, 3]);
    const bad = join(dir, 'bad-attributes.json');
    writeFileSync(bad, JSON.stringify({ 'C:\\site': { 'a.htm': { text: 'x', readers: 'IUSR' } } }));
    const refused = (await run(['simulate', '--config', config, '--content', bad, 'GET', 'http://localhost/']));
    expect(refused.code).toBe(2);
    expect(refused.err.join(' ')).toContain('"readers" must be a list of account or group names');
  });

  it('writes a FREB file per request with --freb', async () => {
    const freb = join(dir, 'freb');
    (await run(['simulate', '--config', config, '--freb', freb, 'GET', 'http://localhost/']));
    const files = readdirSync(freb);
    expect(files).toEqual(['fr000001.xml']);
    expect(readFileSync(join(freb, 'fr000001.xml'), 'utf8')).toContain('<failedRequest url="http://localhost/"');
  });

  it('reads a workspace file as the app exports it (--workspace): its configuration, content and users', async () => {
    const workspace = defaultWorkspace();
    const file = join(dir, 'workspace.json');
    // Basic authentication only, for one folder, in a <location> tag of applicationHost.config.
    const location = '<location path="Default Web Site/private"><system.webServer><security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" /></authentication></security></system.webServer></location>';
    const applicationHostConfig = workspace.applicationHostConfig.replace('</configuration>', `${location}\n</configuration>`);
    const root = Object.keys(workspace.content)[0] ?? '';
    const content = { [root]: { ...workspace.content[root], 'private/a.htm': '<p>private</p>' } };
    writeFileSync(file, serializeWorkspaceBundle({ applicationHostConfig, content, users: [{ name: 'carol', password: 'carol-pw', groups: ['Users'] }] }, 'exported'));
    const anonymous = (await run(['simulate', '--workspace', file, 'GET', 'http://localhost/private/a.htm']));
    expect(anonymous.code).toBe(0);
    expect(JSON.parse(anonymous.out[0] ?? '{}')).toMatchObject({ status: 401, subStatus: 2 });
    const carol = (await run(['simulate', '--workspace', file, '--user', 'carol:carol-pw', 'GET', 'http://localhost/private/a.htm']));
    expect(JSON.parse(carol.out[0] ?? '{}')).toMatchObject({ status: 200 });
    // alice is one of the defaults, not one of this workspace's users.
    const alice = (await run(['simulate', '--workspace', file, '--user', 'alice:alice-pw', 'GET', 'http://localhost/private/a.htm']));
    expect(JSON.parse(alice.out[0] ?? '{}')).toMatchObject({ status: 401, subStatus: 1 });
    const bad = join(dir, 'not-a-workspace.json');
    writeFileSync(bad, '{"content": {}}');
    const refused = (await run(['simulate', '--workspace', bad, 'GET', '/']));
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('not an IIS Flow workspace');
    expect((await run(['simulate', '--workspace', file, '--config', config, 'GET', '/'])).err[0]).toContain('without --config');
  });

  it('explains bad arguments and bad request files', async () => {
    expect((await run(['simulate', '--config', config])).err[0]).toContain('METHOD URL');
    expect((await run(['simulate', '--config', config, '--trace', 'some', 'GET', '/'])).code).toBe(2);
    expect(parseRequestsFile('{"method":"GET","url":"/"}\nnot json')).toBe('line 2: not JSON');
    expect(parseRequestsFile('{"method":"GET"}')).toBe('line 1: "method" and "url" must be strings');
    const atMessage = 'line 1: "at" must be a time in ms from 0 to 2592000000 (30 days)';
    expect(parseRequestsFile('{"method":"GET","url":"/","at":-1}')).toBe(atMessage);
    // Virtual time is bounded: 1e15 ms kept WAS's timers (pings, counter samples) running for ever.
    expect(parseRequestsFile('{"method":"GET","url":"/","at":1e15}')).toBe(atMessage);
    expect(parseRequestsFile('{"method":"GET","url":"/","at":1e300}')).toBe(atMessage);
    expect(parseRequestsFile('{"method":"GET","url":"/","at":2592000000}')).toEqual([{ method: 'GET', url: '/', at: 2592000000 }]);
    expect(parseRequestsFile('[1]')).toBe('line 1: expected an object');
  });
});
