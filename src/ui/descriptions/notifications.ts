/**
 * The pipeline's notifications, explained: the twelve deterministic ones in order (each with its
 * post-event), the non-deterministic MapPath and SendResponse, and the global GL_PRE_BEGIN_REQUEST.
 * Order and names: httpserv.h's RQ_* constants (IIS docs, request-processing-constants.md and
 * chttpmodule-class.md; fact sheet §2.1, §2.3); which modules run where: fact sheet §2.3.
 */
import type { Notification } from '../../engine/index.ts';
import type { Description } from './description.ts';

/** The notifications the graph draws: the engine's, and the global stage before BeginRequest. */
export type PipelineStageName = Notification | 'PRE_BEGIN_REQUEST';

/** The notifications that have a post-event (OnPost… in CHttpModule); MapPath and SendResponse have none. */
export type DeterministicNotification = Exclude<Notification, 'SEND_RESPONSE' | 'MAP_PATH'>;

export const NOTIFICATION_DESCRIPTIONS: Readonly<Record<PipelineStageName, Description>> = {
  PRE_BEGIN_REQUEST: {
    what: 'GL_PRE_BEGIN_REQUEST: a global notification, raised once for each request before the request pipeline starts. Only global modules see it.',
    request: 'Server-wide modules act first: Failed Request Tracing starts its trace, the request monitor notes the request, ISAPI filters read the raw headers, and dynamic IP restrictions or URL Rewrite\'s global rules can stop or rewrite the request here.',
    configuredBy: '<globalModules>, and each module\'s own section (<dynamicIpSecurity>, <rewrite><globalRules>, <isapiFilters>).',
  },
  MAP_PATH: {
    what: 'MapPath: raised whenever the server turns the URL into a physical path. It fires when needed rather than at a fixed step.',
    request: 'A module may change the physical path the URL maps to; ISAPI filters hear of it here (SF_NOTIFY_URL_MAP).',
    configuredBy: 'The <application> and <virtualDirectory physicalPath="…"> of the site under <sites>.',
  },
  BEGIN_REQUEST: {
    what: 'BeginRequest: the first step of the request pipeline.',
    request: 'Modules that must judge the request before anything else run here: request filtering (blocked extensions, hidden segments, URL and header limits: 404.x), IP and domain restrictions (403.6), configuration validation (500.22 to 500.24 for <system.web> settings in Integrated mode), URL Rewrite. Any of them can end the request at once.',
    configuredBy: '<requestFiltering>, <ipSecurity>, <validation> and <rewrite> under <system.webServer>.',
  },
  AUTHENTICATE_REQUEST: {
    what: 'AuthenticateRequest: the step where IIS finds out who is asking.',
    request: 'Each enabled authentication module checks the credentials the request carries (Basic, Windows, Digest, client certificates). AnonymousAuthenticationModule runs last and, if nobody logged on, makes the request the anonymous user. If no module sets a user, IIS answers 401.2.',
    configuredBy: '<security>/<authentication> (anonymousAuthentication, basicAuthentication, windowsAuthentication, digestAuthentication…); for ASP.NET Forms authentication, <system.web>/<authentication mode="Forms">.',
  },
  AUTHORIZE_REQUEST: {
    what: 'AuthorizeRequest: the step where IIS decides whether that user may have this URL.',
    request: 'URL Authorization compares the user and roles with the allow and deny rules and refuses with 401.2. In managed requests ASP.NET\'s UrlAuthorization and FileAuthorization check too.',
    configuredBy: '<security>/<authorization> for IIS, <system.web>/<authorization> for ASP.NET, and the file\'s NTFS permissions.',
  },
  RESOLVE_REQUEST_CACHE: {
    what: 'ResolveRequestCache: the step where a cached response may answer the request.',
    request: 'The output caches (HttpCacheModule in IIS, OutputCache in ASP.NET) look for a stored response for this URL; when one is found it is sent and the handler never runs.',
    configuredBy: '<caching> profiles under <system.webServer>, and <system.web>/<caching> or OutputCache directives for ASP.NET.',
  },
  MAP_REQUEST_HANDLER: {
    what: 'MapRequestHandler: the step where IIS chooses the handler, the module that will make the response.',
    request: 'The first <handlers> entry whose path, verb and precondition match wins. IIS Web Core answers 404.0 here when the file does not exist; HTTP Redirection answers its redirects here; static compression looks for a compressed copy of the file.',
    configuredBy: '<handlers> (their order matters), <httpRedirect>, <urlCompression>.',
  },
  REQUEST_ACQUIRE_STATE: {
    what: 'AcquireRequestState: the step where the request\'s state is loaded.',
    request: 'In ASP.NET requests the Session module loads the user\'s session and Profile the user\'s profile, so the handler can use them. Static files have nothing to load.',
    configuredBy: '<system.web>/<sessionState> and <profile> in web.config.',
  },
  PRE_EXECUTE_REQUEST_HANDLER: {
    what: 'PreExecuteRequestHandler (PreRequestHandlerExecute in ASP.NET): the last step before the handler runs.',
    request: 'A module can look at or change the request now that its handler and state are known. Few modules use it.',
    configuredBy: 'The modules of <modules> that subscribe to it (custom ones, mostly).',
  },
  EXECUTE_REQUEST_HANDLER: {
    what: 'ExecuteRequestHandler: the step where the handler makes the response.',
    request: 'The module the handler mapping names does the work: StaticFileModule sends a file, DefaultDocumentModule serves a folder\'s default page, DirectoryListingModule lists a folder (or 403.14), IsapiModule runs ISAPI extensions such as ASP, CgiModule and FastCgiModule run scripts, ManagedPipelineHandler hands the request to an ASP.NET handler, AspNetCoreModuleV2 to an ASP.NET Core app.',
    configuredBy: 'The chosen <handlers> entry; <defaultDocument>, <directoryBrowse>, <staticContent>, <isapiCgiRestriction>, <fastCgi>.',
  },
  RELEASE_REQUEST_STATE: {
    what: 'ReleaseRequestState: the step after the handler where the request\'s state is saved.',
    request: 'ASP.NET\'s Session module saves and releases the session. In the post-event the response body is final, so dynamic compression and URL Rewrite\'s outbound rules work on it there.',
    configuredBy: '<system.web>/<sessionState>; <urlCompression doDynamicCompression>, <rewrite><outboundRules>.',
  },
  UPDATE_REQUEST_CACHE: {
    what: 'UpdateRequestCache: the step where the response may be stored in an output cache.',
    request: 'Output cache modules keep the response so that ResolveRequestCache can answer the next request for the URL. Whether HTTP.sys may keep it in the kernel cache is decided later, when it is sent.',
    configuredBy: '<caching> profiles, and <system.web>/<caching> for ASP.NET.',
  },
  LOG_REQUEST: {
    what: 'LogRequest: the step where the request is logged.',
    request: 'Custom logging modules write their entries. The site\'s own W3C log is written by HTTP.sys from what HttpLoggingModule hands it in SendResponse.',
    configuredBy: '<httpLogging>, the site\'s <logFile>, and <log> in applicationHost.config.',
  },
  END_REQUEST: {
    what: 'EndRequest: the last step of the pipeline. It runs even when a module ended the request early.',
    request: 'Modules finish up: dynamic IP restrictions count the request, Forms authentication turns a 401 into a redirect to its login page, ASP.NET releases what the request held.',
    configuredBy: '<dynamicIpSecurity>; <system.web>/<authentication> (the forms loginUrl).',
  },
  SEND_RESPONSE: {
    what: 'SendResponse: raised when the response goes out, after EndRequest. It fires when needed rather than at a fixed step, and its module priorities run in reverse.',
    request: 'Modules touch the outgoing response: CustomErrorModule replaces an error\'s body with the configured page (detailed for local clients, custom for remote ones by default), ProtocolSupportModule adds custom headers such as X-Powered-By, Basic and Windows authentication add their challenge to a 401, HttpLoggingModule hands the log data to HTTP.sys.',
    configuredBy: '<httpErrors>, <httpProtocol>/<customHeaders>, <httpLogging>.',
  },
};

