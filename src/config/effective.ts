/**
 * effectiveConfig: the merged system.webServer configuration for one URL of one site, as IIS computes
 * it: applicationHost.config, then its <location> tags from the least to the most specific path, then
 * each web.config from the site's root folder down to the URL's folder. Collections honour <add>,
 * <remove> and <clear> (and mergeAppend="false" for handlers and default documents); locks
 * (overrideModeDefault, <location overrideMode>, lockItem, lockAttributes, lockElements, allowDefinition)
 * turn a violating web.config into a configuration error, which the engine answers with 500.19.
 * Sources: iis-docs configuration reference (location, overrideMode, lockItem); fact sheet §1, §4.
 */
import { DiagnosticCode, DiagnosticSink, type Diagnostic } from './diagnostics.ts';
import { WEB_SERVER_COLLECTIONS, SIMULATED_WEB_SERVER_SECTIONS, type CollectionSchema } from './schema/collections.ts';
import { defaultSectionDefinition } from './schema/delegation.ts';
import type { SectionDefinition } from './schema/serverSettings.ts';
import type { Application, Site, VirtualDirectory } from './schema/sites.ts';
import { readWebServer, type WebServerConfig } from './schema/webServer.ts';
import { defaultSystemWeb, mergeSystemWeb, type SystemWebConfig } from './schema/systemWeb.ts';
import { collectSectionElements } from './sections.ts';
import { readXml } from './xml/readXml.ts';
import { childElement, childElements, getAttribute, type XmlDocument, type XmlElement } from './xml/xmlTree.ts';
import { normalizePhysicalPath, normalizeRelativePath, type LoadedWorkspace } from './workspace.ts';

export interface EffectiveConfig {
  site: Site;
  application: Application;
  virtualDirectory: VirtualDirectory;
  /** The physical path the URL maps to, as written in the configuration plus the rest of the URL. */
  physicalPath: string;
  config: WebServerConfig;
  /** The ASP.NET <system.web> settings that change how IIS runs the request. */
  systemWeb: SystemWebConfig;
  /** Configuration errors IIS reports as 500.19: locked sections, malformed web.config, duplicates. */
  errors: Diagnostic[];
  /** Sections present for this URL that IIS Flow keeps but does not simulate. */
  notSimulated: string[];
  /** The configuration files that contributed, in merge order. */
  sources: string[];
  /** The merged section elements, keyed by path below system.webServer (what `config` is read from). */
  sections?: ReadonlyMap<string, XmlElement>;
}

/** Where a layer of the merge comes from: a file, its parsed document, and for a web.config the URL folder it sits in. */
export interface MergeSource {
  /** `applicationHost.config` or a web.config's path. */
  file: string;
  document: XmlDocument;
  /** The site-relative URL folder of a web.config (`/`, `/shop`); undefined for applicationHost.config. */
  folderUrl: string | undefined;
}

/**
 * Told of each value the merge takes, in merge order, so that a caller can say where an effective
 * value comes from (the Settings panel). `target` is the element in the merged tree; `source` the
 * element of the file that set it.
 */
export interface MergeObserver {
  attribute: (target: XmlElement, name: string, source: XmlElement, from: MergeSource) => void;
  /** A collection entry (`target`, a copy in the merged tree) was added by `source`. */
  entry: (target: XmlElement, source: XmlElement, from: MergeSource) => void;
  /** A <system.web> element was applied. */
  systemWeb?: (element: XmlElement, from: MergeSource) => void;
}

export type EffectiveConfigResult = { ok: true; effective: EffectiveConfig } | { ok: false; message: string };

interface Layer {
  /** The system.webServer element of this layer. */
  webServer: XmlElement;
  /** Where it comes from, for messages: `applicationHost.config` or a web.config's path. */
  file: string;
  sink: DiagnosticSink;
  /** True for web.config layers, where locks apply. */
  delegated: boolean;
  /** True when this web.config is below its application's root folder. */
  belowApplicationRoot: boolean;
  source: MergeSource;
}

const lower = (s: string): string => s.toLowerCase();

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** True when `urlPath` is `prefix` or below it, on segment boundaries, ignoring case. */
function isUnder(urlPath: string, prefix: string): boolean {
  const u = lower(trimSlashes(urlPath));
  const p = lower(trimSlashes(prefix));
  return p === '' || u === p || u.startsWith(p + '/');
}

