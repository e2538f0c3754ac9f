/**
 * The Files view's changes as configuration edits, each with the label Undo shows. A folder is renamed
 * or removed by renaming or removing every file in it, in one batch, so it is one step to undo.
 */
import type { ConfigEdit } from '../../config/index.ts';
import { filesBelow, joinRelative, type FolderNode, type PhysicalRoot } from './fileTree.ts';

export interface LabelledEdit {
  edit: ConfigEdit;
  label: string;
}

/** Windows writes paths with backslashes; labels say where a file is as an administrator reads it. */
const windows = (relative: string): string => relative.replace(/\//g, '\\');

export function addFile(root: PhysicalRoot, folder: string, name: string, text: string): LabelledEdit {
  const relativePath = joinRelative(folder, name);
  return { edit: { op: 'writeFile', physicalPath: root.physicalPath, relativePath, text }, label: `Add file ${relativePath} to ${root.physicalPath}` };
}

export function saveText(root: PhysicalRoot, path: string, text: string): LabelledEdit {
  return { edit: { op: 'writeFile', physicalPath: root.physicalPath, relativePath: path, text }, label: `Edit ${root.physicalPath}\\${windows(path)}` };
}

export function removeFile(root: PhysicalRoot, path: string): LabelledEdit {
  return { edit: { op: 'writeFile', physicalPath: root.physicalPath, relativePath: path, text: null }, label: `Remove file ${root.physicalPath}\\${windows(path)}` };
}

/** The path `path` gets when its last part is renamed to `name`. */
function renamed(path: string, name: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? name : `${path.slice(0, slash)}/${name}`;
}

export function renameFile(root: PhysicalRoot, path: string, name: string): LabelledEdit {
  const to = renamed(path, name);
  return { edit: { op: 'renameFile', physicalPath: root.physicalPath, from: path, to }, label: `Rename ${root.physicalPath}\\${windows(path)} to ${name}` };
}

export function renameFolder(root: PhysicalRoot, folder: FolderNode, name: string): LabelledEdit {
  const to = renamed(folder.path, name);
  const edits: ConfigEdit[] = filesBelow(folder).map((file) => ({ op: 'renameFile', physicalPath: root.physicalPath, from: file.path, to: to + file.path.slice(folder.path.length) }));
  return { edit: { op: 'batch', edits }, label: `Rename folder ${root.physicalPath}\\${windows(folder.path)} to ${name}` };
}

export function removeFolder(root: PhysicalRoot, folder: FolderNode): LabelledEdit {
  const edits: ConfigEdit[] = filesBelow(folder).map((file) => ({ op: 'writeFile', physicalPath: root.physicalPath, relativePath: file.path, text: null }));
  const where = folder.path === '' ? root.physicalPath : `${root.physicalPath}\\${windows(folder.path)}`;
  return { edit: { op: 'batch', edits }, label: `Remove folder ${where} and its ${String(edits.length)} ${edits.length === 1 ? 'file' : 'files'}` };
}

export function setHidden(root: PhysicalRoot, path: string, hidden: boolean): LabelledEdit {
  return {
    edit: { op: 'setFileAttributes', physicalPath: root.physicalPath, relativePath: path, hidden },
    label: `${hidden ? 'Hide' : 'Unhide'} ${root.physicalPath}\\${windows(path)}`,
  };
}

/** readers undefined: the ACL lets everyone read the file. */
export function setReaders(root: PhysicalRoot, path: string, readers: readonly string[] | undefined): LabelledEdit {
  return {
    edit: { op: 'setFileAttributes', physicalPath: root.physicalPath, relativePath: path, readers: readers ?? null },
    label: readers === undefined ? `Let everyone read ${root.physicalPath}\\${windows(path)}` : `Let ${readers.join(', ')} read ${root.physicalPath}\\${windows(path)}`,
  };
}

/**
 * Reads a list of accounts and groups, one per line or separated by commas (names such as
 * `IIS AppPool\DefaultAppPool` and `Authenticated Users` hold spaces), without repeats (Windows
 * ignores case in account names).
 */
export function parseReaders(text: string): string[] {
  const seen = new Set<string>();
  const readers: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const name = part.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    readers.push(name);
  }
  return readers;
}
