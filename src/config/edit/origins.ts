/**
 * Where each setting comes from at a configuration level (server, site, application, folder), whether a
 * section can be written there, and the edits that write a setting where IIS Manager would.
 *
 * Values and their origins come from the same merge the engine runs (effective.ts, through its merge
 * observer): applicationHost.config, its `<location>` tags from the least to the most specific path,
 * then each web.config from the site's root folder down. Locks are found the same way, by merging a
 * web.config that sets the section and seeing whether IIS would refuse it (500.19).
 * Sources: iis-docs "How to Use Locking in IIS 7.0 Configuration", configuration/location.
 */
import { DiagnosticCode, type Diagnostic } from '../diagnostics.ts';
import { effectiveConfig, serverLevelConfig, type MergeObserver, type MergeSource } from '../effective.ts';
import type { ApplicationHostConfig } from '../parse.ts';
import { positionAt } from '../xml/position.ts';
import { readXml } from '../xml/readXml.ts';
import { WEB_SERVER_COLLECTIONS } from '../schema/collections.ts';
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { normalizePhysicalPath, normalizeRelativePath, type LoadedWorkspace, type Workspace } from '../workspace.ts';
import { APPLICATION_HOST, readWorkspaceFile, type ConfigEdit, type FileRef } from './edits.ts';
import { findElement, keyedStep, parseElementPath } from './elementPath.ts';
import { locationPath, physicalFolderFor, sectionTarget, webConfigFor, type ConfigLevel, type Placement, type SectionTarget } from './levels.ts';

/** Where a value comes from: a file (and the line of the attribute or element), or the schema default. */
export interface SettingOrigin {
  /** Undefined for a default. */
  file?: FileRef;
  /** "applicationHost.config", "applicationHost.config <location path='Default Web Site'>", "web.config in /shop", "default". */
  label: string;
  line?: number;
  column?: number;
}

export const DEFAULT_ORIGIN: SettingOrigin = { label: 'default' };

export interface EffectiveValue {
  /** The value as written; undefined when no file sets it (the schema default applies). */
  value: string | undefined;
  origin: SettingOrigin;
}

export interface EffectiveEntry {
  attributes: Readonly<Record<string, string>>;
  origin: SettingOrigin;
  /** lockItem="true": a lower level may not remove it. */
  lockItem: boolean;
}

export interface LevelSettings {
  level: ConfigLevel;
  /** The value of an attribute of the element at `path` (`system.webServer/security/requestFiltering/requestLimits`, `system.web/authentication`). */
  value: (path: string, attribute: string) => EffectiveValue;
  /** The effective entries (`addName` elements) of the collection at `path`, in the order IIS uses them. */
  entries: (path: string, addName?: string) => EffectiveEntry[];
  /** Where `attribute` of the element at `path` is locked (lockAttributes, lockAllAttributesExcept), if it is. */
  attributeLock: (path: string, attribute: string) => SettingOrigin | undefined;
  /** Configuration errors at this level, which IIS answers with 500.19. */
  errors: Array<{ message: string; origin: SettingOrigin }>;
}

const WEB_SERVER = 'system.webServer/';
const SYSTEM_WEB = 'system.web/';
const trim = (path: string): string => path.replace(/^\/+|\/+$/g, '');

interface OriginRecord {
  source: XmlElement;
  attribute: string | undefined;
  from: MergeSource;
}

/** The `<location>` element (a child of the root) an element sits in, if any. */
function enclosingLocation(element: XmlElement): XmlElement | undefined {
  for (let current: XmlElement | undefined = element; current !== undefined; current = current.parent) {
    if (current.name === 'location' && current.parent !== undefined && current.parent.parent === undefined) return current;
  }
  return undefined;
}

