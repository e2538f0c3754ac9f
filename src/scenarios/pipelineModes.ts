/**
 * Scenarios about what runs inside w3wp.exe: the same application in an Integrated and a Classic pool,
 * and removing modules to shrink the attack surface (introduction-to-iis-architecture.md, seeds/002).
 */
import { APPLICATION_HOST, keyedStep, type ConfigEdit } from '../config/index.ts';
import { get, send } from './helpers.ts';
import type { Scenario } from './types.ts';

const ROOT_APPLICATION = '<virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />\n                </application>';
const application = (path: string, pool: string): string =>
  `\n                <application path="${path}" applicationPool="${pool}">\n                    <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />\n                </application>`;

export const pipelinesSideBySide: Scenario = {
  id: 'pipelines-side-by-side',
  title: 'The same application in an Integrated and a Classic pool',
  summary: '/integrated and /classic share one folder; .NET v4.5 runs ASP.NET in the IIS pipeline, .NET v4.5 Classic through aspnet_isapi.dll.',
  workspace: { config: [[ROOT_APPLICATION, `${ROOT_APPLICATION}${application('/integrated', '.NET v4.5')}${application('/classic', '.NET v4.5 Classic')}`]] },
  steps: [
    {
      title: 'One folder, two applications, two pools',
      text: 'Default Web Site has two applications over the same files (wwwroot): /integrated in the pool ".NET v4.5" (managedPipelineMode Integrated) and /classic in ".NET v4.5 Classic" (managedPipelineMode Classic). GET /integrated/hello.aspx: its pool has no worker, so WAS starts one.',
      highlight: ['pool:.NET v4.5', 'was'],
      actions: [send('/integrated/hello.aspx')],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'Integrated: ASP.NET inside the IIS pipeline',
      text: 'Handler mapping picks PageHandlerFactory-Integrated-4.0 (preCondition integratedMode). ManagedEngine (webengine4.dll) loads the CLR and creates the application\'s AppDomain; the managed modules run at IIS\'s own notifications, beside the native ones, and ManagedPipelineHandler renders the page.',
      highlight: ['worker@.NET v4.5'],
      pauseAt: { event: 'APPDOMAIN_CREATED' },
    },
    {
      title: 'Classic: another pool, another process',
      text: 'GET /classic/hello.aspx goes to the ".NET v4.5 Classic" queue. WAS starts a second w3wp.exe: the two applications are separated by a process boundary, whatever their pipeline mode.',
      highlight: ['pool:.NET v4.5 Classic', 'was'],
      actions: [send('/classic/hello.aspx')],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'Classic: ASP.NET through aspnet_isapi.dll',
      text: 'Here handler mapping picks PageHandlerFactory-ISAPI-4.0_64bit (preCondition classicMode,runtimeVersionv4.0,bitness64). IsapiModule hands the request to aspnet_isapi.dll, which runs ASP.NET\'s own pipeline inside the ISAPI extension, as IIS 6.0 did. The managed modules of system.webServer/modules do not run in this pool.',
      highlight: ['worker@.NET v4.5 Classic'],
      pauseAt: { event: 'HANDLER_CHANGED' },
    },
    {
      title: 'Both pages, the same files',
      text: 'The page comes back 200 from both, decided by ManagedPipelineHandler in one and IsapiModule in the other. Pick Classic only for an application that fails in Integrated mode.',
      highlight: ['httpsys:listener', 'client'],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
  ],
  questions: [
    { prompt: 'GET /classic/iisstart.htm: status, and who decides it?', request: get('/classic/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'A static file: the native StaticFileModule serves it in either mode; aspnet_isapi.dll is not involved.' },
    { prompt: 'GET /integrated/missing.aspx?', request: get('/integrated/missing.aspx'), answer: { status: '404.0', decidedBy: 'ManagedPipelineHandler' }, why: 'The .aspx handler is managed and finds no file: ASP.NET answers 404 through ManagedPipelineHandler.' },
    { prompt: 'GET /classic/missing.aspx?', request: get('/classic/missing.aspx'), answer: { status: '404.0', decidedBy: 'IsapiModule' }, why: 'The same 404 from ASP.NET, but in Classic mode it comes out of aspnet_isapi.dll, so IIS sees IsapiModule decide it.' },
  ],
};

const SERVER_MODULES = `${keyedStep('location', { path: '' })}/system.webServer`;
/** Removed from globalModules (not loaded into w3wp.exe) and from the server's modules (not enabled). */
const REMOVED_MODULES = ['WebDAVModule', 'CgiModule', 'ServerSideIncludeModule'];
/** The default handler mappings that name those modules. */
const REMOVED_HANDLERS = ['WebDAV', 'CGI-exe', 'SSINC-stm', 'SSINC-shtm', 'SSINC-shtml'];

const removeModules: ConfigEdit = {
  op: 'batch',
  edits: REMOVED_MODULES.flatMap((name): ConfigEdit[] => [
    { op: 'removeElement', file: APPLICATION_HOST, path: `system.webServer/globalModules/${keyedStep('add', { name })}` },
    { op: 'removeElement', file: APPLICATION_HOST, path: `${SERVER_MODULES}/modules/${keyedStep('add', { name })}` },
  ]),
};
const removeHandlers: ConfigEdit = {
  op: 'batch',
  edits: REMOVED_HANDLERS.map((name): ConfigEdit => ({ op: 'removeElement', file: APPLICATION_HOST, path: `${SERVER_MODULES}/handlers/${keyedStep('add', { name })}` })),
};

const MODULE_STATUSES = ['200.0', '403.14', '404.0', '404.3', '404.7', '405.0', '500.19', '500.21', '503.0'] as const;
const MODULE_DECIDERS = ['HTTP.sys', 'IIS Web Core', 'StaticFileModule', 'DefaultDocumentModule', 'DirectoryListingModule', 'RequestFilteringModule', 'ManagedPipelineHandler', 'ServerSideIncludeModule', 'WebDAVModule'] as const;

export const attackSurface: Scenario = {
  id: 'attack-surface',
  title: 'Removing modules to shrink the attack surface',
  summary: 'WebDAV, CGI and server-side includes removed, with their handler mappings, from a server that serves static files and ASP.NET.',
  workspace: { files: { 'news.shtml': '<html><body><!--#include file="iisstart.htm" --></body></html>\n' } },
  steps: [
    {
      title: 'Every worker loads every global module',
      text: 'A full install lists 40 modules in globalModules, and each w3wp.exe loads every one whose preCondition holds for its pool. This site serves static files and ASP.NET pages, yet WebDAVModule answers a PROPFIND (405 here, as WebDAV authoring is off): code that runs for requests the site never meant to serve.',
      highlight: ['worker@DefaultAppPool'],
      actions: [{ do: 'send', request: { method: 'PROPFIND', url: 'http://localhost/' } }],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'WebDAVModule' },
    },
    {
      title: 'A forgotten file still runs',
      text: 'news.shtml, left in the folder, is mapped to SSINC-shtml: ServerSideIncludeModule processes its #include directives and answers 200. Every enabled module is a way in.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/news.shtml')],
      pauseAt: { event: 'HANDLER_CHANGED' },
    },
    {
      title: 'Remove three modules and their handler mappings',
      text: 'The seeds\' point: in IIS 7 and later the server is a core plus modules you can remove. WebDAVModule, CgiModule and ServerSideIncludeModule leave globalModules (no longer loaded) and the server\'s modules list (no longer enabled), and the handler mappings that name them go too (WebDAV, CGI-exe, SSINC-stm, SSINC-shtm, SSINC-shtml): a mapping left naming a removed module makes IIS answer 500.21, which IIS Flow reports as an error before applying the change. WAS is notified of the change.',
      highlight: ['config', 'was'],
      actions: [{ do: 'edit', edit: { op: 'batch', edits: [removeModules, removeHandlers] }, label: 'Remove the WebDAV, CGI and SSI modules and their handler mappings' }],
      pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' },
    },
    {
      title: 'A worker without them',
      text: 'A w3wp.exe loads its global modules when it starts. Recycling DefaultAppPool starts one without webdav.dll, cgi.dll and iis_ssi.dll: a smaller attack surface and a smaller memory footprint.',
      highlight: ['was', 'pool:DefaultAppPool'],
      actions: [{ do: 'recycle', pool: 'DefaultAppPool' }],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'news.shtml is now just a file',
      text: 'GET /news.shtml: no mapping claims *.shtml any more, so the StaticFile mapping (path="*") takes it, and .shtml has no mimeMap in staticContent: 404.3. The directives are neither run nor sent.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/news.shtml')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'StaticFileModule' },
    },
  ],
  questions: [
    { prompt: 'GET /hello.aspx: does ASP.NET still work?', request: get('/hello.aspx'), statuses: MODULE_STATUSES, deciders: MODULE_DECIDERS, answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'Integrated ASP.NET needs ManagedEngine and its managed handlers, which were left in place.' },
    { prompt: 'PROPFIND / now?', request: { method: 'PROPFIND', url: 'http://localhost/' }, statuses: MODULE_STATUSES, deciders: MODULE_DECIDERS, answer: { status: '403.14', decidedBy: 'DirectoryListingModule' }, why: 'No WebDAV code runs any more: PROPFIND on a folder is an ordinary request that no module serves, and DirectoryListingModule refuses to list the folder (directoryBrowse is off).' },
    { prompt: 'GET /iisstart.htm?', request: get('/iisstart.htm'), statuses: MODULE_STATUSES, deciders: MODULE_DECIDERS, answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Static files need only StaticFileModule, which stayed.' },
  ],
};
