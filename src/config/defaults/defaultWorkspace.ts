/**
 * The workspace's default content, defined once for the CLI and the app: a physical path that the
 * workspace gives no files holds a fresh install's files (DESIGN.md, "Default: the files of a fresh IIS
 * install"), so the same applicationHost.config answers the same requests in both.
 */
import { parseApplicationHost, type ApplicationHostConfig } from '../parse.ts';
import { normalizePhysicalPath, type SiteContent, type Workspace, type WorkspaceUser } from '../workspace.ts';
import { DEFAULT_APPLICATION_HOST_CONFIG, DEFAULT_SITE_CONTENT } from './defaultApplicationHostConfig.ts';

/** Where the default site's files are: Default Web Site's root in the embedded applicationHost.config. */
export const DEFAULT_WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';

/**
 * The embedded default workspace: a fresh IIS 10 install with every role service, and its wwwroot. It is
 * what `workspaceForApplicationHost(DEFAULT_APPLICATION_HOST_CONFIG)` gives (tested), written out so that
 * start-up does not parse the embedded configuration on the main thread.
 */
export function defaultWorkspace(): Workspace {
  return {
    applicationHostConfig: DEFAULT_APPLICATION_HOST_CONFIG,
    content: { [DEFAULT_WWWROOT]: { ...DEFAULT_SITE_CONTENT } },
  };
}

/**
 * A fresh install's files (iisstart.htm, iisstart.png, and the sample hello.aspx) in every physical path
 * the configuration's sites name (each virtual directory of each application), written as the
 * configuration writes it. Two spellings of one folder (`%SystemDrive%\x`, `C:\x`) are one folder.
 */
export function defaultContentFor(model: ApplicationHostConfig): SiteContent {
  const content: SiteContent = {};
  const seen = new Set<string>();
  for (const site of model.sites.sites) {
    for (const application of site.applications) {
      for (const directory of application.virtualDirectories) {
        const path = directory.physicalPath;
        if (path === '') continue;
        const key = normalizePhysicalPath(path);
        if (seen.has(key)) continue;
        seen.add(key);
        content[path] = { ...DEFAULT_SITE_CONTENT };
      }
    }
  }
  return content;
}

export interface WorkspaceOptions {
  /** The site files; without them every physical path holds a fresh install's files (defaultContentFor). */
  content?: SiteContent | undefined;
  users?: WorkspaceUser[] | undefined;
  /** applicationHost.config already parsed, to save parsing it again. */
  model?: ApplicationHostConfig | undefined;
}

/**
 * The workspace for an applicationHost.config: what the CLI simulates and what the app imports. Given
 * content is used as it is (a physical path it does not list is a folder that does not exist).
 *
 * @example
 * const workspace = workspaceForApplicationHost(readFileSync('applicationHost.config', 'utf8'));
 * createSimulation(workspace).send({ method: 'GET', url: 'http://localhost/' });
 */
export function workspaceForApplicationHost(applicationHostConfig: string, options: WorkspaceOptions = {}): Workspace {
  const content = options.content ?? defaultContentFor(options.model ?? parseApplicationHost(applicationHostConfig).model);
  const workspace: Workspace = { applicationHostConfig, content };
  if (options.users !== undefined) workspace.users = options.users;
  return workspace;
}
