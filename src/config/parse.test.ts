import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, DiagnosticCode, decodeConfigBytes, parseApplicationHost, serializeApplicationHost } from './index.ts';
import { applicationHostFixtures, readFixture, readFixtureBytes } from '../../test-support/sharedFixtures.ts';

const wrap = (applicationHost: string, webServer = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n<system.applicationHost>\n${applicationHost}\n</system.applicationHost>\n${webServer}</configuration>\n`;

const pools = '<applicationPools><add name="DefaultAppPool" /></applicationPools>';

function site(name: string, id: number, bindings: string, pool = 'DefaultAppPool'): string {
  return `<site name="${name}" id="${String(id)}"><application path="/" applicationPool="${pool}"><virtualDirectory path="/" physicalPath="C:\\s" /></application><bindings>${bindings}</bindings></site>`;
}

function codes(text: string): string[] {
  return parseApplicationHost(text).diagnostics.map((d) => d.code);
}

describe('parseApplicationHost over the real fixtures', () => {
  it.each(applicationHostFixtures())('%s validates with no error and serializes unchanged', (name) => {
    const text = readFixture(name);
    const { diagnostics, model } = parseApplicationHost(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.sites.sites.length).toBeGreaterThan(0);
    expect(serializeApplicationHost(model)).toBe(text.replace(/^\uFEFF/, ''));
  });

  it('reads the 62 sites of fixture 12 with their pools and non-HTTP bindings', () => {
    const { model } = parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config'));
    expect(model.sites.sites).toHaveLength(62);
    const protocols = new Set(model.sites.sites.flatMap((s) => s.bindings.map((b) => b.protocol)));
    expect(protocols).toContain('net.tcp');
    expect(protocols).toContain('net.pipe');
    const tcp = model.sites.sites.flatMap((s) => s.bindings).find((b) => b.protocol === 'net.tcp');
    expect(tcp?.endpoint).toEqual({ kind: 'net.tcp', port: 808, host: '*' });
  });

  it('parses the fragment 19 (no pools, one site)', () => {
    const { model, diagnostics, wellFormed } = parseApplicationHost(readFixture('19-karthickvkumar-docker-react-minimal-fragment.config'));
    expect(wellFormed).toBe(true);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.sites.sites).toHaveLength(1);
  });

  it('reads UTF-8 with a BOM and UTF-16 files', () => {
    const bytes = readFixtureBytes('03-v-junish-etc-iis10-default.config');
    const utf8 = decodeConfigBytes(bytes).text;
    const withBom = decodeConfigBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]));
    expect(withBom.text).toBe(utf8);
    const utf16 = new Uint8Array(2 + utf8.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < utf8.length; i++) {
      const code = utf8.charCodeAt(i);
      utf16[2 + i * 2] = code & 0xff;
      utf16[3 + i * 2] = code >> 8;
    }
    const decoded = decodeConfigBytes(utf16);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(utf8);
    expect(parseApplicationHost(decoded.text).model.sites.sites[0]?.name).toBe('Default Web Site');
  });
});

describe('the embedded default workspace configuration', () => {
  const { model, diagnostics } = parseApplicationHost(DEFAULT_APPLICATION_HOST_CONFIG);

  it('validates with no diagnostics at all', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has the Default Web Site on *:80 and the default pools', () => {
    const defaultSite = model.sites.sites[0];
    expect(defaultSite?.name).toBe('Default Web Site');
    expect(defaultSite?.bindings[0]?.endpoint).toEqual({ kind: 'ip', ipAddress: '*', port: 80, host: '' });
    expect(model.applicationPools.pools.map((p) => p.name)).toEqual(
      expect.arrayContaining(['DefaultAppPool', '.NET v4.5', '.NET v4.5 Classic']),
    );
    const classic = model.applicationPools.pools.find((p) => p.name === '.NET v4.5 Classic');
    expect(classic?.managedPipelineMode).toBe('Classic');
    expect(classic?.managedRuntimeVersion).toBe('v4.0');
  });
});

describe('diagnostics, one per kind, with line and column', () => {
  it('not well formed', () => {
    const { diagnostics, wellFormed } = parseApplicationHost('<configuration>\n  <sites>\n</configuration>');
    expect(wellFormed).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: DiagnosticCode.notWellFormed, severity: 'error', line: 3, column: 1 });
  });

  it('wrong root', () => {
    const { diagnostics } = parseApplicationHost('<?xml version="1.0"?>\n<settings>\n</settings>');
    expect(diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.wrongRoot, line: 2, column: 1 })]);
    expect(diagnostics[0]?.message).toContain('<configuration>');
  });

  it('a value outside its enum', () => {
    const text = wrap('<applicationPools>\n  <add name="Shop" managedPipelineMode="Fast" />\n</applicationPools>');
    const diagnostic = parseApplicationHost(text).diagnostics.find((d) => d.code === DiagnosticCode.invalidValue);
    expect(diagnostic).toMatchObject({ line: 5, column: 20, path: "applicationPools/add[@name='Shop']" });
    expect(diagnostic?.message).toContain('Integrated, Classic');
  });

  it('a number out of range, a boolean and a timespan', () => {
    const text = wrap('<applicationPools><add name="A" queueLength="5" autoStart="yes"><processModel idleTimeout="20 minutes" /></add></applicationPools>');
    const messages = parseApplicationHost(text).diagnostics.filter((d) => d.code === DiagnosticCode.invalidValue).map((d) => d.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/queueLength="5".*10 to 65535/);
    expect(messages.join('\n')).toMatch(/autoStart="yes".*true or false/);
    expect(messages.join('\n')).toMatch(/idleTimeout="20 minutes".*00:20:00/);
  });

  it('binding syntax', () => {
    const text = wrap(`${pools}<sites>${site('Shop', 1, '<binding protocol="http" bindingInformation="*:eighty:" /><binding protocol="http" bindingInformation="*:80:www.*.example.com" />')}</sites>`);
    const diagnostics = parseApplicationHost(text).diagnostics.filter((d) => d.code === DiagnosticCode.bindingSyntax);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]?.path).toBe("sites/site[@name='Shop']/bindings/binding[1]");
    expect(diagnostics[1]?.path).toBe("sites/site[@name='Shop']/bindings/binding[2]");
    expect(diagnostics[1]?.message).toContain('left-most label');
  });

  it('duplicate site ids, site names and bindings', () => {
    const text = wrap(
      `${pools}<sites>${site('A', 1, '<binding protocol="http" bindingInformation="*:80:" />')}${site('B', 1, '<binding protocol="http" bindingInformation="*:80:" />')}${site('a', 2, '<binding protocol="http" bindingInformation="*:81:" />')}</sites>`,
    );
    expect(codes(text)).toEqual([DiagnosticCode.duplicateSiteId, DiagnosticCode.duplicateBinding, DiagnosticCode.duplicateSiteName]);
  });

  it('shared net.tcp and net.pipe bindings are not duplicates (port sharing)', () => {
    const text = wrap(`${pools}<sites>${site('A', 1, '<binding protocol="net.tcp" bindingInformation="808:*" />')}${site('B', 2, '<binding protocol="net.tcp" bindingInformation="808:*" />')}</sites>`);
    expect(codes(text)).toEqual([]);
  });

  it('an application pointing at a missing pool', () => {
    const text = wrap(`${pools}<sites>${site('Shop', 1, '<binding protocol="http" bindingInformation="*:80:" />', 'ShopPool')}</sites>`);
    const diagnostic = parseApplicationHost(text).diagnostics[0];
    expect(diagnostic?.code).toBe(DiagnosticCode.missingApplicationPool);
    expect(diagnostic?.message).toContain('"ShopPool"');
    expect(diagnostic?.path).toBe("sites/site[@name='Shop']/application[@path='/']");
  });

  it('an unknown module named by a handler', () => {
    const text = wrap(
      pools,
      '<system.webServer><globalModules><add name="StaticFileModule" image="static.dll" /></globalModules><handlers><add name="PHP" path="*.php" verb="*" modules="FastCgiModule" /></handlers></system.webServer>\n',
    );
    const diagnostic = parseApplicationHost(text).diagnostics[0];
    expect(diagnostic?.code).toBe(DiagnosticCode.unknownHandlerModule);
    expect(diagnostic?.message).toContain('FastCgiModule');
    expect(diagnostic?.path).toBe("handlers/add[@name='PHP']");
  });

  it('entity expansion refused, DOCTYPE ignored', () => {
    expect(codes('<!DOCTYPE c [<!ENTITY x "y">]><configuration a="&x;"/>')).toEqual([DiagnosticCode.doctypeIgnored, DiagnosticCode.entityRefused]);
  });

  it('a required attribute missing, and a site with no root application', () => {
    const text = wrap(`${pools}<sites><site name="NoId"><application path="/shop" applicationPool="DefaultAppPool"><virtualDirectory path="/" physicalPath="C:\\s" /></application></site></sites>`);
    expect(codes(text)).toEqual([DiagnosticCode.missingAttribute, DiagnosticCode.missingRoot]);
  });

  it('too large', () => {
    const result = parseApplicationHost('<configuration>' + ' '.repeat(21 * 1024 * 1024) + '</configuration>');
    expect(result.wellFormed).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual([DiagnosticCode.tooLarge]);
  });

  it('too deep', () => {
    expect(codes('<a>'.repeat(300) + '</a>'.repeat(300))).toEqual([DiagnosticCode.tooDeep]);
  });
});
