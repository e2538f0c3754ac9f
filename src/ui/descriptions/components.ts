/**
 * The components of the architecture graph, explained. Sources: "Introduction to IIS Architectures"
 * (seeds/002), the seeds' request flow (seeds/000), and the fact sheet (research/iis-facts.md §1, §5–§7).
 */
import type { Description } from './description.ts';

export type ComponentKey =
  | 'band:user'
  | 'band:kernel'
  | 'client'
  | 'httpsys'
  | 'httpsys:listener'
  | 'httpsys:urlgroups'
  | 'httpsys:cache'
  | 'queue'
  | 'svchost'
  | 'was'
  | 'w3svc'
  | 'config'
  | 'adapter'
  | 'pool'
  | 'pools:more'
  | 'worker'
  | 'appDomain';

export const COMPONENT_DESCRIPTIONS: Readonly<Record<ComponentKey, Description>> = {
  'band:user': {
    what: 'User mode: the services and processes an administrator can see in Task Manager and stop or restart: svchost.exe with WAS and W3SVC, and the w3wp.exe worker processes.',
    request: 'A request comes up here only when HTTP.sys cannot answer it alone: a worker process takes it from its queue and runs the modules.',
    configuredBy: 'applicationHost.config, which WAS reads.',
  },
  'band:kernel': {
    what: 'Kernel mode: code that runs inside Windows itself, with full access to memory and hardware. For IIS that is HTTP.sys, which ships with Windows.',
    request: 'Every request enters and leaves the server here. What is done here (a cached answer, a 400 or a 503) costs no switch to a user-mode process.',
    configuredBy: 'Set up by W3SVC on behalf of IIS; HTTP.sys limits live in the registry (HTTP\\Parameters).',
  },
  client: {
    what: 'The program that asks for a page: a browser, curl, or another server.',
    request: 'It opens a TCP connection to an IP address and port the server listens on, sends the HTTP request with its Host header, and waits for the response HTTP.sys sends back.',
    configuredBy: 'Nothing on the server: the Request panel sets its method, URL, headers, client IP and user.',
  },
  httpsys: {
    what: 'HTTP.sys, the kernel-mode HTTP driver of Windows (the HTTP Server API). IIS listens for HTTP through it rather than opening sockets itself.',
    request: 'It receives and parses every request before any IIS process sees it, refuses malformed ones, answers from its kernel cache when it can, and otherwise routes the request by URL to the request queue of an application pool. Later it sends the worker\'s response to the client.',
    configuredBy: 'W3SVC registers the <sites> bindings and one queue per pool of <applicationPools>; timeouts come from <webLimits>.',
  },
  'httpsys:listener': {
    what: 'The listening end of HTTP.sys: the TCP ports (and IP addresses) named by the sites\' bindings.',
    request: 'It accepts the connection, decrypts HTTPS with the certificate bound to the IP and port (or host name, with SNI), and reads the request line and headers. A request it cannot parse gets 400 from here, and user mode never hears of it.',
    configuredBy: 'The bindingInformation (IP:port:host name) of each <binding> under <sites>; HTTPS certificates are bound with netsh http add sslcert.',
  },
  'httpsys:urlgroups': {
    what: 'URL groups: one per started site, holding the URL prefixes W3SVC registered from the site\'s bindings, each tied to a request queue.',
    request: 'HTTP.sys matches the request\'s host name, IP and port against them: a binding with a host name beats one with only an IP, which beats a wildcard *:port. No match at all: 400 Bad Request - Invalid Hostname, from HTTP.sys.',
    configuredBy: '<sites>/<site>/<bindings>; a site with serverAutoStart="false" (stopped) has no URL group, so its bindings answer nothing.',
  },
  'httpsys:cache': {
    what: 'The kernel response cache: whole responses kept by HTTP.sys in kernel memory.',
    request: 'A GET for a cached URL is answered straight from kernel mode: no worker process, no module, no context switch. Only anonymous GET responses without a query string, asked for often enough (twice within 10 seconds by default), are kept; a change to the file throws them out.',
    configuredBy: '<caching> (enabled, enableKernelCache, profiles with kernelCachePolicy) and <serverRuntime> frequentHitThreshold and frequentHitTimePeriod.',
  },
  queue: {
    what: 'A request queue in HTTP.sys: one per application pool, named after the pool.',
    request: 'It holds the requests routed to the pool until one of its worker processes takes them; while WAS starts the first worker they wait here. When it already holds queueLength requests, HTTP.sys answers 503 Service Unavailable itself, and the queue of a stopped pool answers 503 at once.',
    configuredBy: 'queueLength (default 1000) and autoStart on the pool\'s <add> in <applicationPools>.',
  },
  svchost: {
    what: 'svchost.exe, the Windows service host. One of them (the iissvcs group) runs both WAS and W3SVC as LocalSystem; they share the same binaries.',
    request: 'It does not touch requests itself: the two services it hosts set HTTP.sys up and start the worker processes. In IIS 6.0, W3SVC alone did both jobs and read the metabase instead.',
    configuredBy: 'The Windows services "Windows Process Activation Service" and "World Wide Web Publishing Service".',
  },
  was: {
    what: 'Windows Process Activation Service (WAS): the manager of application pools and their worker processes, for HTTP and non-HTTP protocols alike.',
    request: 'When a request waits in a pool\'s queue and no w3wp.exe serves that pool, WAS starts one. It also pings the workers, recycles them, shuts them down when idle, and stops a pool whose workers keep crashing (rapid-fail protection), after which HTTP.sys answers its requests 503.',
    configuredBy: 'It reads applicationHost.config: <applicationPools> (processModel, recycling, failure), <sites> and <listenerAdapters>, passes what they need to the listener adapters, and hears of every change to the file.',
  },
  w3svc: {
    what: 'World Wide Web Publishing Service (W3SVC, the WWW service). Since IIS 7 it is the listener adapter for HTTP; it no longer manages worker processes.',
    request: 'Before any request arrives it has configured HTTP.sys (a URL group per started site, a request queue per pool), and it updates HTTP.sys when the configuration changes. When a request lands in a queue with no worker, it tells WAS. It also keeps the Web Service performance counters.',
    configuredBy: 'What WAS passes it from <sites> (bindings, serverAutoStart), <applicationPools> and <webLimits>.',
  },
  config: {
    what: 'applicationHost.config, in %windir%\\System32\\inetsrv\\config: the root configuration file of IIS.',
    request: 'It decides how every request is handled. WAS and W3SVC read its sites, bindings and pools; each worker process reads its <system.webServer> sections, merged with the web.config files along the URL, to know which modules, handlers and rules apply.',
    configuredBy: 'Itself: <system.applicationHost> (sites, applicationPools, listenerAdapters, webLimits), <system.webServer> (globalModules, modules, handlers and the features), and <configSections>, which says what a web.config may override. Edit it in the XML tab or the Server and Settings tabs.',
  },
  adapter: {
    what: 'A WCF listener adapter: a Windows service that listens for a protocol other than HTTP (net.tcp, net.pipe or MSMQ) itself, without HTTP.sys.',
    request: 'A message for an application arrives at the adapter, which asks WAS to activate the application\'s pool and hands the message to its worker process. W3SVC and HTTP.sys play no part.',
    configuredBy: '<listenerAdapters> in applicationHost.config, a site <binding> with that protocol, and the application\'s enabledProtocols.',
  },
  pool: {
    what: 'An application pool: applications served by the same worker processes, under one identity, kept apart from other pools by a process boundary.',
    request: 'Requests for its applications wait in its HTTP.sys queue until one of its w3wp.exe processes takes them. Its managedPipelineMode (Integrated or Classic) and .NET CLR version decide how ASP.NET takes part; its recycling, idle timeout and rapid-fail settings decide when its workers start and stop.',
    configuredBy: '<applicationPools>/<add> (processModel, recycling, failure, cpu), with <applicationPoolDefaults>; each <application applicationPool="…"> says which pool serves it.',
  },
  'pools:more': {
    what: 'Application pools not drawn, so that a large server stays readable.',
    request: 'Their requests run as in any pool; a pool is drawn as soon as one of its worker processes starts.',
    configuredBy: '<applicationPools>; select this node and choose "Show all application pools" to draw them all.',
  },
  worker: {
    what: 'w3wp.exe, a worker process: the program that runs a pool\'s applications, under the pool\'s identity (IIS AppPool\\<pool>).',
    request: 'It takes requests from its pool\'s queue and runs each through the integrated pipeline: the Web Server Core raises the notifications in order, and the native and managed modules subscribed to each one do their part. The handler makes the response, which goes back to HTTP.sys.',
    configuredBy: 'WAS starts it with the pool\'s processModel; it loads the native modules of <globalModules>, and for each URL the <modules> and <handlers> merged with web.config.',
  },
  appDomain: {
    what: 'An AppDomain: the walled-off area inside w3wp.exe where one ASP.NET application\'s managed code runs.',
    request: 'The ManagedEngine module (webengine4.dll) creates it the first time a request needs managed code, and later requests reuse it. Managed modules such as FormsAuthentication and Session, and ASP.NET handlers, run inside it.',
    configuredBy: 'The pool\'s managedRuntimeVersion ("No Managed Code" means none) and <system.web> in web.config; a change to web.config or the bin folder restarts it.',
  },
};

/** What each WCF listener adapter listens on (the rest of its description is the adapter's). */
export const ACTIVATOR_PROTOCOLS: Readonly<Record<string, string>> = {
  NetTcpActivator: 'NetTcpActivator listens for net.tcp (TCP port 808 by default), sharing ports through the Net.Tcp Port Sharing service.',
  NetPipeActivator: 'NetPipeActivator listens for net.pipe: named pipes, for callers on the same machine.',
  NetMsmqActivator: 'NetMsmqActivator watches Message Queuing queues, for net.msmq and msmq.formatname.',
};
