/**
 * The workspace saved in the browser: one IndexedDB record holding the workspace as edited, the last
 * good one (when they differ), the one it started from, and what it was loaded from. A revision
 * counter in the record tells a tab whether someone else saved since it last read or wrote: a save
 * whose base revision is not the stored one is refused, so one tab never writes over another's newer
 * workspace. A record this version cannot read is moved aside (kept, to export), never overwritten.
 */
import { IIS_VERSIONS, isIisVersion, parseSiteContent, parseWorkspaceUsers, type Workspace } from '../config/index.ts';

export const DATABASE_NAME = 'iis-flow';
const OBJECT_STORE = 'workspace';
const CURRENT_KEY = 'current';
/** The revision of the record under CURRENT_KEY, written with it in one transaction. */
const REVISION_KEY = 'current-revision';
const UNREADABLE_KEY = 'unreadable';
/**
 * The workspace first loaded (for the Changes view), kept under a key of its own and written only when
 * it changes: it is as large as the workspace (an imported 5,000-site file is 3.6 MB plus its folders)
 * and the same from one save to the next. A record that has it there says `originalKept: true`.
 */
const ORIGINAL_KEY = 'original';
/**
 * The edited workspace's files (its content: a folder per physical path, 5,000 on a large server),
 * under a key of their own and written only when they change: an edit of applicationHost.config keeps
 * the content object, and cloning it into storage at each save took tens of milliseconds of the page's
 * thread. A record that has it there says `contentKept: true` (and `appliedContentKept: true` when the
 * last good workspace has the same files).
 */
const CONTENT_KEY = 'content';
/** The record's format. A later format is left alone; an earlier one would be migrated here. */
export const SAVED_WORKSPACE_VERSION = 1;
/** How long opening the database may take before the app starts without it (a blocked upgrade, a slow disk). */
export const OPEN_TIMEOUT_MS = 3000;

export interface SavedWorkspace {
  version: number;
  /** Bumped by every save; a save is refused unless the stored revision is the one the tab last saw. */
  revision: number;
  /** Wall-clock ms of the save. */
  savedAt: number;
  /** The tab that saved it (a random id per page load). */
  tabId: string;
  sourceName: string;
  /** The workspace as edited (it may hold text with errors that is not applied). */
  workspace: Workspace;
  /** The last good workspace, when it is not `workspace`. */
  applied?: Workspace;
  /** The workspace loaded or imported, for the Changes view, when it is not `workspace`. */
  original?: Workspace;
}

export type SavedRead =
  | { kind: 'none' }
  | { kind: 'ok'; record: SavedWorkspace }
  /** Written by a newer IIS Flow: left where it is, not read and not overwritten. */
  | { kind: 'newer'; version: number; revision: number; raw: unknown }
  /** Damaged, or of a format that cannot be read: moved aside under its own key. */
  | { kind: 'unreadable'; reason: string; raw: unknown };

export type SaveResult =
  | { kind: 'saved'; revision: number }
  /** Another tab saved since this one's base revision: nothing was written. */
  | { kind: 'conflict'; revision: number }
  | { kind: 'failed'; quota: boolean; message: string };

/** A workspace record's field, checked; a string is the problem. */
function checkWorkspace(value: unknown, field: string): Workspace | string {
  if (typeof value !== 'object' || value === null) return `its ${field} is missing`;
  const { applicationHostConfig, content, users, iisVersion } = value as Record<string, unknown>;
  if (typeof applicationHostConfig !== 'string') return `its ${field} has no applicationHost.config text`;
  const files = parseSiteContent(content);
  if (!files.ok) return `its ${field}'s files: ${files.message}`;
  const workspace: Workspace = { applicationHostConfig, content: files.content };
  if (users !== undefined) {
    const checked = parseWorkspaceUsers(users);
    if (!checked.ok) return `its ${field}'s users: ${checked.message}`;
    workspace.users = checked.users;
  }
  if (iisVersion !== undefined) {
    if (!isIisVersion(iisVersion)) return `its ${field}'s IIS version is not one of ${IIS_VERSIONS.join(', ')}`;
    workspace.iisVersion = iisVersion;
  }
  return workspace;
}

