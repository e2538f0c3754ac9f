/**
 * serializeApplicationHost: model -> applicationHost.config text. The model's typed parts (application
 * pools, sites with their bindings, applications and virtual directories) are written into its XML
 * document, changing only what differs, so unknown sections, unknown attributes, comments and order
 * survive; then the document is written out. A model built from nothing gets a fresh document.
 */
import type { ApplicationHostConfig } from './parse.ts';
import {
  applicationPoolFields,
  cpuFields,
  failureFields,
  periodicRestartFields,
  processModelFields,
  recyclingFields,
  type ApplicationPool,
  type ApplicationPoolSettings,
} from './schema/applicationPools.ts';
import { differsFromInherited, readFields, writeFields, type FieldSpecs, type FieldValues } from './schema/fields.ts';
import {
  applicationFields,
  limitsFields,
  logFileFields,
  siteFields,
  traceFailedRequestsLoggingFields,
  virtualDirectoryFields,
  type Site,
  type SiteSettings,
} from './schema/sites.ts';
import { readXml } from './xml/readXml.ts';
import { writeXml } from './xml/writeXml.ts';
import {
  appendElement,
  childElement,
  childElements,
  createElement,
  getAttribute,
  removeElement,
  setAttribute,
  type XmlDocument,
  type XmlElement,
} from './xml/xmlTree.ts';

const EMPTY_CONFIGURATION = '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n</configuration>\n';

/** The child element with this name, created (and appended) when missing. */
function ensureChild(parent: XmlElement, name: string): XmlElement {
  const existing = childElement(parent, name);
  if (existing !== undefined) return existing;
  const created = createElement(name);
  appendElement(parent, created);
  return created;
}

/** Writes a nested settings element only when something in it differs (avoids empty elements). */
function writeNested<S extends FieldSpecs>(parent: XmlElement, name: string, specs: S, values: FieldValues<S>, inherited?: FieldValues<S>): XmlElement {
  const existing = childElement(parent, name);
  if (existing !== undefined) {
    writeFields(specs, existing, values, inherited);
    return existing;
  }
  const created = createElement(name);
  if (differsFromInherited(specs, values, inherited)) {
    writeFields(specs, created, values, inherited);
    appendElement(parent, created);
  }
  return created;
}

function writePoolSettings(element: XmlElement, pool: ApplicationPoolSettings, inherited?: ApplicationPoolSettings): void {
  writeFields(applicationPoolFields, element, pool, inherited);
  writeNested(element, 'processModel', processModelFields, pool.processModel, inherited?.processModel);
  const existingRecycling = childElement(element, 'recycling');
  const periodicRestartDiffers = differsFromInherited(periodicRestartFields, pool.recycling.periodicRestart, inherited?.recycling.periodicRestart);
  if (existingRecycling !== undefined || periodicRestartDiffers || differsFromInherited(recyclingFields, pool.recycling, inherited?.recycling)) {
    const recycling = existingRecycling ?? createElement('recycling');
    writeFields(recyclingFields, recycling, pool.recycling, inherited?.recycling);
    writeNested(recycling, 'periodicRestart', periodicRestartFields, pool.recycling.periodicRestart, inherited?.recycling.periodicRestart);
    if (existingRecycling === undefined) appendElement(element, recycling);
  }
  writeNested(element, 'failure', failureFields, pool.failure, inherited?.failure);
  writeNested(element, 'cpu', cpuFields, pool.cpu, inherited?.cpu);
}

/** Matches typed items to their elements by key; removes elements with no item and adds new ones. */
function syncCollection<T>(
  parent: XmlElement,
  elementName: string,
  items: readonly T[],
  keyOfItem: (item: T) => string,
  keyAttribute: string,
  create: (item: T) => XmlElement,
  write: (element: XmlElement, item: T) => void,
): void {
  const elements = childElements(parent).filter((e) => e.name === elementName);
  const byKey = new Map<string, XmlElement>();
  for (const element of elements) byKey.set((getAttribute(element, keyAttribute) ?? '').toLowerCase(), element);
  const wanted = new Set(items.map((item) => keyOfItem(item).toLowerCase()));
  for (const element of elements) {
    if (!wanted.has((getAttribute(element, keyAttribute) ?? '').toLowerCase())) removeElement(element);
  }
  for (const item of items) {
    let element = byKey.get(keyOfItem(item).toLowerCase());
    if (element === undefined) {
      element = create(item);
      appendElement(parent, element);
    }
    write(element, item);
  }
}

/** The defaults an element declares over its parent's; the parent's own object when it declares none. */
function readDefaults<S extends FieldSpecs>(specs: S, element: XmlElement | undefined, inherited: FieldValues<S>): FieldValues<S> {
  return element === undefined ? inherited : readFields(specs, element, undefined, inherited);
}

function writeSiteSettings(element: XmlElement, site: SiteSettings, inherited: SiteSettings): void {
  writeFields(siteFields, element, site, inherited);
  writeNested(element, 'limits', limitsFields, site.limits, inherited.limits);
  writeNested(element, 'logFile', logFileFields, site.logFile, inherited.logFile);
  writeNested(element, 'traceFailedRequestsLogging', traceFailedRequestsLoggingFields, site.traceFailedRequestsLogging, inherited.traceFailedRequestsLogging);
}

