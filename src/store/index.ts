/** The store layer's public entry. */
export { createWorkspaceStore, selectSummary, DEFAULT_SOURCE_NAME } from './workspaceStore.ts';
export type { WorkspaceState, WorkspaceStore } from './workspaceStore.ts';
