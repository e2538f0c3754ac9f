/**
 * The managed (ASP.NET) modules of a full install, explained. They run inside the AppDomain that
 * ManagedEngine creates; by default only for requests whose handler is managed (preCondition
 * "managedHandler", unless runAllManagedModulesForAllRequests). Sources: "Introduction to IIS
 * Architectures" (seeds/002, "Managed Modules") and the fact sheet §2.3–§2.4.
 */
import type { Description } from './description.ts';

export const MANAGED_MODULE_DESCRIPTIONS: Readonly<Record<string, Description>> = {
  OutputCache: {
    what: 'ASP.NET\'s output cache: whole pages kept in memory.',
    request: 'In ResolveRequestCache it answers from the cache when it holds the page; in UpdateRequestCache it stores a new one.',
    configuredBy: '<system.web>/<caching>/<outputCache>, OutputCache directives, and <caching> profiles.',
  },
  Session: {
    what: 'ASP.NET session state: data kept for one visitor between requests.',
    request: 'In AcquireRequestState it loads the visitor\'s session (by its cookie) and locks it; in ReleaseRequestState it saves and unlocks it.',
    configuredBy: '<system.web>/<sessionState> (mode InProc, StateServer or SQLServer, timeout, cookieless).',
  },
  WindowsAuthentication: {
    what: 'ASP.NET\'s side of Windows authentication.',
    request: 'In AuthenticateRequest it gives the ASP.NET application the Windows user IIS logged on (HttpContext.User).',
    configuredBy: '<system.web>/<authentication mode="Windows">, with IIS\'s <windowsAuthentication> enabled.',
  },
  FormsAuthentication: {
    what: 'ASP.NET Forms authentication: a login page and an authentication cookie.',
    request: 'In AuthenticateRequest it reads the cookie and sets the user; in EndRequest it turns a 401 into a 302 to the login page. In Integrated mode it can protect static files too, when it runs for every request.',
    configuredBy: '<system.web>/<authentication mode="Forms"><forms loginUrl>, and <modules> (remove its managedHandler precondition, or runAllManagedModulesForAllRequests).',
  },
  DefaultAuthentication: {
    what: 'Makes sure every ASP.NET request has a user object.',
    request: 'In PostAuthenticateRequest, when no module set a user, it sets an anonymous one, so the application never finds none.',
    configuredBy: '<system.web>/<authentication>.',
  },
  RoleManager: {
    what: 'ASP.NET role management: the roles of the current user.',
    request: 'In PostAuthenticateRequest it attaches the user\'s roles (from a cookie or the role provider), which URL authorization can then use.',
    configuredBy: '<system.web>/<roleManager enabled> and its providers.',
  },
  UrlAuthorization: {
    what: 'ASP.NET URL authorization: allow and deny rules by user and role.',
    request: 'In AuthorizeRequest it checks the <system.web> rules and refuses with 401, which Forms authentication turns into a redirect to the login page.',
    configuredBy: '<system.web>/<authorization> (<allow>, <deny users="?">), in web.config or a <location>.',
  },
  FileAuthorization: {
    what: 'Checks the file\'s NTFS permissions for the Windows user, in ASP.NET.',
    request: 'In AuthorizeRequest, with Windows authentication, it refuses a user the file\'s access list does not let read it (401.3).',
    configuredBy: 'The file\'s NTFS permissions; it acts only with <system.web>/<authentication mode="Windows">.',
  },
  AnonymousIdentification: {
    what: 'Gives anonymous visitors an ID, so that features such as Profile can remember them.',
    request: 'In PostAuthenticateRequest it reads or issues the anonymous ID cookie.',
    configuredBy: '<system.web>/<anonymousIdentification enabled>.',
  },
  Profile: {
    what: 'ASP.NET profiles: per-user settings kept in a data store.',
    request: 'In AcquireRequestState it makes the user\'s profile available; in EndRequest it saves what changed.',
    configuredBy: '<system.web>/<profile> (enabled, properties, providers).',
  },
  UrlMappingsModule: {
    what: 'Maps a friendly URL to a real one, inside ASP.NET.',
    request: 'In BeginRequest it rewrites a URL listed in the mappings to its target before anything else sees it.',
    configuredBy: '<system.web>/<urlMappings enabled> with <add url mappedUrl>.',
  },
  'UrlRoutingModule-4.0': {
    what: 'ASP.NET routing: URLs that name no file, matched to routes (MVC, Web API, Web Pages).',
    request: 'In PostResolveRequestCache it matches the URL against the application\'s routes and picks the route\'s handler.',
    configuredBy: 'The routes the application registers; the module in <modules> (preCondition managedHandler,runtimeVersionv4.0).',
  },
  UrlRoutingModule: {
    what: 'ASP.NET routing for .NET 3.5 (System.Web.Routing).',
    request: 'In PostResolveRequestCache it matches the URL against the application\'s routes and picks the route\'s handler.',
    configuredBy: 'The routes the application registers; the module in <modules>.',
  },
  'ScriptModule-4.0': {
    what: 'ASP.NET AJAX\'s module: page methods and script services.',
    request: 'It takes part in AuthenticateRequest, after AcquireRequestState (page-method calls) and in EndRequest, for AJAX requests.',
    configuredBy: 'The module in <modules> (preCondition managedHandler,runtimeVersionv4.0), System.Web.Extensions.',
  },
  'ServiceModel-4.0': {
    what: 'WCF\'s HTTP module: it hosts .svc services in the pipeline.',
    request: 'In PostAuthenticateRequest it takes requests for WCF services and hands them to the service host.',
    configuredBy: '<system.serviceModel> (serviceHostingEnvironment), the module in <modules>.',
  },
  ServiceModel: {
    what: 'WCF\'s HTTP module for .NET 3.5: it hosts .svc services in the pipeline.',
    request: 'In PostAuthenticateRequest it takes requests for WCF services and hands them to the service host.',
    configuredBy: '<system.serviceModel>, the module in <modules>.',
  },
};
