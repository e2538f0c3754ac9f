/**
 * Configuration edits as data: what a form, the graph's menu or an import does to the workspace, in a
 * form that can be labelled, kept in the undo history, sent to a Web Worker and replayed. Every edit
 * changes the XML document it names in place (xmlTree), so a form edit touches only what it must:
 * comments, order, white space elsewhere and unknown sections stay byte for byte.
 */
import { readXml } from '../xml/readXml.ts';
import { writeXml } from '../xml/writeXml.ts';
import { childElements, insertElementBefore, removeAttribute, removeElement, createElement, setAttribute, type XmlDocument, type XmlElement } from '../xml/xmlTree.ts';
import { normalizePhysicalPath, normalizeRelativePath, type ContentFile, type Workspace } from '../workspace.ts';
import { ensureElement, findElement, parseElementPath, quotePathValue } from './elementPath.ts';

/** Which file an edit changes: applicationHost.config, or a file of a physical path (a web.config). */
export type FileRef = { kind: 'applicationHost' } | { kind: 'content'; physicalPath: string; relativePath: string };

export const APPLICATION_HOST: FileRef = { kind: 'applicationHost' };

export type ConfigEdit =
  /** Sets (or, with null, removes) attributes of the element at `path`, creating it when missing. */
  | { op: 'setAttributes'; file: FileRef; path: string; values: Readonly<Record<string, string | null>> }
  /** Adds an element below `parent` (created when missing), before its `before`-th element child or last. */
  | { op: 'addElement'; file: FileRef; parent: string; name: string; attributes: Readonly<Record<string, string>>; before?: number }
  | { op: 'removeElement'; file: FileRef; path: string }
  /** Moves the element at `path` before its parent's `before`-th element child (counted without it). */
  | { op: 'moveElement'; file: FileRef; path: string; before: number }
  /** Renames a site and the `<location path>` tags that name it, as IIS Manager does. */
  | { op: 'renameSite'; from: string; to: string }
  /** Writes a file of a physical path; null removes it. */
  | { op: 'writeFile'; physicalPath: string; relativePath: string; text: string | null }
  | { op: 'renameFile'; physicalPath: string; from: string; to: string }
  /**
   * Sets a file's NTFS facts that IIS acts on: the hidden attribute (404.9) and its ACL's readers
   * (401.3; null: the ACL lets everyone read it). A field left out keeps its value.
   */
  | { op: 'setFileAttributes'; physicalPath: string; relativePath: string; hidden?: boolean; readers?: readonly string[] | null }
  /** Replaces a whole file's text (the XML editor). */
  | { op: 'replaceText'; file: FileRef; text: string }
  | { op: 'batch'; edits: readonly ConfigEdit[] };

export type EditResult = { ok: true; workspace: Workspace } | { ok: false; message: string };

const EMPTY_WEB_CONFIG = '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n</configuration>\n';

class EditError extends Error {}

/**
 * The document of applicationHost.config as the last edit left it, with the text it was written as. A
 * form edit on a 5,000-site file would otherwise read 3.6 MB again (readXml, the larger part of an edit)
 * only to change one attribute. The document is edited in place, so it is handed to one session at a
 * time (taken out of the cache) and put back only when that edit succeeded; it is never shared with a
 * model. Its untouched elements still point into the text it was read from, which holds the same bytes
 * for them, so writing it again gives what reading the new text would (edits.test.ts checks this).
 */
let lastApplicationHost: { text: string; document: XmlDocument } | undefined;

/** The documents an edit (or a batch) works on, read once and written back at the end. */
class Session {
  private readonly documents = new Map<string, { ref: FileRef; document: XmlDocument }>();
  private applicationHostConfig: string;
  /** The workspace's content, copied on the first change to it: an edit of applicationHost.config keeps the content object (the engine's worker is then not sent it again). */
  private content: Workspace['content'];
  private contentCopied = false;

  constructor(private readonly workspace: Workspace) {
    this.applicationHostConfig = workspace.applicationHostConfig;
    this.content = workspace.content;
  }

  /** The content key (physical path as written) and file key that match, ignoring case and slashes. */
  private locate(physicalPath: string, relativePath: string): { folder: string; file: string | undefined } {
    const wantedFolder = normalizePhysicalPath(physicalPath);
    const folder = Object.keys(this.content).find((k) => normalizePhysicalPath(k) === wantedFolder) ?? physicalPath;
    const wantedFile = normalizeRelativePath(relativePath);
    const files = this.content[folder] ?? {};
    return { folder, file: Object.keys(files).find((k) => normalizeRelativePath(k) === wantedFile) };
  }

  private writableContent(): Workspace['content'] {
    if (!this.contentCopied) {
      this.content = { ...this.content };
      this.contentCopied = true;
    }
    return this.content;
  }

