/**
 * The workspace: applicationHost.config text plus the files of each physical path. Its JSON form is
 * `{ "<physicalPath as written in the config>": { "<relative/path/file.ext>": "<file text>" } }`; a file
 * may instead be `{ "text": "...", "hidden": true, "readers": ["Administrators"] }` to give it the hidden
 * attribute or an ACL (the accounts and groups that may read it).
 */
import type { Diagnostic } from './diagnostics.ts';
import { parseApplicationHost, type ApplicationHostConfig, type ApplicationHostReader } from './parse.ts';
import { DEFAULT_IIS_VERSION, type IisVersion } from './iisVersion.ts';

/** A file with NTFS facts IIS acts on: the hidden attribute (404.9) and who may read it (401.3). */
export interface ContentFile {
  text?: string;
  hidden?: boolean;
  /** Accounts and groups the file's ACL lets read it (IUSR, `IIS AppPool\\DefaultAppPool`, Users, Everyone...); absent: everyone. */
  readers?: string[];
}

/** physical path (as written in the configuration) -> relative file path -> file text, or a file with attributes. */
export type SiteContent = Record<string, Record<string, string | ContentFile>>;

/** What the loaded workspace keeps of a file's attributes. */
export interface FileAttributes {
  hidden: boolean;
  readers: readonly string[] | undefined;
}

/** A user the simulated server knows (a local Windows account, for basic, Windows and digest authentication). */
export interface WorkspaceUser {
  name: string;
  password: string;
  groups: string[];
}

export interface Workspace {
  applicationHostConfig: string;
  content: SiteContent;
  /** The server's simulated users; the engine has a few defaults when absent. */
  users?: WorkspaceUser[];
  /** The IIS version (and so the Windows) simulated; absent: 10.0 (iisVersion.ts). */
  iisVersion?: IisVersion;
}

/** A workspace with its applicationHost.config parsed once, for repeated effectiveConfig queries. */
export interface LoadedWorkspace {
  model: ApplicationHostConfig;
  users: WorkspaceUser[] | undefined;
  diagnostics: Diagnostic[];
  /** Normalized physical path (see normalizePhysicalPath) -> normalized relative path -> text. */
  files: Map<string, Map<string, string>>;
  /** The same keys, for files that have attributes (hidden, readers). */
  fileAttributes: Map<string, Map<string, FileAttributes>>;
  /** False when applicationHost.config could not be read as XML at all (the model is then empty). */
  wellFormed: boolean;
  /** The workspace's IIS version, 10.0 when it names none. */
  iisVersion: IisVersion;
}

/** Values for the environment variables IIS paths use, as on a default Windows Server install. */
const ENVIRONMENT: Readonly<Record<string, string>> = {
  systemdrive: 'C:',
  systemroot: 'C:\\Windows',
  windir: 'C:\\Windows',
  programfiles: 'C:\\Program Files',
  'programfiles(x86)': 'C:\\Program Files (x86)',
  userprofile: 'C:\\Users\\Administrator',
  iis_user_home: 'C:\\Users\\Administrator\\Documents\\IISExpress',
  iis_sites_home: 'C:\\Users\\Administrator\\Documents\\My Web Sites',
  iis_bin: 'C:\\Program Files\\IIS Express',
  public: 'C:\\Users\\Public',
};

/** Normalized paths by path: a 5,000-site workspace normalizes the same paths on every load. Bounded. */
const normalizedPaths = new Map<string, string>();

/** Expands %VARIABLES%, unifies slashes and case, and drops a trailing slash. */
export function normalizePhysicalPath(path: string): string {
  const known = normalizedPaths.get(path);
  if (known !== undefined) return known;
  const expanded = path.replace(/%([^%]+)%/g, (whole, name: string) => ENVIRONMENT[name.toLowerCase()] ?? whole);
  const normalized = expanded.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
  if (normalizedPaths.size >= 50_000) normalizedPaths.clear();
  normalizedPaths.set(path, normalized);
  return normalized;
}

/** Normalizes a file path relative to a physical path: `/` separators, no leading slash, lower case. */
export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/**
 * `reader`: reads each applicationHost.config from the one before (ApplicationHostReader), for a caller
 * that loads successive versions of one server, as the engine's worker does with each change.
 */
