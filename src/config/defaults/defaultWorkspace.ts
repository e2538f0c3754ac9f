/** The embedded default workspace: a fresh IIS 10 install with every role service, and its wwwroot. */
import type { Workspace } from '../workspace.ts';
import { DEFAULT_APPLICATION_HOST_CONFIG, DEFAULT_SITE_CONTENT } from './defaultApplicationHostConfig.ts';

export function defaultWorkspace(): Workspace {
  return {
    applicationHostConfig: DEFAULT_APPLICATION_HOST_CONFIG,
    content: { '%SystemDrive%\\inetpub\\wwwroot': { ...DEFAULT_SITE_CONTENT } },
  };
}
