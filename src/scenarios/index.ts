/** Every guided scenario, in the order the Scenarios list shows them. */
import { firstRequestEight, firstRequestNine } from './firstRequest.ts';
import { customErrors, ipRestriction, kernelCache, requestFiltering, warmRequest } from './requests.ts';
import { idleTimeout, overlappingRecycle, queueFull, rapidFail } from './processes.ts';
import { configurationChange, netTcpActivation, webGarden } from './activation.ts';
import { iis6Model } from './history.ts';
import { attackSurface, pipelinesSideBySide } from './pipelineModes.ts';
import { basicAuthentication, formsStaticFiles, lockedSection } from './security.ts';
import type { Scenario } from './types.ts';

export const SCENARIOS: readonly Scenario[] = [firstRequestNine, firstRequestEight, warmRequest, kernelCache, requestFiltering, ipRestriction, basicAuthentication, formsStaticFiles, pipelinesSideBySide, webGarden, idleTimeout, overlappingRecycle, rapidFail, queueFull, netTcpActivation, configurationChange, attackSurface, lockedSection, customErrors, iis6Model];

export type { PredictQuestion, Scenario, ScenarioAction, ScenarioStep, ScenarioWorkspace, PauseAt } from './types.ts';
export { findPause, statusCode } from './match.ts';
export { choicesOf } from './helpers.ts';
export { readProgress, recordRun, writeProgress, PROGRESS_KEY } from './progress.ts';
export type { ProgressMap, ProgressStorage, ScenarioProgress } from './progress.ts';
