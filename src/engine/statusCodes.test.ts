/**
 * One test per status and substatus the engine produces, each naming the configuration and request
 * that lead to it (fact sheet §4).
 */
import { describe, expect, it } from 'vitest';
import { beforeEnd, code, defaultAppPool, scenario, webConfig, type ScenarioSpec } from './testing/scenario.ts';
import type { SimulationRequest } from './types.ts';

const siteLocation = (webServer: string, systemWeb = ''): ((c: string) => string) =>
  beforeEnd(`<location path="Default Web Site">${systemWeb === '' ? '' : `<system.web>${systemWeb}</system.web>`}<system.webServer>${webServer}</system.webServer></location>`);

const wildcardMimeMap = (c: string): string => c.replace('<staticContent lockAttributes="isDocFooterFileName">', '<staticContent lockAttributes="isDocFooterFileName">\n<mimeMap fileExtension=".*" mimeType="application/octet-stream" />');

const basicOnly = siteLocation(
  '<security><authentication><anonymousAuthentication enabled="false" /><basicAuthentication enabled="true" /></authentication></security>',
);

interface Case {
  name: string;
  spec?: ScenarioSpec;
  /** Requests sent first (e.g. to warm a cache). */
  before?: (SimulationRequest | string)[];
  request: SimulationRequest | string;
  expect: string;
  decidedBy: string;
  servedFrom?: 'http.sys' | 'kernel-cache' | 'worker';
  reason?: RegExp;
}

