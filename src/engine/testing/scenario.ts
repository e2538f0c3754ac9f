/**
 * A small driver for engine tests: the default workspace with edits, one simulation, and requests sent
 * one after another, each when the previous has finished.
 */
import { defaultWorkspace, type ContentFile, type IisVersion, type Workspace } from '../../config/index.ts';
import { createSimulation, type Simulation, type SimulationOptions } from '../simulation.ts';
import type { RequestResult, SimulationRequest } from '../types.ts';

export const WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';

export interface ScenarioSpec {
  /** Edits to the default applicationHost.config text. */
  editConfig?: (config: string) => string;
  /** Files to add to wwwroot (relative path -> text). */
  files?: Readonly<Record<string, string | ContentFile>>;
  options?: SimulationOptions;
  /** The workspace's IIS version (default: none, which is 10.0). */
  iisVersion?: IisVersion;
}

export interface Scenario {
  simulation: Simulation;
  workspace: Workspace;
  /** Sends a request when the previous one has finished and runs until it has. */
  request(request: SimulationRequest | string): RequestResult;
}

/** `<configuration><system.webServer>...</system.webServer></configuration>` for a web.config. */
export function webConfig(webServer: string, systemWeb = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n${systemWeb === '' ? '' : `  <system.web>${systemWeb}</system.web>\n`}  <system.webServer>\n${webServer}\n  </system.webServer>\n</configuration>\n`;
}

/** Inserts XML just before </configuration> of applicationHost.config. */
export const beforeEnd = (xml: string) => (config: string): string => config.replace('</configuration>', `${xml}\n</configuration>`);

/** Sets attributes on DefaultAppPool's <add> element. */
export const defaultAppPool = (attributes: string) => (config: string): string => config.replace('<add name="DefaultAppPool"', `<add name="DefaultAppPool" ${attributes}`);

export function scenario(spec: ScenarioSpec = {}): Scenario {
  const base = defaultWorkspace();
  const workspace: Workspace = {
    applicationHostConfig: (spec.editConfig ?? ((c: string) => c))(base.applicationHostConfig),
    content: { [WWWROOT]: { ...base.content[WWWROOT], ...spec.files } },
    ...(spec.iisVersion === undefined ? {} : { iisVersion: spec.iisVersion }),
  };
  const simulation = createSimulation(workspace, { seed: 7, trace: true, ...spec.options });
  return {
    simulation,
    workspace,
    request(request) {
      const r = typeof request === 'string' ? { method: 'GET', url: request } : request;
      const id = simulation.send(r);
      simulation.runUntilIdle();
      const result = simulation.results().find((x) => x.requestId === id);
      if (result === undefined) throw new Error(`request ${String(id)} did not finish`);
      return result;
    },
  };
}

/** `404.7` */
export const code = (result: RequestResult): string => `${String(result.status)}.${String(result.subStatus)}`;
