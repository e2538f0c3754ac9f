/**
 * The workspace document store: the workspace (applicationHost.config text + site content), the model
 * and diagnostics parsed from it, and which configuration is loaded. The last good model stays in force
 * when new text does not parse (DESIGN.md, bad input).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultWorkspace, parseApplicationHost, type ApplicationHostConfig, type Diagnostic, type ParseResult, type Workspace } from '../config/index.ts';

export interface WorkspaceState {
  workspace: Workspace;
  /** The model in force: the last configuration that parsed as XML. */
  model: ApplicationHostConfig;
  diagnostics: Diagnostic[];
  /** What is loaded, for the status bar: "the embedded default workspace" or a file name. */
  sourceName: string;
  /** Replaces applicationHost.config; keeps the previous model when the new text is not XML. */
  loadApplicationHostConfig: (text: string, sourceName: string) => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export const DEFAULT_SOURCE_NAME = 'the embedded default workspace (IIS 10, all role services)';

/** `parsed`: the workspace's applicationHost.config already parsed (by the engine's worker at start-up). */
export function createWorkspaceStore(initial: Workspace = defaultWorkspace(), sourceName = DEFAULT_SOURCE_NAME, parsed?: ParseResult): WorkspaceStore {
  const first = parsed ?? parseApplicationHost(initial.applicationHostConfig);
  return createStore<WorkspaceState>()((set, get) => ({
    workspace: initial,
    model: first.model,
    diagnostics: first.diagnostics,
    sourceName,
    loadApplicationHostConfig: (text, name) => {
      const result = parseApplicationHost(text);
      const workspace = { ...get().workspace, applicationHostConfig: text };
      set(result.wellFormed
        ? { workspace, model: result.model, diagnostics: result.diagnostics, sourceName: name }
        : { workspace, diagnostics: result.diagnostics, sourceName: name });
    },
  }));
}

/** Counts for the status bar. */
export function selectSummary(state: WorkspaceState): { sites: number; pools: number; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of state.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { sites: state.model.sites.sites.length, pools: state.model.applicationPools.pools.length, errors, warnings };
}
