/** Small builders shared by the scenario definitions. */
import type { SimulationRequest } from '../engine/index.ts';
import type { PredictQuestion, ScenarioAction } from './types.ts';

export const HOST = 'http://localhost';

export function get(path: string, extra: Partial<SimulationRequest> = {}): SimulationRequest {
  return { method: 'GET', url: `${HOST}${path}`, ...extra };
}

export function send(path: string, extra: Partial<SimulationRequest> = {}): ScenarioAction {
  return { do: 'send', request: get(path, extra) };
}

/** DefaultAppPool's `<add>` with attributes and child elements. */
export function defaultAppPool(attributes: string, children = ''): readonly [string, string] {
  return ['<add name="DefaultAppPool" />', children === '' ? `<add name="DefaultAppPool" ${attributes} />` : `<add name="DefaultAppPool"${attributes === '' ? '' : ` ${attributes}`}>\n                ${children}\n            </add>`];
}

/** A remote client's address (documentation range, RFC 5737). */
export const REMOTE_IP = '198.51.100.4';

export const COMMON_STATUSES = ['200.0', '302.0', '401.1', '401.2', '403.6', '404.0', '404.7', '404.8', '404.15', '500.19', '500.21', '503.0'] as const;
export const COMMON_DECIDERS = ['HTTP.sys', 'IIS Web Core', 'StaticFileModule', 'DefaultDocumentModule', 'RequestFilteringModule', 'IpRestrictionModule', 'BasicAuthenticationModule', 'FormsAuthentication', 'ManagedPipelineHandler', 'IsapiModule', 'WebDAVModule'] as const;

/** A question's choices: its own, or the common ones. */
export function choicesOf(question: Pick<PredictQuestion, 'statuses' | 'deciders'>): { statuses: readonly string[]; deciders: readonly string[] } {
  return { statuses: question.statuses ?? COMMON_STATUSES, deciders: question.deciders ?? COMMON_DECIDERS };
}
