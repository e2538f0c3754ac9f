/** UI state: the selected graph node, the groups the user expanded, and who owns the graph's view. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConfigLevel, FileRef } from '../config/index.ts';

/** The tabs of the panel below the graph. */
export type WorkbenchTab = 'trace' | 'xml' | 'problems' | 'changes' | 'files';

/** The tabs of the side panel: the selected node, the server's sites and pools, and feature settings at a level. */
export type SideTab = 'inspector' | 'server' | 'settings' | 'learn';

/** Where the XML editor should open and put its cursor; `seq` makes a repeated request a new one. */
export interface EditorTarget {
  file: FileRef;
  line?: number;
  column?: number;
  seq: number;
}

export interface UiState {
  selectedNode: string | undefined;
  expanded: ReadonlySet<string>;
  /**
   * The person has moved the view (pan, zoom, a found node): the graph no longer fits itself to its
   * content when it grows (a worker process appearing), until they fit it again or load a configuration.
   */
  viewHeld: boolean;
  /** The trace panel's height in CSS pixels, once the person has resized it (the layout's default before). */
  traceHeight: number | undefined;
  /** The tab shown below the graph. */
  workbenchTab: WorkbenchTab;
  /** The file the XML editor shows, and where its cursor goes. */
  editorTarget: EditorTarget;
  sideTab: SideTab;
  /** The level (server, site, application, folder) the Settings tab shows and edits. */
  settingsLevel: ConfigLevel;
  selectNode: (id: string | undefined) => void;
  setSideTab: (tab: SideTab) => void;
  /** Shows the Settings tab at a level. */
  openSettings: (level: ConfigLevel) => void;
  setWorkbenchTab: (tab: WorkbenchTab) => void;
  /** Shows a file in the XML editor, at a line and column when given (a problem, a setting's origin). */
  openInEditor: (file: FileRef, line?: number, column?: number) => void;
  setTraceHeight: (height: number) => void;
  toggleExpanded: (group: string) => void;
  setViewHeld: (held: boolean) => void;
}

export type UiStore = StoreApi<UiState>;

/** The trace panel is never resized below this (its filters and a few rows); the graph keeps the rest. */
export const TRACE_MIN_HEIGHT = 120;
/** However the trace is resized or the window shrinks, the graph column (the graph, about 160 px, and the playback bar) keeps this. */
export const GRAPH_COLUMN_MIN_HEIGHT = 220;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    selectedNode: undefined,
    expanded: new Set<string>(),
    viewHeld: false,
    traceHeight: undefined,
    workbenchTab: 'trace',
    editorTarget: { file: { kind: 'applicationHost' }, seq: 0 },
    sideTab: 'inspector',
    settingsLevel: {},
    setSideTab: (tab) => { set({ sideTab: tab }); },
    openSettings: (level) => { set({ sideTab: 'settings', settingsLevel: level }); },
    setWorkbenchTab: (tab) => { set({ workbenchTab: tab }); },
    openInEditor: (file, line, column) => {
      set({ workbenchTab: 'xml', editorTarget: { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), seq: get().editorTarget.seq + 1 } });
    },
    setTraceHeight: (height) => {
      const clamped = Math.round(Math.max(TRACE_MIN_HEIGHT, height));
      if (get().traceHeight !== clamped) set({ traceHeight: clamped });
    },
    setViewHeld: (held) => {
      if (get().viewHeld !== held) set({ viewHeld: held });
    },
    selectNode: (id) => { set(id === undefined ? { selectedNode: id } : { selectedNode: id, sideTab: 'inspector' }); },
    toggleExpanded: (group) => {
      const expanded = new Set(get().expanded);
      if (expanded.has(group)) expanded.delete(group);
      else expanded.add(group);
      set({ expanded });
    },
  }));
}