function longestMatch<T extends { path: string }>(items: readonly T[], urlPath: string): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (isUnder(urlPath, item.path) && (best === undefined || trimSlashes(item.path).length > trimSlashes(best.path).length)) best = item;
  }
  return best;
}

/** The part of `urlPath` below `prefix` (both site-relative). */
function below(urlPath: string, prefix: string): string {
  const u = trimSlashes(urlPath);
  const p = trimSlashes(prefix);
  return p === '' ? u : trimSlashes(u.slice(p.length));
}

/** A deep copy of an element, detached, for building merged sections without touching the source. */
function cloneElement(element: XmlElement, parent: XmlElement | undefined): XmlElement {
  const copy: XmlElement = {
    kind: 'element',
    name: element.name,
    attributes: element.attributes.map((a) => ({ ...a })),
    children: [],
    start: element.start,
    end: element.end,
    selfClosing: element.selfClosing,
    parent,
  };
  for (const child of element.children) {
    if (child.kind === 'element') copy.children.push(cloneElement(child, copy));
  }
  return copy;
}

function entryKey(entry: XmlElement, schema: CollectionSchema): string {
  const key = schema.keys.map((k) => getAttribute(entry, k) ?? '').join('\u0000');
  return schema.caseSensitiveKeys ? key : lower(key);
}

