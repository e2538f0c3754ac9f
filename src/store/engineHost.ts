/**
 * Runs the engine for the store: keeps one simulation, applies commands, and returns what changed.
 * Used inside the Web Worker (engineWorker.ts) and in-process (tests, or where workers are missing).
 */
import { ApplicationHostReader, loadWorkspace, type LoadedWorkspace } from '../config/index.ts';
import { createSimulation, describePipeline, type PipelineDescription, type RequestResult, type Simulation, type SimulationSnapshot, type TraceEvent } from '../engine/index.ts';
import { REPLY_CHUNK, RESULTS_CHUNK, type EngineCommand, type EngineMessage, type EngineReply } from './engineProtocol.ts';
import { encodeEvents } from './eventColumns.ts';
import { encodeSnapshot } from './snapshotChanges.ts';

/**
 * The pipeline of each pool (of those named in `only`, in lower case, when given): that of the root of the first
 * application using it (computed off the main thread).
 */
export function describePipelines(loaded: LoadedWorkspace, only?: ReadonlySet<string>): Record<string, PipelineDescription> {
  const pipelines: Record<string, PipelineDescription> = {};
  for (const site of loaded.model.sites.sites) {
    for (const application of site.applications) {
      const pool = application.applicationPool;
      if (pool === '' || pipelines[pool] !== undefined || (only !== undefined && !only.has(pool.toLowerCase()))) continue;
      const description = describePipeline(loaded, site.name, application.path.endsWith('/') ? application.path : `${application.path}/`);
      if (description !== undefined) pipelines[pool] = description;
    }
  }
  return pipelines;
}

export function createEngineHost(): (command: EngineCommand) => EngineReply {
  let simulation: Simulation | undefined;
  let events: TraceEvent[] = [];
  let results: RequestResult[] = [];
  /**
   * The workspace in force and the pipelines described for it so far. The page draws a pipeline inside
   * each w3wp.exe, so only pools with a worker process need one: describing all of them on every change
   * took most of a change's time on large configurations (seconds for 5,000 pools).
   */
  let current: LoadedWorkspace | undefined;
  let described: Record<string, PipelineDescription> = {};
  /** Reads each change from the last (a form edit re-reads one element, not the whole file). */
  const reader = new ApplicationHostReader();
  const attach = (next: Simulation): void => {
    simulation = next;
    next.subscribe((event) => events.push(event));
    next.onResult((result) => results.push({ ...result, trace: [] }));
  };
  return (command) => {
    // A new workspace is parsed once, for the simulation, the pipelines and the model sent back.
    const loaded = command.type === 'load' || command.type === 'apply' ? loadWorkspace(command.workspace, reader) : undefined;
    switch (command.type) {
      case 'load':
        if (loaded !== undefined) attach(createSimulation(loaded, { seed: command.seed, trace: true, retain: false }));
        break;
      case 'apply':
        // The change runs until WAS has done what it set off (a recycle's new worker ready, the old one
        // gone, a stopped pool's workers drained), so the reply shows the server as it now stands.
        if (loaded !== undefined && simulation !== undefined) {
          simulation.applyWorkspace(loaded);
          simulation.runUntilSettled();
        }
        break;
      case 'send':
        if (simulation !== undefined) {
          for (const request of command.requests) simulation.send(request);
          simulation.runUntilIdle();
        }
        break;
      case 'advance':
        simulation?.runUntil((simulation.now()) + command.ms);
        break;
      case 'killWorker':
        if (simulation !== undefined) {
          if (!simulation.killWorker(command.pid)) throw new Error(`No worker process has pid ${String(command.pid)}.`);
          simulation.runUntilSettled();
        }
        break;
      case 'setPoolState':
        if (simulation !== undefined) {
          if (!simulation.setApplicationPoolState(command.name, command.started)) throw new Error(`No application pool is named "${command.name}".`);
          simulation.runUntilSettled();
        }
        break;
      case 'recyclePool':
        if (simulation !== undefined) {
          if (simulation.recycleApplicationPool(command.name) === undefined) throw new Error(`No application pool is named "${command.name}".`);
          simulation.runUntilSettled();
        }
        break;
    }
    if (simulation === undefined) throw new Error('The engine has no workspace loaded.');
    // In time order (Array.prototype.sort is stable, so same-time events keep their emission order):
    // done here, off the main thread, which then only appends them.
    events.sort((a, b) => a.t - b.t);
    const snapshot = simulation.snapshot();
    const reply: EngineReply = { events, results, snapshot, now: simulation.now() };
    if (loaded !== undefined) {
      current = loaded;
      described = {};
    }
    const missing = new Set(snapshot.applicationPools.filter((p) => p.workers.length > 0 && described[p.name] === undefined).map((p) => p.name.toLowerCase()));
    if (current !== undefined && missing.size > 0) described = { ...described, ...describePipelines(current, missing) };
    if (loaded !== undefined || missing.size > 0) reply.pipelines = described;
    if (loaded !== undefined && command.type === 'load' && command.withModel === true) reply.parsed = { model: loaded.model, diagnostics: loaded.diagnostics, wellFormed: loaded.wellFormed };
    events = [];
    results = [];
    return reply;
  };
}

/** An in-process client with the worker's interface. */
export function createInProcessEngineClient(): { request(command: EngineCommand): Promise<EngineReply>; dispose(): void } {
  const host = createEngineHost();
  return {
    // A command the engine refuses rejects, as the worker's client does (it never throws at the caller).
    request: (command) => {
      try {
        return Promise.resolve(host(command));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    dispose: () => undefined,
  };
}

/**
 * The messages that carry a reply: its events (in columns) and results in parts, then the reply with the
 * rest, its snapshot given as changes from `previous` (the snapshot of the reply posted before).
 */
export function replyMessages(id: number, reply: EngineReply, chunk = REPLY_CHUNK, resultsChunk = RESULTS_CHUNK, previous?: SimulationSnapshot): EngineMessage[] {
  const { events, results } = reply;
  const messages: EngineMessage[] = [];
  for (let start = 0; start < events.length; start += chunk) messages.push({ id, events: encodeEvents(events.slice(start, start + chunk)) });
  let first = 0;
  for (; results.length - first > resultsChunk; first += resultsChunk) messages.push({ id, results: results.slice(first, first + resultsChunk) });
  const snapshot = encodeSnapshot(previous, reply.snapshot);
  messages.push({ id, reply: events.length === 0 && first === 0 ? { ...reply, snapshot } : { ...reply, snapshot, events: [], results: results.slice(first) } });
  return messages;
}

/** Posts replies in messages, each snapshot as changes from the one posted before (the worker's side of engineClient). */
export function createReplySender(chunk = REPLY_CHUNK, resultsChunk = RESULTS_CHUNK): (id: number, reply: EngineReply) => EngineMessage[] {
  let sent: SimulationSnapshot | undefined;
  return (id, reply) => {
    const messages = replyMessages(id, reply, chunk, resultsChunk, sent);
    sent = reply.snapshot;
    return messages;
  };
}
