/**
 * The workspace document store: the workspace being edited (applicationHost.config text, web.config
 * files and site content), the model and diagnostics parsed from it, the last good workspace (the one
 * the simulation runs), the workspace it started from (for the Changes view), and the undo history.
 *
 * An edit that leaves the configuration unreadable (XML that is not well formed, or new errors) is kept
 * in the document, flagged, and never applied: `applied` stays the last good workspace (DESIGN.md,
 * bad input). Undo and redo move between whole workspaces; consecutive typing in one file is one step.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ApplicationHostReader,
  applyEdit,
  defaultWorkspace,
  describeFile,
  parseApplicationHost,
  readWorkspaceFile,
  type ApplicationHostConfig,
  type ConfigEdit,
  type Diagnostic,
  type FileRef,
  type ParseResult,
  type Workspace,
} from '../config/index.ts';

/** How many steps Undo goes back (the issue asks for at least 200). */
export const HISTORY_LIMIT = 500;
/** Typing in one file within this many ms of the last keystroke joins the same undo step. */
export const TYPING_MERGE_MS = 1500;

interface HistoryEntry {
  workspace: Workspace;
  sourceName: string;
  label: string;
}

export interface WorkspaceNotice {
  kind: 'error' | 'info';
  text: string;
}

export interface WorkspaceState {
  /** The workspace as edited, which may hold text that is not yet (or cannot be) applied. */
  workspace: Workspace;
  /** The model in force: from the last applicationHost.config that could be applied. */
  model: ApplicationHostConfig;
  /** Diagnostics of the edited applicationHost.config. */
  diagnostics: Diagnostic[];
  /** Problems of edited web.config files that keep them from being applied (not well-formed XML), by file. */
  fileProblems: ReadonlyMap<string, Diagnostic[]>;
  /** The last good workspace: what the simulation runs. */
  applied: Workspace;
  /** Bumped when `applied` is replaced whole (import, reset): the simulation restarts instead of applying a change. */
  generation: number;
  /** The workspace first loaded or imported: the Changes view compares with it. */
  original: Workspace;
  /** What is loaded, for the status bar: "the embedded default workspace" or a file name. */
  sourceName: string;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  /** The last edit's label, shown on the Undo button. */
  lastLabel: string | undefined;
  /** A message for the person: an edit that could not be made, a change in another tab. */
  notice: WorkspaceNotice | undefined;
  /** Makes a configuration edit; returns a message when it cannot be made (nothing changes then). */
  edit: (edit: ConfigEdit, label: string) => string | undefined;
  /** Replaces one file's text (the XML editor); typing joins one undo step. */
  setText: (file: FileRef, text: string) => void;
  /** Replaces the whole workspace (an import, a saved workspace); undoable. */
  replaceWorkspace: (workspace: Workspace, sourceName: string, options?: { original?: boolean; label?: string }) => void;
  resetToDefault: () => void;
  undo: () => void;
  redo: () => void;
  setNotice: (notice: WorkspaceNotice | undefined) => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export const DEFAULT_SOURCE_NAME = 'the embedded default workspace (IIS 10, all role services)';

/** Errors of a parse, as `code|message` keys, to tell new errors from ones the configuration already had. */
function errorKeys(diagnostics: readonly Diagnostic[]): Set<string> {
  const keys = new Set<string>();
  for (const d of diagnostics) if (d.severity === 'error') keys.add(`${d.code}|${d.message}`);
  return keys;
}

/**
 * web.config files that are not well-formed XML, with their problems. A folder whose files object is the
 * one it had before (edits copy only the folders they change) keeps its previous problems unread.
 */
function webConfigProblems(workspace: Workspace, previous?: { workspace: Workspace; problems: ReadonlyMap<string, Diagnostic[]> }): Map<string, Diagnostic[]> {
  // The same content (an edit of applicationHost.config keeps it): the same problems, without visiting 5,000 folders.
  if (previous !== undefined && previous.workspace.content === workspace.content) return new Map(previous.problems);
  const problems = new Map<string, Diagnostic[]>();
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    const unchanged = previous !== undefined && previous.workspace.content[physicalPath] === files;
    // An unchanged folder when no file had problems: nothing to look at (5,000 folders on a large server).
    if (unchanged && previous.problems.size === 0) continue;
    for (const [relativePath, value] of Object.entries(files)) {
      if (!/(^|\/|\\)web\.config$/i.test(relativePath)) continue;
      const file = describeFile({ kind: 'content', physicalPath, relativePath });
      if (unchanged) {
        const known = previous.problems.get(file);
        if (known !== undefined) problems.set(file, known);
        continue;
      }
      const text = typeof value === 'string' ? value : (value.text ?? '');
      const parsed = parseApplicationHost(text);
      if (parsed.wellFormed) continue;
      problems.set(file, parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file })));
    }
  }
  return problems;
}

