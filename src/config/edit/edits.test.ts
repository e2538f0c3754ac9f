import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWorkspace } from '../defaults/defaultWorkspace.ts';
import { effectiveConfig } from '../effective.ts';
import { parseApplicationHost } from '../parse.ts';
import { loadWorkspace, type Workspace } from '../workspace.ts';
import { applyEdit, readWorkspaceFile, APPLICATION_HOST, type ConfigEdit } from './edits.ts';
import { parseElementPath } from './elementPath.ts';
import { removeCollectionItem, setSectionAttributes, physicalFolderFor } from './levels.ts';
import { addApplicationPool, addBinding, addSite, checkBinding, removeApplicationPool, removeSite, renameSite, setApplicationPool, setPoolAttributes, setSiteAttributes } from './serverEdits.ts';

function apply(workspace: Workspace, edit: ConfigEdit | string): Workspace {
  if (typeof edit === 'string') throw new Error(edit);
  const result = applyEdit(workspace, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<!-- kept: a comment before everything -->
<configuration>
    <system.applicationHost>
        <applicationPools>
            <add name="DefaultAppPool" />
            <applicationPoolDefaults managedRuntimeVersion="v4.0" />
        </applicationPools>
        <sites>
            <site name="Default Web Site" id="1">
                <application path="/" applicationPool="DefaultAppPool">
                    <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />
                </application>
                <bindings>
                    <binding protocol="http" bindingInformation="*:80:" />
                </bindings>
            </site>
            <siteDefaults><limits connectionTimeout="00:02:00"   /></siteDefaults>
        </sites>
    </system.applicationHost>
    <unknownSection   weird = "kept" />
</configuration>
`;

const small = (): Workspace => ({ applicationHostConfig: SMALL, content: { '%SystemDrive%\\inetpub\\wwwroot': { 'iisstart.htm': '<html></html>' } } });

describe('element paths', () => {
  it('reads keys, doubled quotes and indexes', () => {
    expect(parseElementPath("a/site[@name='O''Brien/x']/b[2]")).toEqual([
      { name: 'a', keys: [] },
      { name: 'site', keys: [['name', "O'Brien/x"]] },
      { name: 'b', keys: [], index: 2 },
    ]);
    expect(typeof parseElementPath('a/b[x]')).toBe('string');
  });
});

describe('applyEdit', () => {
  it('adds a binding and changes nothing else in the file', () => {
    const before = small();
    const after = apply(before, addBinding(parseApplicationHost(SMALL).model, 'Default Web Site', 'http', '*:80:shop.example'));
    expect(after.applicationHostConfig).toContain('<binding protocol="http" bindingInformation="*:80:shop.example" />');
    // Everything outside <bindings> is byte for byte the same.
    expect(after.applicationHostConfig).toContain('<!-- kept: a comment before everything -->');
    expect(after.applicationHostConfig).toContain('<unknownSection   weird = "kept" />');
    expect(after.applicationHostConfig).toContain('<limits connectionTimeout="00:02:00"   />');
    expect(parseApplicationHost(after.applicationHostConfig).model.sites.sites[0]?.bindings.map((b) => b.bindingInformation)).toEqual(['*:80:', '*:80:shop.example']);
    expect(before.applicationHostConfig).toBe(SMALL);
  });

  it('refuses a binding HTTP.sys could not take, or one another site has', () => {
    const { model } = parseApplicationHost(SMALL);
    expect(checkBinding(model, 'http', '*:99999:', 0)).toMatch(/port/);
    expect(checkBinding(model, 'http', '*:80:', 0)).toMatch(/already has the binding/);
    expect(checkBinding(model, 'https', '*:443:', 1)).toMatch(/Server Name Indication/);
    expect(checkBinding(model, 'http', '*:8080:a.example', 0)).toBeUndefined();
  });

  it('adds a site before siteDefaults with the next id, and removes it with its location tags', () => {
    const { model } = parseApplicationHost(SMALL);
    let ws = apply(small(), addSite(model, { name: 'Shop', physicalPath: 'C:\\shop', protocol: 'http', bindingInformation: '*:8080:', applicationPool: 'DefaultAppPool' }));
    const parsed = parseApplicationHost(ws.applicationHostConfig);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.model.sites.sites.map((s) => [s.name, s.id])).toEqual([['Default Web Site', 1], ['Shop', 2]]);
    expect(ws.applicationHostConfig.indexOf('name="Shop"')).toBeLessThan(ws.applicationHostConfig.indexOf('<siteDefaults>'));
    ws = apply(ws, setSectionAttributes(parsed.model, { site: 'Shop', path: '/admin' }, 'applicationHost', 'system.webServer/directoryBrowse', { enabled: 'true' }));
    expect(ws.applicationHostConfig).toContain('<location path="Shop/admin">');
    ws = apply(ws, removeSite(parseApplicationHost(ws.applicationHostConfig).model, 'Shop'));
    expect(ws.applicationHostConfig).not.toContain('Shop');
    expect(ws.applicationHostConfig).toBe(SMALL);
  });

  it('renames a site and the location tags that name it', () => {
    let ws = apply(small(), setSectionAttributes(parseApplicationHost(SMALL).model, { site: 'Default Web Site', path: '/a' }, 'applicationHost', 'system.webServer/directoryBrowse', { enabled: 'true' }));
    ws = apply(ws, renameSite(parseApplicationHost(ws.applicationHostConfig).model, 'Default Web Site', 'Main'));
    expect(ws.applicationHostConfig).toContain('<site name="Main" id="1">');
    expect(ws.applicationHostConfig).toContain('<location path="Main/a">');
    expect(renameSite(parseApplicationHost(ws.applicationHostConfig).model, 'Main', '')).toMatch(/needs a name/);
  });

  it('stops a site through serverAutoStart and a pool through autoStart', () => {
    let ws = apply(small(), setSiteAttributes('Default Web Site', { serverAutoStart: 'false' }));
    ws = apply(ws, { op: 'setAttributes', file: APPLICATION_HOST, path: "system.applicationHost/applicationPools/add[@name='defaultapppool']", values: { autoStart: 'false' } });
    const { model } = parseApplicationHost(ws.applicationHostConfig);
    expect(model.sites.sites[0]?.serverAutoStart).toBe(false);
    expect(model.applicationPools.pools[0]?.autoStart).toBe(false);
  });

  it('adds a pool before applicationPoolDefaults, moves an application to it, and will not remove a pool in use', () => {
    let ws = apply(small(), addApplicationPool(parseApplicationHost(SMALL).model, 'Shop'));
    expect(ws.applicationHostConfig.indexOf('name="Shop"')).toBeLessThan(ws.applicationHostConfig.indexOf('<applicationPoolDefaults'));
    let model = parseApplicationHost(ws.applicationHostConfig).model;
    expect(addApplicationPool(model, 'shop')).toMatch(/already exists/);
    expect(addApplicationPool(model, 'a/b')).toMatch(/cannot contain/);
    ws = apply(ws, setApplicationPool(model, 'Default Web Site', '/', 'Shop'));
    model = parseApplicationHost(ws.applicationHostConfig).model;
    expect(model.sites.sites[0]?.applications[0]?.applicationPool).toBe('Shop');
    expect(removeApplicationPool(model, 'Shop')).toMatch(/still serves Default Web Site/);
    expect(typeof removeApplicationPool(model, 'DefaultAppPool')).toBe('object');
  });

  it('writes a folder setting into the web.config of the folder it maps to, creating it', () => {
    const { model } = parseApplicationHost(SMALL);
    expect(physicalFolderFor(model, 'Default Web Site', '/private/x')?.relativeFolder).toBe('private/x');
    const ws = apply(small(), setSectionAttributes(model, { site: 'Default Web Site', path: '/private' }, 'webConfig', 'system.webServer/directoryBrowse', { enabled: 'true' }));
    const text = readWorkspaceFile(ws, { kind: 'content', physicalPath: 'C:\\inetpub\\wwwroot', relativePath: 'private/web.config' });
    expect(text).toContain('<directoryBrowse enabled="true" />');
    expect(ws.applicationHostConfig).toBe(SMALL);
  });

  it('turns anonymous authentication off for one folder with a location tag the effective configuration honours', () => {
    const workspace = defaultWorkspace();
    const { model } = parseApplicationHost(workspace.applicationHostConfig);
    const ws = apply(workspace, setSectionAttributes(model, { site: 'Default Web Site', path: '/private' }, 'applicationHost', 'system.webServer/security/authentication/anonymousAuthentication', { enabled: 'false' }));
    const loaded = loadWorkspace(ws);
    const at = (url: string): boolean | undefined => {
      const result = effectiveConfig(loaded, 'Default Web Site', url);
      return result.ok ? result.effective.config.authentication.anonymous.enabled : undefined;
    };
    expect(at('/private/a.htm')).toBe(false);
    expect(at('/public/a.htm')).toBe(true);
  });

  it('removes an inherited collection item with <remove>, and its own item directly', () => {
    const workspace = defaultWorkspace();
    const { model } = parseApplicationHost(workspace.applicationHostConfig);
    const level = { site: 'Default Web Site', path: '/' };
    let ws = apply(workspace, removeCollectionItem(workspace, model, level, 'webConfig', 'system.webServer/defaultDocument/files', 'value', 'iisstart.htm'));
    const webConfig = (w: Workspace): string | undefined => readWorkspaceFile(w, { kind: 'content', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'web.config' });
    expect(webConfig(ws)).toContain('<remove value="iisstart.htm" />');
    ws = apply(ws, { op: 'addElement', file: { kind: 'content', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'web.config' }, parent: 'system.webServer/defaultDocument/files', name: 'add', attributes: { value: 'home.htm' } });
    ws = apply(ws, removeCollectionItem(ws, model, level, 'webConfig', 'system.webServer/defaultDocument/files', 'value', 'home.htm'));
    expect(webConfig(ws)).not.toContain('home.htm');
  });

  it('moves an element among its siblings', () => {
    const text = '<configuration>\n  <m>\n    <add name="a" />\n    <add name="b" />\n    <add name="c" />\n  </m>\n</configuration>\n';
    const ws = apply({ applicationHostConfig: text, content: {} }, { op: 'moveElement', file: APPLICATION_HOST, path: "m/add[@name='c']", before: 0 });
    expect(ws.applicationHostConfig).toBe('<configuration>\n  <m>\n    <add name="c" />\n    <add name="a" />\n    <add name="b" />\n  </m>\n</configuration>\n');
  });

  it('says why an edit cannot be made, and changes nothing', () => {
    const result = applyEdit(small(), { op: 'removeElement', file: APPLICATION_HOST, path: "system.applicationHost/sites/site[@name='Nope']" });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/has no element/) as unknown });
    const broken = applyEdit({ applicationHostConfig: '<configuration><a></configuration>', content: {} }, { op: 'setAttributes', file: APPLICATION_HOST, path: 'a', values: { x: '1' } });
    expect(broken.ok).toBe(false);
  });

  it('keeps any site name, quotes and HTML included, readable back exactly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).every((code) => code >= 0x20 && (code < 0xd800 || code > 0xdfff))), (name) => {
        const { model } = parseApplicationHost(SMALL);
        const ws = apply(small(), renameSite(model, 'Default Web Site', name));
        expect(parseApplicationHost(ws.applicationHostConfig).model.sites.sites[0]?.name).toBe(name);
      }),
      { numRuns: 200 },
    );
  });
  it('keeps the content object when an edit changes only applicationHost.config, and copies it when a file changes', () => {
    const workspace = defaultWorkspace();
    const pool = applyEdit(workspace, setPoolAttributes('DefaultAppPool', { queueLength: '2000' }));
    expect(pool.ok && pool.workspace.content).toBe(workspace.content);
    const file = applyEdit(workspace, { op: 'writeFile', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'new.htm', text: 'new' });
    expect(file.ok && file.workspace.content).not.toBe(workspace.content);
    expect(Object.keys(workspace.content).every((folder) => !Object.keys(workspace.content[folder] ?? {}).includes('new.htm'))).toBe(true);
  });
});
