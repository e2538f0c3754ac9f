/**
 * What the pipeline knows about one request while it runs: the request, where it maps, the effective
 * configuration, the handler, the user, and the response being built. Modules read and write it.
 */
import type { EffectiveConfig, HandlerEntry, IisVersion } from '../../config/index.ts';
import type { PhysicalEntry } from '../siteContent.ts';
import type { Notification } from '../trace.ts';

export interface SimulatedUser {
  name: string;
  password: string;
  groups: readonly string[];
}

export interface AuthenticatedUser {
  name: string;
  /** `Anonymous`, `Basic`, `Negotiate`, `Digest`, `Forms`, ... */
  authType: string;
}

export interface RequestContext {
  requestId: number;
  method: string;
  /** The absolute URL as received. */
  rawUrl: string;
  scheme: string;
  host: string;
  port: number;
  /** The path part, percent-decoded once, as IIS maps it. */
  path: string;
  /** The path as received, before decoding (request filtering looks at both). */
  rawPath: string;
  queryString: string;
  /** Request headers, names in lower case. */
  headers: Map<string, string>;
  clientIp: string;
  isLocalClient: boolean;
  bodySize: number;
  /** Credentials offered: from the Authorization header or the request's `user`. */
  credentials: { scheme: string; name: string; password: string } | undefined;

  effective: EffectiveConfig;
  /** The workspace's IIS version: some answers differ by version (413.1 or 404.13). */
  iisVersion: IisVersion;
  managedPipelineMode: 'Integrated' | 'Classic';
  managedRuntimeVersion: string;
  bitness: 32 | 64;
  /** The site-relative path below the virtual directory, and what it names on disk. */
  relativePath: string;
  entry: PhysicalEntry;
  handler: HandlerEntry | undefined;
  /** True when the handler is managed (a `type`, no native module). */
  isManagedHandler: boolean;

  user: AuthenticatedUser | undefined;
  status: number;
  subStatus: number;
  /** Who set the status: a module's name, `IIS Web Core`. */
  decidedBy: string;
  reason: string;
  responseHeaders: Map<string, string>;
  responseBytes: number;
  /** Set once a module returned FINISH_REQUEST or an error status stopped the request. */
  finished: boolean;
  /** The notification running now. */
  notification: Notification;
  /** Extra time the current step takes beyond its base cost (a handler serving a large file). */
  extraCost: number;
  /** Milliseconds the current step waits on Windows (LogonUser on a token-cache miss), added to its cost. */
  waitTime: number;
  /** Facts later modules use. */
  servedStaticFile: boolean;
  usedDynamicCompression: boolean;
  anonymousAllowed: boolean;
  /** StaticCompressionModule decided at MapRequestHandler that a static response may be gzipped. */
  wantsStaticCompression: boolean;
  /** Which error page CustomErrorModule sent: `detailed`, `generic` or the custom page's path. */
  errorPage: string | undefined;
  /** A CGI, FastCGI or ISAPI program did the work (costs an external handler's time). */
  externalWork: boolean;
  /** The default document DefaultDocumentModule chose, if any. */
  defaultDocument: string | undefined;
  /**
   * A handler for this file's extension (`*.aspx`) was passed over because its preCondition did not
   * hold: the file is script that the static file handler must not send (404.17).
   */
  scriptHandlerSkipped: string | undefined;
  /** The connection is reset instead of answered (ipSecurity denyAction="AbortRequest"). */
  abortConnection: boolean;
}
