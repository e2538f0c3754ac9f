/**
 * The workspace file: a whole workspace (applicationHost.config, the files of each physical path, and
 * the server's users) as one JSON document, for export, import and the CLI. Its shape:
 *
 * ```json
 * { "format": "iis-flow-workspace", "version": 1, "sourceName": "applicationHost.config",
 *   "applicationHostConfig": "<configuration>...</configuration>",
 *   "content": { "%SystemDrive%\\inetpub\\wwwroot": { "iisstart.htm": "...", "web.config": "..." } },
 *   "users": [{ "name": "alice", "password": "...", "groups": ["Users"] }], "iisVersion": "10.0" }
 * ```
 *
 * `content` is the workspace format of README.md (a file may be `{ "text", "hidden", "readers" }`);
 * `sourceName` and `users` are optional. Fields this version does not know are ignored, so a later
 * version can add some; a later `version` is refused with a message rather than read half-way.
 */
import { IIS_VERSIONS, isIisVersion } from './iisVersion.ts';
import { parseSiteContent, parseWorkspaceUsers, type Workspace } from './workspace.ts';

export const WORKSPACE_BUNDLE_FORMAT = 'iis-flow-workspace';
export const WORKSPACE_BUNDLE_VERSION = 1;

export interface WorkspaceBundle {
  format: typeof WORKSPACE_BUNDLE_FORMAT;
  version: number;
  /** What the workspace was loaded from, shown in the status bar after an import. */
  sourceName?: string;
  applicationHostConfig: string;
  content: Workspace['content'];
  users?: Workspace['users'];
  /** The IIS version simulated (7.0, 7.5, 8.0, 8.5, 10.0); absent: 10.0. */
  iisVersion?: Workspace['iisVersion'];
}

export type BundleReadResult = { ok: true; workspace: Workspace; sourceName: string | undefined } | { ok: false; message: string };

/** The workspace as the JSON text of a workspace file (indented, so that it diffs and reads well). */
export function serializeWorkspaceBundle(workspace: Workspace, sourceName?: string): string {
  const bundle: WorkspaceBundle = {
    format: WORKSPACE_BUNDLE_FORMAT,
    version: WORKSPACE_BUNDLE_VERSION,
    ...(sourceName === undefined ? {} : { sourceName }),
    applicationHostConfig: workspace.applicationHostConfig,
    content: workspace.content,
    ...(workspace.users === undefined ? {} : { users: workspace.users }),
    ...(workspace.iisVersion === undefined ? {} : { iisVersion: workspace.iisVersion }),
  };
  return JSON.stringify(bundle, null, 2) + '\n';
}

/** True when a parsed JSON value says it is a workspace file (whatever its version or its problems). */
export function looksLikeWorkspaceBundle(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && (json as Record<string, unknown>).format === WORKSPACE_BUNDLE_FORMAT;
}

/** Checks a parsed workspace file; the message of a refusal names the first problem. */
export function readWorkspaceBundle(json: unknown): BundleReadResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'A workspace file is a JSON object: { "format": "iis-flow-workspace", "version": 1, "applicationHostConfig": "...", "content": { ... } }.' };
  }
  const fields = json as Record<string, unknown>;
  if (fields.format !== WORKSPACE_BUNDLE_FORMAT) {
    return { ok: false, message: `This JSON is not an IIS Flow workspace: it has no "format": "${WORKSPACE_BUNDLE_FORMAT}".` };
  }
  const { version } = fields;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'The workspace file has no valid "version" (a whole number, 1 for this version of IIS Flow).' };
  }
  if (version > WORKSPACE_BUNDLE_VERSION) {
    return { ok: false, message: `The workspace file is version ${String(version)}, written by a newer IIS Flow; this one reads version ${String(WORKSPACE_BUNDLE_VERSION)}.` };
  }
  if (typeof fields.applicationHostConfig !== 'string') {
    return { ok: false, message: 'The workspace file has no "applicationHostConfig": the text of applicationHost.config, as a string.' };
  }
  if (fields.sourceName !== undefined && typeof fields.sourceName !== 'string') {
    return { ok: false, message: 'The workspace file\'s "sourceName" must be a string.' };
  }
  const content = parseSiteContent(fields.content ?? {});
  if (!content.ok) return { ok: false, message: `The workspace file's "content": ${content.message}` };
  const workspace: Workspace = { applicationHostConfig: fields.applicationHostConfig, content: content.content };
  if (fields.users !== undefined) {
    const users = parseWorkspaceUsers(fields.users);
    if (!users.ok) return { ok: false, message: `The workspace file's "users": ${users.message}` };
    workspace.users = users.users;
  }
  if (fields.iisVersion !== undefined) {
    if (!isIisVersion(fields.iisVersion)) return { ok: false, message: `The workspace file's "iisVersion" must be one of ${IIS_VERSIONS.join(', ')}.` };
    workspace.iisVersion = fields.iisVersion;
  }
  return { ok: true, workspace, sourceName: fields.sourceName };
}

/** Reads the JSON text of a workspace file. */
export function parseWorkspaceBundle(text: string): BundleReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  return readWorkspaceBundle(json);
}
