/**
 * What the graph's context menus offer, and the configuration edits behind them. Pure: the items of a
 * menu are computed from the model, and each action that changes the configuration is a ConfigEdit
 * (src/config/edit), so it is labelled, undoable and reaches the simulation like any other edit.
 * Tested in Node.
 */
import {
  APPLICATION_HOST,
  applyEdit,
  keyedStep,
  removeCollectionItem,
  setApplicationPool,
  setPoolAttributes,
  setSiteAttributes,
  type ApplicationHostConfig,
  type ConfigEdit,
  type Workspace,
} from '../../config/index.ts';
import { applicationLabel, applicationsOf, poolState, type ArchitectureNodeData } from './architecture.ts';

/** What a menu was opened on. */
export type MenuTarget =
  | { kind: 'pool'; pool: string }
  /** `pipelinePinned`: the person keeps its pipeline drawn (the menu offers to hide it, else to show it). */
  | { kind: 'worker'; pid: number; pool: string; pipelinePinned?: boolean }
  | { kind: 'site'; site: string }
  /** The URL groups node: one item per site it lists. */
  | { kind: 'sites'; sites: readonly string[] }
  | { kind: 'application'; site: string; path: string }
  | { kind: 'module'; module: string; pool: string }
  /** A pipeline notification: one "Remove module" item per module that runs in it. */
  | { kind: 'notification'; modules: readonly string[]; pool: string };

export type NodeAction =
  | { type: 'pool.start' | 'pool.stop' | 'pool.recycle' | 'pool.settings'; pool: string }
  | { type: 'worker.end'; pid: number }
  /** Keeps a pool's pipeline drawn in its worker processes, or stops keeping it (the graph's semantic zoom). */
  | { type: 'worker.pipeline'; pool: string; show: boolean }
  | { type: 'site.start' | 'site.stop' | 'site.settings'; site: string }
  /** Opens the "Move to pool" dialog for the application. */
  | { type: 'application.move'; site: string; path: string }
  /** Opens the Settings tab at the application's level. */
  | { type: 'application.settings'; site: string; path: string }
  | { type: 'module.remove'; module: string; pool: string };

