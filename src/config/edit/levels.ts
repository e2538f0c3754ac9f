/**
 * Configuration levels: server, site, application and folder, and where a setting for one is written,
 * as IIS Manager writes it: in applicationHost.config (at server level directly, below it in a
 * `<location path="Site/folder">` tag) or in the web.config of the folder the URL maps to.
 * Source: iis-docs, "How to Use Locking in IIS 7.0 Configuration" and the <location> reference.
 */
import type { ApplicationHostConfig } from '../parse.ts';
import type { Application, Site, VirtualDirectory } from '../schema/sites.ts';
import { readXml } from '../xml/readXml.ts';
import type { Workspace } from '../workspace.ts';
import { APPLICATION_HOST, readWorkspaceFile as readFile, type ConfigEdit, type FileRef } from './edits.ts';
import { findElement, keyedStep, parseElementPath, quotePathValue } from './elementPath.ts';

/** Server level when `site` is undefined; otherwise a site-relative URL path (`/`, `/shop/images`). */
export interface ConfigLevel {
  site?: string;
  path?: string;
}

export type Placement = 'applicationHost' | 'webConfig';

const trim = (path: string): string => path.replace(/^\/+|\/+$/g, '');

/** `Default Web Site/shop/images`, the form `<location path>` uses; undefined at server level. */
export function locationPath(level: ConfigLevel): string | undefined {
  if (level.site === undefined) return undefined;
  const rest = trim(level.path ?? '');
  return rest === '' ? level.site : `${level.site}/${rest}`;
}

/** "Server", "Site Default Web Site", "Default Web Site/shop". */
export function describeLevel(level: ConfigLevel): string {
  return locationPath(level) ?? 'server';
}

function isUnder(path: string, prefix: string): boolean {
  const p = trim(prefix).toLowerCase();
  const u = trim(path).toLowerCase();
  return p === '' || u === p || u.startsWith(p + '/');
}

function longest<T extends { path: string }>(items: readonly T[], path: string): T | undefined {
  let best: T | undefined;
  for (const item of items) if (isUnder(path, item.path) && (best === undefined || trim(item.path).length > trim(best.path).length)) best = item;
  return best;
}

export interface PhysicalFolder {
  site: Site;
  application: Application;
  virtualDirectory: VirtualDirectory;
  /** The virtual directory's physicalPath, as written in the configuration. */
  physicalPath: string;
  /** The folder below it, `/` separated, '' for the virtual directory's own folder. */
  relativeFolder: string;
}

/** The physical folder a site-relative URL path maps to, through its application and virtual directory. */
export function physicalFolderFor(model: ApplicationHostConfig, siteName: string, urlPath: string): PhysicalFolder | undefined {
  const site = model.sites.sites.find((s) => s.name.toLowerCase() === siteName.toLowerCase());
  if (site === undefined) return undefined;
  const application = longest(site.applications, urlPath);
  if (application === undefined) return undefined;
  const inApplication = trim(trim(urlPath).slice(trim(application.path).length));
  const virtualDirectory = longest(application.virtualDirectories, '/' + inApplication);
  if (virtualDirectory === undefined) return undefined;
  const relativeFolder = trim(inApplication.slice(trim(virtualDirectory.path).length));
  return { site, application, virtualDirectory, physicalPath: virtualDirectory.physicalPath, relativeFolder };
}

/** The web.config a level's settings go to; a string says why there is none. */
export function webConfigFor(model: ApplicationHostConfig, level: ConfigLevel): FileRef | string {
  if (level.site === undefined) return 'Server-level settings live in applicationHost.config.';
  const folder = physicalFolderFor(model, level.site, level.path ?? '/');
  if (folder === undefined) return `No virtual directory of ${level.site} serves ${level.path ?? '/'}.`;
  return { kind: 'content', physicalPath: folder.physicalPath, relativePath: folder.relativeFolder === '' ? 'web.config' : `${folder.relativeFolder}/web.config` };
}

export interface SectionTarget {
  file: FileRef;
  /** The path of the section element in that file, e.g. `location[@path='Site/x']/system.webServer/defaultDocument`. */
  sectionPath: string;
}

/** Where a section (`system.webServer/defaultDocument`) is written for a level and placement. */
export function sectionTarget(model: ApplicationHostConfig, level: ConfigLevel, placement: Placement, section: string): SectionTarget | string {
  const location = locationPath(level);
  if (placement === 'webConfig' && location !== undefined) {
    const file = webConfigFor(model, level);
    if (typeof file === 'string') return file;
    return { file, sectionPath: section };
  }
  return { file: APPLICATION_HOST, sectionPath: location === undefined ? section : `location[@path=${quotePathValue(location)}]/${section}` };
}

/** Sets attributes of a section (or an element inside it) at a level. */
export function setSectionAttributes(
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  section: string,
  values: Readonly<Record<string, string | null>>,
): ConfigEdit | string {
  const target = sectionTarget(model, level, placement, section);
  if (typeof target === 'string') return target;
  return { op: 'setAttributes', file: target.file, path: target.sectionPath, values };
}

/** Adds an item (`<add ...>`) to a collection (`system.webServer/modules`) at a level. */
export function addCollectionItem(
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  collection: string,
  attributes: Readonly<Record<string, string>>,
  before?: number,
): ConfigEdit | string {
  const target = sectionTarget(model, level, placement, collection);
  if (typeof target === 'string') return target;
  return { op: 'addElement', file: target.file, parent: target.sectionPath, name: 'add', attributes, ...(before === undefined ? {} : { before }) };
}

/**
 * Removes a collection item at a level: the `<add>` itself when this level defines it, otherwise a
 * `<remove key="...">` so that the inherited item no longer applies below (IIS's collection semantics).
 */
export function removeCollectionItem(
  workspace: Workspace,
  model: ApplicationHostConfig,
  level: ConfigLevel,
  placement: Placement,
  collection: string,
  keyAttribute: string,
  key: string,
): ConfigEdit | string {
  const target = sectionTarget(model, level, placement, collection);
  if (typeof target === 'string') return target;
  const text = readFile(workspace, target.file);
  const root = text === undefined ? undefined : readXml(text).document.root;
  const steps = parseElementPath(`${target.sectionPath}/${keyedStep('add', { [keyAttribute]: key })}`);
  if (root !== undefined && typeof steps !== 'string' && findElement(root, steps) !== undefined) {
    return { op: 'removeElement', file: target.file, path: `${target.sectionPath}/${keyedStep('add', { [keyAttribute]: key })}` };
  }
  return { op: 'addElement', file: target.file, parent: target.sectionPath, name: 'remove', attributes: { [keyAttribute]: key } };
}