function writeSite(element: XmlElement, site: Site, model: ApplicationHostConfig): void {
  setAttribute(element, 'name', site.name);
  // An id outside the schema (negative, "0x10") reads as 0 and is reported: written back as it was.
  const idText = getAttribute(element, 'id');
  const idRead = idText !== undefined && /^\s*\d+\s*$/.test(idText) ? Number(idText) : undefined;
  if (idRead !== site.id && !(idText !== undefined && idRead === undefined && site.id === 0)) setAttribute(element, 'id', String(site.id));
  writeSiteSettings(element, site, model.sites.siteDefaults);
  // Applications inherit from the site's own applicationDefaults and virtualDirectoryDefaults, if any.
  const applicationDefaults = readDefaults(applicationFields, childElement(element, 'applicationDefaults'), model.sites.applicationDefaults);
  const siteDirectoryDefaults = readDefaults(virtualDirectoryFields, childElement(element, 'virtualDirectoryDefaults'), model.sites.virtualDirectoryDefaults);
  syncCollection(
    element,
    'application',
    site.applications,
    (a) => a.path,
    'path',
    (a) => createElement('application', { path: a.path }),
    (applicationElement, application) => {
      writeFields(applicationFields, applicationElement, application, applicationDefaults);
      const directoryDefaults = readDefaults(virtualDirectoryFields, childElement(applicationElement, 'virtualDirectoryDefaults'), siteDirectoryDefaults);
      syncCollection(
        applicationElement,
        'virtualDirectory',
        application.virtualDirectories,
        (v) => v.path,
        'path',
        (v) => createElement('virtualDirectory', { path: v.path }),
        (directoryElement, directory) => {
          writeFields(virtualDirectoryFields, directoryElement, directory, directoryDefaults);
        },
      );
    },
  );
  // Bindings are an ordered list without a single key: rewrite it only when it changed.
  const bindingsElement = ensureChild(element, 'bindings');
  const current = childElements(bindingsElement).filter((e) => e.name === 'binding');
  const same =
    current.length === site.bindings.length &&
    current.every((e, i) => {
      const binding = site.bindings[i];
      return (
        binding !== undefined &&
        getAttribute(e, 'protocol') === binding.protocol &&
        getAttribute(e, 'bindingInformation') === binding.bindingInformation &&
        Number(getAttribute(e, 'sslFlags') ?? '0') === binding.sslFlags
      );
    });
  if (!same) {
    for (const e of current) removeElement(e);
    for (const binding of site.bindings) {
      const attributes: Record<string, string> = { protocol: binding.protocol, bindingInformation: binding.bindingInformation };
      if (binding.sslFlags !== 0) attributes.sslFlags = String(binding.sslFlags);
      appendElement(bindingsElement, createElement('binding', attributes));
    }
  }
}

function documentOf(model: ApplicationHostConfig): XmlDocument {
  if (model.document.root !== undefined) return model.document;
  return readXml(EMPTY_CONFIGURATION).document;
}

/**
 * Writes the model as applicationHost.config text. Parsing the result gives the same model back.
 *
 * @example
 * const { model } = parseApplicationHost(text);
 * model.applicationPools.pools[0].queueLength = 2000;
 * const updated = serializeApplicationHost(model);
 */
export function serializeApplicationHost(model: ApplicationHostConfig): string {
  const document = documentOf(model);
  const root = document.root;
  // A root that is not <configuration> (reported by the reader: its model is empty) is left as it is:
  // writing the model into it would drop everything it holds.
  if (root?.name !== 'configuration') return writeXml(document);
  // A file without <system.applicationHost> (a web.config) and a model with nothing for one stays without.
  if (childElement(root, 'system.applicationHost') === undefined && model.sites.sites.length === 0 && model.applicationPools.pools.length === 0) return writeXml(document);
  const applicationHost = ensureChild(root, 'system.applicationHost');
  const hasPools = model.applicationPools.pools.length > 0 || childElement(applicationHost, 'applicationPools') !== undefined;
  const pools = hasPools ? ensureChild(applicationHost, 'applicationPools') : createElement('applicationPools');
  const existingDefaults = childElement(pools, 'applicationPoolDefaults');
  const defaultsElement = existingDefaults ?? createElement('applicationPoolDefaults');
  writePoolSettings(defaultsElement, model.applicationPools.applicationPoolDefaults);
  if (existingDefaults === undefined && defaultsElement.attributes.length + defaultsElement.children.length > 0) {
    appendElement(pools, defaultsElement);
  }
  syncCollection<ApplicationPool>(
    pools,
    'add',
    model.applicationPools.pools,
    (p) => p.name,
    'name',
    (p) => createElement('add', { name: p.name }),
    (element, pool) => {
      writePoolSettings(element, pool, model.applicationPools.applicationPoolDefaults);
    },
  );
  const sites = ensureChild(applicationHost, 'sites');
  syncCollection(
    sites,
    'site',
    model.sites.sites,
    (s) => s.name,
    'name',
    (s) => createElement('site', { name: s.name, id: String(s.id) }),
    (element, site) => {
      writeSite(element, site, model);
    },
  );
  return writeXml(document);
}
