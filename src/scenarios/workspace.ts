/** Builds a scenario's workspace from the default one. */
import { DEFAULT_WWWROOT, defaultWorkspace, type Workspace } from '../config/index.ts';
import type { ScenarioWorkspace } from './types.ts';

/** Throws when a replacement finds nothing: a scenario must never silently run on the wrong server. */
export function scenarioWorkspace(spec: ScenarioWorkspace): Workspace {
  const base = defaultWorkspace();
  let text = base.applicationHostConfig;
  for (const [find, replace] of spec.config ?? []) {
    if (!text.includes(find)) throw new Error(`The default applicationHost.config has no "${find}".`);
    text = text.replace(find, replace);
  }
  return { applicationHostConfig: text, content: { ...base.content, [DEFAULT_WWWROOT]: { ...base.content[DEFAULT_WWWROOT], ...spec.files } } };
}

/** A web.config with system.webServer (and system.web when given) content. */
export function webConfig(webServer: string, systemWeb = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n${systemWeb === '' ? '' : `  <system.web>${systemWeb}</system.web>\n`}  <system.webServer>\n${webServer}\n  </system.webServer>\n</configuration>\n`;
}