export function loadWorkspace(workspace: Workspace, reader?: ApplicationHostReader): LoadedWorkspace {
  const { model, diagnostics, wellFormed } = reader === undefined ? parseApplicationHost(workspace.applicationHostConfig) : reader.read(workspace.applicationHostConfig);
  const files = new Map<string, Map<string, string>>();
  const fileAttributes = new Map<string, Map<string, FileAttributes>>();
  for (const [physicalPath, entries] of Object.entries(workspace.content)) {
    const key = normalizePhysicalPath(physicalPath);
    const read = readFolder(entries);
    // The maps of a folder are shared between loads (never changed): two physical paths that
    // normalize alike are merged into a new map.
    const folder = files.get(key);
    files.set(key, folder === undefined ? read.files : new Map([...folder, ...read.files]));
    if (read.attributes.size > 0) {
      const attributes = fileAttributes.get(key);
      fileAttributes.set(key, attributes === undefined ? read.attributes : new Map([...attributes, ...read.attributes]));
    }
  }
  return { model, diagnostics, wellFormed, files, fileAttributes, users: workspace.users, iisVersion: workspace.iisVersion ?? DEFAULT_IIS_VERSION };
}

interface ReadFolder {
  files: Map<string, string>;
  attributes: Map<string, FileAttributes>;
}

/**
 * Each folder's files by normalized name, kept per folder object: an edit copies only the folders it
 * changes, so loading each version of a 5,000-site workspace reads one folder again, not 5,000.
 */
const folders = new WeakMap<Readonly<Record<string, string | ContentFile>>, ReadFolder>();

function readFolder(entries: Readonly<Record<string, string | ContentFile>>): ReadFolder {
  const known = folders.get(entries);
  if (known !== undefined) return known;
  const read: ReadFolder = { files: new Map(), attributes: new Map() };
  for (const [relative, value] of Object.entries(entries)) {
    const name = normalizeRelativePath(relative);
    if (typeof value === 'string') {
      read.files.set(name, value);
      continue;
    }
    read.files.set(name, value.text ?? '');
    if (value.hidden === true || value.readers !== undefined) read.attributes.set(name, { hidden: value.hidden === true, readers: value.readers });
  }
  folders.set(entries, read);
  return read;
}

/** Validates a JSON list of users: [{ "name", "password", "groups"? }]. */
export function parseWorkspaceUsers(json: unknown): { ok: true; users: WorkspaceUser[] } | { ok: false; message: string } {
  if (!Array.isArray(json)) return { ok: false, message: 'Users must be a JSON array: [{ "name": "alice", "password": "...", "groups": ["Users"] }].' };
  const users: WorkspaceUser[] = [];
  for (const [index, entry] of json.entries()) {
    if (typeof entry !== 'object' || entry === null) return { ok: false, message: `User ${String(index + 1)} must be an object.` };
    const { name, password, groups } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name === '' || typeof password !== 'string') return { ok: false, message: `User ${String(index + 1)} needs a "name" and a "password".` };
    if (groups !== undefined && (!Array.isArray(groups) || groups.some((g) => typeof g !== 'string'))) return { ok: false, message: `The "groups" of ${name} must be a list of names.` };
    users.push({ name, password, groups: (groups as string[] | undefined) ?? [] });
  }
  return { ok: true, users };
}

/** Validates the JSON form of site content; returns a message for the first problem. */
export function parseSiteContent(json: unknown): { ok: true; content: SiteContent } | { ok: false; message: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'Site content must be a JSON object: { "<physicalPath>": { "<file>": "<text>" } }.' };
  }
  const content: SiteContent = {};
  for (const [physicalPath, entries] of Object.entries(json)) {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      return { ok: false, message: `"${physicalPath}" must map file names to their text.` };
    }
    const folder: Record<string, string | ContentFile> = {};
    for (const [file, value] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof value === 'string') {
        folder[file] = value;
        continue;
      }
      const checked = parseContentFile(value);
      if (typeof checked === 'string') return { ok: false, message: `"${physicalPath}" / "${file}": ${checked}` };
      folder[file] = checked;
    }
    content[physicalPath] = folder;
  }
  return { ok: true, content };
}

/** A file given as an object: `{ "text"?, "hidden"?, "readers"? }`. A string is the problem. */
function parseContentFile(value: unknown): ContentFile | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be the file\'s text, or { "text": "...", "hidden": true, "readers": ["IUSR"] }.';
  const { text, hidden, readers, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return `unknown field "${unknown[0] ?? ''}" (a file has "text", "hidden" and "readers").`;
  if (text !== undefined && typeof text !== 'string') return '"text" must be a string.';
  if (hidden !== undefined && typeof hidden !== 'boolean') return '"hidden" must be true or false.';
  if (readers !== undefined && (!Array.isArray(readers) || readers.some((r) => typeof r !== 'string'))) return '"readers" must be a list of account or group names.';
  const file: ContentFile = {};
  if (text !== undefined) file.text = text;
  if (hidden !== undefined) file.hidden = hidden;
  if (readers !== undefined) file.readers = readers as string[];
  return file;
}
