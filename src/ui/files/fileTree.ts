/**
 * The Files view's data, derived from the configuration and the workspace's content (never kept by
 * hand): every physical path a virtual directory names or the content holds, which site and URL serve
 * it, and its files as a tree of folders. A folder exists when a file is in it, as the workspace keeps
 * files, not folders.
 */
import {
  normalizePhysicalPath,
  normalizeRelativePath,
  physicalFolderFor,
  type ApplicationHostConfig,
  type ContentFile,
  type Site,
  type SiteContent,
} from '../../config/index.ts';

/** A site URL that maps to a physical path, through one of its virtual directories. */
export interface ServedBy {
  site: string;
  /** The virtual directory's URL path in the site: `/`, `/shop/images`. */
  virtualPath: string;
  /** The site's first HTTP or HTTPS binding as a URL, without the trailing slash; undefined without one. */
  origin: string | undefined;
}

export interface FileNode {
  name: string;
  /** Relative to the physical path, `/` separated, as written in the workspace. */
  path: string;
  hidden: boolean;
  readers: readonly string[] | undefined;
  /** Bytes of the file's text, as UTF-16 code units (close enough for a size column). */
  size: number;
}

export interface FolderNode {
  name: string;
  /** Relative to the physical path, '' for the physical path itself. */
  path: string;
  folders: FolderNode[];
  files: FileNode[];
  /** Files in this folder and below. */
  fileCount: number;
}

export interface PhysicalRoot {
  /** The normalized physical path (environment variables expanded, lower case): one per folder on disk. */
  id: string;
  /** As the configuration writes it (or the content, for a path no virtual directory names). */
  physicalPath: string;
  servedBy: ServedBy[];
  /** Its files as the workspace holds them; treeOf makes the folder tree when it is needed. */
  files: Readonly<Record<string, string | ContentFile>>;
}

const EMPTY_FILES: Readonly<Record<string, string | ContentFile>> = Object.freeze({});

/**
 * Trees by the content object they were made from. An edit copies only the folder it changes, so on
 * a workspace of thousands of physical paths an edit rebuilds one tree, and a closed path builds none.
 */
const trees = new WeakMap<object, FolderNode>();

/** The folder tree of a physical path, made once per version of its files. */
export function treeOf(root: PhysicalRoot): FolderNode {
  let tree = trees.get(root.files);
  if (tree === undefined) {
    tree = buildFolderTree(root.files);
    trees.set(root.files, tree);
  }
  return tree;
}

const trim = (path: string): string => path.replace(/^\/+|\/+$/g, '');

/** `/` + the parts joined: joinUrl('/shop', 'images/') is `/shop/images`. */
export function joinUrl(...parts: readonly string[]): string {
  return '/' + parts.map(trim).filter((p) => p !== '').join('/');
}

/** A relative path inside a physical path: joinRelative('shop', 'a.htm') is `shop/a.htm`. */
export function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** Explorer's order: case ignored, numbers by value (file9 before file10). One collator: making one per comparison costs microseconds each. */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareNames = (a: { name: string }, b: { name: string }): number => COLLATOR.compare(a.name, b.name);

/** The URL a browser would use for a site: its first http or https binding (a wildcard host becomes www). */
export function siteOrigin(site: Site): string | undefined {
  for (const binding of site.bindings) {
    const protocol = binding.protocol.toLowerCase();
    if ((protocol !== 'http' && protocol !== 'https') || binding.endpoint?.kind !== 'ip') continue;
    const { ipAddress, port, host } = binding.endpoint;
    const name = host !== '' ? host.replace(/^\*\./, 'www.') : ipAddress === '*' ? 'localhost' : ipAddress;
    const defaultPort = protocol === 'http' ? 80 : 443;
    return `${protocol}://${name}${port === defaultPort ? '' : `:${String(port)}`}`;
  }
  return undefined;
}

/** The files of one physical path as a tree: folders first, then files, by name as Explorer sorts. */
export function buildFolderTree(files: Readonly<Record<string, string | ContentFile>>): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], files: [], fileCount: 0 };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderFor = (parts: readonly string[]): FolderNode => {
    let current = root;
    for (let i = 0; i < parts.length; i++) {
      const path = parts.slice(0, i + 1).join('/');
      const key = path.toLowerCase();
      let next = folders.get(key);
      if (next === undefined) {
        next = { name: parts[i] ?? '', path, folders: [], files: [], fileCount: 0 };
        folders.set(key, next);
        current.folders.push(next);
      }
      current = next;
    }
    return current;
  };
  for (const [written, value] of Object.entries(files)) {
    const path = written.replace(/\\/g, '/').replace(/^\/+/, '');
    const parts = path.split('/');
    const name = parts.pop() ?? path;
    const folder = folderFor(parts);
    const text = typeof value === 'string' ? value : (value.text ?? '');
    folder.files.push({
      name,
      path,
      hidden: typeof value === 'object' && value.hidden === true,
      readers: typeof value === 'object' ? value.readers : undefined,
      size: text.length,
    });
  }
  const finish = (folder: FolderNode): number => {
    folder.folders.sort(compareNames);
    folder.files.sort(compareNames);
    folder.fileCount = folder.files.length + folder.folders.reduce((sum, f) => sum + finish(f), 0);
    return folder.fileCount;
  };
  finish(root);
  return root;
}

