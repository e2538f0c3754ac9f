/**
 * Rules across sections of applicationHost.config: duplicate site ids, names and bindings, applications
 * naming a missing pool, sites without a root application, handlers naming unknown modules, and the
 * values of the server-level system.webServer sections.
 */
import { DiagnosticCode, type DiagnosticSink } from './diagnostics.ts';
import type { ApplicationHostConfig } from './parse.ts';
import type { ApplicationPool } from './schema/applicationPools.ts';
import { ElementMemo, recordReports, replayReports, type Report } from './schema/elementMemo.ts';
import type { Site } from './schema/sites.ts';
import { readWebServer } from './schema/webServer.ts';
import { collectSectionElements } from './sections.ts';
import { childElement, childElements, getAttribute, type XmlElement } from './xml/xmlTree.ts';

function siteElements(model: ApplicationHostConfig): XmlElement[] {
  const root = model.document.root;
  const sites = root === undefined ? undefined : childElement(root, 'system.applicationHost');
  const section = sites === undefined ? undefined : childElement(sites, 'sites');
  return section === undefined ? [] : childElements(section).filter((e) => e.name === 'site');
}

/** The n-th child element with this name (looked up only when a diagnostic needs a place). */
function nthChild(parent: XmlElement | undefined, name: string, index: number): XmlElement | undefined {
  if (parent === undefined) return undefined;
  let seen = 0;
  for (const child of parent.children) {
    if (child.kind !== 'element' || child.name !== name) continue;
    if (seen === index) return child;
    seen++;
  }
  return undefined;
}

interface SiteKeys {
  lowerName: string;
  /** `protocol bindingInformation` in lower case, per binding; undefined for a binding that need not be unique. */
  bindings: (string | undefined)[];
  hasRoot: boolean;
}

/**
 * The keys each site is checked by, kept per site object: after an incremental re-read the model keeps
 * the objects of unchanged sites (schema/elementMemo.ts), so a 5,000-site check builds one site's keys.
 */
const siteKeys = new WeakMap<Site, SiteKeys>();

function keysOf(site: Site): SiteKeys {
  let keys = siteKeys.get(site);
  if (keys === undefined) {
    keys = {
      lowerName: site.name.toLowerCase(),
      // net.tcp and net.pipe bindings are shared by design (NetTcpPortSharing; WAS activation), so only
      // IP-based bindings must be unique.
      bindings: site.bindings.map((binding) => (binding.endpoint?.kind === 'ip' ? binding.protocol.toLowerCase() + ' ' + binding.bindingInformation.toLowerCase() : undefined)),
      hasRoot: site.applications.some((application) => application.path === '/'),
    };
    siteKeys.set(site, keys);
  }
  return keys;
}

function validateSites(model: ApplicationHostConfig, sink: DiagnosticSink): void {
  const poolNames = new Set(model.applicationPools.pools.map((pool) => pool.name.toLowerCase()));
  const ids = new Map<number, string>();
  const names = new Set<string>();
  const bindings = new Map<string, string>();
  const elements = siteElements(model);
  const sites = model.sites.sites;
  for (let index = 0; index < sites.length; index++) {
    const site = sites[index];
    const element = elements[index];
    if (site === undefined || element === undefined) continue;
    const other = ids.get(site.id);
    if (other !== undefined) {
      sink.element(DiagnosticCode.duplicateSiteId, 'error', `The sites "${other}" and "${site.name}" both have id ${String(site.id)}.`, element, 'id');
    } else ids.set(site.id, site.name);
    const keys = keysOf(site);
    if (names.has(keys.lowerName)) sink.element(DiagnosticCode.duplicateSiteName, 'error', `Two sites are named "${site.name}".`, element, 'name');
    names.add(keys.lowerName);

    for (let bindingIndex = 0; bindingIndex < site.bindings.length; bindingIndex++) {
      const binding = site.bindings[bindingIndex];
      const key = keys.bindings[bindingIndex];
      if (binding === undefined || key === undefined) continue;
      const owner = bindings.get(key);
      if (owner === undefined) {
        bindings.set(key, site.name);
        continue;
      }
      const bindingElement = nthChild(childElement(element, 'bindings'), 'binding', bindingIndex);
      if (bindingElement === undefined) continue;
      sink.element(
        DiagnosticCode.duplicateBinding,
        'error',
        `The ${binding.protocol} binding "${binding.bindingInformation}" is already used by the site "${owner}".`,
        bindingElement,
        'bindingInformation',
      );
    }

    for (let applicationIndex = 0; applicationIndex < site.applications.length; applicationIndex++) {
      const application = site.applications[applicationIndex];
      if (application === undefined) continue;
      const pool = application.applicationPool;
      if (pool !== '' && !poolNames.has(pool.toLowerCase())) {
        const applicationElement = nthChild(element, 'application', applicationIndex);
        if (applicationElement !== undefined) {
          // A warning, not an error: IIS loads such a configuration and the application, and W3SVC
          // registers its URLs; only its requests fail, 503 from HTTP.sys (no request queue for the pool).
          // Real production files carry such leftovers, and the rest of the server works.
          const from = application.applicationPoolFrom === undefined ? '' : application.applicationPoolFrom === 'site' ? " (from the site's <applicationDefaults>)" : ' (from <sites><applicationDefaults>)';
          sink.element(
            DiagnosticCode.missingApplicationPool,
            'warning',
            `The application "${site.name}${application.path === '/' ? '' : application.path}" uses the application pool "${pool}"${from}, which is not defined in <applicationPools>: IIS loads it, and its requests get 503.`,
            applicationElement,
            getAttribute(applicationElement, 'applicationPool') === undefined ? undefined : 'applicationPool',
          );
        }
      }
      if (!application.virtualDirectories.some((directory) => directory.path === '/')) {
        const applicationElement = nthChild(element, 'application', applicationIndex);
        if (applicationElement !== undefined) {
          sink.element(DiagnosticCode.missingRoot, 'warning', `The application "${application.path}" of "${site.name}" has no root virtual directory.`, applicationElement);
        }
      }
    }
    if (!keys.hasRoot) sink.element(DiagnosticCode.missingRoot, 'warning', `The site "${site.name}" has no root application (path "/").`, element);
  }
}

