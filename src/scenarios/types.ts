/**
 * Guided scenarios, as data: a workspace, steps that run actions (requests, loads, configuration changes,
 * recycles) and pause playback at a named trace event, and three Predict questions. Pure TypeScript: the
 * scenario store runs them against the app's stores, and scenarios.test.ts runs every one through the
 * engine so that the narration can never drift from what the engine does.
 */
import type { ConfigEdit } from '../config/index.ts';
import type { SimulationRequest, TraceComponent, TraceEventName } from '../engine/index.ts';

/** The default workspace (a fresh IIS 10 install), changed by text replacements and extra files. */
export interface ScenarioWorkspace {
  /** [find, replace] pairs applied in order to the default applicationHost.config; each must match. */
  config?: ReadonlyArray<readonly [string, string]>;
  /** Files written into Default Web Site's folder (%SystemDrive%\inetpub\wwwroot), by relative path. */
  files?: Readonly<Record<string, string>>;
}

export type ScenarioAction =
  /** `after`: sent this many virtual ms after the engine's clock (time passing, e.g. an idle timeout). */
  | { do: 'send'; request: SimulationRequest; after?: number }
  /** `count` copies of a request at the same moment. */
  | { do: 'load'; request: SimulationRequest; count: number }
  /** A configuration change, made as an undoable edit of the workspace (it reaches WAS as a change). */
  | { do: 'edit'; edit: ConfigEdit; label: string }
  /** IIS Manager's Recycle on a pool. */
  | { do: 'recycle'; pool: string }
  /** Task Manager's End task on the pool's first w3wp.exe. */
  | { do: 'endWorker'; pool: string };

/** Where playback pauses: the first event (after the step's start) that matches all of these. */
export interface PauseAt {
  event: TraceEventName;
  component?: TraceComponent;
  module?: string;
  /** The status the event carries, e.g. 503. */
  status?: number;
  /** Skip this many earlier matches. */
  skip?: number;
}

export interface ScenarioStep {
  title: string;
  /** What happens and why, in plain words. */
  text: string;
  /**
   * Graph nodes to point at, the first selected: ids of the architecture graph ('httpsys:listener',
   * 'was', 'w3svc', 'config', 'pool:NAME', 'queue:NAME', 'httpsys:cache', 'client', 'adapter:NAME'), or
   * 'worker@POOL' for that pool's newest w3wp.exe.
   */
  highlight: readonly string[];
  /** Run when the step is first reached (not again after Back). */
  actions?: readonly ScenarioAction[];
  /** Without it, playback runs to the end of what the step's actions produced. */
  pauseAt?: PauseAt;
}

export interface PredictQuestion {
  prompt: string;
  /** Run first, unscored (a configuration change the question is about). */
  before?: readonly ScenarioAction[];
  /** The request whose outcome is predicted; with `count`, a load whose last request is the one asked about. */
  request: SimulationRequest;
  count?: number;
  /** Choices, as `status.substatus`; the common ones (helpers.ts) when left out. */
  statuses?: readonly string[];
  /** Choices of who decides: a module's name, `HTTP.sys`, `IIS Web Core`; the common ones when left out. */
  deciders?: readonly string[];
  answer: { status: string; decidedBy: string };
  /** Why, told after the answer. */
  why: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** One line for the list. */
  summary: string;
  workspace: ScenarioWorkspace;
  steps: readonly ScenarioStep[];
  questions: readonly [PredictQuestion, PredictQuestion, PredictQuestion];
}
