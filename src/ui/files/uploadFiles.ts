/**
 * Files from the person's disk, made into one edit that writes them into a folder of a physical path
 * (as copying a site's content onto the server). The workspace keeps a site's files as text, which is
 * what the simulation reads (sizes, default documents, web.config); a binary file is kept as a line
 * that says what it is, as the default workspace keeps iisstart.png.
 */
import type { ConfigEdit } from '../../config/index.ts';
import { checkName } from './fileNames.ts';
import type { LabelledEdit } from './fileEdits.ts';
import { joinRelative, type FolderNode, type PhysicalRoot } from './fileTree.ts';

/** Larger files are left out: the workspace is saved in the browser, and a site's text files are small. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface PickedFile {
  name: string;
  size: number;
  /** The first bytes, to tell text from binary. */
  head: Uint8Array;
  text: string;
}

/** A file is binary when its first bytes hold a NUL, as git and most editors decide. */
export function isBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

export interface UploadPlan {
  change: LabelledEdit | undefined;
  /** Files left out, each with why. */
  skipped: string[];
}

/** One batch edit that writes the picked files into `folder`, replacing files of the same name. */
export function planUpload(root: PhysicalRoot, folder: FolderNode, files: readonly PickedFile[]): UploadPlan {
  const skipped: string[] = [];
  const edits: ConfigEdit[] = [];
  const taken = new Set(folder.files.map((f) => f.name.toLowerCase()));
  const folders = new Set(folder.folders.map((f) => f.name.toLowerCase()));
  let replaced = 0;
  for (const file of files) {
    const problem = checkName(file.name);
    if (problem !== undefined) {
      skipped.push(`${file.name}: ${problem}`);
      continue;
    }
    if (folders.has(file.name.toLowerCase())) {
      skipped.push(`${file.name}: a folder of that name is already here.`);
      continue;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      skipped.push(`${file.name}: larger than ${String(MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`);
      continue;
    }
    if (taken.has(file.name.toLowerCase())) replaced++;
    taken.add(file.name.toLowerCase());
    const text = isBinary(file.head) ? `(binary file ${file.name}, ${String(file.size)} bytes)` : file.text;
    edits.push({ op: 'writeFile', physicalPath: root.physicalPath, relativePath: joinRelative(folder.path, file.name), text });
  }
  if (edits.length === 0) return { change: undefined, skipped };
  const where = folder.path === '' ? root.physicalPath : `${root.physicalPath}\\${folder.path.replace(/\//g, '\\')}`;
  const count = `${String(edits.length)} ${edits.length === 1 ? 'file' : 'files'}`;
  return { change: { edit: { op: 'batch', edits }, label: `Upload ${count} to ${where}${replaced > 0 ? `, replacing ${String(replaced)}` : ''}` }, skipped };
}
