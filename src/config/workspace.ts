/**
 * The workspace: applicationHost.config text plus the files of each physical path. Its JSON form is
 * `{ "<physicalPath as written in the config>": { "<relative/path/file.ext>": "<file text>" } }`.
 */
import type { Diagnostic } from './diagnostics.ts';
import { parseApplicationHost, type ApplicationHostConfig } from './parse.ts';

/** physical path (as written in the configuration) -> relative file path -> file text. */
export type SiteContent = Record<string, Record<string, string>>;

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
}

/** A workspace with its applicationHost.config parsed once, for repeated effectiveConfig queries. */
export interface LoadedWorkspace {
  model: ApplicationHostConfig;
  users: WorkspaceUser[] | undefined;
  diagnostics: Diagnostic[];
  /** Normalized physical path (see normalizePhysicalPath) -> normalized relative path -> text. */
  files: Map<string, Map<string, string>>;
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

/** Expands %VARIABLES%, unifies slashes and case, and drops a trailing slash. */
export function normalizePhysicalPath(path: string): string {
  const expanded = path.replace(/%([^%]+)%/g, (whole, name: string) => ENVIRONMENT[name.toLowerCase()] ?? whole);
  return expanded.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
}

/** Normalizes a file path relative to a physical path: `/` separators, no leading slash, lower case. */
export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function loadWorkspace(workspace: Workspace): LoadedWorkspace {
  const { model, diagnostics } = parseApplicationHost(workspace.applicationHostConfig);
  const files = new Map<string, Map<string, string>>();
  for (const [physicalPath, entries] of Object.entries(workspace.content)) {
    const key = normalizePhysicalPath(physicalPath);
    const folder = files.get(key) ?? new Map<string, string>();
    for (const [relative, text] of Object.entries(entries)) folder.set(normalizeRelativePath(relative), text);
    files.set(key, folder);
  }
  return { model, diagnostics, files, users: workspace.users };
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
    const folder: Record<string, string> = {};
    for (const [file, text] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof text !== 'string') return { ok: false, message: `"${physicalPath}" / "${file}" must be a string.` };
      folder[file] = text;
    }
    content[physicalPath] = folder;
  }
  return { ok: true, content };
}