  readText(ref: FileRef): string | undefined {
    if (ref.kind === 'applicationHost') return this.applicationHostConfig;
    const { folder, file } = this.locate(ref.physicalPath, ref.relativePath);
    const value = file === undefined ? undefined : this.content[folder]?.[file];
    return typeof value === 'string' ? value : value?.text;
  }

  writeText(ref: FileRef, text: string | null): void {
    if (ref.kind === 'applicationHost') {
      if (text === null) throw new EditError('applicationHost.config cannot be removed.');
      this.applicationHostConfig = text;
      return;
    }
    const { folder, file } = this.locate(ref.physicalPath, ref.relativePath);
    const name = file ?? ref.relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (text === null) {
      if (file === undefined) throw new EditError(`There is no file ${ref.relativePath} in ${ref.physicalPath}.`);
      this.writableContent()[folder] = Object.fromEntries(Object.entries(this.content[folder] ?? {}).filter(([key]) => key !== file));
      return;
    }
    const files = { ...(this.content[folder] ?? {}) };
    {
      const existing = files[name];
      files[name] = typeof existing === 'object' ? { ...existing, text } : text;
    }
    this.writableContent()[folder] = files;
  }

  renameFile(physicalPath: string, from: string, to: string): void {
    const source = this.locate(physicalPath, from);
    if (source.file === undefined) throw new EditError(`There is no file ${from} in ${physicalPath}.`);
    const target = this.locate(physicalPath, to);
    if (target.file !== undefined && normalizeRelativePath(to) !== normalizeRelativePath(from)) throw new EditError(`${to} already exists in ${physicalPath}.`);
    const cleaned = to.replace(/\\/g, '/').replace(/^\/+/, '');
    if (cleaned === '' || cleaned.endsWith('/')) throw new EditError('A file needs a name.');
    const files: Record<string, string | ContentFile> = {};
    for (const [name, value] of Object.entries(this.content[source.folder] ?? {})) files[name === source.file ? cleaned : name] = value;
    this.writableContent()[source.folder] = files;
  }

  setFileAttributes(physicalPath: string, relativePath: string, hidden: boolean | undefined, readers: readonly string[] | null | undefined): void {
    const { folder, file } = this.locate(physicalPath, relativePath);
    const value = file === undefined ? undefined : this.content[folder]?.[file];
    if (file === undefined || value === undefined) throw new EditError(`There is no file ${relativePath} in ${physicalPath}.`);
    const current: ContentFile = typeof value === 'string' ? { text: value } : value;
    const next: ContentFile = { text: current.text ?? '' };
    const isHidden = hidden ?? current.hidden === true;
    if (isHidden) next.hidden = true;
    const readerList = readers === undefined ? current.readers : (readers ?? undefined);
    if (readerList !== undefined) next.readers = [...readerList];
    // A file with no attributes left is written as its bare text, the workspace format's plain form.
    this.writableContent()[folder] = { ...this.content[folder], [file]: next.hidden === undefined && next.readers === undefined ? (next.text ?? '') : next };
  }

  key(ref: FileRef): string {
    return ref.kind === 'applicationHost' ? '' : `${normalizePhysicalPath(ref.physicalPath)}|${normalizeRelativePath(ref.relativePath)}`;
  }

  /** The root `<configuration>` element of a file, read once per session. A missing web.config is created. */
  root(ref: FileRef): XmlElement {
    const key = this.key(ref);
    let entry = this.documents.get(key);
    if (entry === undefined) {
      const text = this.readText(ref) ?? (ref.kind === 'content' ? EMPTY_WEB_CONFIG : '');
      const cached = ref.kind === 'applicationHost' && lastApplicationHost?.text === text ? lastApplicationHost.document : undefined;
      if (cached !== undefined) lastApplicationHost = undefined;
      const read = cached === undefined ? readXml(text) : { wellFormed: true, document: cached };
      if (!read.wellFormed) throw new EditError(`${describeFile(ref)} is not well-formed XML: fix it in the XML editor first.`);
      entry = { ref, document: read.document };
      this.documents.set(key, entry);
    }
    const root = entry.document.root;
    if (root?.name !== 'configuration') throw new EditError(`${describeFile(ref)} does not start with <configuration>.`);
    return root;
  }

  /** Drops the parsed document of a file whose text was replaced whole. */
  forget(ref: FileRef): void {
    this.documents.delete(this.key(ref));
  }

  finish(): Workspace {
    for (const { ref, document } of this.documents.values()) {
      const text = writeXml(document);
      this.writeText(ref, text);
      if (ref.kind === 'applicationHost') lastApplicationHost = { text, document };
    }
    return { ...this.workspace, applicationHostConfig: this.applicationHostConfig, content: this.content };
  }
}