export interface MenuItem {
  label: string;
  action: NodeAction;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** At most this many "Move … to pool…" items in a pool's menu. */
export const MOVE_ITEMS = 8;

/** The menu of a whole node (right click on it, or the ContextMenu key or Shift+F10 while it has focus). */
export function menuTargetOf(data: ArchitectureNodeData): MenuTarget | undefined {
  switch (data.kind) {
    case 'pool':
    case 'queue':
      return data.pool === undefined ? undefined : { kind: 'pool', pool: data.pool };
    case 'worker':
      return data.pid === undefined ? undefined : { kind: 'worker', pid: data.pid, pool: data.pool ?? '', pipelinePinned: data.pipelinePinned === true };
    case 'urlGroups':
      return { kind: 'sites', sites: (data.sites ?? []).map((s) => s.name) };
    case 'notification':
      return data.pool === undefined ? undefined : { kind: 'notification', modules: (data.modules ?? []).map((m) => m.name), pool: data.pool };
    default:
      return undefined;
  }
}

/** The accessible name of a menu: "Actions for Application pool DefaultAppPool". */
export function menuLabel(target: MenuTarget): string {
  switch (target.kind) {
    case 'pool':
      return `Actions for Application pool ${target.pool}`;
    case 'worker':
      return `Actions for w3wp.exe ${String(target.pid)}`;
    case 'site':
      return `Actions for site ${target.site}`;
    case 'sites':
      return 'Actions for URL groups';
    case 'application':
      return `Actions for application ${applicationLabel(target.site, target.path)}`;
    case 'module':
      return `Actions for module ${target.module}`;
    case 'notification':
      return 'Actions for the modules of this notification';
  }
}

function poolItems(model: ApplicationHostConfig, pool: string, runtimeState: string | undefined): MenuItem[] {
  const settings = model.applicationPools.pools.find((p) => same(p.name, pool));
  if (settings === undefined) return [];
  const { stopped } = poolState(settings.autoStart, runtimeState);
  const items: MenuItem[] = [stopped ? { label: `Start ${settings.name}`, action: { type: 'pool.start', pool: settings.name } } : { label: `Stop ${settings.name}`, action: { type: 'pool.stop', pool: settings.name } }];
  // Recycle needs a running pool (IIS Manager greys it out on a stopped one).
  if (!stopped) items.push({ label: `Recycle ${settings.name}`, action: { type: 'pool.recycle', pool: settings.name } });
  // The keyboard way to move an application (the mouse drags its row onto another pool); a pool serving
  // many offers the first few (the Server tab sets any application's pool).
  for (const application of applicationsOf(model, settings.name).slice(0, MOVE_ITEMS)) {
    items.push({ label: `Move ${application.label} to pool…`, action: { type: 'application.move', site: application.site, path: application.path } });
  }
  items.push({ label: 'Settings…', action: { type: 'pool.settings', pool: settings.name } });
  return items;
}

function siteItems(model: ApplicationHostConfig, name: string, withSettings: boolean): MenuItem[] {
  const site = model.sites.sites.find((s) => same(s.name, name));
  if (site === undefined) return [];
  const items: MenuItem[] = [site.serverAutoStart ? { label: `Stop ${site.name}`, action: { type: 'site.stop', site: site.name } } : { label: `Start ${site.name}`, action: { type: 'site.start', site: site.name } }];
  if (withSettings) items.push({ label: `Settings of ${site.name}…`, action: { type: 'site.settings', site: site.name } });
  return items;
}

/**
 * The items of a menu. `poolStates`: the pools' runtime states (lower-case name -> "Stopped (rapid-fail
 * protection)"), for a pool WAS stopped although its configuration says autoStart.
 */
export function menuItemsFor(target: MenuTarget, model: ApplicationHostConfig, poolStates: ReadonlyMap<string, string>): MenuItem[] {
  switch (target.kind) {
    case 'pool':
      return poolItems(model, target.pool, poolStates.get(target.pool.toLowerCase()));
    case 'worker':
      return [
        { label: `End process ${String(target.pid)}`, action: { type: 'worker.end', pid: target.pid } },
        target.pipelinePinned === true ? { label: 'Hide the pipeline', action: { type: 'worker.pipeline', pool: target.pool, show: false } } : { label: 'Show the pipeline', action: { type: 'worker.pipeline', pool: target.pool, show: true } },
      ];
    case 'site':
      return siteItems(model, target.site, true);
    case 'sites':
      return target.sites.flatMap((site) => siteItems(model, site, true));
    case 'application':
      return [
        { label: 'Move to pool…', action: { type: 'application.move', site: target.site, path: target.path } },
        { label: 'Settings…', action: { type: 'application.settings', site: target.site, path: target.path } },
      ];
    case 'module':
      return [{ label: `Remove module ${target.module}`, action: { type: 'module.remove', module: target.module, pool: target.pool } }];
    case 'notification':
      return [...new Set(target.modules)].map((module) => ({ label: `Remove module ${module}`, action: { type: 'module.remove', module, pool: target.pool } }));
  }
}

/** What the person is told once an action is done (nothing for those that only open a panel). */
export function doneMessage(action: NodeAction): string | undefined {
  switch (action.type) {
    case 'pool.stop':
      return `Stopped ${action.pool} (autoStart="false"): HTTP.sys answers its requests 503.`;
    case 'pool.start':
      return `Started ${action.pool} (autoStart="true"): WAS starts a w3wp.exe for its next request.`;
    case 'pool.recycle':
      return `Recycling ${action.pool}: WAS starts a new w3wp.exe and the old one finishes its requests.`;
    case 'worker.end':
      return `Ended w3wp.exe ${String(action.pid)}: WAS starts a new one for the pool's next request.`;
    case 'site.stop':
      return `Stopped ${action.site} (serverAutoStart="false"): HTTP.sys no longer has its URL group.`;
    case 'site.start':
      return `Started ${action.site} (serverAutoStart="true"): HTTP.sys routes its bindings again.`;
    case 'module.remove':
      return `Removed ${action.module}: it no longer runs in the pipeline.`;
    case 'pool.settings':
    case 'site.settings':
    case 'application.settings':
    case 'application.move':
    case 'worker.pipeline':
      return undefined;
  }
}

/** Starting or stopping a pool writes autoStart, as IIS Manager and appcmd do (iis-facts: autoStart). */
export function poolStartStopEdit(pool: string, start: boolean): ConfigEdit {
  return setPoolAttributes(pool, { autoStart: start ? 'true' : 'false' });
}

/** Starting or stopping a site writes serverAutoStart (iis-docs: sites/site, serverAutoStart). */
export function siteStartStopEdit(site: string, start: boolean): ConfigEdit {
  return setSiteAttributes(site, { serverAutoStart: start ? 'true' : 'false' });
}

/** Moves an application to another pool; a message when it cannot (no such pool, already there). */
export function moveApplicationEdit(model: ApplicationHostConfig, site: string, path: string, pool: string): ConfigEdit | string {
  const application = model.sites.sites.find((s) => same(s.name, site))?.applications.find((a) => a.path === path);
  if (application === undefined) return `There is no application ${applicationLabel(site, path)}.`;
  if (same(application.applicationPool, pool)) return `${applicationLabel(site, path)} already runs in ${pool}.`;
  return setApplicationPool(model, site, path, pool);
}

/** The server level's `<modules>`: directly under `<configuration>`, or in `<location path="">` where IIS's own file keeps it. */
const SERVER_MODULES = ['system.webServer/modules', "location[@path='']/system.webServer/modules"];

/**
 * Removes a module from the pipeline of a pool's applications. At server level, as IIS does: removing
 * the module's `<add>` from `<modules>` makes it not run (a native module stays loaded through
 * `<globalModules>`, but nothing enables it). A module added below the server level is removed with a
 * `<remove>` at the level of the pool's first application, in its web.config (IIS's collection rules:
 * iis-docs, "system.webServer/modules").
 */
export function removeModuleEdit(workspace: Workspace, model: ApplicationHostConfig, module: string, pool: string): ConfigEdit | string {
  for (const section of SERVER_MODULES) {
    const edit: ConfigEdit = { op: 'removeElement', file: APPLICATION_HOST, path: `${section}/${keyedStep('add', { name: module })}` };
    if (applyEdit(workspace, edit).ok) return edit;
  }
  const first = applicationsOf(model, pool)[0];
  if (first === undefined) return `${module} is not in the server's <modules>, and ${pool} serves no application to remove it from.`;
  return removeCollectionItem(workspace, model, { site: first.site, path: first.path }, 'webConfig', 'system.webServer/modules', 'name', module);
}
