/**
 * Runs the engine for the store: keeps one simulation, applies commands, and returns what changed.
 * Used inside the Web Worker (engineWorker.ts) and in-process (tests, or where workers are missing).
 */
import { createSimulation, type RequestResult, type Simulation, type TraceEvent } from '../engine/index.ts';
import type { EngineCommand, EngineReply } from './engineProtocol.ts';

export function createEngineHost(): (command: EngineCommand) => EngineReply {
  let simulation: Simulation | undefined;
  let events: TraceEvent[] = [];
  let results: RequestResult[] = [];
  const attach = (next: Simulation): void => {
    simulation = next;
    next.subscribe((event) => events.push(event));
    next.onResult((result) => results.push({ ...result, trace: [] }));
  };
  return (command) => {
    switch (command.type) {
      case 'load':
        attach(createSimulation(command.workspace, { seed: command.seed, trace: true, retain: false }));
        break;
      case 'apply':
        simulation?.applyWorkspace(command.workspace);
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
          simulation.killWorker(command.pid);
          simulation.runUntilIdle();
        }
        break;
    }
    if (simulation === undefined) throw new Error('The engine has no workspace loaded.');
    const reply: EngineReply = { events, results, snapshot: simulation.snapshot(), now: simulation.now() };
    events = [];
    results = [];
    return reply;
  };
}

/** An in-process client with the worker's interface. */
export function createInProcessEngineClient(): { request(command: EngineCommand): Promise<EngineReply>; dispose(): void } {
  const host = createEngineHost();
  return {
    request: (command) => Promise.resolve(host(command)),
    dispose: () => undefined,
  };
}
