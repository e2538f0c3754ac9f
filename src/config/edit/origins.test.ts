import { describe, expect, it } from 'vitest';
import { applicationHostFixtures, readFixture } from '../../../test-support/sharedFixtures.ts';
import { defaultWorkspace } from '../defaults/defaultWorkspace.ts';
import { effectiveConfig } from '../effective.ts';
import { parseApplicationHost } from '../parse.ts';
import { loadWorkspace, type Workspace } from '../workspace.ts';
import { applyEdit, readWorkspaceFile, APPLICATION_HOST, type ConfigEdit } from './edits.ts';
import { levelSettings, type LevelSettings } from './origins.ts';
import { isSettingSetAt, moveSettingEntry, removeSettingEntry, revertSetting, setSettingAttributes, settingTarget } from './settingEdits.ts';
import { defaultPlacement, sectionLocks } from './settingLocks.ts';

const ANONYMOUS = 'system.webServer/security/authentication/anonymousAuthentication';
const DIRECTORY_BROWSE = 'system.webServer/directoryBrowse';
const ROOT = '%SystemDrive%\\inetpub\\wwwroot';

function apply(workspace: Workspace, edit: ConfigEdit | string): Workspace {
  if (typeof edit === 'string') throw new Error(edit);
  const result = applyEdit(workspace, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

function settings(workspace: Workspace, site?: string, path?: string): LevelSettings {
  const result = levelSettings(loadWorkspace(workspace), site === undefined ? {} : { site, ...(path === undefined ? {} : { path }) });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

const modelOf = (workspace: Workspace) => parseApplicationHost(workspace.applicationHostConfig).model;

describe('levelSettings', () => {
  it('says a value comes from applicationHost.config, a location tag, a web.config or the default', () => {
    let ws = defaultWorkspace();
    expect(settings(ws).value(DIRECTORY_BROWSE, 'enabled')).toMatchObject({ value: 'false', origin: { label: 'applicationHost.config', file: APPLICATION_HOST } });
    expect(settings(ws, 'Default Web Site', '/').value(ANONYMOUS, 'userName').origin.label).toBe('applicationHost.config');
    expect(settings(ws, 'Default Web Site', '/').value('system.webServer/httpRedirect', 'destination')).toEqual({ value: undefined, origin: { label: 'default' } });

    ws = apply(ws, setSettingAttributes(modelOf(ws), { site: 'Default Web Site', path: '/private' }, 'applicationHost', ANONYMOUS, '', { enabled: 'false' }));
    const atPrivate = settings(ws, 'Default Web Site', '/private').value(ANONYMOUS, 'enabled');
    expect(atPrivate.value).toBe('false');
    expect(atPrivate.origin.label).toBe("applicationHost.config <location path='Default Web Site/private'>");
    // The line is the attribute's line in applicationHost.config.
    const lines = ws.applicationHostConfig.split('\n');
    expect(lines[(atPrivate.origin.line ?? 0) - 1]).toContain('<anonymousAuthentication enabled="false"');
    // Above the folder, the server's value still applies.
    expect(settings(ws, 'Default Web Site', '/').value(ANONYMOUS, 'enabled').value).toBe('true');

    ws = apply(ws, setSettingAttributes(modelOf(ws), { site: 'Default Web Site', path: '/shop' }, 'webConfig', DIRECTORY_BROWSE, '', { enabled: 'true' }));
    const atShop = settings(ws, 'Default Web Site', '/shop/cart').value(DIRECTORY_BROWSE, 'enabled');
    expect(atShop).toMatchObject({ value: 'true', origin: { label: 'web.config in /shop', file: { kind: 'content', physicalPath: ROOT, relativePath: 'shop/web.config' } } });
  });

  it('gives the effective entries of a collection with where each comes from, after a <remove>', () => {
    let ws = defaultWorkspace();
    const level = { site: 'Default Web Site', path: '/' };
    ws = apply(ws, removeSettingEntry(ws, modelOf(ws), level, 'webConfig', 'system.webServer/defaultDocument', 'files', 'add', { value: 'iisstart.htm' }));
    expect(readWorkspaceFile(ws, { kind: 'content', physicalPath: ROOT, relativePath: 'web.config' })).toContain('<remove value="iisstart.htm" />');
    const files = settings(ws, 'Default Web Site', '/').entries('system.webServer/defaultDocument/files');
    expect(files.map((f) => f.attributes.value)).not.toContain('iisstart.htm');
    expect(files.map((f) => f.attributes.value)).toContain('Default.htm');
    expect(files[0]?.origin.label).toBe('applicationHost.config');
  });

  it('reads the forms authentication mode of system.web with its web.config', () => {
    let ws = defaultWorkspace();
    expect(settings(ws, 'Default Web Site', '/').value('system.web/authentication', 'mode').value).toBeUndefined();
    ws = apply(ws, setSettingAttributes(modelOf(ws), { site: 'Default Web Site', path: '/' }, 'webConfig', 'system.web/authentication', '', { mode: 'Forms' }));
    expect(settings(ws, 'Default Web Site', '/app').value('system.web/authentication', 'mode')).toMatchObject({ value: 'Forms', origin: { label: 'web.config in /' } });
  });

  it('reports attribute locks and the 500.19 errors at a level', () => {
    let ws = defaultWorkspace();
    ws = apply(ws, { op: 'setAttributes', file: APPLICATION_HOST, path: 'system.webServer/directoryBrowse', values: { lockAttributes: 'enabled' } });
    const at = settings(ws, 'Default Web Site', '/');
    expect(at.attributeLock(DIRECTORY_BROWSE, 'enabled')?.label).toBe('applicationHost.config');
    expect(at.attributeLock(DIRECTORY_BROWSE, 'showFlags')).toBeUndefined();
    ws = apply(ws, setSettingAttributes(modelOf(ws), { site: 'Default Web Site', path: '/' }, 'webConfig', ANONYMOUS, '', { enabled: 'false' }));
    const errors = settings(ws, 'Default Web Site', '/x').errors;
    expect(errors.some((e) => /anonymousAuthentication is locked/.test(e.message) && e.origin.file?.kind === 'content')).toBe(true);
  });

  it('says there is no such site', () => {
    expect(levelSettings(loadWorkspace(defaultWorkspace()), { site: 'Nope', path: '/' })).toMatch(/no site named/);
  });
});

describe('sectionLocks and defaultPlacement', () => {
  it('marks the authentication sections locked for a web.config, and delegated sections open', () => {
    const loaded = loadWorkspace(defaultWorkspace());
    const level = { site: 'Default Web Site', path: '/private' };
    const locks = sectionLocks(loaded, level, 'webConfig', [ANONYMOUS, DIRECTORY_BROWSE, 'system.webServer/modules', 'system.webServer/security/ipSecurity', 'system.web/authentication']);
    expect(locks.get(ANONYMOUS)).toMatchObject({ state: 'locked', reason: expect.stringMatching(/500\.19/) as unknown });
    expect(locks.get('system.webServer/security/ipSecurity')?.state).toBe('locked');
    expect(locks.get(DIRECTORY_BROWSE)).toEqual({ state: 'open' });
    // A default install delegates modules with <location path="" overrideMode="Allow">; but only at an application's root.
    expect(sectionLocks(loaded, { site: 'Default Web Site', path: '/' }, 'webConfig', ['system.webServer/modules']).get('system.webServer/modules')).toEqual({ state: 'open' });
    expect(locks.get('system.webServer/modules')?.state).toBe('locked');
    expect(locks.get('system.web/authentication')).toEqual({ state: 'open' });
    expect(sectionLocks(loaded, level, 'applicationHost', [ANONYMOUS]).get(ANONYMOUS)).toEqual({ state: 'open' });

    const anonymousLock = locks.get(ANONYMOUS) ?? { state: 'open' };
    expect(defaultPlacement(level, ANONYMOUS, anonymousLock)).toBe('applicationHost');
    expect(defaultPlacement(level, DIRECTORY_BROWSE, { state: 'open' })).toBe('webConfig');
    expect(defaultPlacement({}, DIRECTORY_BROWSE, { state: 'open' })).toBe('applicationHost');
  });

  it('an Allow location tag opens a locked section to web.config files below it', () => {
    let ws = defaultWorkspace();
    ws = apply(ws, { op: 'setAttributes', file: APPLICATION_HOST, path: "location[@path='Default Web Site'][@overrideMode='Allow']/system.webServer/security/authentication/anonymousAuthentication", values: { enabled: 'true' } });
    const locks = sectionLocks(loadWorkspace(ws), { site: 'Default Web Site', path: '/private' }, 'webConfig', [ANONYMOUS]);
    expect(locks.get(ANONYMOUS)).toEqual({ state: 'open' });
  });

  it('a pool with enableConfigurationOverride="false" ignores web.config files', () => {
    let ws = defaultWorkspace();
    ws = apply(ws, { op: 'setAttributes', file: APPLICATION_HOST, path: "system.applicationHost/applicationPools/add[@name='DefaultAppPool']", values: { enableConfigurationOverride: 'false' } });
    const locks = sectionLocks(loadWorkspace(ws), { site: 'Default Web Site', path: '/' }, 'webConfig', [DIRECTORY_BROWSE]);
    expect(locks.get(DIRECTORY_BROWSE)).toMatchObject({ state: 'ignored', reason: expect.stringMatching(/enableConfigurationOverride/) as unknown });
  });
});

describe('settingTarget and ordered lists', () => {
  it('writes server-level modules into the <location path=""> tag that holds them', () => {
    const model = modelOf(defaultWorkspace());
    expect(settingTarget(model, {}, 'applicationHost', 'system.webServer/modules')).toEqual({ file: APPLICATION_HOST, sectionPath: "location[@path=''][@overrideMode='Allow']/system.webServer/modules" });
    expect(settingTarget(model, {}, 'applicationHost', DIRECTORY_BROWSE)).toEqual({ file: APPLICATION_HOST, sectionPath: DIRECTORY_BROWSE });
  });

  it('moves a module in place where the level defines the list, and below it re-adds the entries from the moved one on', () => {
    let ws = defaultWorkspace();
    const modules = settings(ws).entries('system.webServer/modules');
    const names = modules.map((m) => m.attributes.name);
    const moveArgs = [ws, modelOf(ws), {}, 'applicationHost', 'system.webServer/modules', '', 'add', ['name'], modules, 1, 0] as const;
    const edit = moveSettingEntry(...moveArgs);
    expect(typeof edit === 'object' && edit.op).toBe('moveElement');
    ws = apply(ws, edit);
    const after = settings(ws).entries('system.webServer/modules').map((m) => m.attributes.name);
    expect(after).toEqual([names[1], names[0], ...names.slice(2)]);

    // At the site, with a web.config: <clear/> then the whole list, in the new order.
    const site = { site: 'Default Web Site', path: '/' };
    const atSite = settings(ws, 'Default Web Site', '/').entries('system.webServer/modules');
    const last = atSite.length - 1;
    ws = apply(ws, moveSettingEntry(ws, modelOf(ws), site, 'webConfig', 'system.webServer/modules', '', 'add', ['name'], atSite, last, last - 1));
    // Native modules are lockItem="true" in a default install: no <clear/> (a lock violation), a <remove> and an <add>.
    const webConfig = readWorkspaceFile(ws, { kind: 'content', physicalPath: ROOT, relativePath: 'web.config' }) ?? '';
    expect(webConfig).not.toContain('<clear />');
    expect(webConfig).toContain(`<remove name="${atSite[last]?.attributes.name ?? ''}" />`);
    const siteNames = settings(ws, 'Default Web Site', '/x.htm').entries('system.webServer/modules').map((m) => m.attributes.name);
    expect(siteNames.at(-1)).toBe(atSite[last - 1]?.attributes.name);
    expect(siteNames.at(-2)).toBe(atSite[last]?.attributes.name);
    const result = effectiveConfig(loadWorkspace(ws), 'Default Web Site', '/x.htm');
    expect(result.ok && result.effective.errors).toEqual([]);
    // A locked native module cannot be moved below the server.
    const now = settings(ws, 'Default Web Site', '/').entries('system.webServer/modules');
    expect(moveSettingEntry(ws, modelOf(ws), site, 'webConfig', 'system.webServer/modules', '', 'add', ['name'], now, 0, 1)).toMatch(/is locked \(lockItem="true"\)/);
  });

  it('reorders handlers below the server with <clear/> and the whole list', () => {
    let ws = defaultWorkspace();
    const site = { site: 'Default Web Site', path: '/' };
    const handlers = settings(ws, 'Default Web Site', '/').entries('system.webServer/handlers');
    ws = apply(ws, moveSettingEntry(ws, modelOf(ws), site, 'webConfig', 'system.webServer/handlers', '', 'add', ['name'], handlers, 2, 0));
    const webConfig = readWorkspaceFile(ws, { kind: 'content', physicalPath: ROOT, relativePath: 'web.config' }) ?? '';
    expect(webConfig).toContain('<clear />');
    const after = settings(ws, 'Default Web Site', '/x.htm');
    expect(after.errors).toEqual([]);
    const names = after.entries('system.webServer/handlers').map((h) => h.attributes.name);
    expect(names.slice(0, 3)).toEqual([handlers[2]?.attributes.name, handlers[0]?.attributes.name, handlers[1]?.attributes.name]);
    expect(names).toHaveLength(handlers.length);
    // Now the web.config defines the whole list: the next move is a move of the element.
    const again = moveSettingEntry(ws, modelOf(ws), site, 'webConfig', 'system.webServer/handlers', '', 'add', ['name'], after.entries('system.webServer/handlers'), 0, 1);
    expect(typeof again === 'object' && again.op).toBe('moveElement');
  });
});

describe('levelSettings on the shared fixtures', () => {
  it.each(applicationHostFixtures())('%s: every value read from applicationHost.config points at its attribute', (name) => {
    const text = readFixture(name);
    const workspace: Workspace = { applicationHostConfig: text, content: {} };
    const loaded = loadWorkspace(workspace);
    const lines = text.split(/\r?\n/);
    const levels = [{}, ...loaded.model.sites.sites.slice(0, 5).map((s) => ({ site: s.name, path: '/' }))];
    for (const level of levels) {
      const at = levelSettings(loaded, level);
      if (typeof at === 'string') continue;
      for (const [path, attribute] of [
        [ANONYMOUS, 'enabled'],
        [DIRECTORY_BROWSE, 'enabled'],
        ['system.webServer/security/requestFiltering/requestLimits', 'maxAllowedContentLength'],
        ['system.webServer/httpErrors', 'errorMode'],
        ['system.webServer/caching', 'enabled'],
      ] as const) {
        const { value, origin } = at.value(path, attribute);
        if (value === undefined) {
          expect(origin.label).toBe('default');
          continue;
        }
        expect(origin.file).toEqual(APPLICATION_HOST);
        expect(lines[(origin.line ?? 0) - 1]).toContain(attribute);
      }
      for (const entry of at.entries('system.webServer/handlers')) {
        if (entry.origin.file?.kind !== 'applicationHost') continue;
        expect(lines[(entry.origin.line ?? 0) - 1]).toContain(entry.attributes.name ?? '');
      }
    }
  });
});

describe('revertSetting', () => {
  it('removes a level\'s section and the location tag it leaves empty, so the level inherits again', () => {
    const original = defaultWorkspace();
    const level = { site: 'Default Web Site', path: '/private' };
    let ws = apply(original, setSettingAttributes(modelOf(original), level, 'applicationHost', ANONYMOUS, '', { enabled: 'false' }));
    expect(settings(ws, 'Default Web Site', '/private').value(ANONYMOUS, 'enabled').value).toBe('false');
    expect(isSettingSetAt(loadWorkspace(ws), level, 'applicationHost', ANONYMOUS)).toBe(true);
    expect(isSettingSetAt(loadWorkspace(ws), level, 'webConfig', ANONYMOUS)).toBe(false);
    ws = apply(ws, revertSetting(ws, modelOf(ws), level, 'applicationHost', ANONYMOUS));
    expect(isSettingSetAt(loadWorkspace(ws), level, 'applicationHost', ANONYMOUS)).toBe(false);
    expect(ws.applicationHostConfig).toBe(original.applicationHostConfig);
    expect(revertSetting(ws, modelOf(ws), level, 'applicationHost', ANONYMOUS)).toMatch(/Nothing is set/);
    // In a web.config that sets other sections too, only this one goes.
    ws = apply(ws, setSettingAttributes(modelOf(ws), level, 'webConfig', DIRECTORY_BROWSE, '', { enabled: 'true' }));
    ws = apply(ws, setSettingAttributes(modelOf(ws), level, 'webConfig', 'system.webServer/httpRedirect', '', { enabled: 'true', destination: 'http://example.com/' }));
    expect(isSettingSetAt(loadWorkspace(ws), level, 'webConfig', DIRECTORY_BROWSE)).toBe(true);
    ws = apply(ws, revertSetting(ws, modelOf(ws), level, 'webConfig', DIRECTORY_BROWSE));
    const webConfig = readWorkspaceFile(ws, { kind: 'content', physicalPath: ROOT, relativePath: 'private/web.config' }) ?? '';
    expect(webConfig).not.toContain('directoryBrowse');
    expect(webConfig).toContain('<httpRedirect enabled="true"');
  });
});