/** Reads a stored value as a saved workspace. */
export function checkSavedWorkspace(raw: unknown): SavedRead {
  if (raw === undefined) return { kind: 'none' };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'unreadable', reason: 'it is not a workspace record', raw };
  const fields = raw as Record<string, unknown>;
  const { version, revision } = fields;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'unreadable', reason: 'it was saved by an older version of IIS Flow, before saved workspaces had a format version', raw };
  }
  if (version > SAVED_WORKSPACE_VERSION) return { kind: 'newer', version, revision: typeof revision === 'number' ? revision : 0, raw };
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) return { kind: 'unreadable', reason: 'its revision is missing', raw };
  const workspace = checkWorkspace(fields.workspace, 'workspace');
  if (typeof workspace === 'string') return { kind: 'unreadable', reason: workspace, raw };
  const record: SavedWorkspace = {
    version,
    revision,
    savedAt: typeof fields.savedAt === 'number' ? fields.savedAt : 0,
    tabId: typeof fields.tabId === 'string' ? fields.tabId : '',
    sourceName: typeof fields.sourceName === 'string' ? fields.sourceName : 'the workspace saved in this browser',
    workspace,
  };
  for (const field of ['applied', 'original'] as const) {
    if (fields[field] === undefined) continue;
    const checked = checkWorkspace(fields[field], field);
    if (typeof checked === 'string') return { kind: 'unreadable', reason: checked, raw };
    record[field] = checked;
  }
  return { kind: 'ok', record };
}

/** The revision of a stored value, whatever its format (0 when it has none). */
function revisionOf(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 0;
  const { revision } = raw as Record<string, unknown>;
  return typeof revision === 'number' ? revision : 0;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}

const requestResult = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => { resolve(request.result); };
    request.onerror = () => { reject(request.error ?? new Error('IndexedDB request failed')); };
  });

const transactionDone = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => { resolve(); };
    transaction.onabort = () => { reject(transaction.error ?? new Error('The save was aborted')); };
    transaction.onerror = () => { reject(transaction.error ?? new Error('The save failed')); };
  });

/** The database of saved workspaces, opened once per page. */
export interface WorkspaceDatabase {
  read: () => Promise<SavedRead>;
  /** Writes a record unless the stored revision is not `baseRevision`; the record's revision is set here. */
  write: (record: Omit<SavedWorkspace, 'revision'>, baseRevision: number) => Promise<SaveResult>;
  /** Moves the current record aside under the unreadable key (after a read said it could not be read). */
  setAside: () => Promise<void>;
  readUnreadable: () => Promise<unknown>;
  discardUnreadable: () => Promise<void>;
  close: () => void;
}

/** The page's IndexedDB, when it has one. */
function browserIndexedDb(): IDBFactory | undefined {
  return typeof indexedDB === 'undefined' ? undefined : indexedDB;
}

/**
 * Opens the database; rejects with a message a person can act on when IndexedDB is missing (some
 * private windows), refused, or takes longer than `timeoutMs`.
 */
export function openWorkspaceDatabase(factory: IDBFactory | undefined = browserIndexedDb(), timeoutMs = OPEN_TIMEOUT_MS): Promise<WorkspaceDatabase> {
  return new Promise((resolve, reject) => {
    if (factory === undefined) {
      reject(new Error('this browser has no IndexedDB'));
      return;
    }
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error('the browser\'s storage did not answer in time'));
    }, timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DATABASE_NAME, 1);
    } catch (error) {
      clearTimeout(timer);
      reject(new Error(errorText(error)));
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(OBJECT_STORE)) request.result.createObjectStore(OBJECT_STORE);
    };
    request.onerror = () => {
      clearTimeout(timer);
      if (!settled) reject(new Error(errorText(request.error)));
      settled = true;
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      // A later version of the app upgrading the database in another tab: let it.
      db.onversionchange = () => { db.close(); };
      resolve(wrap(db));
    };
  });
}

/** A workspace without its files, as the record holds it when they are under CONTENT_KEY. */
function withoutContent(workspace: Workspace): Record<string, unknown> {
  return Object.fromEntries(Object.entries(workspace).filter(([key]) => key !== 'content'));
}

/** A stored workspace with the files kept under CONTENT_KEY put back (then checked like every record). */
function withContent(workspace: unknown, content: unknown): unknown {
  return typeof workspace === 'object' && workspace !== null ? { ...workspace, content } : workspace;
}