/** True when two contents hold the same folder objects (edits copy only the folders they change). */
function sameFolders(a: Workspace['content'], b: Workspace['content']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key]);
}

/** The workspace's content with each web.config that has problems put back as the applied workspace has it (or left out). */
function withLastGoodFiles(workspace: Workspace, applied: Workspace, problems: ReadonlyMap<string, Diagnostic[]>): Workspace['content'] {
  const content: Workspace['content'] = {};
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    const broken = Object.keys(files).filter((relativePath) => problems.has(describeFile({ kind: 'content', physicalPath, relativePath })));
    if (broken.length === 0) {
      content[physicalPath] = files;
      continue;
    }
    const kept = Object.fromEntries(Object.entries(files).filter(([relativePath]) => !broken.includes(relativePath)));
    for (const relativePath of broken) {
      const good = readWorkspaceFile(applied, { kind: 'content', physicalPath, relativePath });
      if (good !== undefined) kept[relativePath] = good;
    }
    // The applied folder itself when nothing else in it changed, so that the simulation is not told of a change.
    const before = applied.content[physicalPath];
    const unchanged = before !== undefined && Object.keys(before).length === Object.keys(kept).length && Object.entries(kept).every(([name, value]) => before[name] === value || (typeof before[name] === 'object' && before[name].text === value));
    content[physicalPath] = unchanged ? before : kept;
  }
  return content;
}

