/**
 * The files of the workspace, as a worker process sees them through the virtual directories: does a
 * physical path exist, is it a folder, how large is it.
 */
import { normalizePhysicalPath, normalizeRelativePath, type LoadedWorkspace, type VirtualDirectory } from '../config/index.ts';

export interface PhysicalEntry {
  kind: 'file' | 'directory' | 'missing';
  /** Bytes, for files. */
  size: number;
  /** The file's text, for files. */
  text: string;
  /** The hidden attribute (IIS will not serve the file: 404.9). */
  hidden: boolean;
  /** Who the file's ACL lets read it; undefined: everyone. */
  readers: readonly string[] | undefined;
}

export const MISSING: PhysicalEntry = { kind: 'missing', size: 0, text: '', hidden: false, readers: undefined };
const DIRECTORY: PhysicalEntry = { kind: 'directory', size: 0, text: '', hidden: false, readers: undefined };

/** The folders of each files map: a configuration change keeps the maps of untouched physical paths (loadWorkspace). */
const foldersOfFiles = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();

export class SiteContent {
  /** Normalized physical root -> set of folders (relative, normalized, '' for the root). */
  private readonly folders = new Map<string, ReadonlySet<string>>();

  constructor(private readonly workspace: LoadedWorkspace) {
    for (const [root, files] of workspace.files) {
      let known = foldersOfFiles.get(files);
      if (known === undefined) {
        const folders = new Set<string>(['']);
        for (const relative of files.keys()) {
          const parts = relative.split('/');
          for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
        }
        foldersOfFiles.set(files, folders);
        known = folders;
      }
      this.folders.set(root, known);
    }
  }

  /** Looks up `relative` (URL-style, below the virtual directory) in a virtual directory's folder. */
  lookup(directory: VirtualDirectory, relative: string): PhysicalEntry {
    const root = normalizePhysicalPath(directory.physicalPath);
    const path = normalizeRelativePath(relative).replace(/\/+$/, '');
    const files = this.workspace.files.get(root);
    if (files === undefined) return path === '' && this.folders.has(root) ? DIRECTORY : MISSING;
    const text = files.get(path);
    if (text !== undefined) {
      const attributes = this.workspace.fileAttributes.get(root)?.get(path);
      return { kind: 'file', size: byteLength(text), text, hidden: attributes?.hidden ?? false, readers: attributes?.readers };
    }
    return this.folders.get(root)?.has(path) === true ? DIRECTORY : MISSING;
  }

  /** Is there a file at this full physical path (in any folder of the workspace's content)? */
  hasPhysicalFile(physicalPath: string): boolean {
    const path = normalizePhysicalPath(physicalPath);
    for (const [root, files] of this.workspace.files) {
      if (!path.startsWith(root + '\\')) continue;
      if (files.has(normalizeRelativePath(path.slice(root.length + 1)))) return true;
    }
    return false;
  }

  /** The file names directly in a folder, for directory listings. */
  list(directory: VirtualDirectory, relative: string): string[] {
    const files = this.workspace.files.get(normalizePhysicalPath(directory.physicalPath));
    if (files === undefined) return [];
    const prefix = normalizeRelativePath(relative).replace(/\/+$/, '');
    const names = new Set<string>();
    for (const path of files.keys()) {
      if (prefix !== '' && !path.startsWith(prefix + '/')) continue;
      const rest = prefix === '' ? path : path.slice(prefix.length + 1);
      const name = rest.split('/')[0];
      if (name !== undefined && name !== '') names.add(name);
    }
    return [...names].sort();
  }
}

/** UTF-8 length of a text, without TextEncoder. */
export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
