/**
 * Whether a section can be written at a level and placement, found by merging a web.config that sets it
 * and seeing whether IIS would refuse it (500.19), and where IIS Manager writes it by default.
 * Sources: iis-docs "How to Use Locking in IIS 7.0 Configuration", configuration/location.
 */
import { DiagnosticCode, type Diagnostic } from '../diagnostics.ts';
import { effectiveConfig } from '../effective.ts';
import { normalizePhysicalPath, normalizeRelativePath, type LoadedWorkspace } from '../workspace.ts';
import { SYSTEM_WEB, WEB_SERVER } from './origins.ts';
import { physicalFolderFor, type ConfigLevel, type Placement } from './levels.ts';

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