/** The file a diagnostic's file name stands for (`C:\inetpub\wwwroot\shop\web.config`), and a label for it. */
function fileOf(model: ApplicationHostConfig, site: string | undefined, file: string | undefined): { file: FileRef; label: string } {
  if (file === undefined || file === 'applicationHost.config') return { file: APPLICATION_HOST, label: 'applicationHost.config' };
  const lower = file.toLowerCase();
  for (const candidate of model.sites.sites) {
    if (site !== undefined && candidate.name.toLowerCase() !== site.toLowerCase()) continue;
    for (const application of candidate.applications) {
      for (const directory of application.virtualDirectories) {
        const prefix = directory.physicalPath.replace(/[\\/]+$/, '').toLowerCase() + '\\';
        if (!lower.startsWith(prefix)) continue;
        const relativePath = file.slice(prefix.length).replace(/\\/g, '/');
        const folder = [application.path, directory.path, relativePath.replace(/\/?web\.config$/i, '')].map(trim).filter((p) => p !== '').join('/');
        return { file: { kind: 'content', physicalPath: directory.physicalPath, relativePath }, label: `web.config in /${folder}` };
      }
    }
  }
  return { file: APPLICATION_HOST, label: file };
}

class OriginRecorder {
  readonly attributes = new WeakMap<XmlElement, Map<string, OriginRecord>>();
  readonly entryRecords = new WeakMap<XmlElement, OriginRecord>();
  readonly systemWebs: Array<{ element: XmlElement; from: MergeSource }> = [];

  constructor(
    private readonly model: ApplicationHostConfig,
    private readonly site: string | undefined,
  ) {}

  readonly observer: MergeObserver = {
    attribute: (target, name, source, from) => {
      let map = this.attributes.get(target);
      if (map === undefined) {
        map = new Map();
        this.attributes.set(target, map);
      }
      map.set(name, { source, attribute: name, from });
    },
    entry: (target, source, from) => {
      this.entryRecords.set(target, { source, attribute: undefined, from });
    },
    systemWeb: (element, from) => {
      this.systemWebs.push({ element, from });
    },
  };

  origin(record: OriginRecord | undefined): SettingOrigin {
    if (record === undefined) return DEFAULT_ORIGIN;
    const { source, attribute, from } = record;
    const location = enclosingLocation(source);
    const locationText = location === undefined ? '' : ` <location path='${getAttribute(location, 'path') ?? ''}'>`;
    let file: FileRef = APPLICATION_HOST;
    let label = `applicationHost.config${locationText}`;
    if (from.folderUrl !== undefined) {
      const ref = this.site === undefined ? undefined : webConfigFor(this.model, { site: this.site, path: from.folderUrl });
      file = ref === undefined || typeof ref === 'string' ? fileOf(this.model, this.site, from.file).file : ref;
      label = `web.config in /${trim(from.folderUrl)}${locationText}`;
    }
    const offset = (attribute === undefined ? undefined : source.attributes.find((a) => a.name === attribute)?.start) ?? source.start;
    const { line, column } = positionAt(from.document.source, offset, from.document);
    return line > 0 ? { file, label, line, column } : { file, label };
  }
}

/** The element at `path` below `element`, by child names. */
function descend(element: XmlElement | undefined, names: readonly string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = current === undefined ? undefined : childElement(current, name);
  return current;
}

/** The merged element at a `system.webServer/...` path: its section, then the elements inside it. */
function mergedElement(sections: ReadonlyMap<string, XmlElement>, path: string): XmlElement | undefined {
  if (!path.startsWith(WEB_SERVER)) return undefined;
  const names = path.slice(WEB_SERVER.length).split('/');
  for (let i = 1; i <= names.length; i++) {
    const section = sections.get(names.slice(0, i).join('/'));
    if (section !== undefined) return descend(section, names.slice(i));
  }
  return undefined;
}

const splitList = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/**
 * The effective settings at a level, each with where it comes from. A string says why there are none
 * (no such site, no application for the path).
 *
 * @example
 * const settings = levelSettings(loadWorkspace(workspace), { site: 'Default Web Site', path: '/private' });
 * if (typeof settings !== 'string') settings.value('system.webServer/security/authentication/anonymousAuthentication', 'enabled').origin.label;
 */
