/** Messages between the simulation store (main thread) and the engine's Web Worker. */
import type { Workspace } from '../config/index.ts';
import type { PipelineDescription, RequestResult, SimulationRequest, SimulationSnapshot, TraceEvent } from '../engine/index.ts';

export type EngineCommand =
  | { type: 'load'; workspace: Workspace; seed: number }
  | { type: 'apply'; workspace: Workspace }
  | { type: 'send'; requests: SimulationRequest[] }
  | { type: 'advance'; ms: number }
  | { type: 'killWorker'; pid: number };

/** What the engine produced since the last reply: new events and results, and where it stands now. */
export interface EngineReply {
  events: TraceEvent[];
  results: RequestResult[];
  snapshot: SimulationSnapshot;
  now: number;
  /** After load/apply: the pipeline each pool's workers run for the root of its first application. */
  pipelines?: Record<string, PipelineDescription>;
}

/** The engine, wherever it runs: in a Web Worker in the app, in-process in tests and Node. */
export interface EngineClient {
  request(command: EngineCommand): Promise<EngineReply>;
  dispose(): void;
}