const cases: Case[] = [
  { name: '200 a static file', request: '/iisstart.htm', expect: '200.0', decidedBy: 'StaticFileModule', servedFrom: 'worker' },
  { name: '200 the default document of /', request: '/', expect: '200.0', decidedBy: 'DefaultDocumentModule', reason: /iisstart\.htm/ },
  {
    name: '200 from the kernel cache on a frequently hit static file',
    before: ['/iisstart.htm', '/iisstart.htm'],
    request: '/iisstart.htm',
    expect: '200.0',
    decidedBy: 'HTTP.sys',
    servedFrom: 'kernel-cache',
  },
  { name: '200 a directory listing when directoryBrowse is enabled', spec: { files: { 'docs/a.txt': 'a' }, editConfig: (c) => c.replace('<directoryBrowse enabled="false" />', '<directoryBrowse enabled="true" />') }, request: '/docs/', expect: '200.0', decidedBy: 'DirectoryListingModule' },
  { name: '200 OPTIONS by ProtocolSupportModule', request: { method: 'OPTIONS', url: '/' }, expect: '200.0', decidedBy: 'ProtocolSupportModule' },
  { name: '301 the courtesy redirect of a folder without its slash', spec: { files: { 'docs/a.txt': 'a' } }, request: '/docs', expect: '301.0', decidedBy: 'DefaultDocumentModule' },
  {
    name: '302 httpRedirect',
    spec: { editConfig: siteLocation('<httpRedirect enabled="true" destination="https://www.example.com" />') },
    request: '/page.htm',
    expect: '302.0',
    decidedBy: 'HttpRedirectionModule',
    reason: /https:\/\/www\.example\.com\/page\.htm/,
  },
  {
    name: '302 Forms authentication sends an anonymous user to the login page (Integrated)',
    spec: { files: { 'secret.aspx': '<%@ Page %>', 'web.config': webConfig('', '<authentication mode="Forms"><forms loginUrl="~/login.aspx" /></authentication><authorization><deny users="?" /></authorization>') } },
    request: '/secret.aspx',
    expect: '302.0',
    decidedBy: 'FormsAuthentication',
    reason: /login\.aspx/,
  },
  { name: '400 Bad Request - Invalid Hostname', request: 'http://nobody.example:8080/', expect: '400.0', decidedBy: 'HTTP.sys', servedFrom: 'http.sys', reason: /Invalid Hostname/ },
  { name: '400 an invalid verb', request: { method: 'G(T', url: '/' }, expect: '400.0', decidedBy: 'HTTP.sys', servedFrom: 'http.sys', reason: /verb/ },
  { name: '401.1 wrong password (basic)', spec: { editConfig: basicOnly }, request: { method: 'GET', url: '/', user: 'alice:wrong' }, expect: '401.1', decidedBy: 'BasicAuthenticationModule' },
  { name: '401.2 no credentials with anonymous disabled', spec: { editConfig: basicOnly }, request: '/', expect: '401.2', decidedBy: 'IIS Web Core' },
  {
    name: '401.2 URL authorization denies anonymous users',
    spec: { editConfig: siteLocation('<security><authorization><add accessType="Deny" users="?" /></authorization></security>') },
    request: '/',
    expect: '401.2',
    decidedBy: 'UrlAuthorizationModule',
  },
  { name: '403.6 ipSecurity denies the client', spec: { editConfig: siteLocation('<security><ipSecurity allowUnlisted="false" /></security>') }, request: { method: 'GET', url: '/', clientIp: '10.1.2.3' }, expect: '403.6', decidedBy: 'IpRestrictionModule' },
  { name: '403.14 a folder with no default document and directoryBrowse off', spec: { files: { 'docs/a.txt': 'a' } }, request: '/docs/', expect: '403.14', decidedBy: 'DirectoryListingModule' },
  { name: '404.0 a missing static file', request: '/missing.htm', expect: '404.0', decidedBy: 'IIS Web Core' },
  { name: '404.3 a file with no mimeMap', spec: { files: { 'data.xyz': 'x' } }, request: '/data.xyz', expect: '404.3', decidedBy: 'StaticFileModule' },
  {
    name: '404.17 script whose handler is passed over for its preCondition, matched by a wildcard mimeMap',
    spec: { editConfig: (c) => wildcardMimeMap(defaultAppPool('managedRuntimeVersion=""')(c)) },
    request: '/hello.aspx',
    expect: '404.17',
    decidedBy: 'StaticFileModule',
    reason: /PageHandlerFactory-ISAPI-4\.0_64bit was passed over/,
  },
  { name: '404.3 the same script without the wildcard mimeMap', spec: { editConfig: defaultAppPool('managedRuntimeVersion=""') }, request: '/hello.aspx', expect: '404.3', decidedBy: 'StaticFileModule' },
  { name: '200 a file served through the wildcard mimeMap', spec: { editConfig: wildcardMimeMap, files: { 'data.xyz': 'x' } }, request: '/data.xyz', expect: '200.0', decidedBy: 'StaticFileModule' },
  { name: '404.9 a file with the hidden attribute', spec: { files: { 'secret.htm': { text: '<p>x</p>', hidden: true } } }, request: '/secret.htm', expect: '404.9', decidedBy: 'IIS Web Core', reason: /hidden attribute/ },
  {
    name: '401.3 a file whose ACL does not let IUSR read it (anonymous request)',
    spec: { files: { 'staff.htm': { text: '<p>x</p>', readers: ['Administrators', 'Users'] } } },
    request: '/staff.htm',
    expect: '401.3',
    decidedBy: 'StaticFileModule',
    reason: /lets Administrators, Users read it, not IUSR/,
  },
  {
    name: '200 the same file for a Basic user in Users',
    spec: { files: { 'staff.htm': { text: '<p>x</p>', readers: ['Administrators', 'Users'] } }, editConfig: basicOnly },
    request: { method: 'GET', url: '/staff.htm', user: 'bob:bob-pw' },
    expect: '200.0',
    decidedBy: 'StaticFileModule',
  },
  {
    name: '401.3 a default document the anonymous identity (the pool identity when userName is empty) may not read',
    spec: {
      files: { 'iisstart.htm': { text: '<p>x</p>', readers: ['IUSR'] } },
      editConfig: (c) => c.replace('<anonymousAuthentication enabled="true" userName="IUSR" />', '<anonymousAuthentication enabled="true" userName="" />'),
    },
    request: '/',
    expect: '401.3',
    decidedBy: 'DefaultDocumentModule',
    reason: /not IIS AppPool\\DefaultAppPool \(IIS_IUSRS\)/,
  },
  {
    name: '500.0 an ISAPI filter DLL that does not exist',
    spec: { editConfig: (c) => c.replace('</isapiFilters>', '<filter name="Rewriter" path="D:\\filters\\rewriter.dll" /></isapiFilters>') },
    request: '/iisstart.htm',
    expect: '500.0',
    decidedBy: 'IIS Web Core',
    reason: /LoadLibraryEx on ISAPI filter/,
  },
  { name: '404.4 no handler matches', spec: { files: { 'web.config': webConfig('<handlers><clear /></handlers>') } }, request: '/iisstart.htm', expect: '404.4', decidedBy: 'IIS Web Core' },
  {
    name: '404.5 a denied URL sequence',
    spec: { editConfig: siteLocation('<security><requestFiltering><denyUrlSequences><add sequence=".." /></denyUrlSequences></requestFiltering></security>') },
    request: '/a..b/x.htm',
    expect: '404.5',
    decidedBy: 'RequestFilteringModule',
  },
  { name: '404.6 a denied verb', spec: { editConfig: siteLocation('<security><requestFiltering><verbs><add verb="DELETE" allowed="false" /></verbs></requestFiltering></security>') }, request: { method: 'DELETE', url: '/iisstart.htm' }, expect: '404.6', decidedBy: 'RequestFilteringModule' },
  { name: '404.7 a denied file extension', request: '/x.mdb', expect: '404.7', decidedBy: 'RequestFilteringModule', reason: /\.mdb.*fileExtensions/ },
  { name: '404.8 a hidden segment', request: '/App_Data/db.txt', expect: '404.8', decidedBy: 'RequestFilteringModule' },
  { name: '404.11 a double-escaped URL', request: '/a%2520b.htm', expect: '404.11', decidedBy: 'RequestFilteringModule' },
  {
    name: '404.12 high-bit characters when they are not allowed',
    spec: { editConfig: siteLocation('<security><requestFiltering allowHighBitCharacters="false" /></security>') },
    request: '/caf%C3%A9.htm',
    expect: '404.12',
    decidedBy: 'RequestFilteringModule',
  },
  { name: '404.14 a URL over maxUrl', spec: { editConfig: siteLocation('<security><requestFiltering><requestLimits maxUrl="20" /></requestFiltering></security>') }, request: '/a-rather-long-url-indeed.htm', expect: '404.14', decidedBy: 'RequestFilteringModule' },
  { name: '404.15 a query string over maxQueryString', request: `/iisstart.htm?${'q'.repeat(2100)}`, expect: '404.15', decidedBy: 'RequestFilteringModule' },
  {
    name: '404.18 a denied query string sequence',
    spec: { editConfig: siteLocation('<security><requestFiltering><denyQueryStringSequences><add sequence="drop" /></denyQueryStringSequences></requestFiltering></security>') },
    request: '/iisstart.htm?x=drop',
    expect: '404.18',
    decidedBy: 'RequestFilteringModule',
  },
  { name: '405.0 POST to a static file', request: { method: 'POST', url: '/iisstart.htm' }, expect: '405.0', decidedBy: 'StaticFileModule' },
  { name: '413.1 a body over maxAllowedContentLength', request: { method: 'POST', url: '/iisstart.htm', bodySize: 40_000_000 }, expect: '413.1', decidedBy: 'RequestFilteringModule' },
  {
    name: '431 a header over its headerLimits',
    spec: { editConfig: siteLocation('<security><requestFiltering><requestLimits><headerLimits><add header="User-Agent" sizeLimit="10" /></headerLimits></requestLimits></requestFiltering></security>') },
    request: { method: 'GET', url: '/', headers: { 'User-Agent': 'a very long user agent' } },
    expect: '431.0',
    decidedBy: 'RequestFilteringModule',
  },
  {
    name: '500.19 a web.config that sets a locked section',
    spec: { files: { 'web.config': webConfig('<security><authentication><windowsAuthentication enabled="true" /></authentication></security>') } },
    request: '/',
    expect: '500.19',
    decidedBy: 'IIS Web Core',
    reason: /locked/,
  },
  { name: '500.19 a web.config that is not well formed', spec: { files: { 'web.config': '<configuration><system.webServer>' } }, request: '/', expect: '500.19', decidedBy: 'IIS Web Core' },
  {
    name: '500.21 a handler naming a module that is not installed',
    spec: { files: { 'web.config': webConfig('<handlers><add name="Broken" path="*.htm" verb="*" modules="NoSuchModule" /></handlers>') } },
    request: '/iisstart.htm',
    expect: '500.21',
    decidedBy: 'IIS Web Core',
  },
  {
    // The graph's "Remove module" on StaticFileModule: the StaticFile handler still names it.
    name: '500.21 the handler\'s module removed from <modules> (StaticFileModule)',
    spec: { editConfig: (c: string) => c.replace('<add name="StaticFileModule" lockItem="true" />', '') },
    request: '/iisstart.htm',
    expect: '500.21',
    decidedBy: 'IIS Web Core',
    reason: /Handler "StaticFile" has a bad module "StaticFileModule"/,
  },
  { name: '500.22 system.web/httpModules in Integrated mode', spec: { files: { 'web.config': webConfig('', '<httpModules><add name="M" type="M" /></httpModules>') } }, request: '/', expect: '500.22', decidedBy: 'ConfigurationValidationModule' },
  { name: '500.23 system.web/httpHandlers in Integrated mode', spec: { files: { 'web.config': webConfig('', '<httpHandlers><add verb="*" path="*.x" type="H" /></httpHandlers>') } }, request: '/', expect: '500.23', decidedBy: 'ConfigurationValidationModule' },
  { name: '500.24 identity impersonate in Integrated mode', spec: { files: { 'web.config': webConfig('', '<identity impersonate="true" />') } }, request: '/', expect: '500.24', decidedBy: 'ConfigurationValidationModule' },
  { name: '503 the application pool is stopped (autoStart="false")', spec: { editConfig: defaultAppPool('autoStart="false"') }, request: '/', expect: '503.0', decidedBy: 'HTTP.sys', servedFrom: 'http.sys', reason: /Disabled/ },
  { name: '503 the application of an undefined pool', spec: { editConfig: (c) => c.replace('applicationPool="DefaultAppPool"', 'applicationPool="Ghost"') }, request: '/', expect: '503.0', decidedBy: 'HTTP.sys' },
  {
    name: 'connection reset when the pool is stopped and loadBalancerCapabilities="TcpLevel"',
    spec: { editConfig: (c) => defaultAppPool('autoStart="false"')(c).replace('<add name="DefaultAppPool" autoStart="false" />', '<add name="DefaultAppPool" autoStart="false"><failure loadBalancerCapabilities="TcpLevel" /></add>') },
    request: '/',
    expect: '0.0',
    decidedBy: 'HTTP.sys',
  },
  { name: '403.4 SSL required over http', spec: { editConfig: siteLocation('<security><access sslFlags="Ssl" /></security>') }, request: '/', expect: '403.4', decidedBy: 'IIS Web Core' },
  {
    name: '404.20 more URL segments than maxUrlSegments',
    spec: { editConfig: (c) => c.replace('<site name="Default Web Site" id="1">', '<site name="Default Web Site" id="1"><limits maxUrlSegments="3" />') },
    request: '/a/b/c/d/e.htm',
    expect: '404.20',
    decidedBy: 'IIS Web Core',
  },
  {
    name: '404.2 a CGI program not allowed by isapiCgiRestriction',
    spec: { files: { 'tool.exe': 'MZ' } },
    request: '/tool.exe',
    expect: '404.2',
    decidedBy: 'CgiModule',
    reason: /isapiCgiRestriction/,
  },
  { name: '403 an extension ASP.NET forbids (HttpForbiddenHandler)', spec: { files: { 'page.cshtml': '@{}' } }, request: '/page.cshtml', expect: '403.0', decidedBy: 'ManagedPipelineHandler' },
  { name: '200 a managed page (.aspx, Integrated)', spec: { files: { 'default.aspx': '<%@ Page %>' } }, request: '/default.aspx', expect: '200.0', decidedBy: 'ManagedPipelineHandler' },
];

describe('status codes', () => {
  it.each(cases)('$name', (c) => {
    const s = scenario(c.spec);
    for (const before of c.before ?? []) s.request(before);
    const result = s.request(c.request);
    expect({ code: code(result), decidedBy: result.decidedBy }).toEqual({ code: c.expect, decidedBy: c.decidedBy });
    if (c.servedFrom !== undefined) expect(result.servedFrom).toBe(c.servedFrom);
    if (c.reason !== undefined) expect(result.reason).toMatch(c.reason);
    expect(result.reason.length).toBeGreaterThan(10);
  });
});
