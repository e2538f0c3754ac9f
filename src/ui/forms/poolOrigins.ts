/**
 * Where each of a pool's settings comes from: its own `<add>` element (or that element's processModel,
 * recycling, failure child), `<applicationPoolDefaults>`, or the IIS schema's default. Read from the
 * parsed document, as applicationHost.config says it. Pure: no React.
 */
import type { ApplicationHostConfig } from '../../config/index.ts';
import type { PoolSetting } from './poolSettings.ts';

export type PoolSettingOrigin = 'pool' | 'applicationPoolDefaults' | 'schema';

/** The parts of the XML tree read here (structural, so the config layer's tree types stay internal). */
interface TreeNode {
  kind: string;
  name?: string;
  attributes?: readonly { name: string; value: string }[];
  children?: readonly TreeNode[];
}

function child(element: TreeNode | undefined, name: string, key?: string): TreeNode | undefined {
  for (const node of element?.children ?? []) {
    if (node.kind !== 'element' || node.name !== name) continue;
    if (key === undefined || node.attributes?.some((a) => a.name === 'name' && a.value.toLowerCase() === key.toLowerCase())) return node;
  }
  return undefined;
}

function holder(element: TreeNode | undefined, path: PoolSetting['element']): TreeNode | undefined {
  let current = element;
  for (const step of path === undefined ? [] : path.split('/')) current = child(current, step);
  return current;
}

const has = (element: TreeNode | undefined, attribute: string): boolean => element?.attributes?.some((a) => a.name === attribute) ?? false;

/** The origin of each setting of a pool, by setting key. */
export function poolSettingOrigins(model: ApplicationHostConfig, pool: string, settings: readonly PoolSetting[]): ReadonlyMap<string, PoolSettingOrigin> {
  const root: TreeNode | undefined = model.document.root;
  const section = child(child(root, 'system.applicationHost'), 'applicationPools');
  const own = child(section, 'add', pool);
  const defaults = child(section, 'applicationPoolDefaults');
  const origins = new Map<string, PoolSettingOrigin>();
  for (const setting of settings) {
    const origin: PoolSettingOrigin = has(holder(own, setting.element), setting.attribute) ? 'pool' : has(holder(defaults, setting.element), setting.attribute) ? 'applicationPoolDefaults' : 'schema';
    origins.set(setting.key, origin);
  }
  return origins;
}
