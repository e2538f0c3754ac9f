/**
 * Keeps the workspace saved in the browser: after each change (debounced) and when the page is hidden
 * or closed, it writes the workspace store's document to IndexedDB (persistence.ts), and says so when it
 * cannot: storage full or missing, a saved workspace that could not be read, or another tab that saved
 * a newer workspace. Two tabs: each save is announced on a BroadcastChannel, and a tab that hears of a
 * newer save (or finds one when it writes) stops saving and asks the person which workspace to keep.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { APPLICATION_HOST, WORKSPACE_BUNDLE_FORMAT, WORKSPACE_BUNDLE_VERSION, type Workspace } from '../config/index.ts';
import type { SavedRead, SavedWorkspace, WorkspaceDatabase } from './persistence.ts';
import type { WorkspaceState, WorkspaceStore } from './workspaceStore.ts';

/** Saves this long after the last change (a burst of typing is one save). */
export const SAVE_DEBOUNCE_MS = 500;
export const CHANNEL_NAME = 'iis-flow-workspace';

export type PersistenceStatus =
  /** Everything is saved. */
  | 'saved'
  /** A change waits for its save. */
  | 'pending'
  | 'saving'
  /** There is no storage (no IndexedDB, refused, timed out): nothing is saved. */
  | 'unavailable'
  /** The last save failed (storage full, an error); the next change tries again. */
  | 'failed'
  /** Another tab saved a newer workspace: this one does not save until the person chooses. */
  | 'conflict'
  /** The saved workspace is of a newer format: this tab does not save over it unless told to. */
  | 'newer';

export interface PersistenceState {
  status: PersistenceStatus;
  /** Why saving is not working, in a sentence; undefined when it works. */
  problem: string | undefined;
  /** A saved workspace that could not be read, kept under its own key: why, and the record as JSON text. */
  unreadable: { reason: string; json: string } | undefined;
  /** Changes made since the last save that reached the storage. */
  dirty: boolean;
  /** Keeps this tab's workspace over the newer one another tab saved (or over a newer format's record). */
  keepThis: () => void;
  /** Replaces this tab's workspace with the one saved in storage (another tab's newer one). */
  loadNewer: () => Promise<void>;
  /** Tries a failed save again. */
  retry: () => void;
  discardUnreadable: () => Promise<void>;
}

export type PersistenceStore = StoreApi<PersistenceState>;

/** What a message on the channel says: a tab saved a revision. */
interface SavedMessage {
  type: 'saved';
  revision: number;
  tabId: string;
}

function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, revision, tabId } = data as Record<string, unknown>;
  return type === 'saved' && typeof revision === 'number' && typeof tabId === 'string';
}

/** The part of a BroadcastChannel used here (tests hand in their own). */
export interface ChannelLike {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
  close: () => void;
}

export interface AutosaveOptions {
  /** The database, or why there is none. */
  database: WorkspaceDatabase | string;
  /** What the database held at start-up (the store was built from it when `ok`). */
  initial: SavedRead;
  tabId: string;
  debounceMs?: number;
  /** Announces saves to other tabs; absent where BroadcastChannel is not (the revision check still holds). */
  channel?: ChannelLike | undefined;
  /** Where pagehide, visibilitychange and beforeunload are heard (the window). */
  lifecycle?: EventTarget | undefined;
  /** Wall clock for `savedAt`. */
  now?: () => number;
}

/** The record of the store's document. */
function snapshot(state: WorkspaceState, tabId: string, now: number): Omit<SavedWorkspace, 'revision'> {
  const record: Omit<SavedWorkspace, 'revision'> = { version: 1, savedAt: now, tabId, sourceName: state.sourceName, workspace: state.workspace };
  if (state.applied !== state.workspace) record.applied = state.applied;
  if (state.original !== state.workspace) record.original = state.original;
  return record;
}

interface Saved {
  workspace: Workspace;
  applied: Workspace;
  original: Workspace;
  sourceName: string;
}

const savedOf = (state: WorkspaceState): Saved => ({ workspace: state.workspace, applied: state.applied, original: state.original, sourceName: state.sourceName });
const changed = (state: WorkspaceState, saved: Saved): boolean =>
  state.workspace !== saved.workspace || state.applied !== saved.applied || state.original !== saved.original || state.sourceName !== saved.sourceName;