/** The text of a file of the workspace, or undefined when it does not exist. */
export function readWorkspaceFile(workspace: Workspace, ref: FileRef): string | undefined {
  return new Session(workspace).readText(ref);
}

export function describeFile(ref: FileRef): string {
  return ref.kind === 'applicationHost' ? 'applicationHost.config' : `${ref.physicalPath}\\${ref.relativePath.replace(/\//g, '\\')}`;
}

function steps(path: string): ReturnType<typeof parseElementPath> & object {
  const parsed = parseElementPath(path);
  if (typeof parsed === 'string') throw new EditError(parsed);
  return parsed;
}

function existing(root: XmlElement, path: string, ref: FileRef): XmlElement {
  const element = findElement(root, steps(path));
  if (element === undefined) throw new EditError(`${describeFile(ref)} has no element ${path}.`);
  return element;
}

function renameSiteIn(root: XmlElement, from: string, to: string): void {
  const sites = findElement(root, steps('system.applicationHost/sites'));
  const site = sites === undefined ? undefined : findElement(sites, steps(`site[@name=${quotePathValue(from)}]`));
  if (site === undefined) throw new EditError(`There is no site named "${from}".`);
  if (from.toLowerCase() !== to.toLowerCase() && sites !== undefined && findElement(sites, steps(`site[@name=${quotePathValue(to)}]`)) !== undefined) {
    throw new EditError(`A site named "${to}" already exists.`);
  }
  setAttribute(site, 'name', to);
  for (const location of childElements(root)) {
    if (location.name !== 'location') continue;
    const path = location.attributes.find((a) => a.name === 'path')?.value ?? '';
    const [first = '', ...rest] = path.split('/');
    if (first.toLowerCase() === from.toLowerCase()) setAttribute(location, 'path', [to, ...rest].join('/'));
  }
}

function run(session: Session, edit: ConfigEdit): void {
  switch (edit.op) {
    case 'setAttributes': {
      const element = ensureElement(session.root(edit.file), steps(edit.path));
      if (element === undefined) throw new EditError(`${describeFile(edit.file)} has no element ${edit.path}.`);
      for (const [name, value] of Object.entries(edit.values)) {
        if (value === null) removeAttribute(element, name);
        else setAttribute(element, name, value);
      }
      return;
    }
    case 'addElement': {
      const parent = ensureElement(session.root(edit.file), steps(edit.parent));
      if (parent === undefined) throw new EditError(`${describeFile(edit.file)} has no element ${edit.parent}.`);
      insertElementBefore(parent, createElement(edit.name, edit.attributes), edit.before ?? Number.MAX_SAFE_INTEGER);
      return;
    }
    case 'removeElement':
      removeElement(existing(session.root(edit.file), edit.path, edit.file));
      return;
    case 'moveElement': {
      const element = existing(session.root(edit.file), edit.path, edit.file);
      const parent = element.parent;
      if (parent === undefined) throw new EditError('The root element cannot be moved.');
      removeElement(element);
      insertElementBefore(parent, element, edit.before);
      return;
    }
    case 'renameSite':
      if (edit.to.trim() === '') throw new EditError('A site needs a name.');
      renameSiteIn(session.root(APPLICATION_HOST), edit.from, edit.to);
      return;
    case 'writeFile':
      session.forget({ kind: 'content', physicalPath: edit.physicalPath, relativePath: edit.relativePath });
      session.writeText({ kind: 'content', physicalPath: edit.physicalPath, relativePath: edit.relativePath }, edit.text);
      return;
    case 'renameFile':
      session.renameFile(edit.physicalPath, edit.from, edit.to);
      return;
    case 'setFileAttributes':
      session.setFileAttributes(edit.physicalPath, edit.relativePath, edit.hidden, edit.readers);
      return;
    case 'replaceText':
      session.forget(edit.file);
      session.writeText(edit.file, edit.text);
      return;
    case 'batch':
      for (const inner of edit.edits) run(session, inner);
      return;
  }
}

/**
 * Applies an edit to a workspace and returns the new workspace (the old one is not changed). A problem
 * (a path that names nothing, a file that is not XML) is a message; nothing is applied then.
 *
 * @example
 * applyEdit(workspace, { op: 'addElement', file: APPLICATION_HOST, parent: "system.applicationHost/sites/site[@name='Shop']/bindings", name: 'binding', attributes: { protocol: 'http', bindingInformation: '*:80:shop.example' } });
 */
export function applyEdit(workspace: Workspace, edit: ConfigEdit): EditResult {
  const session = new Session(workspace);
  try {
    run(session, edit);
    return { ok: true, workspace: session.finish() };
  } catch (error) {
    if (error instanceof EditError) return { ok: false, message: error.message };
    throw error;
  }
}
