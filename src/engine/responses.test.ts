/** What shapes responses: challenges, custom errors, compression, logs, recycling on time, 404.19, users. */
import { describe, expect, it } from 'vitest';
import { beforeEnd, code, scenario } from './testing/scenario.ts';

const site = (webServer: string): ((c: string) => string) => beforeEnd(`<location path="Default Web Site"><system.webServer>${webServer}</system.webServer></location>`);

describe('responses', () => {
  it('a 401 carries the WWW-Authenticate challenges of the enabled schemes', () => {
    const s = scenario({ editConfig: site('<security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" realm="shop" /><windowsAuthentication enabled="true" /></authentication></security>') });
    const result = s.request('/');
    expect(code(result)).toBe('401.2');
    expect(result.responseHeaders['WWW-Authenticate']).toBe('Negotiate, NTLM, Basic realm="shop"');
  });

  it('the right user with basic authentication gets in, and the log names them', () => {
    const s = scenario({ editConfig: site('<security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" /></authentication></security>') });
    expect(code(s.request({ method: 'GET', url: '/', user: 'alice:alice-pw' }))).toBe('200.0');
    expect(s.simulation.logs().w3c.at(-1)).toMatch(/ alice 127\.0\.0\.1 /);
  });

  it('workspace users replace the default ones', () => {
    const s = scenario({ editConfig: site('<security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" /></authentication></security>') });
    const workspace = { ...s.workspace, users: [{ name: 'carol', password: 'c', groups: [] }] };
    s.simulation.applyWorkspace(workspace);
    expect(code(s.request({ method: 'GET', url: '/', user: 'carol:c' }))).toBe('200.0');
    expect(code(s.request({ method: 'GET', url: '/', user: 'alice:alice-pw' }))).toBe('401.1');
  });

  it('errorMode="DetailedLocalOnly": detailed errors for a local client, the custom page for a remote one', () => {
    const s = scenario();
    const local = s.request('/missing.htm');
    const remote = s.request({ method: 'GET', url: '/missing.htm', clientIp: '203.0.113.9' });
    const sent = (r: typeof local): string | undefined => r.trace.find((e) => e.event === 'GENERAL_SEND_CUSTOM_ERROR')?.data?.FileNameOrURL;
    expect(sent(local)).toBe('');
    expect(sent(remote)).toBe('404.htm');
    expect(local.bytesSent).toBeGreaterThan(remote.bytesSent);
  });

  it('static compression once a file is frequently hit; dynamic compression of a managed page', () => {
    const big = `<html>${'<p>IIS Flow</p>'.repeat(400)}</html>`;
    const s = scenario({ files: { 'big.htm': big, 'page.aspx': '<%@ Page %>' } });
    const gzip = { 'Accept-Encoding': 'gzip, deflate' };
    const first = s.request({ method: 'GET', url: '/big.htm', headers: gzip });
    const second = s.request({ method: 'GET', url: '/big.htm', headers: gzip });
    expect(first.responseHeaders['Content-Encoding']).toBeUndefined();
    expect(second.responseHeaders['Content-Encoding']).toBe('gzip');
    expect(second.bytesSent).toBeLessThan(first.bytesSent);
    const page = s.request({ method: 'GET', url: '/page.aspx', headers: gzip });
    expect(page.responseHeaders['Content-Encoding']).toBe('gzip');
    expect(page.trace.some((e) => e.event === 'DYNAMIC_COMPRESSION_START')).toBe(true);
  });

  it('a kernel-cached response is cached per encoding: a gzip client does not get the identity copy', () => {
    const s = scenario();
    for (let i = 0; i < 3; i++) s.request('/iisstart.htm');
    expect(s.request('/iisstart.htm').servedFrom).toBe('kernel-cache');
    expect(s.request({ method: 'GET', url: '/iisstart.htm', headers: { 'Accept-Encoding': 'gzip' } }).servedFrom).toBe('worker');
  });

  it('writes W3C lines for served requests and HTTPERR lines for what HTTP.sys refused', () => {
    const s = scenario();
    s.request('/');
    s.request('http://localhost:81/');
    const { w3c, httpErr } = s.simulation.logs();
    expect(w3c[0]).toMatch(/^#Fields: date time s-ip cs-method cs-uri-stem/);
    expect(w3c[1]).toMatch(/^2026-01-01 00:00:00 127\.0\.0\.1 GET \/ - 80 - 127\.0\.0\.1 - - 200 0 0 \d+$/);
    expect(httpErr[1]).toMatch(/ GET \/ 400 - Hostname -$/);
  });

  it('recycles a worker when periodicRestart time has passed', () => {
    const s = scenario({ editConfig: (c) => c.replace('<add name="DefaultAppPool" />', '<add name="DefaultAppPool"><recycling><periodicRestart time="00:05:00" /></recycling></add>') });
    const first = s.request('/');
    s.simulation.runUntil(s.simulation.now() + 6 * 60_000);
    expect(s.simulation.trace().some((e) => e.event === 'WAS_RECYCLE' && (e.detail ?? '').includes('periodicRestart time'))).toBe(true);
    expect(s.request('/').workerProcess).not.toBe(first.workerProcess);
  });

  it('404.19 a request filtering rule', () => {
    const s = scenario({
      editConfig: site(
        '<security><requestFiltering><filteringRules><filteringRule name="NoSql" scanUrl="false" scanQueryString="true"><appliesTo><add fileExtension=".htm" /></appliesTo><denyStrings><add string="drop table" /></denyStrings></filteringRule></filteringRules></requestFiltering></security>',
      ),
    });
    const result = s.request('/iisstart.htm?q=drop table');
    expect(code(result)).toBe('404.19');
    expect(result.reason).toContain('NoSql');
    expect(code(s.request('/iisstart.htm?q=select'))).toBe('200.0');
  });
});
