/**
 * The edits that write a setting where IIS writes it: attributes of a section, entries of its
 * collections (added, removed with `<remove>` when inherited, reordered, changed), and "Revert to
 * parent", which removes what a level sets.
 */
import type { ApplicationHostConfig } from '../parse.ts';
import { readXml } from '../xml/readXml.ts';
import { WEB_SERVER_COLLECTIONS } from '../schema/collections.ts';
import { childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { normalizePhysicalPath, normalizeRelativePath, type LoadedWorkspace, type Workspace } from '../workspace.ts';
import { APPLICATION_HOST, readWorkspaceFile, type ConfigEdit, type FileRef } from './edits.ts';
import { findElement, keyedStep, parseElementPath } from './elementPath.ts';
import { descend, trim, WEB_SERVER, type EffectiveEntry } from './origins.ts';
import { locationPath, sectionTarget, type ConfigLevel, type Placement, type SectionTarget } from './levels.ts';

/**
 * The element a section is written to. Like sectionTarget, but in applicationHost.config it reuses the
 * `<location>` tag that already holds the section (a default install keeps modules and handlers in
 * `<location path="" overrideMode="Allow">`), so that an edit never defines a section twice for a path.
 */
export function settingTarget(model: ApplicationHostConfig, level: ConfigLevel, placement: Placement, section: string): SectionTarget | string {
  if (placement === 'webConfig' && level.site !== undefined) return sectionTarget(model, level, placement, section);
  const root = model.document.root;
  const wanted = trim(locationPath(level) ?? '').toLowerCase();
  const names = section.split('/');
  if (root !== undefined && descend(root, names) === undefined) {
    for (const location of childElements(root)) {
      if (location.name !== 'location') continue;
      const path = getAttribute(location, 'path') ?? '';
      if (trim(path).toLowerCase() !== wanted || descend(location, names) === undefined) continue;
      const mode = getAttribute(location, 'overrideMode');
      return { file: APPLICATION_HOST, sectionPath: `${keyedStep('location', mode === undefined ? { path } : { path, overrideMode: mode })}/${section}` };
    }
  }
  if (level.site === undefined) return { file: APPLICATION_HOST, sectionPath: section };
  return sectionTarget(model, level, placement, section);
}

const join = (section: string, sub: string): string => (sub === '' ? section : `${section}/${sub}`);

/** Sets (null: removes) attributes of a section, or of the element `sub` inside it, at a level. */
export function setSettingAttributes(
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  sub: string,
  values: Readonly<Record<string, string | null>>,
): ConfigEdit | string {
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  return { op: 'setAttributes', file: target.file, path: join(target.sectionPath, sub), values };
}

/** Adds an entry to the collection `sub` of a section (`''` when the section is the collection). */
export function addSettingEntry(
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  sub: string,
  addName: string,
  attributes: Readonly<Record<string, string>>,
): ConfigEdit | string {
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  return { op: 'addElement', file: target.file, parent: join(target.sectionPath, sub), name: addName, attributes };
}

/** The element at `path` in a workspace file, read fresh (edits work on the edited workspace). */
function elementIn(workspace: Workspace, file: FileRef, path: string): XmlElement | undefined {
  const text = readWorkspaceFile(workspace, file);
  const root = text === undefined ? undefined : readXml(text).document.root;
  const steps = parseElementPath(path);
  return root === undefined || typeof steps === 'string' ? undefined : findElement(root, steps);
}

const nonEmpty = (keys: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(keys).filter(([, v]) => v !== ''));

/**
 * Removes an entry at a level: the element itself when this level's file defines it, else a
 * `<remove>` with its key so the inherited entry no longer applies here and below.
 */
export function removeSettingEntry(
  workspace: Workspace,
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  sub: string,
  addName: string,
  keys: Readonly<Record<string, string>>,
): ConfigEdit | string {
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  const parent = join(target.sectionPath, sub);
  const own = `${parent}/${keyedStep(addName, nonEmpty(keys))}`;
  if (elementIn(workspace, target.file, own) !== undefined) return { op: 'removeElement', file: target.file, path: own };
  return { op: 'addElement', file: target.file, parent, name: 'remove', attributes: nonEmpty(keys) };
}

const attributesOf = (element: XmlElement): Record<string, string> => Object.fromEntries(element.attributes.map((a) => [a.name, a.value]));
const keyOf = (attributes: Readonly<Record<string, string>>, keys: readonly string[]): string => keys.map((k) => (attributes[k] ?? '').toLowerCase()).join('\u0000');
const keysOf = (attributes: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> => nonEmpty(Object.fromEntries(keys.map((k) => [k, attributes[k] ?? ''])));
const withoutLock = (attributes: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(attributes).filter(([name]) => name !== 'lockItem'));

/**
 * Moves the entry at `from` of an ordered collection (modules, handlers) to `to`, given the effective
 * entries at the level. Where this level's file defines the whole list, the element moves. Otherwise
 * the level gets `<clear/>` and the whole list in the new order, as IIS Manager's "View Ordered List"
 * writes it; when an inherited entry is locked (lockItem="true", as a default install's native modules
 * are), a `<clear/>` would be a lock violation (500.19), so the entries from the moved one to the end are
 * removed and added again in the new order (an added entry goes last: the collection appends).
 */
export function moveSettingEntry(
  workspace: Workspace,
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  sub: string,
  addName: string,
  keys: readonly string[],
  entries: readonly EffectiveEntry[],
  from: number,
  to: number,
): ConfigEdit | string {
  const moved = entries[from];
  if (moved === undefined || to < 0 || to >= entries.length || to === from) return 'There is no such move.';
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  const { file } = target;
  const parentPath = join(target.sectionPath, sub);
  const order = entries.filter((_, i) => i !== from);
  order.splice(to, 0, moved);
  const parent = elementIn(workspace, file, parentPath);
  const children = parent === undefined ? [] : childElements(parent);
  const ownAdds = children.filter((e) => e.name === addName);
  const ownKeys = new Set(ownAdds.map((e) => keyOf(attributesOf(e), keys)));
  const definedHere = !children.some((e) => e.name === 'remove') && ownAdds.length === entries.length && ownAdds.every((e, i) => keyOf(attributesOf(e), keys) === keyOf(entries[i]?.attributes ?? {}, keys));
  if (definedHere) {
    const movedKey = keyOf(moved.attributes, keys);
    const others = children.filter((e) => !(e.name === addName && keyOf(attributesOf(e), keys) === movedKey));
    const next = order[to + 1];
    const before = next === undefined ? -1 : others.findIndex((e) => e.name === addName && keyOf(attributesOf(e), keys) === keyOf(next.attributes, keys));
    return { op: 'moveElement', file, path: `${parentPath}/${keyedStep(addName, keysOf(moved.attributes, keys))}`, before: before < 0 ? others.length : before };
  }
  const inheritedLock = entries.find((e) => e.lockItem && !ownKeys.has(keyOf(e.attributes, keys)));
  const edits: ConfigEdit[] = [];
  if (inheritedLock === undefined) {
    for (const child of children) {
      if (child.name === addName || child.name === 'remove' || child.name === 'clear') edits.push({ op: 'removeElement', file, path: `${parentPath}/${child.name}[1]` });
    }
    edits.push({ op: 'addElement', file, parent: parentPath, name: 'clear', attributes: {} });
    for (const entry of order) edits.push({ op: 'addElement', file, parent: parentPath, name: addName, attributes: withoutLock(entry.attributes) });
    return { op: 'batch', edits };
  }
  const appends = WEB_SERVER_COLLECTIONS.get(join(section.slice(WEB_SERVER.length), sub))?.mergeAppend ?? true;
  const range = order.slice(Math.min(from, to));
  const locked = range.find((e) => e.lockItem);
  if (!appends || locked !== undefined) {
    const name = (locked ?? inheritedLock).attributes[keys[0] ?? 'name'] ?? '';
    return `${name} is locked (lockItem="true") at a parent level, so the list cannot be reordered here: reorder it at the level that defines it.`;
  }
  for (const entry of range) {
    const entryKeys = keysOf(entry.attributes, keys);
    if (ownKeys.has(keyOf(entry.attributes, keys))) edits.push({ op: 'removeElement', file, path: `${parentPath}/${keyedStep(addName, entryKeys)}` });
    else edits.push({ op: 'addElement', file, parent: parentPath, name: 'remove', attributes: entryKeys });
  }
  for (const entry of range) edits.push({ op: 'addElement', file, parent: parentPath, name: addName, attributes: withoutLock(entry.attributes) });
  return { op: 'batch', edits };
}

/**
 * Changes an entry of a collection at a level: in place where this level's file defines it; otherwise
 * the inherited entry is removed here and added again with the new attributes (it then comes last,
 * or first in a collection that does not append, such as handlers).
 */
export function setSettingEntry(
  workspace: Workspace,
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  sub: string,
  addName: string,
  keys: readonly string[],
  entry: Readonly<Record<string, string>>,
  attributes: Readonly<Record<string, string>>,
): ConfigEdit | string {
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  const parent = join(target.sectionPath, sub);
  const own = `${parent}/${keyedStep(addName, keysOf(entry, keys))}`;
  const cleaned = withoutLock(attributes);
  if (elementIn(workspace, target.file, own) !== undefined) {
    const values: Record<string, string | null> = { ...cleaned };
    for (const name of Object.keys(entry)) if (!(name in cleaned) && name !== 'lockItem') values[name] = null;
    return { op: 'setAttributes', file: target.file, path: own, values };
  }
  return {
    op: 'batch',
    edits: [
      { op: 'addElement', file: target.file, parent, name: 'remove', attributes: keysOf(entry, keys) },
      { op: 'addElement', file: target.file, parent, name: addName, attributes: cleaned },
    ],
  };
}

/**
 * "Revert to Parent" (IIS Manager): removes what a level sets for a section where it would be written,
 * so the level inherits again. Containers left empty (section groups, system.webServer, a `<location>`
 * tag) go too. A string says there is nothing to revert.
 */
export function revertSetting(workspace: Workspace, model: ApplicationHostConfig, level: ConfigLevel, placement: Placement, section: string): ConfigEdit | string {
  const target = settingTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  const element = elementIn(workspace, target.file, target.sectionPath);
  if (element === undefined) return `Nothing is set for ${section} at ${locationPath(level) ?? 'the server'} in this place.`;
  const steps = parseElementPath(target.sectionPath);
  if (typeof steps === 'string') return steps;
  // Climb while the parent would be left empty: no other element, and no attribute but a location's own.
  let depth = steps.length;
  let current: XmlElement = element;
  while (depth > 1 && current.parent !== undefined && current.parent.parent !== undefined) {
    const parent: XmlElement = current.parent;
    const ownAttributes = parent.attributes.filter((a) => !(parent.name === 'location' && (a.name === 'path' || a.name === 'overrideMode' || a.name === 'inheritInChildApplications')));
    if (childElements(parent).length !== 1 || ownAttributes.length > 0) break;
    current = parent;
    depth--;
  }
  const written = steps.slice(0, depth).map((s) => keyedStep(s.name, Object.fromEntries(s.keys)) + (s.index === undefined ? '' : `[${String(s.index)}]`)).join('/');
  return { op: 'removeElement', file: target.file, path: written };
}

/** True when a level sets a section where it would be written (so "Revert to parent" has something to remove). */
export function isSettingSetAt(workspace: LoadedWorkspace, level: ConfigLevel, placement: Placement, section: string): boolean {
  const target = settingTarget(workspace.model, level, placement, section);
  if (typeof target === 'string') return false;
  const steps = parseElementPath(target.sectionPath);
  if (typeof steps === 'string') return false;
  let root: XmlElement | undefined;
  if (target.file.kind === 'applicationHost') root = workspace.model.document.root;
  else {
    const text = workspace.files.get(normalizePhysicalPath(target.file.physicalPath))?.get(normalizeRelativePath(target.file.relativePath));
    root = text === undefined ? undefined : readXml(text).document.root;
  }
  return root !== undefined && findElement(root, steps) !== undefined;
}
