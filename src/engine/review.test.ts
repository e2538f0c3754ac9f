/** Cases found in review: each once gave a wrong answer. */
import { describe, expect, it } from 'vitest';
import { beforeEnd, code, defaultAppPool, scenario, webConfig } from './testing/scenario.ts';

const site = (webServer: string): ((c: string) => string) => beforeEnd(`<location path="Default Web Site"><system.webServer>${webServer}</system.webServer></location>`);

describe('review cases', () => {
  it('a default document that is a page runs its handler as a child request', () => {
    const s = scenario({ files: { 'app/default.aspx': '<%@ Page %>' } });
    const result = s.request('/app/');
    expect(code(result)).toBe('200.0');
    expect(result.handler).toBe('PageHandlerFactory-Integrated-4.0');
    expect(result.decidedBy).toBe('ManagedPipelineHandler');
    expect(result.trace.filter((e) => e.event === 'HANDLER_CHANGED').map((e) => e.data?.NewHandlerName)).toEqual(['StaticFile', 'PageHandlerFactory-Integrated-4.0']);
    for (let i = 0; i < 3; i++) expect(s.request('/app/').servedFrom).toBe('worker');
  });

  it('HTTP.sys resolves . and .. segments, and refuses a URL that climbs above the root', () => {
    const s = scenario();
    expect(code(s.request('/a/../iisstart.htm'))).toBe('200.0');
    expect(code(s.request('/./iisstart.htm'))).toBe('200.0');
    expect(code(s.request('/%2e/iisstart.htm'))).toBe('200.0');
    const climbing = s.request('/../iisstart.htm');
    expect(code(climbing)).toBe('400.0');
    expect(climbing.decidedBy).toBe('HTTP.sys');
  });

  it('a Bearer token for the application leaves an anonymous request anonymous', () => {
    const s = scenario();
    expect(code(s.request({ method: 'GET', url: '/iisstart.htm', headers: { Authorization: 'Bearer abc' } }))).toBe('200.0');
  });

  it('a handler that matches the path but not the verb gives 405, not 404.4', () => {
    const s = scenario({ files: { 'web.config': webConfig('<handlers><remove name="StaticFile" /><add name="StaticFile" path="*" verb="GET,HEAD" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" /></handlers>') } });
    const result = s.request({ method: 'POST', url: '/iisstart.htm' });
    expect(code(result)).toBe('405.0');
    expect(result.decidedBy).toBe('IIS Web Core');
  });

  it('a managed handler with no ManagedEngine loaded for the pool gives 500.21', () => {
    const s = scenario({ files: { 'p.aspx': '<%@ Page %>' }, editConfig: (c) => c.replace(/<add name="ManagedEngineV4\.0_64bit"[^>]*\/>/, '') });
    const result = s.request('/p.aspx');
    expect(code(result)).toBe('500.21');
  });

  it('net.tcp activation honours queueLength and ends waiting requests', () => {
    const s = scenario({
      editConfig: (c) =>
        defaultAppPool('queueLength="10"')(c)
          .replace('<binding protocol="http" bindingInformation="*:80:" />', '<binding protocol="http" bindingInformation="*:80:" />\n<binding protocol="net.tcp" bindingInformation="808:*" />')
          .replace('<application path="/">', '<application path="/" enabledProtocols="http,net.tcp">'),
    });
    for (let i = 0; i < 15; i++) s.simulation.send({ method: 'GET', url: 'net.tcp://localhost:808/S.svc', at: 0 });
    s.simulation.runUntilIdle();
    const statuses = s.simulation.results().map((r) => r.status);
    expect(statuses.filter((x) => x === 503)).toHaveLength(5);
    expect(statuses.filter((x) => x === 200)).toHaveLength(10);
  });

  it('the kernel cache is per scheme: https content is not served to an http request', () => {
    const s = scenario({
      editConfig: (c) =>
        site('<security><access sslFlags="Ssl" /></security>')(c).replace(
          '<binding protocol="http" bindingInformation="*:80:" />',
          '<binding protocol="http" bindingInformation="*:80:" />\n<binding protocol="https" bindingInformation="*:443:" />',
        ),
    });
    for (let i = 0; i < 3; i++) s.request('https://localhost/iisstart.htm');
    expect(s.request('https://localhost/iisstart.htm').servedFrom).toBe('kernel-cache');
    expect(code(s.request('http://localhost/iisstart.htm'))).toBe('403.4');
  });

  it('a non-finite time is ignored rather than stalling the clock', () => {
    const s = scenario();
    s.simulation.send({ method: 'GET', url: '/', at: Number.NaN, bodySize: Number.POSITIVE_INFINITY });
    s.simulation.runUntilIdle();
    expect(s.simulation.results()[0]?.status).toBe(200);
  });
});