/** `parsed`: the workspace's applicationHost.config already parsed (by the engine's worker at start-up). */
export function createWorkspaceStore(initial: Workspace = defaultWorkspace(), sourceName = DEFAULT_SOURCE_NAME, parsed?: ParseResult): WorkspaceStore {
  /**
   * Reads each applicationHost.config from the last (ApplicationHostReader): a form edit or a keystroke
   * on a 5,000-site file re-reads one element. A text that is not applied has its read taken back, so
   * the model in force keeps its document.
   */
  const reader = new ApplicationHostReader();
  const first = parsed ?? reader.read(initial.applicationHostConfig);
  /** The parse of the applied applicationHost.config, kept to compare new errors against. */
  let appliedErrors = errorKeys(first.diagnostics);
  let lastTyping: { key: string; at: number } | undefined;

  return createStore<WorkspaceState>()((set, get) => {
    /**
     * Takes a new workspace: parses it, and applies it when it is good. `record`: push the current
     * workspace on the undo history under this label. `mode`: an edit applies only without new errors;
     * a whole workspace (import, reset) or a step of the history applies whenever it can be read.
     */
    const take = (workspace: Workspace, name: string, record: string | undefined, mode: 'edit' | 'whole' | 'restore', original?: Workspace): void => {
      const whole = mode === 'whole';
      const state = get();
      const configChanged = workspace.applicationHostConfig !== state.workspace.applicationHostConfig || whole;
      const result = configChanged ? reader.read(workspace.applicationHostConfig) : undefined;
      const fileProblems = webConfigProblems(workspace, { workspace: state.workspace, problems: state.fileProblems });
      const newErrors = result === undefined ? [] : [...errorKeys(result.diagnostics)].filter((k) => !appliedErrors.has(k));
      // Each file applies on its own: applicationHost.config when it reads without new errors, a web.config
      // when it is well-formed XML; a file that does not keeps its last good text in the applied workspace.
      const configApplies = result === undefined ? state.workspace.applicationHostConfig === state.applied.applicationHostConfig : result.wellFormed && (mode !== 'edit' || newErrors.length === 0);
      const next: Partial<WorkspaceState> = { workspace, sourceName: name, fileProblems };
      if (result !== undefined) {
        next.diagnostics = result.diagnostics;
        if (configApplies) next.model = result.model;
      }
      // An import or a step of the history applies its web.config files as they are (IIS answers 500.19 for one it cannot read).
      const content = fileProblems.size === 0 || mode !== 'edit' ? workspace.content : withLastGoodFiles(workspace, state.applied, fileProblems);
      const applicationHostConfig = configApplies ? workspace.applicationHostConfig : state.applied.applicationHostConfig;
      if (applicationHostConfig !== state.applied.applicationHostConfig || !sameFolders(content, state.applied.content) || whole) {
        next.applied = applicationHostConfig === workspace.applicationHostConfig && content === workspace.content ? workspace : { ...workspace, applicationHostConfig, content };
        if (whole) next.generation = state.generation + 1;
      }
      if (configApplies && result !== undefined) appliedErrors = errorKeys(result.diagnostics);
      if (!configApplies && result !== undefined) reader.revertLastRead();
      if (original !== undefined) next.original = original;
      if (record !== undefined) {
        next.past = [...state.past, { workspace: state.workspace, sourceName: state.sourceName, label: record }].slice(-HISTORY_LIMIT);
        next.future = [];
        next.lastLabel = record;
      }
      set(next);
    };

    const restore = (entry: HistoryEntry, from: 'past' | 'future'): void => {
      const state = get();
      const current: HistoryEntry = { workspace: state.workspace, sourceName: state.sourceName, label: entry.label };
      lastTyping = undefined;
      take(entry.workspace, entry.sourceName, undefined, 'restore');
      if (from === 'past') set({ past: state.past.slice(0, -1), future: [...state.future, current], lastLabel: state.past.at(-2)?.label, notice: { kind: 'info', text: `Undid: ${entry.label}.` } });
      else set({ future: state.future.slice(0, -1), past: [...state.past, current], lastLabel: entry.label, notice: { kind: 'info', text: `Redid: ${entry.label}.` } });
    };

    return {
      workspace: initial,
      model: first.model,
      diagnostics: first.diagnostics,
      fileProblems: webConfigProblems(initial),
      applied: initial,
      generation: 0,
      original: initial,
      sourceName,
      past: [],
      future: [],
      lastLabel: undefined,
      notice: undefined,
      edit: (edit, label) => {
        const result = applyEdit(get().workspace, edit);
        if (!result.ok) {
          set({ notice: { kind: 'error', text: result.message } });
          return result.message;
        }
        lastTyping = undefined;
        take(result.workspace, get().sourceName, label, 'edit');
        set({ notice: undefined });
        return undefined;
      },
      setText: (file, text) => {
        const state = get();
        if (readWorkspaceFile(state.workspace, file) === text) return;
        const result = applyEdit(state.workspace, { op: 'replaceText', file, text });
        if (!result.ok) {
          set({ notice: { kind: 'error', text: result.message } });
          return;
        }
        const key = describeFile(file);
        const now = Date.now();
        const merge = lastTyping !== undefined && lastTyping.key === key && now - lastTyping.at < TYPING_MERGE_MS && state.past.length > 0;
        lastTyping = { key, at: now };
        take(result.workspace, state.sourceName, merge ? undefined : `Edit ${key}`, 'edit');
      },
      replaceWorkspace: (workspace, name, options = {}) => {
        lastTyping = undefined;
        take(workspace, name, options.label ?? `Import ${name}`, 'whole', options.original === false ? undefined : workspace);
        set({ notice: undefined });
      },
      resetToDefault: () => {
        get().replaceWorkspace(defaultWorkspace(), DEFAULT_SOURCE_NAME, { label: 'Reset to default' });
      },
      undo: () => {
        const entry = get().past.at(-1);
        if (entry !== undefined) restore(entry, 'past');
      },
      redo: () => {
        const entry = get().future.at(-1);
        if (entry !== undefined) restore(entry, 'future');
      },
      setNotice: (notice) => { set({ notice }); },
    };
  });
}

/** Counts for the status bar. */
export function selectSummary(state: WorkspaceState): { sites: number; pools: number; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of state.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  for (const list of state.fileProblems.values()) errors += list.length;
  return { sites: state.model.sites.sites.length, pools: state.model.applicationPools.pools.length, errors, warnings };
}

/** True when the edited workspace is not the one the simulation runs (it has errors). */
export function selectUnapplied(state: WorkspaceState): boolean {
  return state.workspace !== state.applied;
}
