/**
 * IIS Flow's simulation engine: a deterministic, discrete-event model of IIS handling requests, from
 * HTTP.sys through W3SVC, WAS and the application pools to the worker process's integrated pipeline.
 * Pure TypeScript: runs in Node and in a Web Worker. This file is the layer's only public entry.
 */
export { createSimulation, DEFAULT_USERS, MAX_VIRTUAL_TIME } from './simulation.ts';
export type { Simulation, SimulationOptions } from './simulation.ts';
export type { SimulationRequest, RequestResult, ServedFrom } from './types.ts';
export type { TraceEvent, TraceEventName, TraceComponent, Notification } from './trace.ts';
export { NOTIFICATIONS, NOTIFICATION_DISPLAY_NAMES } from './trace.ts';
export type { SimulationSnapshot, ApplicationPoolSnapshot, SiteSnapshot, WorkerSnapshot, KernelCacheSnapshot } from './snapshot.ts';
export type { CostModel } from './costs.ts';
export { DEFAULT_COSTS } from './costs.ts';
export type { Counters, FailureInjection } from './state.ts';
export type { PerformanceCounters } from './counters.ts';
export type { FailedRequestTrace } from './failedRequestTracing.ts';
export type { SimulatedUser } from './worker/requestContext.ts';
export { toFrebXml, activityIdFor } from './freb.ts';
export type { FrebOptions } from './freb.ts';
export { describePipeline } from './worker/describePipeline.ts';
export type { PipelineDescription, PipelineStage } from './worker/describePipeline.ts';