/** A collection's entries by key, the first of each key (as a search in order would find it). */
function entriesByKey(target: XmlElement, schema: CollectionSchema): Map<string, XmlElement> {
  const byKey = new Map<string, XmlElement>();
  for (const entry of childElements(target)) {
    if (entry.name !== schema.add) continue;
    const key = entryKey(entry, schema);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return byKey;
}

function splitList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

class Merger {
  readonly sections = new Map<string, XmlElement>();
  readonly errors: Diagnostic[] = [];

  constructor(
    private readonly definitionOf: (sectionPath: string) => SectionDefinition,
    private readonly observer?: MergeObserver,
  ) {}

  private error(layer: Layer, code: DiagnosticCode, message: string, element: XmlElement, attribute?: string): void {
    const before = layer.sink.diagnostics.length;
    layer.sink.element(code, 'error', message, element, attribute);
    const diagnostic = layer.sink.diagnostics[before];
    if (diagnostic !== undefined) this.errors.push(diagnostic);
  }

  /** Merges one layer's system.webServer; `overrideMode` is the mode in force for delegated layers. */
  mergeLayer(layer: Layer, isLocked: (sectionPath: string) => boolean): void {
    for (const [sectionPath, element] of collectSectionElements(layer.webServer)) {
      if (layer.delegated) {
        const definition = this.definitionOf(sectionPath);
        if (definition.allowDefinition === 'AppHostOnly' || definition.allowDefinition === 'MachineOnly' || definition.allowDefinition === 'MachineToWebRoot') {
          this.error(layer, DiagnosticCode.sectionNotAllowedHere, `The section system.webServer/${sectionPath} can only be set in applicationHost.config (allowDefinition="${definition.allowDefinition}"), not in ${layer.file}.`, element);
          continue;
        }
        if (definition.allowDefinition === 'MachineToApplication' && layer.belowApplicationRoot) {
          this.error(layer, DiagnosticCode.sectionNotAllowedHere, `The section system.webServer/${sectionPath} can only be set at an application's root (allowDefinition="MachineToApplication"), not in ${layer.file}.`, element);
          continue;
        }
        if (isLocked(sectionPath)) {
          this.error(
            layer,
            DiagnosticCode.lockedSection,
            `This configuration section cannot be used at this path: system.webServer/${sectionPath} is locked at a parent level (overrideModeDefault="Deny" or <location overrideMode="Deny">), so ${layer.file} may not set it. IIS answers 500.19 (0x80070021).`,
            element,
          );
          continue;
        }
      }
      const existing = this.sections.get(sectionPath);
      if (existing === undefined) {
        const merged = cloneElement(element, undefined);
        merged.children = [];
        this.sections.set(sectionPath, merged);
        this.mergeInto(merged, element, sectionPath, layer);
      } else this.mergeInto(existing, element, sectionPath, layer);
    }
  }

  private mergeInto(target: XmlElement, source: XmlElement, schemaPath: string, layer: Layer): void {
    const lockedAttributes = new Set(splitList(getAttribute(target, 'lockAttributes')));
    const allExcept = getAttribute(target, 'lockAllAttributesExcept');
    const lockedElements = new Set(splitList(getAttribute(target, 'lockElements')));
    for (const attribute of source.attributes) {
      if (layer.delegated && target.start !== source.start) {
        const locked =
          lockedAttributes.has(attribute.name) ||
          (allExcept !== undefined && !splitList(allExcept).includes(attribute.name) && !attribute.name.startsWith('lock'));
        if (locked) {
          this.error(layer, DiagnosticCode.lockedSection, `The attribute "${attribute.name}" of <${source.name}> is locked at a parent level (lockAttributes), so ${layer.file} may not set it. IIS answers 500.19.`, source, attribute.name);
          continue;
        }
      }
      const existing = target.attributes.find((a) => a.name === attribute.name);
      if (existing === undefined) target.attributes.push({ ...attribute });
      else {
        existing.value = attribute.value;
        existing.start = attribute.start;
      }
      this.observer?.attribute(target, attribute.name, source, layer.source);
    }
    const collection = WEB_SERVER_COLLECTIONS.get(schemaPath);
    const newEntries: XmlElement[] = [];
    // The entries in force (inherited and added here) by key, built at the first item: looking each item
    // up in a list was quadratic, seconds for the pipelines of fixture 12's 65 pools.
    let byKey: Map<string, XmlElement> | undefined;
    for (const child of childElements(source)) {
      if (collection !== undefined && (child.name === collection.add || child.name === collection.remove || child.name === collection.clear)) {
        byKey ??= entriesByKey(target, collection);
        this.applyCollectionItem(target, child, collection, newEntries, layer, byKey);
        continue;
      }
      if (layer.delegated && lockedElements.has(child.name)) {
        this.error(layer, DiagnosticCode.lockedSection, `The element <${child.name}> is locked at a parent level (lockElements), so ${layer.file} may not set it. IIS answers 500.19.`, child);
        continue;
      }
      let existing = childElement(target, child.name);
      if (existing === undefined) {
        existing = cloneElement(child, target);
        existing.children = [];
        existing.attributes = [];
        target.children.push(existing);
      }
      this.mergeInto(existing, child, `${schemaPath}/${child.name}`, layer);
    }
    if (collection !== undefined && newEntries.length > 0) {
      if (collection.mergeAppend) target.children.push(...newEntries);
      else {
        // mergeAppend="false": entries added here go before the inherited ones (schema: handlers, files).
        const firstEntry = target.children.findIndex((c) => c.kind === 'element' && c.name === collection.add && !newEntries.includes(c));
        const kept = target.children.filter((c) => !(c.kind === 'element' && c.name === collection.add));
        const inherited = target.children.filter((c) => c.kind === 'element' && c.name === collection.add);
        target.children = firstEntry < 0 ? [...kept, ...newEntries] : [...kept, ...newEntries, ...inherited];
      }
    }
  }

  /** `byKey`: the entries of `target` and `added` by key (keys are unique there: a duplicate is refused). */
  private applyCollectionItem(target: XmlElement, item: XmlElement, schema: CollectionSchema, added: XmlElement[], layer: Layer, byKey: Map<string, XmlElement>): void {
    if (item.name === schema.clear) {
      const locked = childElements(target).find((e) => e.name === schema.add && lower(getAttribute(e, 'lockItem') ?? '') === 'true');
      if (layer.delegated && locked !== undefined) {
        this.error(layer, DiagnosticCode.lockedSection, `<clear/> would remove "${entryKey(locked, schema)}", which is locked (lockItem="true") at a parent level. IIS answers 500.19.`, item);
        return;
      }
      target.children = target.children.filter((c) => !(c.kind === 'element' && c.name === schema.add));
      added.length = 0;
      byKey.clear();
      return;
    }
    const key = entryKey(item, schema);
    const existing = byKey.get(key);
    if (item.name === schema.remove) {
      if (existing === undefined) return;
      if (layer.delegated && lower(getAttribute(existing, 'lockItem') ?? '') === 'true' && existing.start !== item.start) {
        this.error(layer, DiagnosticCode.lockedSection, `<remove> of "${key}" is not allowed: the entry is locked (lockItem="true") at a parent level. IIS answers 500.19.`, item);
        return;
      }
      target.children = target.children.filter((c) => c !== existing);
      const index = added.indexOf(existing);
      if (index >= 0) added.splice(index, 1);
      byKey.delete(key);
      return;
    }
    if (existing !== undefined) {
      this.error(layer, DiagnosticCode.duplicateCollectionEntry, `Cannot add a duplicate collection entry: <${item.name}> with key "${schema.keys.map((k) => getAttribute(item, k) ?? '').filter((v) => v !== '').join(', ')}" already exists. IIS answers 500.19 (0x800700b7).`, item);
      return;
    }
    const copy = cloneElement(item, target);
    added.push(copy);
    byKey.set(key, copy);
    this.observer?.entry(copy, item, layer.source);
  }
}

function findApplicationHostLocations(model: LoadedWorkspace['model']): { path: string; overrideMode: string; element: XmlElement }[] {
  const root = model.document.root;
  if (root === undefined) return [];
  return childElements(root)
    .filter((e) => e.name === 'location')
    .map((element) => ({ path: trimSlashes(getAttribute(element, 'path') ?? ''), overrideMode: getAttribute(element, 'overrideMode') ?? 'Inherit', element }));
}

/**
 * The effective system.webServer configuration for `urlPath` (e.g. `/shop/cart.aspx`) on the site
 * named `siteName`.
 *
 * @example
 * const result = effectiveConfig(loadWorkspace(workspace), 'Default Web Site', '/x.mdb');
 * if (result.ok) result.effective.config.requestFiltering.fileExtensions.entries;
 */
export function effectiveConfig(workspace: LoadedWorkspace, siteName: string, urlPath: string, observer?: MergeObserver): EffectiveConfigResult {
  const { model } = workspace;
  const site = model.sites.sites.find((s) => lower(s.name) === lower(siteName));
  if (site === undefined) return { ok: false, message: `There is no site named "${siteName}".` };
  const path = '/' + trimSlashes(urlPath.split('?')[0] ?? '');
  const application = longestMatch(site.applications, path);
  if (application === undefined) return { ok: false, message: `The site "${site.name}" has no application for ${path}.` };
  const inApplication = '/' + below(path, application.path);
  const virtualDirectory = longestMatch(application.virtualDirectories, inApplication);
  if (virtualDirectory === undefined) return { ok: false, message: `The application "${application.path}" has no virtual directory for ${path}.` };
  const rest = below(inApplication, virtualDirectory.path);
  const physicalPath = rest === '' ? virtualDirectory.physicalPath : `${virtualDirectory.physicalPath.replace(/[\\/]+$/, '')}\\${rest.replace(/\//g, '\\')}`;

  const definitionOf = (sectionPath: string): SectionDefinition =>
    model.configSections.get('system.webServer/' + sectionPath) ?? defaultSectionDefinition(sectionPath);
  const merger = new Merger(definitionOf, observer);
  let systemWeb = defaultSystemWeb();
  const applySystemWeb = (container: XmlElement, from: MergeSource): void => {
    const element = childElement(container, 'system.web');
    if (element === undefined) return;
    systemWeb = mergeSystemWeb(systemWeb, element);
    observer?.systemWeb?.(element, from);
  };
  const sources: string[] = [];
  const appHostSink = new DiagnosticSink(model.document);
  const root = model.document.root;

  // 1. applicationHost.config: the server level, then matching <location> tags, least specific first.
  const serverWebServer = root === undefined ? undefined : childElement(root, 'system.webServer');
  const appHostSource: MergeSource = { file: 'applicationHost.config', document: model.document, folderUrl: undefined };
  const appHostLayer = (webServer: XmlElement): Layer => ({ webServer, file: 'applicationHost.config', sink: appHostSink, delegated: false, belowApplicationRoot: false, source: appHostSource });
  if (serverWebServer !== undefined) merger.mergeLayer(appHostLayer(serverWebServer), () => false);
  sources.push('applicationHost.config');
  const sitePath = (p: string): string => trimSlashes(`${site.name}/${trimSlashes(p)}`);
  const locations = findApplicationHostLocations(model)
    .filter((l) => l.path === '' || isUnder(sitePath(path), l.path))
    .sort((a, b) => a.path.length - b.path.length);
  for (const location of locations) {
    const webServer = childElement(location.element, 'system.webServer');
    if (webServer !== undefined) merger.mergeLayer(appHostLayer(webServer), () => false);
    applySystemWeb(location.element, appHostSource);
  }

  // The lock state web.config files see. A <location overrideMode> governs only the sections written
  // inside that location tag (iis-docs: configuration/location, "overrideMode"); the most specific
  // such location wins, else the section's overrideModeDefault from <configSections>.
  const overrideModeFor = (sectionPath: string, folderPath: string): 'Allow' | 'Deny' => {
    let mode: 'Allow' | 'Deny' = definitionOf(sectionPath).overrideModeDefault;
    for (const location of locations) {
      if (!isUnder(sitePath(folderPath), location.path)) continue;
      const webServer = childElement(location.element, 'system.webServer');
      const sectionElement = webServer === undefined ? undefined : collectSectionElements(webServer).get(sectionPath);
      if (sectionElement === undefined) continue;
      const own = getAttribute(sectionElement, 'overrideMode') ?? location.overrideMode;
      if (own === 'Allow' || own === 'Deny') mode = own;
    }
    return mode;
  };

  // 2. web.config files from the site's root folder down to the URL's folder.
  const pool = model.applicationPools.pools.find((p) => lower(p.name) === lower(application.applicationPool));
  const webConfigAllowed = pool?.enableConfigurationOverride ?? true;
  const segments = trimSlashes(path).split('/').filter((s) => s !== '');
  // Only folders no deeper than the site's deepest web.config can hold one: looking at every folder of
  // a URL was quadratic in its segments (a 1 MB URL of 100,000 segments took about a minute).
  const deepest = Math.min(segments.length, deepestWebConfigFolder(workspace, site));
  for (let depth = 0; depth <= deepest && webConfigAllowed; depth++) {
    const folderUrl = '/' + segments.slice(0, depth).join('/');
    const folderFile = folderWebConfig(workspace, site, folderUrl);
    if (folderFile === undefined) continue;
    const { text, file, allowSubDirConfig, atApplicationRoot } = folderFile;
    if (!allowSubDirConfig) continue;
    sources.push(file);
    const read = readXml(text);
    const sink = new DiagnosticSink(read.document, file);
    if (!read.wellFormed || read.document.root?.name !== 'configuration') {
      const problem = read.problems.find((p) => p.kind !== 'doctype-ignored');
      sink.at(DiagnosticCode.notWellFormed, 'error', `${file} is not a valid configuration file: ${problem?.message ?? 'its root element is not <configuration>'} IIS answers 500.19 (0x8007000d).`, problem?.offset ?? 0, undefined);
      merger.errors.push(...sink.diagnostics);
      continue;
    }
    const source: MergeSource = { file, document: read.document, folderUrl };
    const layerFor = (webServer: XmlElement): Layer => ({ webServer, file, sink, delegated: true, belowApplicationRoot: !atApplicationRoot, source });
    const configRoot = read.document.root;
    const webServer = childElement(configRoot, 'system.webServer');
    if (webServer !== undefined) merger.mergeLayer(layerFor(webServer), (s) => overrideModeFor(s, folderUrl) === 'Deny');
    applySystemWeb(configRoot, source);
    // <location path="x"> inside a web.config applies to a path relative to its folder.
    for (const location of childElements(configRoot).filter((e) => e.name === 'location')) {
      const relative = trimSlashes(getAttribute(location, 'path') ?? '');
      const target = trimSlashes(`${folderUrl}/${relative}`);
      const inner = childElement(location, 'system.webServer');
      if (!isUnder(path, target)) continue;
      if (inner !== undefined) merger.mergeLayer(layerFor(inner), (s) => overrideModeFor(s, target) === 'Deny');
      applySystemWeb(location, source);
    }
  }

  const readSink = new DiagnosticSink(model.document);
  const config = readWebServer(merger.sections, readSink);
  const notSimulated = [...merger.sections.keys()].filter((s) => !SIMULATED_WEB_SERVER_SECTIONS.has(s)).sort();
  return { ok: true, effective: { site, application, virtualDirectory, physicalPath, config, systemWeb, errors: merger.errors, notSimulated, sources, sections: merger.sections } };
}

/**
 * The server-level system.webServer configuration: applicationHost.config's own sections and its
 * `<location path="">` tags (which apply at the level of the file itself, iis-docs: location "path").
 * What IIS Manager shows at the server node; every site inherits it.
 */
export function serverLevelConfig(workspace: LoadedWorkspace, observer?: MergeObserver): { config: WebServerConfig; sections: ReadonlyMap<string, XmlElement> } {
  const { model } = workspace;
  const definitionOf = (sectionPath: string): SectionDefinition =>
    model.configSections.get('system.webServer/' + sectionPath) ?? defaultSectionDefinition(sectionPath);
  const merger = new Merger(definitionOf, observer);
  const source: MergeSource = { file: 'applicationHost.config', document: model.document, folderUrl: undefined };
  const sink = new DiagnosticSink(model.document);
  const merge = (webServer: XmlElement | undefined): void => {
    if (webServer !== undefined) merger.mergeLayer({ webServer, file: source.file, sink, delegated: false, belowApplicationRoot: false, source }, () => false);
  };
  const root = model.document.root;
  merge(root === undefined ? undefined : childElement(root, 'system.webServer'));
  for (const location of findApplicationHostLocations(model)) if (location.path === '') merge(childElement(location.element, 'system.webServer'));
  return { config: readWebServer(merger.sections, undefined), sections: merger.sections };
}

const segmentCount = (path: string): number => trimSlashes(path).split('/').filter((s) => s !== '').length;

/** Per folder's files (a map never changed once loaded, workspace.ts): how deep its deepest web.config is, in folders (-1: none). */
const webConfigDepths = new WeakMap<ReadonlyMap<string, string>, number>();

function deepestWebConfigIn(files: ReadonlyMap<string, string>): number {
  let depth = webConfigDepths.get(files);
  if (depth === undefined) {
    depth = -1;
    for (const file of files.keys()) if (file === 'web.config' || file.endsWith('/web.config')) depth = Math.max(depth, file.split('/').length - 1);
    webConfigDepths.set(files, depth);
  }
  return depth;
}

/** The number of segments of the site's deepest URL folder that can hold a web.config (-1: none can). */
function deepestWebConfigFolder(workspace: LoadedWorkspace, site: Site): number {
  let deepest = -1;
  for (const application of site.applications) {
    for (const virtualDirectory of application.virtualDirectories) {
      const files = workspace.files.get(normalizePhysicalPath(virtualDirectory.physicalPath));
      const depth = files === undefined ? -1 : deepestWebConfigIn(files);
      if (depth >= 0) deepest = Math.max(deepest, segmentCount(application.path) + segmentCount(virtualDirectory.path) + depth);
    }
  }
  return deepest;
}

/** The web.config of the folder a URL folder maps to, if the workspace has one. */
function folderWebConfig(
  workspace: LoadedWorkspace,
  site: Site,
  folderUrl: string,
): { text: string; file: string; allowSubDirConfig: boolean; atApplicationRoot: boolean } | undefined {
  const application = longestMatch(site.applications, folderUrl);
  if (application === undefined) return undefined;
  const inApplication = '/' + below(folderUrl, application.path);
  const virtualDirectory = longestMatch(application.virtualDirectories, inApplication);
  if (virtualDirectory === undefined) return undefined;
  const relativeFolder = below(inApplication, virtualDirectory.path);
  const files = workspace.files.get(normalizePhysicalPath(virtualDirectory.physicalPath));
  const relativeFile = normalizeRelativePath(relativeFolder === '' ? 'web.config' : `${relativeFolder}/web.config`);
  const text = files?.get(relativeFile);
  if (text === undefined) return undefined;
  return {
    text,
    file: `${virtualDirectory.physicalPath.replace(/[\\/]+$/, '')}\\${relativeFile.replace(/\//g, '\\')}`,
    // allowSubDirConfig="false" ignores web.config files below the virtual directory's root.
    allowSubDirConfig: relativeFolder === '' || virtualDirectory.allowSubDirConfig,
    atApplicationRoot: trimSlashes(folderUrl) === trimSlashes(application.path),
  };
}
