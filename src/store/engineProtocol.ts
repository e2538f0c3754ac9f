/** Messages between the simulation store (main thread) and the engine's Web Worker. */
import type { ParseResult, Workspace } from '../config/index.ts';
import type { PipelineDescription, RequestResult, SimulationRequest, SimulationSnapshot, TraceEvent } from '../engine/index.ts';
import type { EventColumns } from './eventColumns.ts';
import type { WireSnapshot } from './snapshotChanges.ts';

export type EngineCommand =
  /** `withModel`: the reply carries the parsed applicationHost.config, so the main thread need not parse it. */
  | { type: 'load'; workspace: Workspace; seed: number; withModel?: boolean }
  | { type: 'apply'; workspace: Workspace }
  | { type: 'send'; requests: SimulationRequest[] }
  | { type: 'advance'; ms: number }
  /** Ends a w3wp.exe from outside (Task Manager's End task): WAS sees it exit unexpectedly. */
  | { type: 'killWorker'; pid: number }
  /** IIS Manager's Recycle on an application pool: an overlapping recycle through WAS. */
  | { type: 'recyclePool'; name: string }
  /**
   * Starts or stops a pool in WAS without a configuration change: IIS Manager's Start on a pool that
   * rapid-fail protection stopped (its autoStart is still "true", so writing it changes nothing).
   */
  | { type: 'setPoolState'; name: string; started: boolean };

/** What the engine produced since the last reply: new events and results, and where it stands now. */
export interface EngineReply {
  events: TraceEvent[];
  results: RequestResult[];
  snapshot: SimulationSnapshot;
  now: number;
  /** After load/apply: the pipeline each pool's workers run for the root of its first application. */
  pipelines?: Record<string, PipelineDescription>;
  /** After a load with `withModel`: applicationHost.config as parsed in the worker. */
  parsed?: ParseResult;
}

/**
 * What the worker posts: a reply's events come first, in columns (eventColumns.ts), in parts of at most
 * REPLY_CHUNK events, then its results in parts of at most RESULTS_CHUNK, each its own message, so that
 * the main thread takes them in short tasks (one 100,000-event message takes it longer than 50 ms to
 * receive); the reply itself, without its events, ends the answer.
 */
export type EngineMessage =
  | { id: number; events: EventColumns }
  | { id: number; results: RequestResult[] }
  | { id: number; reply: WireReply }
  | { id: number; error: string };

/** A reply as posted: its snapshot says only which pools and sites changed since the last (snapshotChanges.ts). */
export type WireReply = Omit<EngineReply, 'snapshot'> & { snapshot: WireSnapshot };

export const REPLY_CHUNK = 2000;
/** Results are larger than events (a sentence each): fewer go in a part. */
export const RESULTS_CHUNK = 400;

/** The engine, wherever it runs: in a Web Worker in the app, in-process in tests and Node. */
export interface EngineClient {
  request(command: EngineCommand): Promise<EngineReply>;
  dispose(): void;
}

/**
 * A command as posted to the worker: a load or apply whose workspace content (a folder per physical path,
 * 5,000 on a large server) is the one posted before says so instead of carrying it again: copying it
 * into the message took the page ~25 ms per change on the 5,000-site benchmark.
 */
export type WireCommand = EngineCommand | { type: 'load' | 'apply'; workspace: Omit<Workspace, 'content'>; seed?: number; withModel?: boolean; sameContent: true };

