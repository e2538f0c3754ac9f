/**
 * Where each setting comes from at a configuration level (server, site, application, folder). Whether a
 * section can be written there is settingLocks.ts; the edits that write a setting, settingEdits.ts.
 *
 * Values and their origins come from the same merge the engine runs (effective.ts, through its merge
 * observer): applicationHost.config, its `<location>` tags from the least to the most specific path,
 * then each web.config from the site's root folder down. Locks are found the same way, by merging a
 * web.config that sets the section and seeing whether IIS would refuse it (500.19).
 * Sources: iis-docs "How to Use Locking in IIS 7.0 Configuration", configuration/location.
 */
import { type Diagnostic } from '../diagnostics.ts';
import { effectiveConfig, serverLevelConfig, type MergeObserver, type MergeSource } from '../effective.ts';
import type { ApplicationHostConfig } from '../parse.ts';
import { positionAt } from '../xml/position.ts';
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { type LoadedWorkspace } from '../workspace.ts';
import { APPLICATION_HOST, type FileRef } from './edits.ts';
import { webConfigFor, type ConfigLevel } from './levels.ts';

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

export const WEB_SERVER = 'system.webServer/';
export const SYSTEM_WEB = 'system.web/';
export const trim = (path: string): string => path.replace(/^\/+|\/+$/g, '');

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
export function descend(element: XmlElement | undefined, names: readonly string[]): XmlElement | undefined {
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