interface ServedPath {
  physicalPath: string;
  servedBy: ServedBy[];
}

/** The physical paths the virtual directories name, by model: an edit to files keeps the model, so this is read once per configuration. */
const servedPaths = new WeakMap<ApplicationHostConfig, ReadonlyMap<string, ServedPath>>();

function servedPathsOf(model: ApplicationHostConfig): ReadonlyMap<string, ServedPath> {
  let paths = servedPaths.get(model);
  if (paths !== undefined) return paths;
  const byId = new Map<string, ServedPath>();
  for (const site of model.sites.sites) {
    const origin = siteOrigin(site);
    for (const application of site.applications) {
      for (const directory of application.virtualDirectories) {
        if (directory.physicalPath === '') continue;
        const id = normalizePhysicalPath(directory.physicalPath);
        let entry = byId.get(id);
        if (entry === undefined) {
          entry = { physicalPath: directory.physicalPath, servedBy: [] };
          byId.set(id, entry);
        }
        entry.servedBy.push({ site: site.name, virtualPath: joinUrl(application.path, directory.path), origin });
      }
    }
  }
  paths = byId;
  servedPaths.set(model, paths);
  return paths;
}

/** Normalized content keys: the same few strings come back at every edit. */
const normalizedKeys = new Map<string, string>();

function normalizedKey(physicalPath: string): string {
  let id = normalizedKeys.get(physicalPath);
  if (id === undefined) {
    if (normalizedKeys.size > 100_000) normalizedKeys.clear();
    id = normalizePhysicalPath(physicalPath);
    normalizedKeys.set(physicalPath, id);
  }
  return id;
}

/**
 * Every physical path of the workspace: those the virtual directories name, in the configuration's
 * order (several virtual directories may share one), then those only the content holds.
 */
export function listPhysicalRoots(model: ApplicationHostConfig, content: SiteContent): PhysicalRoot[] {
  const files = new Map<string, { physicalPath: string; files: Readonly<Record<string, string | ContentFile>> }>();
  for (const [physicalPath, entries] of Object.entries(content)) {
    const id = normalizedKey(physicalPath);
    const known = files.get(id);
    // Two keys that name the same folder (C:\x and %SystemDrive%\x) are one folder, as the engine reads them.
    files.set(id, known === undefined ? { physicalPath, files: entries } : { physicalPath: known.physicalPath, files: { ...known.files, ...entries } });
  }
  const roots: PhysicalRoot[] = [];
  const served = servedPathsOf(model);
  for (const [id, entry] of served) roots.push({ id, physicalPath: entry.physicalPath, servedBy: entry.servedBy, files: files.get(id)?.files ?? EMPTY_FILES });
  for (const [id, entry] of files) if (!served.has(id)) roots.push({ id, physicalPath: entry.physicalPath, servedBy: [], files: entry.files });
  return roots;
}

/** A URL that serves a file or folder of a physical path. */
export interface ServedUrl {
  site: string;
  /** The URL path in the site: `/shop/index.htm`. */
  urlPath: string;
  /** The full URL, when the site has an HTTP or HTTPS binding. */
  url: string | undefined;
}

/**
 * The URLs that reach `relativePath` of a physical path: for each virtual directory on it, the URL
 * below it, kept only when IIS would map that URL back here (a deeper virtual directory or application
 * can take the URL elsewhere).
 */
export function servedUrls(model: ApplicationHostConfig, root: PhysicalRoot, relativePath: string, isFolder: boolean): ServedUrl[] {
  const wanted = normalizeRelativePath(relativePath).replace(/\/+$/, '');
  const urls: ServedUrl[] = [];
  for (const served of root.servedBy) {
    const urlPath = joinUrl(served.virtualPath, relativePath);
    const mapped = physicalFolderFor(model, served.site, urlPath);
    if (mapped === undefined || normalizePhysicalPath(mapped.physicalPath) !== root.id || normalizeRelativePath(mapped.relativeFolder) !== wanted) continue;
    const shown = isFolder && urlPath !== '/' ? `${urlPath}/` : urlPath;
    urls.push({ site: served.site, urlPath: shown, url: served.origin === undefined ? undefined : served.origin + shown });
  }
  return urls;
}

