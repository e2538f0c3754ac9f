/**
 * Edits of the server's structure in applicationHost.config, as IIS Manager makes them: sites (add,
 * remove, rename, start and stop through serverAutoStart), bindings, applications and their pool,
 * virtual directories, and application pools (add, remove, settings, start and stop through autoStart).
 * Each returns a ConfigEdit, or a message saying why it cannot be made (checked as HTTP.sys and WAS
 * would: a binding that does not parse or is already used, a name that is taken).
 */
import type { ApplicationHostConfig } from '../parse.ts';
import { parseBindingInformation } from '../schema/bindings.ts';
import { childElements } from '../xml/xmlTree.ts';
import { APPLICATION_HOST, type ConfigEdit } from './edits.ts';
import { findElement, keyedStep, parseElementPath, quotePathValue } from './elementPath.ts';

const optionalBefore = (before: number | undefined): { before?: number } => (before === undefined ? {} : { before });

const SITES = 'system.applicationHost/sites';
const POOLS = 'system.applicationHost/applicationPools';

export const sitePath = (site: string): string => `${SITES}/${keyedStep('site', { name: site })}`;
export const poolPath = (pool: string): string => `${POOLS}/${keyedStep('add', { name: pool })}`;
export const applicationPath = (site: string, path: string): string => `${sitePath(site)}/${keyedStep('application', { path })}`;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function siteOf(model: ApplicationHostConfig, name: string) {
  return model.sites.sites.find((s) => same(s.name, name));
}

