/**
 * Request filtering through the engine: every substatus of its table, each with a request that trips
 * exactly that check, the order IIS reports when several deny one request, and the answers that depend
 * on the workspace's IIS version (413.1 and 431 on IIS 10, 404.13 and 404.10 before it).
 */
import { describe, expect, it } from 'vitest';
import type { IisVersion } from '../config/index.ts';
import { code, scenario, webConfig } from './testing/scenario.ts';
import type { SimulationRequest } from './types.ts';

/** A web.config at the site's root with this requestFiltering content (and attributes). */
function filtering(inner: string, attributes = ''): Record<string, string> {
  return { 'web.config': webConfig(`<security><requestFiltering ${attributes}>${inner}</requestFiltering></security>`) };
}

function answer(request: SimulationRequest | string, files: Record<string, string> = {}, iisVersion?: IisVersion): { code: string; decidedBy: string; notification: string | undefined } {
  const result = scenario({ files: { 'a.htm': 'a', ...files }, ...(iisVersion === undefined ? {} : { iisVersion }) }).request(request);
  const error = result.trace.find((e) => e.event === 'MODULE_SET_RESPONSE_ERROR_STATUS');
  return { code: code(result), decidedBy: result.decidedBy, notification: error?.notification };
}

const LONG_HEADER = filtering('<requestLimits><headerLimits><add header="User-Agent" sizeLimit="10" /></headerLimits></requestLimits>');

describe('request filtering: each substatus through the engine', () => {
  const cases: { name: string; request: SimulationRequest | string; files?: Record<string, string>; iisVersion?: IisVersion; expect: string }[] = [
    { name: '413.1 Content-Length over maxAllowedContentLength (IIS 10)', request: { method: 'POST', url: '/a.htm', headers: { 'Content-Length': '40000000' } }, expect: '413.1' },
    { name: '404.13 the same on IIS 8.5', request: { method: 'POST', url: '/a.htm', headers: { 'Content-Length': '40000000' } }, iisVersion: '8.5', expect: '404.13' },
    { name: '404.13 the same on IIS 7.5', request: { method: 'POST', url: '/a.htm', bodySize: 40_000_000 }, iisVersion: '7.5', expect: '404.13' },
    { name: '404.14 URL over maxUrl', request: '/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.htm', files: filtering('<requestLimits maxUrl="20" />'), expect: '404.14' },
    { name: '404.15 query string over maxQueryString', request: '/a.htm?abcdefgh', files: filtering('<requestLimits maxQueryString="5" />'), expect: '404.15' },
    { name: '431 header over headerLimits (IIS 10)', request: { method: 'GET', url: '/a.htm', headers: { 'User-Agent': 'a very long user agent' } }, files: LONG_HEADER, expect: '431.0' },
    { name: '404.10 the same on IIS 8.0', request: { method: 'GET', url: '/a.htm', headers: { 'User-Agent': 'a very long user agent' } }, files: LONG_HEADER, iisVersion: '8.0', expect: '404.10' },
    { name: '404.5 denyUrlSequences', request: '/x..y/a.htm', files: filtering('<denyUrlSequences><add sequence=".." /></denyUrlSequences>'), expect: '404.5' },
    { name: '404.6 verbs', request: { method: 'PUT', url: '/a.htm' }, files: filtering('<verbs><add verb="PUT" allowed="false" /></verbs>'), expect: '404.6' },
    { name: '404.7 fileExtensions', request: '/data.xyz', files: { 'data.xyz': 'x', ...filtering('<fileExtensions><add fileExtension=".xyz" allowed="false" /></fileExtensions>') }, expect: '404.7' },
    { name: '404.8 hiddenSegments', request: '/App_Data/a.htm', expect: '404.8' },
    { name: '404.11 double escaping', request: '/a%2541.htm', expect: '404.11' },
    { name: '404.12 high-bit characters', request: '/caf%C3%A9.htm', files: filtering('', 'allowHighBitCharacters="false"'), expect: '404.12' },
    { name: '404.18 denyQueryStringSequences', request: '/a.htm?x=drop', files: filtering('<denyQueryStringSequences><add sequence="drop" /></denyQueryStringSequences>'), expect: '404.18' },
    {
      name: '404.19 filteringRules',
      request: '/a.htm?q=select',
      files: filtering('<filteringRules><filteringRule name="sql" scanUrl="false" scanQueryString="true"><denyStrings><add string="select" /></denyStrings></filteringRule></filteringRules>'),
      expect: '404.19',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = answer(c.request, c.files, c.iisVersion);
      expect(got).toEqual({ code: c.expect, decidedBy: 'RequestFilteringModule', notification: 'BEGIN_REQUEST' });
    });
  }
});

describe('the IIS version', () => {
  it('names itself in the Server header', () => {
    expect(scenario({ iisVersion: '8.5' }).request('/iisstart.htm').responseHeaders.Server).toBe('Microsoft-IIS/8.5');
    expect(scenario().request('/iisstart.htm').responseHeaders.Server).toBe('Microsoft-IIS/10.0');
  });
});

describe('request filtering: which check IIS reports when several deny one request', () => {
  it('a request for web.config is 404.8 (hidden segment), not 404.7 (the denied .config extension)', () => {
    // The default configuration denies .config in fileExtensions and hides web.config.
    expect(answer('/web.config').code).toBe('404.8');
    expect(answer('/shop/web.config', { 'shop/web.config': webConfig('') }).code).toBe('404.8');
  });

  it('a .config file outside a hidden segment is still 404.7', () => {
    expect(answer('/app.config', { 'app.config': '<x/>' }).code).toBe('404.7');
  });

  it('request limits come before the URL checks: an over-long header on a hidden segment is 431', () => {
    expect(answer({ method: 'GET', url: '/bin/a.htm', headers: { 'User-Agent': 'a very long user agent' } }, LONG_HEADER).code).toBe('431.0');
  });

  it('the Content-Length header decides at BeginRequest, before the verb and the handler', () => {
    const files = filtering('<verbs><add verb="PUT" allowed="false" /></verbs>');
    expect(answer({ method: 'PUT', url: '/bin/a.htm', headers: { 'Content-Length': '40000000' } }, files).code).toBe('413.1');
  });

  it('a denied verb is reported before a hidden segment', () => {
    const files = filtering('<verbs><add verb="PUT" allowed="false" /></verbs>');
    expect(answer({ method: 'PUT', url: '/bin/a.htm' }, files).code).toBe('404.6');
  });
});