/**
 * Checks of unchanged elements are kept across incremental re-reads (schema/elementMemo.ts): the
 * names in globalModules, each handlers list against them, and each system.webServer group's values.
 */
const globalModuleNames = new ElementMemo<Set<string>>();
const handlerChecks = new ElementMemo<undefined>();
const webServerChecks = new ElementMemo<undefined>();

function checkHandlerModules(handlers: XmlElement, known: ReadonlySet<string>, sink: DiagnosticSink): undefined {
  for (const add of childElements(handlers)) {
    if (add.name !== 'add') continue;
    const modules = getAttribute(add, 'modules') ?? 'ManagedPipelineHandler';
    for (const module of modules.split(',').map((m) => m.trim())) {
      if (module !== '' && !known.has(module)) {
        sink.element(
          DiagnosticCode.unknownHandlerModule,
          'error',
          `The handler "${getAttribute(add, 'name') ?? ''}" names the module "${module}", which is not in <globalModules> (IIS answers 500.21).`,
          add,
          'modules',
        );
      }
    }
  }
  return undefined;
}

/** Handlers must name modules that exist: native modules from globalModules (else IIS answers 500.21). */
function validateHandlers(model: ApplicationHostConfig, sink: DiagnosticSink): void {
  const root = model.document.root;
  if (root === undefined) return;
  const webServer = childElement(root, 'system.webServer');
  const globalModules = webServer === undefined ? undefined : childElement(webServer, 'globalModules');
  if (globalModules === undefined) return; // a fragment: nothing to check against
  const known = globalModuleNames.read(globalModules, [], undefined, (element) => {
    const names = new Set(['ManagedPipelineHandler']);
    for (const add of childElements(element)) {
      const name = getAttribute(add, 'name');
      if (add.name === 'add' && name !== undefined) names.add(name);
    }
    return names;
  });
  const checkHandlers = (handlers: XmlElement): void => {
    handlerChecks.read(handlers, [known], sink, (element, recorder) => { checkHandlerModules(element, known, recorder); });
  };
  for (const group of childElements(root)) {
    const candidates = group.name === 'location' ? childElements(group).filter((e) => e.name === 'system.webServer') : [group];
    for (const candidate of candidates) {
      if (candidate.name !== 'system.webServer') continue;
      const handlers = childElement(candidate, 'handlers');
      if (handlers !== undefined) checkHandlers(handlers);
    }
  }
}

/** Checks the values of every system.webServer section written at server level or in a location. */
function validateWebServerValues(model: ApplicationHostConfig, sink: DiagnosticSink): void {
  const root = model.document.root;
  if (root === undefined) return;
  for (const group of childElements(root)) {
    const candidates = group.name === 'location' ? childElements(group) : [group];
    for (const candidate of candidates) {
      if (candidate.name !== 'system.webServer') continue;
      webServerChecks.read(candidate, [], sink, (element, recorder) => {
        readWebServer(collectSectionElements(element), recorder);
        return undefined;
      });
    }
  }
}

/**
 * The last check of the sites, with what it reported: when the next model has the same site objects
 * (an incremental re-read keeps those of untouched sites) and pools of the same names, as after a pool
 * setting's edit, its reports stand as they are. The elements they point at are those of the same sites.
 */
let lastSiteCheck: { sites: readonly Site[]; pools: readonly ApplicationPool[]; reports: readonly Report[] } | undefined;

function sameSitesAndPoolNames(model: ApplicationHostConfig): boolean {
  const last = lastSiteCheck;
  const { sites } = model.sites;
  const { pools } = model.applicationPools;
  if (last === undefined || last.sites.length !== sites.length || last.pools.length !== pools.length) return false;
  for (let i = 0; i < sites.length; i++) if (sites[i] !== last.sites[i]) return false;
  for (let i = 0; i < pools.length; i++) if (pools[i] !== last.pools[i] && pools[i]?.name !== last.pools[i]?.name) return false;
  return true;
}

function checkSites(model: ApplicationHostConfig, sink: DiagnosticSink): void {
  if (lastSiteCheck !== undefined && sameSitesAndPoolNames(model)) {
    replayReports(sink, lastSiteCheck.reports);
    return;
  }
  const { reports, replayable } = recordReports(sink, (recorder) => { validateSites(model, recorder); });
  lastSiteCheck = replayable ? { sites: [...model.sites.sites], pools: [...model.applicationPools.pools], reports } : undefined;
}

export function validateApplicationHost(model: ApplicationHostConfig, sink: DiagnosticSink): void {
  checkSites(model, sink);
  validateHandlers(model, sink);
  validateWebServerValues(model, sink);
}