/** The post-events: each runs right after its notification, before the next one (OnPost… in CHttpModule). */
export const POST_NOTIFICATION_DESCRIPTIONS: Readonly<Record<DeterministicNotification, Description>> = {
  BEGIN_REQUEST: {
    what: 'PostBeginRequest: runs once every BeginRequest module has let the request through, before authentication.',
    request: 'A module can act on a request that request filtering and IP restrictions have accepted.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  AUTHENTICATE_REQUEST: {
    what: 'PostAuthenticateRequest: runs once the user is known.',
    request: 'ASP.NET\'s DefaultAuthentication makes sure a user object exists, RoleManager attaches the user\'s roles, AnonymousIdentification gives anonymous users an ID, ISAPI filters hear SF_NOTIFY_AUTH_COMPLETE, and WCF\'s ServiceModel takes its service requests here.',
    configuredBy: '<system.web>/<roleManager> and <anonymousIdentification>; <isapiFilters>.',
  },
  AUTHORIZE_REQUEST: {
    what: 'PostAuthorizeRequest: runs once the request is allowed.',
    request: 'A module can act knowing that this user may have this URL, for example to prepare per-user data.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  RESOLVE_REQUEST_CACHE: {
    what: 'PostResolveRequestCache: runs when no cached response answered the request.',
    request: 'ASP.NET\'s UrlRoutingModule-4.0 matches the URL against the application\'s routes here and picks the route\'s handler (MVC, Web API, Web Pages).',
    configuredBy: 'The routes the application registers (RouteTable), and UrlRoutingModule-4.0 in <modules>.',
  },
  MAP_REQUEST_HANDLER: {
    what: 'PostMapRequestHandler: runs once the handler is chosen.',
    request: 'A module can see the chosen handler (managed code may replace it) before the request\'s state is loaded.',
    configuredBy: '<handlers>, where the chosen handler comes from.',
  },
  REQUEST_ACQUIRE_STATE: {
    what: 'PostAcquireRequestState: runs once the session and profile are loaded.',
    request: 'Modules that need the session use this point; ASP.NET AJAX\'s ScriptModule-4.0 handles page-method calls here.',
    configuredBy: '<system.web>/<sessionState>; ScriptModule-4.0 in <modules>.',
  },
  PRE_EXECUTE_REQUEST_HANDLER: {
    what: 'PostPreExecuteRequestHandler: runs just before the handler starts.',
    request: 'A last look at the request before the response is made; hardly any module uses it.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  EXECUTE_REQUEST_HANDLER: {
    what: 'PostExecuteRequestHandler (PostRequestHandlerExecute in ASP.NET): runs once the handler has made the response.',
    request: 'Modules can inspect or filter the response before the request\'s state is released.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  RELEASE_REQUEST_STATE: {
    what: 'PostReleaseRequestState: runs once the state is saved; the response body is final here.',
    request: 'DynamicCompressionModule compresses the response with gzip, and URL Rewrite\'s outbound rules rewrite it, before any cache stores it.',
    configuredBy: '<urlCompression doDynamicCompression>, <httpCompression>, <rewrite><outboundRules>.',
  },
  UPDATE_REQUEST_CACHE: {
    what: 'PostUpdateRequestCache: runs once the output caches have had their chance to store the response.',
    request: 'A module can act on a response that may now be cached.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  LOG_REQUEST: {
    what: 'PostLogRequest: runs after the logging modules.',
    request: 'A last chance to record something about the request before EndRequest.',
    configuredBy: 'The modules of <modules> that subscribe to it.',
  },
  END_REQUEST: {
    what: 'PostEndRequest: runs after EndRequest, as the response is about to be sent.',
    request: 'WebSocketModule hands an upgraded connection over to the application, and ASP.NET\'s handler finishes its work.',
    configuredBy: '<webSocket>; the ManagedPipelineHandler of <handlers>.',
  },
};

/** BeginRequest → PostBeginRequest, as learners know the post-events (HttpApplication's names where they differ). */
export function postEventName(displayName: string): string {
  if (displayName === 'ExecuteRequestHandler') return 'PostExecuteRequestHandler';
  return `Post${displayName}`;
}
