/**
 * The native modules of IIS (and the common add-ons the engine knows), explained. Sources: the IIS
 * modules overview and "Introduction to IIS Architectures" (seeds/002, "Native Modules"), and where
 * each runs as seen in real Failed Request Tracing files (fact sheet §2.3, §3).
 */
import type { Description } from './description.ts';

export const NATIVE_MODULE_DESCRIPTIONS: Readonly<Record<string, Description>> = {
  HttpLoggingModule: {
    what: 'Writes the site\'s request log (W3C, IIS or NCSA format), through HTTP.sys.',
    request: 'In SendResponse it hands HTTP.sys the request\'s details (client, URL, status, bytes, time taken) for the log line. It never changes the response.',
    configuredBy: '<httpLogging>, the site\'s <logFile>, <log>.',
  },
  UriCacheModule: {
    what: 'A user-mode cache of what the server knows about a URL: its configuration and where it maps.',
    request: 'A URL seen recently skips reading the configuration and mapping the path again.',
    configuredBy: '<globalModules> only: it is loaded in every worker and has no <modules> entry.',
  },
  FileCacheModule: {
    what: 'A user-mode cache of open file handles and small files.',
    request: 'Lets a static file read recently be sent again without opening it on disk.',
    configuredBy: '<globalModules> only.',
  },
  TokenCacheModule: {
    what: 'A cache of the Windows logon tokens of users who gave a name and password.',
    request: 'Basic authentication and other modules that log a user on reuse the token instead of asking Windows again for every request.',
    configuredBy: '<globalModules> only.',
  },
  HttpCacheModule: {
    what: 'IIS\'s output cache in user mode, and the judge of what HTTP.sys may keep in its kernel cache.',
    request: 'In ResolveRequestCache it can answer from its user-mode cache. When the response is sent it decides whether HTTP.sys may cache it in the kernel (anonymous GET, no query string, frequently asked for).',
    configuredBy: '<caching> (enabled, enableKernelCache, profiles), <serverRuntime> frequentHitThreshold.',
  },
  DynamicCompressionModule: {
    what: 'Compresses responses made on the fly (ASP.NET pages, scripts) with gzip.',
    request: 'After the handler (post ReleaseRequestState) it compresses the body when the client sent Accept-Encoding and the MIME type is listed. A dynamically compressed response is never kernel-cached.',
    configuredBy: '<urlCompression doDynamicCompression>, <httpCompression> dynamicTypes.',
  },
  StaticCompressionModule: {
    what: 'Compresses static files once and keeps the compressed copy on disk.',
    request: 'In MapRequestHandler it looks for a compressed copy of the file for a client that accepts gzip, so later requests get it compressed at no CPU cost.',
    configuredBy: '<urlCompression doStaticCompression>, <httpCompression> staticTypes and directory.',
  },
  DefaultDocumentModule: {
    what: 'Serves a folder\'s default page.',
    request: 'When the URL names a folder, it tries the default documents in their order (Default.htm, index.html, iisstart.htm…) and serves the first one that exists.',
    configuredBy: '<defaultDocument> (enabled, <files>); it is one of the StaticFile handler\'s modules.',
  },
  DirectoryListingModule: {
    what: 'Lists the files of a folder.',
    request: 'When a folder has no default document: with directory browsing on it sends an HTML list of the files, otherwise IIS answers 403.14.',
    configuredBy: '<directoryBrowse enabled>; one of the StaticFile handler\'s modules.',
  },
  ProtocolSupportModule: {
    what: 'Takes care of HTTP details: the TRACE and OPTIONS verbs, custom response headers, keep-alive.',
    request: 'In SendResponse it adds the headers of <customHeaders> (X-Powered-By: ASP.NET by default). As a handler it answers OPTIONS and TRACE.',
    configuredBy: '<httpProtocol> (customHeaders, redirectHeaders, allowKeepAlive); the TRACEVerbHandler and OPTIONSVerbHandler handlers.',
  },
  HttpRedirectionModule: {
    what: 'Sends requests to another URL.',
    request: 'In MapRequestHandler, when redirection is on for the URL, it answers 301, 302, 307 or 308 with the destination, and no handler runs.',
    configuredBy: '<httpRedirect> (enabled, destination, httpResponseStatus, exactDestination).',
  },
  ServerSideIncludeModule: {
    what: 'Runs server-side include directives (#include, #echo) in .stm, .shtm and .shtml files.',
    request: 'As the handler of those files it expands the directives and sends the result.',
    configuredBy: 'The SSINC-stm, SSINC-shtm and SSINC-shtml <handlers>; <serverSideInclude>.',
  },
  StaticFileModule: {
    what: 'Sends files as they are on disk: pages, images, scripts, style sheets.',
    request: 'As the StaticFile handler it reads the file with the user\'s permissions (401.3 when NTFS says no) and sends it with the MIME type of <staticContent>; an extension with no MIME type gets 404.3. Its responses may be kernel-cached.',
    configuredBy: 'The StaticFile entry of <handlers> (last in the list), <staticContent>, <clientCache>.',
  },
  AnonymousAuthenticationModule: {
    what: 'Lets requests in without credentials.',
    request: 'It runs last in AuthenticateRequest: if no other module logged a user on, it makes the request the anonymous user (IUSR, or the pool identity when userName is empty), whose file permissions then apply.',
    configuredBy: '<security>/<authentication>/<anonymousAuthentication> (enabled, userName).',
  },
  CertificateMappingAuthenticationModule: {
    what: 'Logs a request on as the Active Directory account its client certificate maps to.',
    request: 'In AuthenticateRequest, when the request carries a client certificate and the mapping is on, the request runs as that account.',
    configuredBy: '<security>/<authentication>/<clientCertificateMappingAuthentication>, <access sslFlags>.',
  },
  IISCertificateMappingAuthenticationModule: {
    what: 'Logs a request on by mapping its client certificate to an account listed in IIS\'s own configuration.',
    request: 'In AuthenticateRequest it matches the certificate against the one-to-one or many-to-one mappings and runs the request as the mapped account.',
    configuredBy: '<security>/<authentication>/<iisClientCertificateMappingAuthentication>, <access sslFlags>.',
  },
  UrlAuthorizationModule: {
    what: 'IIS\'s URL authorization: allow and deny rules by user, role and verb.',
    request: 'In AuthorizeRequest it checks the rules; a request they refuse ends 401.2.',
    configuredBy: '<security>/<authorization> (allow and deny rules), at any level.',
  },
  BasicAuthenticationModule: {
    what: 'HTTP Basic authentication: a user name and password sent with every request.',
    request: 'In AuthenticateRequest it logs the user on with the credentials of the Authorization header (401.1 when they are wrong); in SendResponse it adds a WWW-Authenticate: Basic challenge to a 401.',
    configuredBy: '<security>/<authentication>/<basicAuthentication> (enabled, realm, defaultLogonDomain).',
  },
  WindowsAuthenticationModule: {
    what: 'Windows authentication: Negotiate (Kerberos) or NTLM, with the user\'s Windows account.',
    request: 'In AuthenticateRequest it logs the user on from the Authorization header; in SendResponse it adds the Negotiate and NTLM challenges to a 401.',
    configuredBy: '<security>/<authentication>/<windowsAuthentication> (enabled, providers).',
  },
  DigestAuthenticationModule: {
    what: 'Digest authentication: the password is proven with a hash, never sent.',
    request: 'In AuthenticateRequest it checks the Digest answer against the domain account; in SendResponse it adds its challenge to a 401.',
    configuredBy: '<security>/<authentication>/<digestAuthentication> (enabled, realm).',
  },
  IpRestrictionModule: {
    what: 'Allows or denies requests by client IP address or domain name.',
    request: 'In BeginRequest it checks the client\'s address against the rules and refuses with 403.6 (or as denyAction says), before any authentication.',
    configuredBy: '<security>/<ipSecurity> (allowUnlisted, denyAction, <add ipAddress subnetMask allowed>).',
  },
  DynamicIpRestrictionModule: {
    what: 'Blocks clients that send too many requests at once or too fast.',
    request: 'It counts each client\'s concurrent and recent requests (from GL_PRE_BEGIN_REQUEST to EndRequest) and refuses those over the limits.',
    configuredBy: '<security>/<dynamicIpSecurity> (denyByConcurrentRequests, denyByRequestRate).',
  },
  RequestFilteringModule: {
    what: 'Request filtering, IIS\'s built-in URLScan: rules about what a request may look like.',
    request: 'In BeginRequest it refuses requests with a denied file extension (404.7), a hidden segment such as /bin or /App_Data (404.8), a denied verb (404.6), double escaping (404.11), or a URL, query string or body over its limits (404.14, 404.15, 413.1).',
    configuredBy: '<security>/<requestFiltering> (fileExtensions, hiddenSegments, verbs, requestLimits, denyUrlSequences).',
  },
  CustomLoggingModule: {
    what: 'Loads custom logging providers (COM ILogPlugin) and the site\'s custom log.',
    request: 'In LogRequest it passes the request to the custom loggers.',
    configuredBy: '<httpLogging>, the site\'s <logFile customLogPluginClsid> and <customFields>.',
  },
  CustomErrorModule: {
    what: 'Sends the error pages: IIS\'s detailed page, a custom file, a URL or a redirect.',
    request: 'In SendResponse, when the status is an error, it replaces the body: by default detailed for a request from the server itself and a short custom page for a remote client.',
    configuredBy: '<httpErrors> (errorMode, existingResponse, <error statusCode subStatusCode path responseMode>).',
  },
  TracingModule: {
    what: 'Reports IIS\'s request events to Event Tracing for Windows (ETW).',
    request: 'It does not change the request: it publishes its events for tools such as logman or PerfView.',
    configuredBy: '<globalModules> only; the IIS ETW providers are switched on by the tool that listens.',
  },
  FailedRequestsTracingModule: {
    what: 'Failed Request Tracing (FREB): writes a detailed XML trace of requests that match a rule.',
    request: 'From GL_PRE_BEGIN_REQUEST on it records every event of the request (each module, notification and status); when the request ends with a matching status, time taken or severity, it writes fr000001.xml.',
    configuredBy: 'The site\'s <traceFailedRequestsLogging>, and <tracing>/<traceFailedRequests> rules.',
  },
  RequestMonitorModule: {
    what: 'Keeps the list of requests running in the worker process (the Runtime Status and Control API).',
    request: 'It notes each request from GL_PRE_BEGIN_REQUEST until it ends, so that appcmd list requests or IIS Manager\'s Worker Processes page can show it.',
    configuredBy: '<globalModules>; there is nothing to set.',
  },
  IsapiModule: {
    what: 'Hosts ISAPI extensions: DLLs such as asp.dll (classic ASP) and aspnet_isapi.dll (ASP.NET in Classic mode).',
    request: 'As a handler it runs the extension the handler names, which makes the response. An extension the restriction list does not allow gets 404.2.',
    configuredBy: 'Handlers with modules="IsapiModule" and their scriptProcessor; <security>/<isapiCgiRestriction>.',
  },
  IsapiFilterModule: {
    what: 'Hosts ISAPI filters: old-style DLLs that watch every request.',
    request: 'It calls the filters at the matching moments: the raw headers before BeginRequest, the path mapping, authentication and its end, and the response being sent.',
    configuredBy: '<isapiFilters> (server and site).',
  },
  CgiModule: {
    what: 'Runs CGI programs, one process per request.',
    request: 'As a handler it starts the program (for example an .exe), passes it the request and sends its output (502.1 on timeout, 502.2 when it exits early).',
    configuredBy: 'Handlers with modules="CgiModule"; <cgi>, <security>/<isapiCgiRestriction>.',
  },
  FastCgiModule: {
    what: 'Runs FastCGI applications such as PHP in long-lived processes.',
    request: 'As a handler it sends the request to a process of the application\'s pool and relays the answer.',
    configuredBy: 'Handlers with modules="FastCgiModule"; <fastCgi> (<application fullPath arguments>).',
  },
  WebDAVModule: {
    what: 'WebDAV publishing: PUT, PROPFIND, MKCOL, LOCK and the other authoring verbs.',
    request: 'As the WebDAV handler (first in <handlers>) it carries out the authoring verbs when WebDAV authoring is on.',
    configuredBy: '<webdav> (authoring, authoringRules), the WebDAV entry of <handlers>.',
  },
  ConfigurationValidationModule: {
    what: 'Checks that an application\'s configuration suits Integrated mode.',
    request: 'In BeginRequest it answers 500.22, 500.23 or 500.24 when web.config still sets system.web httpModules, httpHandlers or identity impersonation, which Integrated mode ignores.',
    configuredBy: '<validation validateIntegratedModeConfiguration> under <system.webServer>.',
  },
  WebSocketModule: {
    what: 'Supports the WebSocket protocol.',
    request: 'For a request with Upgrade: websocket it lets the application accept the upgrade, and after EndRequest hands the open connection over to it.',
    configuredBy: '<webSocket> (enabled, receiveBufferLimit, pingInterval).',
  },
  ApplicationInitializationModule: {
    what: 'Warms applications up before real users arrive, and can show a page meanwhile.',
    request: 'When the worker starts it sends the warm-up requests; while they run it can answer other requests with a splash page instead of making them wait.',
    configuredBy: '<applicationInitialization> (remapManagedRequestsTo, <add initializationPage>), with startMode="AlwaysRunning" and preloadEnabled.',
  },
  ManagedEngine: {
    what: 'The bridge to ASP.NET (webengine.dll, webengine4.dll): it lets managed modules and handlers take part in the integrated pipeline. One entry per CLR version and bitness, chosen by its preCondition.',
    request: 'When a request needs managed code it creates the application\'s AppDomain (the first time) and runs the managed modules in their notifications. It loads only in Integrated pools with a matching CLR.',
    configuredBy: '<globalModules> entries ManagedEngine, ManagedEngine64, ManagedEngineV4.0_32bit and ManagedEngineV4.0_64bit; the pool\'s managedPipelineMode, managedRuntimeVersion and enable32BitAppOnWin64.',
  },
  RewriteModule: {
    what: 'URL Rewrite (an add-on): rewrites or redirects requests by rules, and rewrites responses.',
    request: 'Global rules run in GL_PRE_BEGIN_REQUEST, the site\'s rules in BeginRequest; outbound rules change the response after ReleaseRequestState and in SendResponse.',
    configuredBy: '<rewrite> (globalRules, rules, outboundRules, rewriteMaps).',
  },
  WebMatrixSupportModule: {
    what: 'An IIS Express module for WebMatrix and Visual Studio development servers.',
    request: 'It takes part in BeginRequest and SendResponse to support the development tools.',
    configuredBy: 'IIS Express\'s applicationhost.config.',
  },
  AspNetCoreModuleV2: {
    what: 'The ASP.NET Core Module: runs an ASP.NET Core application, inside w3wp.exe or as a separate process behind IIS.',
    request: 'As the handler (path="*") it passes the request to the app (in process, or to Kestrel out of process) and relays the response; 502.5 and 500.3x when the app fails to start.',
    configuredBy: 'The aspNetCore entry of <handlers> and <aspNetCore processPath arguments hostingModel> in web.config.',
  },
  AspNetCoreModule: {
    what: 'The first ASP.NET Core Module: forwards requests to an ASP.NET Core app running in its own process.',
    request: 'As the handler it starts the app\'s process if needed and forwards the request to it.',
    configuredBy: 'The aspNetCore entry of <handlers> and <aspNetCore> in web.config.',
  },
  ManagedPipelineHandler: {
    what: 'The handler that runs ASP.NET\'s IHttpHandlers (pages, .ashx, MVC) in the integrated pipeline.',
    request: 'In MapRequestHandler ASP.NET picks its handler; in ExecuteRequestHandler the page or controller makes the response; it finishes after EndRequest.',
    configuredBy: 'The managed <handlers> (type="System.Web.UI.PageHandlerFactory"…), which default to modules="ManagedPipelineHandler".',
  },
};