/** Names IIS refuses in a site or pool name (the characters the schema's validator rejects). */
const INVALID_NAME = /[\\/?;:@&=+$,|"<>*]/;

export function checkSiteName(model: ApplicationHostConfig, name: string, except?: string): string | undefined {
  if (name.trim() === '') return 'A site needs a name.';
  if (siteOf(model, name) !== undefined && (except === undefined || !same(except, name))) return `A site named "${name}" already exists.`;
  return undefined;
}

export function checkPoolName(model: ApplicationHostConfig, name: string): string | undefined {
  if (name.trim() === '') return 'An application pool needs a name.';
  if (name.length > 64) return 'An application pool name has at most 64 characters.';
  if (INVALID_NAME.test(name)) return 'An application pool name cannot contain \\ / ? ; : @ & = + $ , | " < > or *.';
  if (model.applicationPools.pools.some((p) => same(p.name, name))) return `An application pool named "${name}" already exists.`;
  return undefined;
}

/**
 * Checks a binding as HTTP.sys would take it: its bindingInformation parses for the protocol, https
 * with SNI (sslFlags 1) needs a host name, and no site already has the same protocol and endpoint.
 * `except`: the binding being edited (site name and index), which may keep its own endpoint.
 */
export function checkBinding(
  model: ApplicationHostConfig,
  protocol: string,
  bindingInformation: string,
  sslFlags: number,
  except?: { site: string; index: number },
): string | undefined {
  if (protocol.trim() === '') return 'Choose a protocol.';
  const parsed = parseBindingInformation(protocol, bindingInformation);
  if (!parsed.ok) return `The binding "${bindingInformation}" does not parse: ${parsed.reason}.`;
  if (protocol.toLowerCase() === 'https' && (sslFlags & 1) !== 0 && parsed.endpoint.kind === 'ip' && parsed.endpoint.host === '') {
    return 'Server Name Indication (sslFlags 1) needs a host name.';
  }
  for (const site of model.sites.sites) {
    for (const [index, binding] of site.bindings.entries()) {
      if (except !== undefined && same(site.name, except.site) && index === except.index) continue;
      if (same(binding.protocol, protocol) && same(binding.bindingInformation, bindingInformation)) {
        return `The site "${site.name}" already has the binding ${protocol} ${bindingInformation}: HTTP.sys can route it to one site only.`;
      }
    }
  }
  return undefined;
}

export interface NewSite {
  name: string;
  physicalPath: string;
  protocol: string;
  bindingInformation: string;
  applicationPool: string;
}

/** A new site with one application at `/`, its root virtual directory and one binding; id is the next free. */
export function addSite(model: ApplicationHostConfig, site: NewSite): ConfigEdit | string {
  const problem = checkSiteName(model, site.name) ?? checkBinding(model, site.protocol, site.bindingInformation, 0);
  if (problem !== undefined) return problem;
  if (site.physicalPath.trim() === '') return 'A site needs a physical path.';
  const id = model.sites.sites.reduce((max, s) => Math.max(max, s.id), 0) + 1;
  const path = sitePath(site.name);
  return {
    op: 'batch',
    edits: [
      { op: 'addElement', file: APPLICATION_HOST, parent: SITES, name: 'site', attributes: { name: site.name, id: String(id) }, ...optionalBefore(afterLast(model, SITES, 'site')) },
      { op: 'addElement', file: APPLICATION_HOST, parent: path, name: 'application', attributes: { path: '/', applicationPool: site.applicationPool } },
      { op: 'addElement', file: APPLICATION_HOST, parent: applicationPath(site.name, '/'), name: 'virtualDirectory', attributes: { path: '/', physicalPath: site.physicalPath } },
      { op: 'addElement', file: APPLICATION_HOST, parent: `${path}/bindings`, name: 'binding', attributes: { protocol: site.protocol, bindingInformation: site.bindingInformation } },
    ],
  };
}

/** The position just after the last `<name>` child of the element at `parentPath`: new sites and pools go there, before the defaults, as IIS writes them. */
function afterLast(model: ApplicationHostConfig, parentPath: string, name: string): number | undefined {
  const root = model.document.root;
  const steps = parseElementPath(parentPath);
  const parent = root === undefined || typeof steps === 'string' ? undefined : findElement(root, steps);
  if (parent === undefined) return undefined;
  let last = -1;
  for (const [i, child] of childElements(parent).entries()) if (child.name === name) last = i;
  return last < 0 ? 0 : last + 1;
}

/** Removes a site and the `<location>` tags that configure it. */
export function removeSite(model: ApplicationHostConfig, name: string): ConfigEdit | string {
  if (siteOf(model, name) === undefined) return `There is no site named "${name}".`;
  const edits: ConfigEdit[] = [{ op: 'removeElement', file: APPLICATION_HOST, path: sitePath(name) }];
  const root = model.document.root;
  for (const location of root === undefined ? [] : childElements(root)) {
    if (location.name !== 'location') continue;
    const path = location.attributes.find((a) => a.name === 'path')?.value ?? '';
    if (same(path.split('/')[0] ?? '', name)) edits.push({ op: 'removeElement', file: APPLICATION_HOST, path: `location[@path=${quotePathValue(path)}]` });
  }
  return { op: 'batch', edits };
}

export function renameSite(model: ApplicationHostConfig, from: string, to: string): ConfigEdit | string {
  const problem = checkSiteName(model, to, from);
  if (problem !== undefined) return problem;
  return { op: 'renameSite', from, to };
}

/** Sets attributes of a site (serverAutoStart: stopping a site in IIS Manager writes serverAutoStart="false"). */
export function setSiteAttributes(name: string, values: Readonly<Record<string, string | null>>, child?: string): ConfigEdit {
  return { op: 'setAttributes', file: APPLICATION_HOST, path: child === undefined ? sitePath(name) : `${sitePath(name)}/${child}`, values };
}

export function addBinding(model: ApplicationHostConfig, site: string, protocol: string, bindingInformation: string, sslFlags = 0): ConfigEdit | string {
  if (siteOf(model, site) === undefined) return `There is no site named "${site}".`;
  const problem = checkBinding(model, protocol, bindingInformation, sslFlags);
  if (problem !== undefined) return problem;
  const attributes: Record<string, string> = { protocol, bindingInformation };
  if (sslFlags !== 0) attributes.sslFlags = String(sslFlags);
  return { op: 'addElement', file: APPLICATION_HOST, parent: `${sitePath(site)}/bindings`, name: 'binding', attributes };
}

/** `index`: the binding's position (0-based) among the site's bindings. */
export function editBinding(model: ApplicationHostConfig, site: string, index: number, protocol: string, bindingInformation: string, sslFlags = 0): ConfigEdit | string {
  const problem = checkBinding(model, protocol, bindingInformation, sslFlags, { site, index });
  if (problem !== undefined) return problem;
  return {
    op: 'setAttributes',
    file: APPLICATION_HOST,
    path: `${sitePath(site)}/bindings/binding[${String(index + 1)}]`,
    values: { protocol, bindingInformation, sslFlags: sslFlags === 0 ? null : String(sslFlags) },
  };
}

export function removeBinding(site: string, index: number): ConfigEdit {
  return { op: 'removeElement', file: APPLICATION_HOST, path: `${sitePath(site)}/bindings/binding[${String(index + 1)}]` };
}

export function addApplication(model: ApplicationHostConfig, site: string, path: string, applicationPool: string, physicalPath: string): ConfigEdit | string {
  const target = siteOf(model, site);
  if (target === undefined) return `There is no site named "${site}".`;
  const normalized = '/' + path.replace(/^\/+|\/+$/g, '');
  if (normalized === '/' && target.applications.some((a) => a.path === '/')) return 'The site already has its root application.';
  if (!/^\/[^<>*%&:\\?]*$/.test(normalized)) return `"${path}" is not a valid application path (no < > * % & : \\ or ?).`;
  if (target.applications.some((a) => same(a.path, normalized))) return `${site} already has an application at ${normalized}.`;
  if (physicalPath.trim() === '') return 'An application needs a physical path.';
  return {
    op: 'batch',
    edits: [
      { op: 'addElement', file: APPLICATION_HOST, parent: sitePath(site), name: 'application', attributes: { path: normalized, applicationPool }, before: target.applications.length },
      { op: 'addElement', file: APPLICATION_HOST, parent: applicationPath(site, normalized), name: 'virtualDirectory', attributes: { path: '/', physicalPath } },
    ],
  };
}

export function removeApplication(site: string, path: string): ConfigEdit | string {
  if (path === '/') return 'A site keeps its root application.';
  return { op: 'removeElement', file: APPLICATION_HOST, path: applicationPath(site, path) };
}

/** Moves an application to another pool (the graph's drag and drop, the application form). */
export function setApplicationPool(model: ApplicationHostConfig, site: string, path: string, pool: string): ConfigEdit | string {
  if (!model.applicationPools.pools.some((p) => same(p.name, pool))) return `There is no application pool named "${pool}".`;
  return { op: 'setAttributes', file: APPLICATION_HOST, path: applicationPath(site, path), values: { applicationPool: pool } };
}

export function addVirtualDirectory(site: string, application: string, path: string, physicalPath: string): ConfigEdit | string {
  if (!/^\/[^<>*%&:\\?]*$/.test(path)) return `"${path}" is not a valid virtual path.`;
  if (physicalPath.trim() === '') return 'A virtual directory needs a physical path.';
  return { op: 'addElement', file: APPLICATION_HOST, parent: applicationPath(site, application), name: 'virtualDirectory', attributes: { path, physicalPath } };
}

export function removeVirtualDirectory(site: string, application: string, path: string): ConfigEdit {
  return { op: 'removeElement', file: APPLICATION_HOST, path: `${applicationPath(site, application)}/${keyedStep('virtualDirectory', { path })}` };
}

export function addApplicationPool(model: ApplicationHostConfig, name: string, attributes: Readonly<Record<string, string>> = {}): ConfigEdit | string {
  const problem = checkPoolName(model, name);
  if (problem !== undefined) return problem;
  return { op: 'addElement', file: APPLICATION_HOST, parent: POOLS, name: 'add', attributes: { name, ...attributes }, ...optionalBefore(afterLast(model, POOLS, 'add')) };
}

export function removeApplicationPool(model: ApplicationHostConfig, name: string): ConfigEdit | string {
  const users = model.sites.sites.flatMap((s) => s.applications.filter((a) => same(a.applicationPool, name)).map((a) => `${s.name}${a.path === '/' ? '' : a.path}`));
  if (users.length > 0) return `The application pool "${name}" still serves ${users.slice(0, 3).join(', ')}${users.length > 3 ? ` and ${String(users.length - 3)} more` : ''}: move them to another pool first.`;
  return { op: 'removeElement', file: APPLICATION_HOST, path: poolPath(name) };
}

/** Sets pool settings; `child` is `processModel`, `recycling`, `recycling/periodicRestart`, `failure` or `cpu`. */
export function setPoolAttributes(name: string, values: Readonly<Record<string, string | null>>, child?: string): ConfigEdit {
  return { op: 'setAttributes', file: APPLICATION_HOST, path: child === undefined ? poolPath(name) : `${poolPath(name)}/${child}`, values };
}
