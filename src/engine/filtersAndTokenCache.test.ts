/**
 * IsapiFilterModule loading the `<isapiFilters>` DLLs (preconditions, missing DLLs, bitness) and
 * TokenCacheModule sparing a Basic logon its LogonUser.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COSTS } from './costs.ts';
import { code, defaultAppPool, scenario, type ScenarioSpec } from './testing/scenario.ts';
import type { RequestResult } from './types.ts';

const FILTERS_END = '</isapiFilters>';
const addFilter = (filter: string) => (config: string): string => config.replace(FILTERS_END, `${filter}\n        ${FILTERS_END}`);
const both = (...edits: ((c: string) => string)[]) => (config: string): string => edits.reduce((c, edit) => edit(c), config);

function filterEvents(result: RequestResult) {
  return result.trace.filter((e) => e.event === 'ISAPI_FILTERS_LOADED');
}

describe('ISAPI filters', () => {
  it('loads the filters whose preCondition holds on the application\'s first request, and lists the others', () => {
    const s = scenario();
    const first = s.request('/iisstart.htm');
    const [loaded] = filterEvents(first);
    expect(code(first)).toBe('200.0');
    expect(loaded?.module).toBe('IsapiFilterModule');
    // DefaultAppPool: v4.0, 64-bit. Only ASP.Net_4.0_64bit holds.
    expect(loaded?.detail).toMatch(/loads the ISAPI filters ASP\.Net_4\.0_64bit;/);
    expect(loaded?.detail).toMatch(/ASP\.Net_4\.0_32bit \(preCondition bitness32 does not hold\)/);
    expect(loaded?.detail).toMatch(/ASP\.Net_2\.0\.50727-64 \(preCondition runtimeVersionv2\.0 does not hold\)/);
    // Loaded once per application and worker.
    expect(filterEvents(s.request('/iisstart.png'))).toHaveLength(0);
  });

  it('a 32-bit pool loads the 32-bit filter instead', () => {
    const s = scenario({ editConfig: defaultAppPool('enable32BitAppOnWin64="true"') });
    expect(filterEvents(s.request('/iisstart.htm'))[0]?.detail).toMatch(/loads the ISAPI filters ASP\.Net_4\.0_32bit;/);
  });

  const missing: ScenarioSpec = { editConfig: addFilter('<filter name="Rewriter" path="D:\\filters\\rewriter.dll" />') };

  it('500.0 for every request when a filter DLL does not exist, decided by IIS Web Core', () => {
    const s = scenario(missing);
    for (const url of ['/iisstart.htm', '/iisstart.htm', '/missing.htm']) {
      const result = s.request(url);
      expect(code(result)).toBe('500.0');
      expect(result.decidedBy).toBe('IIS Web Core');
      expect(result.reason).toMatch(/LoadLibraryEx on ISAPI filter "D:\\filters\\rewriter\.dll" failed: isapiFilters lists Rewriter/);
    }
    const status = s.simulation.results()[0]?.trace.find((e) => e.event === 'MODULE_SET_RESPONSE_ERROR_STATUS');
    expect(status?.data?.ErrorCode).toBe('0x8007007e');
  });

  it('the same filter loads when the workspace has the DLL', () => {
    const s = scenario({ editConfig: addFilter('<filter name="Rewriter" path="%SystemDrive%\\inetpub\\wwwroot\\bin\\rewriter.dll" />'), files: { 'bin/rewriter.dll': 'MZ' } });
    const result = s.request('/iisstart.htm');
    expect(code(result)).toBe('200.0');
    expect(filterEvents(result)[0]?.detail).toMatch(/ASP\.Net_4\.0_64bit, Rewriter;/);
  });

  it('500.0 (0x800700c1) for a 32-bit filter without a bitness precondition in a 64-bit pool; 200 once the pool runs 32-bit', () => {
    const filter = addFilter('<filter name="Old32" path="%windir%\\Microsoft.NET\\Framework\\v4.0.30319\\old_filter.dll" />');
    const wrong = scenario({ editConfig: filter }).request('/iisstart.htm');
    expect(code(wrong)).toBe('500.0');
    expect(wrong.reason).toMatch(/32-bit DLL and the pool's w3wp\.exe is 64-bit/);
    expect(wrong.trace.find((e) => e.event === 'MODULE_SET_RESPONSE_ERROR_STATUS')?.data?.ErrorCode).toBe('0x800700c1');
    const right = scenario({ editConfig: both(filter, defaultAppPool('enable32BitAppOnWin64="true"')) }).request('/iisstart.htm');
    expect(code(right)).toBe('200.0');
  });

  it('a disabled filter is not loaded, so its missing DLL does no harm', () => {
    const s = scenario({ editConfig: addFilter('<filter name="Rewriter" path="D:\\filters\\rewriter.dll" enabled="false" />') });
    const result = s.request('/iisstart.htm');
    expect(code(result)).toBe('200.0');
    expect(filterEvents(result)[0]?.detail).toMatch(/Rewriter \(enabled="false"\)/);
  });

  it('without IsapiFilterModule in globalModules no filter is loaded', () => {
    const withoutModule = (c: string): string => c.replace(/<add name="IsapiFilterModule" image="[^"]*" \/>/, '').replace('<add name="IsapiFilterModule" lockItem="true" />', '');
    const result = scenario({ editConfig: both(missing.editConfig ?? ((c) => c), withoutModule) }).request('/iisstart.htm');
    expect(code(result)).toBe('200.0');
    expect(filterEvents(result)).toHaveLength(0);
  });
});

describe('TokenCacheModule', () => {
  const basicOnly = (c: string): string =>
    c.replace('</configuration>', '<location path="Default Web Site"><system.webServer><security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" /></authentication></security></system.webServer></location>\n</configuration>');
  const alice = { method: 'GET', url: '/iisstart.htm', user: 'alice:alice-pw' };

  /** Time between BasicAuthenticationModule's NOTIFY_MODULE_START and END at AuthenticateRequest. */
  function basicModuleTime(result: RequestResult): number {
    const events = result.trace.filter((e) => e.module === 'BasicAuthenticationModule' && e.notification === 'AUTHENTICATE_REQUEST' && !e.isPost);
    const start = events.find((e) => e.event === 'NOTIFY_MODULE_START');
    const end = events.find((e) => e.event === 'NOTIFY_MODULE_END');
    if (start === undefined || end === undefined) throw new Error('BasicAuthenticationModule did not run at AuthenticateRequest');
    return end.t - start.t;
  }
  const succeeded = (result: RequestResult) => result.trace.find((e) => e.event === 'AUTH_SUCCEEDED' && e.module === 'BasicAuthenticationModule');

  for (const memoize of [true, false]) {
    it(`the first Basic logon pays for LogonUser, the next ones take the token from the cache (memoize ${String(memoize)})`, () => {
      const s = scenario({ editConfig: basicOnly, options: { memoize } });
      const first = s.request(alice);
      const second = s.request(alice);
      const third = s.request(alice);
      for (const r of [first, second, third]) expect(code(r)).toBe('200.0');
      expect(basicModuleTime(first)).toBeGreaterThanOrEqual(DEFAULT_COSTS.logonUser);
      expect(succeeded(first)?.detail).toMatch(/LogonUser made a token for alice/);
      for (const r of [second, third]) {
        expect(basicModuleTime(r)).toBeLessThan(DEFAULT_COSTS.logonUser / 2);
        expect(succeeded(r)?.detail).toMatch(/came from TokenCacheModule's cache/);
      }
    });
  }

  it('a token is kept for UserTokenTTL (900 s): after that, LogonUser again', () => {
    const s = scenario({ editConfig: basicOnly });
    s.request(alice);
    const later = s.simulation.now() + 901_000;
    // Keep the worker alive past the TTL: idle timeout is 20 minutes, so a request every 10 minutes.
    s.request({ ...alice, url: '/iisstart.png', at: s.simulation.now() + 600_000 });
    const expired = s.request({ ...alice, at: later });
    expect(code(expired)).toBe('200.0');
    expect(basicModuleTime(expired)).toBeGreaterThanOrEqual(DEFAULT_COSTS.logonUser);
  });

  it('a wrong password pays for LogonUser every time and is never cached (401.1)', () => {
    const s = scenario({ editConfig: basicOnly });
    for (let i = 0; i < 2; i++) {
      const wrong = s.request({ ...alice, user: 'alice:nope' });
      expect(code(wrong)).toBe('401.1');
      expect(basicModuleTime(wrong)).toBeGreaterThanOrEqual(DEFAULT_COSTS.logonUser);
    }
  });

  it('without TokenCacheModule in globalModules every request pays for its logon', () => {
    const withoutCache = (c: string): string => c.replace(/<add name="TokenCacheModule" image="[^"]*" \/>/, '');
    const s = scenario({ editConfig: both(basicOnly, withoutCache) });
    for (let i = 0; i < 3; i++) expect(basicModuleTime(s.request(alice))).toBeGreaterThanOrEqual(DEFAULT_COSTS.logonUser);
  });
});
