/**
 * Reading an imported file, and the files a workspace exports. An import is one of: a workspace file
 * (JSON, see src/config/bundle.ts), an applicationHost.config (its sites' folders get a fresh install's
 * files, as the CLI gives them), a web.config (which belongs in a folder, not in place of the server's
 * configuration), or something that is not a configuration at all, which replaces nothing.
 */
import {
  decodeConfigBytes,
  parseApplicationHost,
  parseWorkspaceBundle,
  serializeWorkspaceBundle,
  workspaceForApplicationHost,
  type Diagnostic,
  type FileRef,
  type Workspace,
} from '../config/index.ts';

/** Files larger than this are refused before they are read (the XML reader's own limit is 20 M characters). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportReading =
  /** A workspace to take; `errors` are its configuration's errors (shown, and asked about, before it replaces a good one). */
  | { kind: 'workspace'; workspace: Workspace; sourceName: string; errors: Diagnostic[] }
  /** A web.config: it goes in a site's folder, so the person says which. */
  | { kind: 'webConfig'; text: string; fileName: string }
  | { kind: 'refused'; message: string };

/** Errors of a workspace's configuration files: applicationHost.config's, and web.config files that are not XML. */
export function workspaceErrors(workspace: Workspace): Diagnostic[] {
  const errors = parseApplicationHost(workspace.applicationHostConfig).diagnostics.filter((d) => d.severity === 'error');
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    for (const [relativePath, value] of Object.entries(files)) {
      if (!/(^|[/\\])web\.config$/i.test(relativePath)) continue;
      const parsed = parseApplicationHost(typeof value === 'string' ? value : (value.text ?? ''));
      if (parsed.wellFormed) continue;
      const file = `${physicalPath}\\${relativePath.replace(/\//g, '\\')}`;
      for (const d of parsed.diagnostics) if (d.severity === 'error') errors.push({ ...d, file });
    }
  }
  return errors;
}

const hasElement = (text: string, name: string): boolean => new RegExp(`<${name.replace('.', '\\.')}[\\s/>]`).test(text);

/** Reads an imported file's bytes: refuses one over 20 MB, decodes UTF-8 or UTF-16 (BOM or first character). */
export function readImportBytes(fileName: string, bytes: Uint8Array, current?: Workspace): ImportReading {
  if (bytes.length > MAX_IMPORT_BYTES) return { kind: 'refused', message: tooLarge(fileName, bytes.length) };
  return readImport(fileName, decodeConfigBytes(bytes).text, current);
}

export function tooLarge(fileName: string, size: number): string {
  return `${fileName} was not imported: it is ${(size / 1024 / 1024).toFixed(1)} MB, and IIS Flow reads configuration files of up to 20 MB.`;
}

/**
 * Reads an imported file's text. `current`: the workspace in force, whose files an applicationHost.config
 * that is not well formed keeps (its sites cannot be read to give their folders a fresh install's files).
 */
export function readImport(fileName: string, text: string, current?: Workspace): ImportReading {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { kind: 'refused', message: `${fileName} is empty: nothing was imported.` };
  if (/\.json$/i.test(fileName) || start.startsWith('{') || start.startsWith('[')) {
    const read = parseWorkspaceBundle(text);
    if (!read.ok) return { kind: 'refused', message: `${fileName} was not imported. ${read.message}` };
    return { kind: 'workspace', workspace: read.workspace, sourceName: fileName, errors: workspaceErrors(read.workspace) };
  }
  if (!start.startsWith('<')) {
    return { kind: 'refused', message: `${fileName} was not imported: it is neither XML nor JSON. Import an applicationHost.config (.config or .xml) or an IIS Flow workspace file (.json).` };
  }
  const parsed = parseApplicationHost(text);
  const isConfiguration = hasElement(text, 'configuration');
  const isServer = hasElement(text, 'system.applicationHost');
  if (!parsed.wellFormed && !(isConfiguration && isServer)) {
    const first = parsed.diagnostics.find((d) => d.severity === 'error');
    const where = first === undefined ? '' : ` (line ${String(first.line)}, column ${String(first.column)}: ${first.message})`;
    return { kind: 'refused', message: `${fileName} was not imported: it is not well-formed XML${where}, and not an applicationHost.config.` };
  }
  if (parsed.wellFormed && !isConfiguration) {
    const wrongRoot = parsed.diagnostics.find((d) => d.code === 'IISF0002');
    return { kind: 'refused', message: `${fileName} was not imported: it is not an IIS configuration file. ${wrongRoot?.message ?? 'An IIS configuration file starts with <configuration>.'}` };
  }
  if (!isServer) return { kind: 'webConfig', text, fileName };
  const workspace = workspaceForApplicationHost(text, parsed.wellFormed ? { model: parsed.model } : { content: current?.content ?? {} });
  return { kind: 'workspace', workspace, sourceName: fileName, errors: parsed.diagnostics.filter((d) => d.severity === 'error') };
}

/** A file the Export menu offers. */
export interface ExportItem {
  /** What the menu says: the file's place. */
  label: string;
  /** The name of the downloaded file. */
  fileName: string;
  mimeType: string;
  /** The text, made when the person picks it (a workspace file can be large). */
  text: () => string;
  /** The configuration file it is, for the XML editor; absent for the workspace file. */
  file?: FileRef;
}

const isWebConfig = (relativePath: string): boolean => /(^|[/\\])web\.config$/i.test(relativePath);

/** The name a workspace file is saved under: the imported file's, or iis-flow-workspace.json. */
export function workspaceFileName(sourceName: string): string {
  // Only a file's name (not "the embedded default workspace", not a path).
  const base = /^[^\\/:*?"<>|]+\.(json|config|xml)$/i.test(sourceName) ? sourceName.replace(/\.(json|config|xml)$/i, '') : '';
  return `${base === '' ? 'iis-flow-workspace' : base}.json`;
}

/** The workspace file, applicationHost.config, and each web.config, in that order. */
export function exportItems(workspace: Workspace, sourceName: string): ExportItem[] {
  const items: ExportItem[] = [
    { label: 'Workspace (JSON)', fileName: workspaceFileName(sourceName), mimeType: 'application/json', text: () => serializeWorkspaceBundle(workspace, sourceName) },
    { label: 'applicationHost.config', fileName: 'applicationHost.config', mimeType: 'application/xml', text: () => workspace.applicationHostConfig, file: { kind: 'applicationHost' } },
  ];
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    for (const [relativePath, value] of Object.entries(files)) {
      if (!isWebConfig(relativePath)) continue;
      items.push({
        label: `${physicalPath.replace(/[\\/]+$/, '')}\\${relativePath.replace(/\//g, '\\')}`,
        fileName: 'web.config',
        mimeType: 'application/xml',
        text: () => (typeof value === 'string' ? value : (value.text ?? '')),
        file: { kind: 'content', physicalPath, relativePath },
      });
    }
  }
  return items;
}
