/**
 * Which request notifications each IIS module subscribes to. Observed in real Failed Request Tracing
 * files (fixtures 26, 27 and 29, IIS Express 10, and the fact sheet's table §2.3 over 29 traces); where a
 * module was present but never ran, its condition says when it would. Handler modules (StaticFileModule,
 * DefaultDocumentModule, CgiModule, ...) run only at ExecuteRequestHandler, when the handler names them.
 */
import { iisAtLeast, type EffectiveConfig, type IisVersion } from '../../config/index.ts';
import type { Notification } from '../trace.ts';

export interface Subscription {
  notification: Notification;
  isPost: boolean;
}

export interface ModuleDefinition {
  subscriptions: readonly Subscription[];
  /** Subscribed only when this holds for the URL's configuration and the server's IIS version. */
  when?: (config: EffectiveConfig, iisVersion: IisVersion) => boolean;
  /** Runs at GL_PRE_BEGIN_REQUEST as a global module (PRE_BEGIN_REQUEST_START/END in FREB). */
  preBeginRequest?: boolean;
  /**
   * Registers SendResponse with a high priority, which for SendResponse runs last (priorities are
   * inverted there; request-processing-constants.md). Observed order in F26/F27: RewriteModule,
   * CustomErrorModule, DynamicIpRestrictionModule after all others.
   */
  sendResponseLast?: boolean;
}

const on = (...names: Notification[]): Subscription[] => names.map((notification) => ({ notification, isPost: false }));
const post = (notification: Notification): Subscription => ({ notification, isPost: true });

function hasCachingProfile(config: EffectiveConfig): boolean {
  return config.config.caching.enabled && config.config.caching.profiles.length > 0;
}

export const NATIVE_MODULES: Readonly<Record<string, ModuleDefinition>> = {
  IsapiFilterModule: { subscriptions: [...on('MAP_PATH', 'AUTHENTICATE_REQUEST'), post('AUTHENTICATE_REQUEST'), ...on('SEND_RESPONSE')], preBeginRequest: true },
  WebMatrixSupportModule: { subscriptions: on('BEGIN_REQUEST', 'SEND_RESPONSE') },
  IpRestrictionModule: { subscriptions: on('BEGIN_REQUEST') },
  RequestFilteringModule: { subscriptions: on('BEGIN_REQUEST') },
  FailedRequestsTracingModule: { subscriptions: on('BEGIN_REQUEST'), preBeginRequest: true },
  RewriteModule: { subscriptions: [...on('BEGIN_REQUEST'), post('RELEASE_REQUEST_STATE'), ...on('SEND_RESPONSE')], preBeginRequest: true, sendResponseLast: true },
  ApplicationInitializationModule: { subscriptions: on('BEGIN_REQUEST', 'SEND_RESPONSE') },
  ConfigurationValidationModule: { subscriptions: on('BEGIN_REQUEST') },
  CertificateMappingAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST') },
  BasicAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST', 'SEND_RESPONSE') },
  WindowsAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST', 'SEND_RESPONSE') },
  // Present in F16's <modules> but absent from its traces while disabled: subscribes only when enabled.
  DigestAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST', 'SEND_RESPONSE'), when: (c) => c.config.authentication.digest.enabled },
  IISCertificateMappingAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST') },
  AnonymousAuthenticationModule: { subscriptions: on('AUTHENTICATE_REQUEST') },
  UrlAuthorizationModule: { subscriptions: on('AUTHORIZE_REQUEST') },
  // Seen at ResolveRequestCache only in a trace with output caching configured (fact sheet §2.3), never
  // in F26/F27: subscribes when a caching profile exists [inferred].
  HttpCacheModule: { subscriptions: on('RESOLVE_REQUEST_CACHE', 'SEND_RESPONSE'), when: hasCachingProfile },
  StaticCompressionModule: { subscriptions: on('MAP_REQUEST_HANDLER') },
  HttpRedirectionModule: { subscriptions: on('MAP_REQUEST_HANDLER') },
  DynamicCompressionModule: { subscriptions: [post('RELEASE_REQUEST_STATE'), ...on('SEND_RESPONSE')] },
  CustomLoggingModule: { subscriptions: on('LOG_REQUEST') },
  DynamicIpRestrictionModule: { subscriptions: on('END_REQUEST', 'SEND_RESPONSE'), preBeginRequest: true, sendResponseLast: true },
  HttpLoggingModule: { subscriptions: on('SEND_RESPONSE') },
  IsapiModule: { subscriptions: on('SEND_RESPONSE') },
  ProtocolSupportModule: { subscriptions: on('SEND_RESPONSE') },
  CustomErrorModule: { subscriptions: on('SEND_RESPONSE'), sendResponseLast: true },
  RequestMonitorModule: { subscriptions: [], preBeginRequest: true },
  // Fixture 29 (IIS Express 10 on Windows 10) runs it at BeginRequest, post-EndRequest and SendResponse
  // for a plain GET with no Upgrade header: it subscribes for every request. Fixtures 26 and 27 list it
  // in <modules> too and never run it: iiswsock.dll needs the WebSocket support of HTTP.sys, which
  // Windows 8 / Server 2012 (IIS 8.0) brought (webSocket configuration reference, "IIS 8.0: introduced").
  WebSocketModule: {
    subscriptions: [...on('BEGIN_REQUEST'), post('END_REQUEST'), ...on('SEND_RESPONSE')],
    when: (_c, iisVersion) => iisAtLeast(iisVersion, '8.0'),
  },
};

