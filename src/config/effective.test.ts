import { describe, expect, it } from 'vitest';
import { DiagnosticCode, defaultWorkspace, effectiveConfig, loadWorkspace, type EffectiveConfig, type Workspace } from './index.ts';

const WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';

function workspaceWith(files: Record<string, string>, edit: (config: string) => string = (c) => c): Workspace {
  const base = defaultWorkspace();
  return {
    applicationHostConfig: edit(base.applicationHostConfig),
    content: { [WWWROOT]: { ...base.content[WWWROOT], ...files } },
  };
}

function effective(workspace: Workspace, url: string, site = 'Default Web Site'): EffectiveConfig {
  const result = effectiveConfig(loadWorkspace(workspace), site, url);
  if (!result.ok) throw new Error(result.message);
  return result.effective;
}

const webConfig = (webServer: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <system.webServer>\n${webServer}\n  </system.webServer>\n</configuration>\n`;

/** Adds XML just before </configuration> of applicationHost.config. */
const beforeEnd = (xml: string) => (config: string): string => config.replace('</configuration>', `${xml}\n</configuration>`);

describe('effectiveConfig', () => {
  it('maps a URL to its site, application, virtual directory and physical path', () => {
    const result = effective(defaultWorkspace(), '/images/logo.png');
    expect(result.site.name).toBe('Default Web Site');
    expect(result.application.path).toBe('/');
    expect(result.virtualDirectory.physicalPath).toBe(WWWROOT);
    expect(result.physicalPath).toBe(`${WWWROOT}\\images\\logo.png`);
    expect(result.errors).toEqual([]);
  });

  it('takes the server-level sections of the default install', () => {
    const { config } = effective(defaultWorkspace(), '/');
    expect(config.defaultDocument.files).toContain('iisstart.htm');
    expect(config.handlers.entries.at(-1)?.name).toBe('StaticFile');
    expect(config.modules.entries.map((m) => m.name)).toContain('RequestFilteringModule');
    expect(config.requestFiltering.fileExtensions.entries).toContainEqual({ fileExtension: '.mdb', allowed: false });
    expect(config.requestFiltering.hiddenSegments).toContain('App_Data');
    expect(config.authentication.anonymous.enabled).toBe(true);
    expect(config.directoryBrowse.enabled).toBe(false);
  });

  it('applies <location> tags only below their path, the most specific last', () => {
    const workspace = workspaceWith(
      {},
      beforeEnd(`<location path="Default Web Site/docs"><system.webServer><directoryBrowse enabled="true" /></system.webServer></location>
<location path="Default Web Site/docs/private"><system.webServer><directoryBrowse enabled="false" /></system.webServer></location>`),
    );
    expect(effective(workspace, '/docs/').config.directoryBrowse.enabled).toBe(true);
    expect(effective(workspace, '/docs/a/b.txt').config.directoryBrowse.enabled).toBe(true);
    expect(effective(workspace, '/docs/private/x').config.directoryBrowse.enabled).toBe(false);
    expect(effective(workspace, '/documents').config.directoryBrowse.enabled).toBe(false);
    expect(effective(workspace, '/').config.directoryBrowse.enabled).toBe(false);
  });

  it('honours <clear/> and <remove/> in a web.config', () => {
    const workspace = workspaceWith({
      'web.config': webConfig('<defaultDocument><files><clear /><add value="home.html" /></files></defaultDocument>'),
      'shop/web.config': webConfig('<defaultDocument><files><remove value="home.html" /><add value="shop.html" /></files></defaultDocument>'),
    });
    expect(effective(workspace, '/').config.defaultDocument.files).toEqual(['home.html']);
    expect(effective(workspace, '/shop/').config.defaultDocument.files).toEqual(['shop.html']);
    expect(effective(workspace, '/shop/').sources).toEqual(['applicationHost.config', `${WWWROOT}\\web.config`, `${WWWROOT}\\shop\\web.config`]);
  });

  it('puts entries added lower first where the schema says mergeAppend="false" (handlers, default documents)', () => {
    const workspace = workspaceWith({
      'web.config': webConfig(
        '<defaultDocument><files><add value="home.html" /></files></defaultDocument><handlers><add name="PHP" path="*.php" verb="*" modules="FastCgiModule" scriptProcessor="C:\\php\\php-cgi.exe" resourceType="File" /></handlers>',
      ),
    });
    const { config } = effective(workspace, '/');
    expect(config.defaultDocument.files[0]).toBe('home.html');
    expect(config.handlers.entries[0]?.name).toBe('PHP');
    expect(config.handlers.entries.at(-1)?.name).toBe('StaticFile');
  });

  it('reports a web.config that sets a locked section (500.19), naming file, line and column', () => {
    const workspace = workspaceWith({
      'web.config': webConfig('    <security>\n      <authentication>\n        <windowsAuthentication enabled="true" />\n      </authentication>\n    </security>'),
    });
    const result = effective(workspace, '/');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: DiagnosticCode.lockedSection,
      file: `${WWWROOT}\\web.config`,
      line: 6,
      column: 9,
    });
    expect(result.errors[0]?.message).toContain('system.webServer/security/authentication/windowsAuthentication');
    expect(result.config.authentication.windows.enabled).toBe(false);
  });

  it('lets <location overrideMode="Allow"> unlock a section for one site', () => {
    const workspace = workspaceWith(
      { 'web.config': webConfig('<security><authentication><windowsAuthentication enabled="true" /></authentication></security>') },
      beforeEnd(
        '<location path="Default Web Site" overrideMode="Allow"><system.webServer><security><authentication><windowsAuthentication /></authentication></security></system.webServer></location>',
      ),
    );
    const result = effective(workspace, '/');
    expect(result.errors).toEqual([]);
    expect(result.config.authentication.windows.enabled).toBe(true);
  });

  it('refuses to <remove> a module locked with lockItem', () => {
    const workspace = workspaceWith({ 'web.config': webConfig('<modules><remove name="StaticFileModule" /><remove name="WebDAVModule" /></modules>') });
    const result = effective(workspace, '/');
    expect(result.errors.map((e) => e.code)).toEqual([DiagnosticCode.lockedSection]);
    expect(result.errors[0]?.message).toContain('lockItem');
    const names = result.config.modules.entries.map((m) => m.name);
    expect(names).toContain('StaticFileModule');
    expect(names).not.toContain('WebDAVModule');
  });

  it('refuses a locked attribute (lockAttributes on httpErrors)', () => {
    const workspace = workspaceWith({ 'web.config': webConfig('<httpErrors errorMode="Custom" defaultPath="C:\\x.htm" />') });
    const result = effective(workspace, '/');
    expect(result.errors.map((e) => e.code)).toEqual([DiagnosticCode.lockedSection]);
    expect(result.config.httpErrors.errorMode).toBe('Custom');
    expect(result.config.httpErrors.defaultPath).toBe('');
  });

  it('reports a web.config that is not well formed as a configuration error, and ignores it', () => {
    const workspace = workspaceWith({ 'web.config': '<configuration>\n  <system.webServer>\n    <directoryBrowse enabled="true">\n  </system.webServer>\n</configuration>' });
    const result = effective(workspace, '/');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: DiagnosticCode.notWellFormed, file: `${WWWROOT}\\web.config`, line: 4 });
    expect(result.config.directoryBrowse.enabled).toBe(false);
  });

  it('reports a duplicate collection entry (500.19, 0x800700b7)', () => {
    const workspace = workspaceWith({ 'web.config': webConfig('<staticContent><mimeMap fileExtension=".css" mimeType="text/css" /></staticContent>') });
    const result = effective(workspace, '/');
    expect(result.errors.map((e) => e.code)).toEqual([DiagnosticCode.duplicateCollectionEntry]);
  });

  it('refuses an AppHostOnly section in a web.config', () => {
    const workspace = workspaceWith({ 'web.config': webConfig('<globalModules><add name="X" image="x.dll" /></globalModules>') });
    expect(effective(workspace, '/').errors.map((e) => e.code)).toEqual([DiagnosticCode.sectionNotAllowedHere]);
  });

  it('ignores web.config files when the pool has enableConfigurationOverride="false"', () => {
    const workspace = workspaceWith(
      { 'web.config': webConfig('<directoryBrowse enabled="true" />') },
      (config) => config.replace('<add name="DefaultAppPool"', '<add name="DefaultAppPool" enableConfigurationOverride="false"'),
    );
    expect(effective(workspace, '/').config.directoryBrowse.enabled).toBe(false);
  });

  it('lists sections it keeps but does not simulate', () => {
    const workspace = workspaceWith({ 'web.config': webConfig('<rewrite><rules /></rewrite>') });
    expect(effective(workspace, '/').notSimulated).toContain('rewrite');
  });

  it('answers with a message for an unknown site', () => {
    const result = effectiveConfig(loadWorkspace(defaultWorkspace()), 'Nope', '/');
    expect(result).toEqual({ ok: false, message: 'There is no site named "Nope".' });
  });
});
