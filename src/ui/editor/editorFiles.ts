/**
 * The files the XML editor can open: applicationHost.config and every web.config of the workspace
 * (IIS reads a web.config in any folder of a site's content, at any depth). Pure: no CodeMirror here,
 * so the Problems panel, which loads with the page, can use it too.
 */
import { APPLICATION_HOST, describeFile, normalizePhysicalPath, normalizeRelativePath, type FileRef, type Workspace } from '../../config/index.ts';

export interface EditableFile {
  ref: FileRef;
  /** Compares files whatever the case and slashes of their paths (as Windows and IIS do). */
  key: string;
  /** The name shown to the person: `applicationHost.config`, or the web.config's full path. */
  label: string;
}

const WEB_CONFIG = /(^|[\\/])web\.config$/i;

/** A key that is the same for every spelling of one file's path (`%SystemDrive%` or `C:`, `/` or `\`, any case). */
export function fileKey(ref: FileRef): string {
  return ref.kind === 'applicationHost' ? 'applicationHost' : `${normalizePhysicalPath(ref.physicalPath)}|${normalizeRelativePath(ref.relativePath)}`;
}

export function isWebConfig(relativePath: string): boolean {
  return WEB_CONFIG.test(relativePath);
}

/**
 * The web.config files of one folder's file map. An edit copies the workspace's map of folders but
 * keeps each untouched folder's own map, so after an edit of applicationHost.config (thousands of
 * folders on a large server) no folder's file names are read again.
 */
const webConfigsByFolder = new WeakMap<object, readonly string[]>();
function webConfigsIn(files: Workspace['content'][string]): readonly string[] {
  let found = webConfigsByFolder.get(files);
  if (found === undefined) {
    found = Object.keys(files).filter(isWebConfig);
    webConfigsByFolder.set(files, found);
  }
  return found;
}

/** applicationHost.config first, then each web.config, ordered by path. */
export function editableFiles(workspace: Workspace): EditableFile[] {
  const webConfigs: EditableFile[] = [];
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    for (const relativePath of webConfigsIn(files)) {
      const ref: FileRef = { kind: 'content', physicalPath, relativePath };
      webConfigs.push({ ref, key: fileKey(ref), label: describeFile(ref) });
    }
  }
  webConfigs.sort((a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }));
  return [{ ref: APPLICATION_HOST, key: fileKey(APPLICATION_HOST), label: describeFile(APPLICATION_HOST) }, ...webConfigs];
}

/** The file a description (the `file` of a diagnostic, a key of `fileProblems`) names, when the workspace has it. */
export function fileNamed(files: readonly EditableFile[], name: string | undefined): EditableFile | undefined {
  if (name === undefined) return files[0];
  const wanted = name.replace(/\//g, '\\').toLowerCase();
  return files.find((f) => f.label.replace(/\//g, '\\').toLowerCase() === wanted);
}