/** Handler modules: they run at ExecuteRequestHandler when the selected handler names them. */
export const HANDLER_MODULES: ReadonlySet<string> = new Set([
  'StaticFileModule',
  'DefaultDocumentModule',
  'DirectoryListingModule',
  'ServerSideIncludeModule',
  'CgiModule',
  'FastCgiModule',
  'IsapiModule',
  'WebDAVModule',
  'ProtocolSupportModule',
  'AspNetCoreModuleV2',
  'AspNetCoreModule',
  'ManagedPipelineHandler',
]);

/** Managed modules (from F27), by `<modules>` name; they need the CLR and, normally, a managed handler. */
export const MANAGED_MODULES: Readonly<Record<string, ModuleDefinition>> = {
  OutputCache: { subscriptions: on('RESOLVE_REQUEST_CACHE', 'UPDATE_REQUEST_CACHE') },
  Session: { subscriptions: on('REQUEST_ACQUIRE_STATE', 'RELEASE_REQUEST_STATE') },
  WindowsAuthentication: { subscriptions: on('AUTHENTICATE_REQUEST') },
  FormsAuthentication: { subscriptions: on('AUTHENTICATE_REQUEST', 'END_REQUEST'), when: (c) => c.systemWeb.authenticationMode === 'Forms' },
  DefaultAuthentication: { subscriptions: [post('AUTHENTICATE_REQUEST')] },
  RoleManager: { subscriptions: [post('AUTHENTICATE_REQUEST'), ...on('END_REQUEST')], when: (c) => c.systemWeb.roleManagerEnabled },
  UrlAuthorization: { subscriptions: on('AUTHORIZE_REQUEST') },
  FileAuthorization: { subscriptions: on('AUTHORIZE_REQUEST') },
  AnonymousIdentification: { subscriptions: [post('AUTHENTICATE_REQUEST')], when: (c) => c.systemWeb.anonymousIdentificationEnabled },
  Profile: { subscriptions: on('REQUEST_ACQUIRE_STATE', 'END_REQUEST') },
  UrlMappingsModule: { subscriptions: on('BEGIN_REQUEST'), when: (c) => c.systemWeb.urlMappingsEnabled },
  'ServiceModel-4.0': { subscriptions: [post('AUTHENTICATE_REQUEST')] },
  ServiceModel: { subscriptions: [post('AUTHENTICATE_REQUEST')] },
  'UrlRoutingModule-4.0': { subscriptions: [post('RESOLVE_REQUEST_CACHE')] },
  'ScriptModule-4.0': { subscriptions: [...on('AUTHENTICATE_REQUEST'), post('REQUEST_ACQUIRE_STATE'), ...on('END_REQUEST')] },
};

/** A managed module IIS Flow does not know: it is assumed to handle BeginRequest and EndRequest. */
export const UNKNOWN_MANAGED_MODULE: ModuleDefinition = { subscriptions: on('BEGIN_REQUEST', 'END_REQUEST') };