export function levelSettings(workspace: LoadedWorkspace, level: ConfigLevel): LevelSettings | string {
  const recorder = new OriginRecorder(workspace.model, level.site);
  let sections: ReadonlyMap<string, XmlElement>;
  let errors: Diagnostic[] = [];
  if (level.site === undefined) sections = serverLevelConfig(workspace, recorder.observer).sections;
  else {
    const result = effectiveConfig(workspace, level.site, level.path ?? '/', recorder.observer);
    if (!result.ok) return result.message;
    sections = result.effective.sections ?? new Map<string, XmlElement>();
    errors = result.effective.errors;
  }
  const element = (path: string): XmlElement | undefined => mergedElement(sections, path);
  const value = (path: string, attribute: string): EffectiveValue => {
    if (path.startsWith(SYSTEM_WEB)) {
      const names = path.slice(SYSTEM_WEB.length).split('/');
      for (let i = recorder.systemWebs.length - 1; i >= 0; i--) {
        const layer = recorder.systemWebs[i];
        const found = layer === undefined ? undefined : descend(layer.element, names);
        const text = found === undefined ? undefined : getAttribute(found, attribute);
        if (found !== undefined && text !== undefined && layer !== undefined) return { value: text, origin: recorder.origin({ source: found, attribute, from: layer.from }) };
      }
      return { value: undefined, origin: DEFAULT_ORIGIN };
    }
    const target = element(path);
    const text = target === undefined ? undefined : getAttribute(target, attribute);
    if (target === undefined || text === undefined) return { value: undefined, origin: DEFAULT_ORIGIN };
    return { value: text, origin: recorder.origin(recorder.attributes.get(target)?.get(attribute)) };
  };
  return {
    level,
    value,
    entries: (path, addName = 'add') => {
      const container = element(path);
      if (container === undefined) return [];
      return childElements(container)
        .filter((e) => e.name === addName)
        .map((e) => ({
          attributes: Object.fromEntries(e.attributes.map((a) => [a.name, a.value])),
          origin: recorder.origin(recorder.entryRecords.get(e)),
          lockItem: (getAttribute(e, 'lockItem') ?? '').toLowerCase() === 'true',
        }));
    },
    attributeLock: (path, attribute) => {
      const locked = value(path, 'lockAttributes');
      if (splitList(locked.value).includes(attribute)) return locked.origin;
      const except = value(path, 'lockAllAttributesExcept');
      if (except.value !== undefined && !splitList(except.value).includes(attribute)) return except.origin;
      return undefined;
    },
    errors: errors.map((d) => {
      const { file, label } = fileOf(workspace.model, level.site, d.file);
      return { message: d.message, origin: d.line > 0 ? { file, label, line: d.line, column: d.column } : { file, label } };
    }),
  };
}

/** Whether a section can be written at a level and placement. */
export type SectionLock =
  | { state: 'open' }
  /** IIS refuses the section there: a request answers 500.19. */
  | { state: 'locked'; reason: string }
  /** IIS does not read web.config files there (enableConfigurationOverride, allowSubDirConfig), or there is no folder. */
  | { state: 'ignored'; reason: string };

const OPEN: SectionLock = { state: 'open' };

/** A web.config that holds an empty element for each section (`system.webServer/security/ipSecurity`). */
function probeWebConfig(sections: readonly string[]): string {
  interface Node {
    children: Map<string, Node>;
  }
  const root: Node = { children: new Map() };
  for (const section of sections) {
    let node = root;
    for (const name of section.split('/')) {
      let next = node.children.get(name);
      if (next === undefined) {
        next = { children: new Map() };
        node.children.set(name, next);
      }
      node = next;
    }
  }
  const write = (name: string, node: Node): string => (node.children.size === 0 ? `<${name}/>` : `<${name}>${[...node.children].map(([n, c]) => write(n, c)).join('')}</${name}>`);
  return write('configuration', root);
}