/**
 * An unreadable record as JSON text to export. When it still has a workspace, it is written as a
 * workspace file (the rest of the record beside it, under "savedRecord"), so that once mended it imports.
 */
export function unreadableRecordJson(raw: unknown): string {
  let value = raw;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const { workspace, ...rest } = raw as Record<string, unknown>;
    if (typeof workspace === 'object' && workspace !== null && !Array.isArray(workspace)) {
      const { applicationHostConfig, content, users } = workspace as Record<string, unknown>;
      value = { format: WORKSPACE_BUNDLE_FORMAT, version: WORKSPACE_BUNDLE_VERSION, sourceName: rest.sourceName, applicationHostConfig, content, users, savedRecord: rest };
    }
  }
  // A record the browser could not even give back.
  if (value === undefined) return 'null';
  try {
    return JSON.stringify(value, null, 2);
  } catch (error) {
    return JSON.stringify({ error: `The record could not be written as JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Puts a saved record in the workspace store: the workspace as edited, with the last good one in force. */
export function restoreSaved(store: WorkspaceStore, record: SavedWorkspace): void {
  const applied = record.applied ?? record.workspace;
  if (applied !== record.workspace) {
    // Edits with errors were never applied: type them again, so they stay flagged and unapplied.
    const { setText } = store.getState();
    if (record.workspace.applicationHostConfig !== applied.applicationHostConfig) setText(APPLICATION_HOST, record.workspace.applicationHostConfig);
    for (const [physicalPath, files] of Object.entries(record.workspace.content)) {
      for (const [relativePath, value] of Object.entries(files)) {
        const text = typeof value === 'string' ? value : value.text;
        const before = applied.content[physicalPath]?.[relativePath];
        const beforeText = typeof before === 'string' ? before : before?.text;
        if (text !== undefined && text !== beforeText) setText({ kind: 'content', physicalPath, relativePath }, text);
      }
    }
  }
  store.setState({ sourceName: record.sourceName, original: record.original ?? record.workspace, past: [], future: [], lastLabel: undefined, notice: undefined });
}

const CONFLICT = 'Another tab saved a newer workspace. This tab is not saving its changes until you choose which workspace to keep.';
const NEWER = 'The workspace saved in this browser was written by a newer version of IIS Flow. This tab started from the default workspace and is not saving over it: reload to get the newer version, export this workspace, or keep this one.';

/**
 * Starts saving the workspace store's document. Returns the persistence store (its status, and the
 * person's choices) and a function that stops it.
 */
export function startAutosave(workspace: WorkspaceStore, options: AutosaveOptions): { store: PersistenceStore; stop: () => void } {
  const { tabId, channel, lifecycle } = options;
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  const now = options.now ?? Date.now;
  const database = typeof options.database === 'string' ? undefined : options.database;
  let baseRevision = options.initial.kind === 'ok' ? options.initial.record.revision : 0;
  let saved = savedOf(workspace.getState());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  /** A newer revision heard of (on the channel or at a refused save). */
  let newerRevision = 0;
  /** True while a workspace read from storage is put in the store (not a change to save). */
  let loading = false;

  const initialStatus = (): { status: PersistenceStatus; problem: string | undefined } => {
    if (typeof options.database === 'string') {
      return { status: 'unavailable', problem: `This browser does not let IIS Flow keep the workspace (${options.database}). Edits are not being saved: export the workspace to keep it.` };
    }
    if (options.initial.kind === 'newer') return { status: 'newer', problem: NEWER };
    return { status: 'saved', problem: undefined };
  };

  const store = createStore<PersistenceState>()((set, get) => ({
    ...initialStatus(),
    unreadable: options.initial.kind === 'unreadable' ? { reason: options.initial.reason, json: unreadableRecordJson(options.initial.raw) } : undefined,
    dirty: false,
    keepThis: () => {
      if (options.initial.kind === 'newer' && baseRevision === 0) baseRevision = options.initial.revision;
      if (newerRevision > baseRevision) baseRevision = newerRevision;
      set({ status: 'pending', problem: undefined });
      // Written even when unchanged since this tab's last save: storage holds the other tab's workspace.
      void save(true);
    },
    loadNewer: async () => {
      if (database === undefined) return;
      const read = await database.read();
      if (read.kind !== 'ok') {
        set({ problem: read.kind === 'none' ? 'The other tab\'s workspace is no longer saved.' : 'The other tab\'s workspace could not be read.' });
        return;
      }
      const { record } = read;
      clearTimer();
      baseRevision = record.revision;
      loading = true;
      try {
        workspace.getState().replaceWorkspace(record.workspace, record.sourceName, { original: false, label: 'Load the workspace saved in another tab' });
        workspace.setState({ original: record.original ?? record.workspace });
      } finally {
        loading = false;
      }
      // What was just read is what storage holds: no need to save it again.
      saved = savedOf(workspace.getState());
      set({ status: 'saved', problem: undefined, dirty: false });
    },
    retry: () => {
      if (get().status === 'failed') void save();
    },
    discardUnreadable: async () => {
      if (database !== undefined) await database.discardUnreadable();
      set({ unreadable: undefined });
    },
  }));

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const enterConflict = (revision: number): void => {
    newerRevision = Math.max(newerRevision, revision);
    clearTimer();
    store.setState({ status: 'conflict', problem: CONFLICT });
  };

  /** Writes the document now (unless saving is held: no storage, a conflict, a newer format). */
  const save = async (force = false): Promise<void> => {
    clearTimer();
    if (database === undefined) return;
    const { status } = store.getState();
    if (status === 'conflict' || status === 'newer') return;
    if (inFlight !== undefined) {
      // One save at a time; the next starts when it ends.
      await inFlight;
      return save(force);
    }
    const state = workspace.getState();
    if (!force && !changed(state, saved)) {
      store.setState({ status: 'saved', problem: undefined, dirty: false });
      return;
    }
    store.setState({ status: 'saving' });
    const attempt = (async () => {
      const result = await database.write(snapshot(state, tabId, now()), baseRevision);
      switch (result.kind) {
        case 'saved': {
          baseRevision = result.revision;
          saved = savedOf(state);
          channel?.postMessage({ type: 'saved', revision: result.revision, tabId } satisfies SavedMessage);
          const more = changed(workspace.getState(), saved);
          store.setState({ status: more ? 'pending' : 'saved', problem: undefined, dirty: more });
          if (more) schedule();
          return;
        }
        case 'conflict':
          enterConflict(result.revision);
          return;
        case 'failed':
          store.setState({
            status: 'failed',
            problem: result.quota
              ? 'The browser\'s storage for this page is full: the latest edits are not saved. Export the workspace to keep it, or free some space and try again.'
              : `The workspace could not be saved (${result.message}). The latest edits are not saved: export the workspace to keep it.`,
          });
          return;
      }
    })();
    inFlight = attempt;
    try {
      await attempt;
    } finally {
      inFlight = undefined;
    }
  };

  const schedule = (): void => {
    clearTimer();
    timer = setTimeout(() => void save(), debounceMs);
  };

  const unsubscribe = workspace.subscribe((state) => {
    if (loading || !changed(state, saved)) return;
    const { status } = store.getState();
    store.setState({ dirty: true, ...(status === 'saved' ? { status: 'pending' } : {}) });
    if (status === 'saved' || status === 'pending' || status === 'failed') schedule();
  });

  const onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (!isSavedMessage(data) || data.tabId === tabId || data.revision <= baseRevision) return;
    if (store.getState().status === 'newer' || database === undefined) return;
    enterConflict(data.revision);
  };
  channel?.addEventListener('message', onMessage);

  /** The page is going away or out of sight: save now rather than after the debounce. */
  const flush = (): void => {
    if (timer !== undefined) void save();
  };
  const onVisibility = (): void => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') flush();
  };
  /** Closing the page with edits that are not saved (and cannot be): the browser asks first. */
  const onBeforeUnload = (event: Event): void => {
    flush();
    const { status, dirty } = store.getState();
    if (dirty && (status === 'failed' || status === 'unavailable' || status === 'conflict' || status === 'newer')) event.preventDefault();
  };
  lifecycle?.addEventListener('pagehide', flush);
  lifecycle?.addEventListener('visibilitychange', onVisibility);
  lifecycle?.addEventListener('beforeunload', onBeforeUnload);

  return {
    store,
    stop: () => {
      clearTimer();
      unsubscribe();
      channel?.close();
      lifecycle?.removeEventListener('pagehide', flush);
      lifecycle?.removeEventListener('visibilitychange', onVisibility);
      lifecycle?.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
