import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost, type ApplicationHostConfig, type ConfigEdit } from '../../config/index.ts';
import { NEW_POOL, addSiteEdit } from './addSiteEdit.ts';
import { newBindingDraft } from './bindingDraft.ts';

const model = (): ApplicationHostConfig => parseApplicationHost(defaultWorkspace().applicationHostConfig).model;

function after(edit: ConfigEdit | string): ApplicationHostConfig {
  if (typeof edit === 'string') throw new Error(edit);
  const result = applyEdit(defaultWorkspace(), edit);
  if (!result.ok) throw new Error(result.message);
  const parsed = parseApplicationHost(result.workspace.applicationHostConfig);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.model;
}

describe('Add site', () => {
  it('makes a pool named after the site by default, and the site in it', () => {
    const m = after(addSiteEdit(model(), ' Shop ', NEW_POOL, 'C:\\shop', { ...newBindingDraft(), port: '8081' }, true));
    const shop = m.sites.sites.find((s) => s.name === 'Shop');
    expect(shop?.bindings.map((b) => b.bindingInformation)).toEqual(['*:8081:']);
    expect(shop?.applications[0]?.applicationPool).toBe('Shop');
    expect(shop?.applications[0]?.virtualDirectories[0]?.physicalPath).toBe('C:\\shop');
    expect(shop?.serverAutoStart).toBe(true);
    expect(m.applicationPools.pools.some((p) => p.name === 'Shop')).toBe(true);
  });

  it('uses an existing pool, and writes serverAutoStart="false" when not started', () => {
    const m = after(addSiteEdit(model(), 'Blog', 'DefaultAppPool', 'C:\\blog', { ...newBindingDraft(), hostName: 'blog.example' }, false));
    const blog = m.sites.sites.find((s) => s.name === 'Blog');
    expect(blog?.applications[0]?.applicationPool).toBe('DefaultAppPool');
    expect(blog?.serverAutoStart).toBe(false);
    expect(m.applicationPools.pools).toHaveLength(model().applicationPools.pools.length);
  });

  it('says why it cannot be made', () => {
    expect(addSiteEdit(model(), '', NEW_POOL, 'C:\\x', { ...newBindingDraft(), port: '8081' }, true)).toMatch(/needs a name/);
    expect(addSiteEdit(model(), 'DefaultAppPool', NEW_POOL, 'C:\\x', { ...newBindingDraft(), port: '8081' }, true)).toMatch(/already exists/);
    expect(addSiteEdit(model(), 'Shop', NEW_POOL, 'C:\\x', newBindingDraft(), true)).toMatch(/already has the binding/);
    expect(addSiteEdit(model(), 'Shop', NEW_POOL, ' ', { ...newBindingDraft(), port: '8081' }, true)).toMatch(/physical path/);
  });
});