function wrap(db: IDBDatabase): WorkspaceDatabase {
  /**
   * What this tab last wrote (or read) under ORIGINAL_KEY and CONTENT_KEY, and the revision it was
   * written with: a save writes them again only when they changed, or when storage has moved on.
   */
  let mine: { revision: number; original: Workspace | undefined; content: Workspace['content'] } | undefined;
  const store = (mode: IDBTransactionMode): { transaction: IDBTransaction; objects: IDBObjectStore } => {
    const transaction = db.transaction(OBJECT_STORE, mode);
    return { transaction, objects: transaction.objectStore(OBJECT_STORE) };
  };
  return {
    read: async () => {
      const { objects } = store('readonly');
      const raw: unknown = await requestResult(objects.get(CURRENT_KEY));
      if (typeof raw !== 'object' || raw === null) return checkSavedWorkspace(raw);
      const fields = raw as Record<string, unknown>;
      const whole: Record<string, unknown> = { ...fields };
      if (fields.originalKept === true) whole.original = await requestResult<unknown>(objects.get(ORIGINAL_KEY));
      if (fields.contentKept === true) {
        const content = await requestResult<unknown>(objects.get(CONTENT_KEY));
        whole.workspace = withContent(fields.workspace, content);
        if (fields.appliedContentKept === true) whole.applied = withContent(fields.applied, content);
      }
      const read = checkSavedWorkspace(whole);
      // What storage holds is now what this tab knows: the next save writes only what differs from it.
      if (read.kind === 'ok') mine = { revision: read.record.revision, original: read.record.original, content: read.record.workspace.content };
      return read;
    },
    write: async (record, baseRevision) => {
      try {
        const { transaction, objects } = store('readwrite');
        const done = transactionDone(transaction);
        // The stored revision is kept under a key of its own: reading the whole saved workspace to
        // learn it took hundreds of milliseconds of the page's thread on a 5,000-site workspace.
        // A save made before that key existed has only the record to ask.
        const kept: unknown = await requestResult(objects.get(REVISION_KEY));
        const stored: unknown = typeof kept === 'number' ? { revision: kept } : await requestResult(objects.get(CURRENT_KEY));
        const storedRevision = revisionOf(stored);
        if (stored !== undefined && storedRevision !== baseRevision) {
          transaction.abort();
          await done.catch(() => undefined);
          return { kind: 'conflict', revision: storedRevision };
        }
        const revision = storedRevision + 1;
        const { original, workspace, applied, ...rest } = record;
        const { content } = workspace;
        // The original and the files under their own keys are this tab's only if storage still holds
        // the revision this tab last wrote or read (another tab's save replaced them otherwise).
        const ours = mine?.revision === storedRevision ? mine : undefined;
        if (original !== undefined && original !== ours?.original) objects.put(original, ORIGINAL_KEY);
        if (content !== ours?.content) objects.put(content, CONTENT_KEY);
        const saved: Record<string, unknown> = { ...rest, revision, workspace: withoutContent(workspace), contentKept: true };
        if (original !== undefined) saved.originalKept = true;
        if (applied !== undefined) {
          if (applied.content === content) {
            saved.applied = withoutContent(applied);
            saved.appliedContentKept = true;
          } else saved.applied = applied;
        }
        objects.put(saved, CURRENT_KEY);
        objects.put(revision, REVISION_KEY);
        await done;
        mine = { revision, original, content };
        return { kind: 'saved', revision };
      } catch (error) {
        return { kind: 'failed', quota: isQuotaError(error), message: errorText(error) };
      }
    },
    setAside: async () => {
      const { transaction, objects } = store('readwrite');
      const done = transactionDone(transaction);
      const stored = await requestResult<unknown>(objects.get(CURRENT_KEY)).catch(() => undefined);
      if (stored !== undefined) objects.put(stored, UNREADABLE_KEY);
      objects.delete(CURRENT_KEY);
      objects.delete(REVISION_KEY);
      objects.delete(ORIGINAL_KEY);
      objects.delete(CONTENT_KEY);
      mine = undefined;
      await done;
    },
    readUnreadable: async (): Promise<unknown> => requestResult<unknown>(store('readonly').objects.get(UNREADABLE_KEY)),
    discardUnreadable: async () => {
      const { transaction, objects } = store('readwrite');
      const done = transactionDone(transaction);
      objects.delete(UNREADABLE_KEY);
      await done;
    },
    close: () => { db.close(); },
  };
}

/** The database and what it holds, for start-up: never throws; no database is a string saying why. */
export async function openSavedWorkspace(factory?: IDBFactory): Promise<{ database: WorkspaceDatabase | string; initial: SavedRead }> {
  let database: WorkspaceDatabase;
  try {
    database = await openWorkspaceDatabase(factory ?? browserIndexedDb());
  } catch (error) {
    return { database: errorText(error), initial: { kind: 'none' } };
  }
  let initial: SavedRead;
  try {
    initial = await database.read();
  } catch (error) {
    initial = { kind: 'unreadable', reason: `the browser could not read it back: ${errorText(error)}`, raw: undefined };
  }
  if (initial.kind === 'unreadable') {
    // Kept under its own key to export, and out of the way of the next save.
    await database.setAside().catch(() => undefined);
  }
  return { database, initial };
}