/** The workspace with one file of a physical path replaced (or removed, with undefined). */
function withFile(workspace: LoadedWorkspace, physicalPath: string, relativePath: string, text: string | undefined): LoadedWorkspace {
  const key = normalizePhysicalPath(physicalPath);
  const files = new Map(workspace.files);
  const folder = new Map(files.get(key) ?? []);
  if (text === undefined) folder.delete(normalizeRelativePath(relativePath));
  else folder.set(normalizeRelativePath(relativePath), text);
  files.set(key, folder);
  return { ...workspace, files };
}

/**
 * Whether each section (`system.webServer/...`, `system.web/...`) can be written at a level with a
 * placement. A `<location>` tag in applicationHost.config is never refused; a web.config is refused
 * where the section is locked (overrideModeDefault="Deny" without a `<location overrideMode="Allow">`,
 * or allowDefinition), which is found by merging a web.config that sets it, as IIS would.
 */
export function sectionLocks(workspace: LoadedWorkspace, level: ConfigLevel, placement: Placement, sections: readonly string[]): Map<string, SectionLock> {
  const locks = new Map<string, SectionLock>(sections.map((s) => [s, OPEN]));
  if (level.site === undefined || placement === 'applicationHost') return locks;
  const path = level.path ?? '/';
  const folder = physicalFolderFor(workspace.model, level.site, path);
  const ignore = (reason: string): Map<string, SectionLock> => new Map(sections.map((s) => [s, { state: 'ignored', reason }]));
  if (folder === undefined) return ignore(`No virtual directory of ${level.site} serves ${path}, so there is no web.config to write.`);
  const pool = workspace.model.applicationPools.pools.find((p) => p.name.toLowerCase() === folder.application.applicationPool.toLowerCase());
  if (pool !== undefined && !pool.enableConfigurationOverride) {
    return ignore(`The application pool ${pool.name} has enableConfigurationOverride="false": IIS ignores the web.config files of its applications.`);
  }
  if (folder.relativeFolder !== '' && !folder.virtualDirectory.allowSubDirConfig) {
    return ignore(`The virtual directory ${folder.virtualDirectory.path} has allowSubDirConfig="false": IIS ignores web.config files in its subfolders.`);
  }
  const webServer = sections.filter((s) => s.startsWith(WEB_SERVER));
  if (webServer.length === 0) return locks;
  const file = folder.relativeFolder === '' ? 'web.config' : `${folder.relativeFolder}/web.config`;
  const messages = (loaded: LoadedWorkspace): Diagnostic[] => {
    const result = effectiveConfig(loaded, level.site ?? '', path);
    return result.ok ? result.effective.errors.filter((d) => d.code === DiagnosticCode.lockedSection || d.code === DiagnosticCode.sectionNotAllowedHere) : [];
  };
  // The probe's problems are those reported against its file, named as effectiveConfig names a web.config.
  const probeFile = `${folder.physicalPath.replace(/[\\/]+$/, '')}\\${normalizeRelativePath(file).replace(/\//g, '\\')}`;
  const after = messages(withFile(workspace, folder.physicalPath, file, probeWebConfig(webServer)));
  for (const diagnostic of after) {
    if (diagnostic.file !== probeFile) continue;
    const section = webServer.find((s) => diagnostic.message.includes(`${s} `));
    if (section !== undefined && locks.get(section)?.state === 'open') locks.set(section, { state: 'locked', reason: diagnostic.message });
  }
  return locks;
}

/**
 * Where IIS Manager writes a section at a level: applicationHost.config at server level; otherwise the
 * folder's web.config, unless the section is locked for web.config files there (the authentication
 * sections, by overrideModeDefault="Deny"), when it writes a `<location>` tag in applicationHost.config.
 * ASP.NET's system.web sections go to web.config: ASP.NET does not read applicationHost.config.
 */
export function defaultPlacement(level: ConfigLevel, section: string, lock: SectionLock): Placement {
  if (level.site === undefined) return 'applicationHost';
  if (section.startsWith(SYSTEM_WEB)) return 'webConfig';
  return lock.state === 'open' ? 'webConfig' : 'applicationHost';
}

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
