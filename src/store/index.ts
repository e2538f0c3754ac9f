/** The store layer's public entry. */
export { createWorkspaceStore, selectSummary, selectUnapplied, DEFAULT_SOURCE_NAME, HISTORY_LIMIT } from './workspaceStore.ts';
export type { WorkspaceNotice, WorkspaceState, WorkspaceStore } from './workspaceStore.ts';
export { connectWorkspaceToSimulation } from './connectWorkspace.ts';
export { createSimulationStore } from './simulationStore.ts';
export type { SimulationState, SimulationStore, PlaybackClock } from './simulationStore.ts';
export { createUiStore, GRAPH_COLUMN_MIN_HEIGHT, TRACE_MIN_HEIGHT } from './uiStore.ts';
export type { EditorTarget, SideTab, UiState, UiStore, WorkbenchTab } from './uiStore.ts';
export { createWorkerEngineClient } from './engineClient.ts';
export { createInProcessEngineClient } from './engineHost.ts';
export type { EngineClient } from './engineProtocol.ts';
export { EMPTY_TIMELINE, MAX_GAP, MIN_STEP, eventIndexAt, extendTimeline, formatSpeed, speedFromSlider } from './playback.ts';
export type { Timeline } from './playback.ts';
export { createRuntimeStore } from './runtimeStore.ts';
export type { RuntimeStore, RuntimeValues } from './runtimeStore.ts';