/** One row of the tree as drawn: a physical path, a folder or a file, at its depth. */
export type TreeRow = (
  | { kind: 'root'; depth: 0; expanded: boolean }
  | { kind: 'folder'; depth: number; folder: FolderNode; expanded: boolean }
  | { kind: 'file'; depth: number; file: FileNode }
) & {
  id: string;
  root: PhysicalRoot;
  /** Its place among its siblings (from 1) and how many they are: aria-posinset and aria-setsize, which a tree that draws only some rows must give. */
  position: number;
  siblings: number;
};

/** The id of a tree item: the physical path's id, a bar, and the normalized relative path ('' for the root). */
export function itemId(root: PhysicalRoot | string, relativePath: string): string {
  return `${typeof root === 'string' ? root : root.id}|${normalizeRelativePath(relativePath)}`;
}

/** Up to this many physical paths start open; a server with more (fixture 12, 5,000 sites) starts with them closed. */
export const OPEN_ROOTS_LIMIT = 12;

export function rootsOpenByDefault(count: number): boolean {
  return count <= OPEN_ROOTS_LIMIT;
}

/**
 * The rows in view order. `toggled` holds the ids whose state differs from the default: physical
 * paths start open when there are few of them (OPEN_ROOTS_LIMIT), folders below them closed.
 */
export function flattenTree(roots: readonly PhysicalRoot[], toggled: ReadonlySet<string>): TreeRow[] {
  const rootsOpen = rootsOpenByDefault(roots.length);
  const rows: TreeRow[] = [];
  const walk = (root: PhysicalRoot, folder: FolderNode, depth: number): void => {
    const siblings = folder.folders.length + folder.files.length;
    let position = 0;
    for (const child of folder.folders) {
      const id = itemId(root, child.path);
      const expanded = toggled.has(id);
      rows.push({ kind: 'folder', id, depth, root, folder: child, expanded, position: ++position, siblings });
      if (expanded) walk(root, child, depth + 1);
    }
    for (const file of folder.files) rows.push({ kind: 'file', id: itemId(root, file.path), depth, root, file, position: ++position, siblings });
  };
  let position = 0;
  for (const root of roots) {
    const id = itemId(root, '');
    const expanded = toggled.has(id) !== rootsOpen;
    rows.push({ kind: 'root', id, depth: 0, root, expanded, position: ++position, siblings: roots.length });
    if (expanded) walk(root, treeOf(root), 1);
  }
  return rows;
}

/** What a tree id names, found again after an edit (undefined when it is gone). */
export type TreeItem =
  | { kind: 'root'; root: PhysicalRoot }
  | { kind: 'folder'; root: PhysicalRoot; folder: FolderNode; parent: FolderNode }
  | { kind: 'file'; root: PhysicalRoot; file: FileNode; parent: FolderNode };

export function findItem(roots: readonly PhysicalRoot[], id: string): TreeItem | undefined {
  const bar = id.indexOf('|');
  const root = roots.find((r) => r.id === id.slice(0, bar));
  if (root === undefined) return undefined;
  const path = id.slice(bar + 1);
  if (path === '') return { kind: 'root', root };
  let parent = treeOf(root);
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === parts.length - 1) {
      const file = parent.files.find((f) => f.name.toLowerCase() === part);
      if (file !== undefined) return { kind: 'file', root, file, parent };
    }
    const folder = parent.folders.find((f) => f.name.toLowerCase() === part);
    if (folder === undefined) return undefined;
    if (i === parts.length - 1) return { kind: 'folder', root, folder, parent };
    parent = folder;
  }
  return undefined;
}

/** Every file below a folder, for renaming or removing the folder. */
export function filesBelow(folder: FolderNode): FileNode[] {
  return [...folder.files, ...folder.folders.flatMap(filesBelow)];
}

/** The names in a folder, files and folders alike (NTFS keeps both in one namespace). */
export function namesIn(folder: FolderNode): string[] {
  return [...folder.folders.map((f) => f.name), ...folder.files.map((f) => f.name)];
}

export function isWebConfig(file: FileNode): boolean {
  return file.name.toLowerCase() === 'web.config';
}

/**
 * The tree ids of files named by problem keys (the workspace store's fileProblems, keyed by
 * describeFile: `physical path\relative\path`), each under the deepest physical path that holds it.
 */
export function problemFileIds(roots: readonly PhysicalRoot[], files: Iterable<string>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const file of files) {
    const path = normalizePhysicalPath(file);
    let best: PhysicalRoot | undefined;
    for (const root of roots) if (path.startsWith(root.id + '\\') && (best === undefined || root.id.length > best.id.length)) best = root;
    if (best !== undefined) ids.add(itemId(best, path.slice(best.id.length + 1)));
  }
  return ids;
}
