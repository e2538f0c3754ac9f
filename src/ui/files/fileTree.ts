/**
 * The Files view's data, derived from the configuration and the workspace's content (never kept by
 * hand): every physical path a virtual directory names or the content holds, which site and URL serve
 * it, and its files as a tree of folders. A folder exists when a file is in it, as the workspace keeps
 * files, not folders.
 */
import {
  normalizePhysicalPath,
  normalizeRelativePath,
  parseBindingInformation,
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
  tree: FolderNode;
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

const compareNames = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });

/** The URL a browser would use for a site: its first http or https binding (a wildcard host becomes www). */
export function siteOrigin(site: Site): string | undefined {
  for (const binding of site.bindings) {
    const protocol = binding.protocol.toLowerCase();
    if (protocol !== 'http' && protocol !== 'https') continue;
    const parsed = parseBindingInformation(protocol, binding.bindingInformation);
    if (!parsed.ok || parsed.endpoint.kind !== 'ip') continue;
    const { ipAddress, port, host } = parsed.endpoint;
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

/**
 * Every physical path of the workspace: those the virtual directories name, in the configuration's
 * order (several virtual directories may share one), then those only the content holds.
 */
export function listPhysicalRoots(model: ApplicationHostConfig, content: SiteContent): PhysicalRoot[] {
  const byId = new Map<string, { physicalPath: string; servedBy: ServedBy[]; files: Record<string, string | ContentFile> }>();
  for (const site of model.sites.sites) {
    const origin = siteOrigin(site);
    for (const application of site.applications) {
      for (const directory of application.virtualDirectories) {
        if (directory.physicalPath === '') continue;
        const id = normalizePhysicalPath(directory.physicalPath);
        const entry = byId.get(id) ?? { physicalPath: directory.physicalPath, servedBy: [], files: {} };
        entry.servedBy.push({ site: site.name, virtualPath: joinUrl(application.path, directory.path), origin });
        byId.set(id, entry);
      }
    }
  }
  for (const [physicalPath, files] of Object.entries(content)) {
    const id = normalizePhysicalPath(physicalPath);
    const entry = byId.get(id) ?? { physicalPath, servedBy: [], files: {} };
    // Two keys that name the same folder (C:\x and %SystemDrive%\x) are one folder, as the engine reads them.
    entry.files = { ...entry.files, ...files };
    byId.set(id, entry);
  }
  return [...byId].map(([id, entry]) => ({ id, physicalPath: entry.physicalPath, servedBy: entry.servedBy, tree: buildFolderTree(entry.files) }));
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
export type TreeRow =
  | { kind: 'root'; id: string; depth: 0; root: PhysicalRoot; expanded: boolean }
  | { kind: 'folder'; id: string; depth: number; root: PhysicalRoot; folder: FolderNode; expanded: boolean }
  | { kind: 'file'; id: string; depth: number; root: PhysicalRoot; file: FileNode };

/** The id of a tree item: the physical path's id, a bar, and the normalized relative path ('' for the root). */
export function itemId(root: PhysicalRoot | string, relativePath: string): string {
  return `${typeof root === 'string' ? root : root.id}|${normalizeRelativePath(relativePath)}`;
}

/**
 * The rows in view order. `toggled` holds the ids whose state differs from the default: physical
 * paths start open, folders below them closed.
 */
export function flattenTree(roots: readonly PhysicalRoot[], toggled: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (root: PhysicalRoot, folder: FolderNode, depth: number): void => {
    for (const child of folder.folders) {
      const id = itemId(root, child.path);
      const expanded = toggled.has(id);
      rows.push({ kind: 'folder', id, depth, root, folder: child, expanded });
      if (expanded) walk(root, child, depth + 1);
    }
    for (const file of folder.files) rows.push({ kind: 'file', id: itemId(root, file.path), depth, root, file });
  };
  for (const root of roots) {
    const id = itemId(root, '');
    const expanded = !toggled.has(id);
    rows.push({ kind: 'root', id, depth: 0, root, expanded });
    if (expanded) walk(root, root.tree, 1);
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
  let parent = root.tree;
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
