/** The seeds' first request to a cold pool, step by step (seeds/000: nine steps; seeds/002: eight). */
import { COMMON_STATUSES, get, send } from './helpers.ts';
import type { Scenario } from './types.ts';

export const firstRequestNine: Scenario = {
  id: 'first-request-nine',
  title: 'A first request to a cold pool, in nine steps',
  summary: 'The nine steps of the request flow: client, HTTP.sys, W3SVC and WAS, applicationHost.config, w3wp.exe, and back.',
  workspace: {},
  steps: [
    { title: 'The client sends a request', text: 'A browser asks for http://localhost/. Nothing runs for DefaultAppPool yet: no w3wp.exe exists until a request needs one.', highlight: ['client'], actions: [send('/')], pauseAt: { event: 'CLIENT_REQUEST_SENT' } },
    { title: 'HTTP.sys takes it in kernel mode', text: 'HTTP.sys, the kernel-mode listener, receives GET / on port 80 and matches it to the URL group of "Default Web Site" (binding *:80:). It is not in the kernel cache, so it goes to DefaultAppPool\'s request queue.', highlight: ['httpsys:listener', 'httpsys:urlgroups'], pauseAt: { event: 'HTTPSYS_REQUEST_RECEIVED' } },
    { title: 'The queue has a request and no worker: WAS is told', text: 'The seed says "HTTP.sys contacts WAS". Precisely: the request waits in the pool\'s queue, and W3SVC, the HTTP listener adapter, notices the queue has no worker process and notifies WAS.', highlight: ['queue:DefaultAppPool', 'w3svc', 'was'], pauseAt: { event: 'W3SVC_NOTIFY_WAS' } },
    { title: 'WAS reads applicationHost.config', text: 'WAS reads DefaultAppPool\'s settings from applicationHost.config (identity, runtime version, pipeline mode) and writes the pool\'s own configuration file for the new process.', highlight: ['config', 'was'], pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' } },
    { title: 'W3SVC has the configuration', text: 'WAS hands the site and pool configuration to W3SVC. W3SVC already used it when the server started: the first events of the trace register the sites\' URL prefixes with HTTP.sys and create one queue per pool.', highlight: ['w3svc', 'was'] },
    { title: 'W3SVC configures HTTP.sys', text: 'W3SVC has HTTP.sys hold DefaultAppPool\'s queue for the process WAS is about to start, so the waiting request is not lost.', highlight: ['w3svc', 'httpsys:urlgroups'], pauseAt: { event: 'W3SVC_CONFIGURE_HTTPSYS', component: 'W3SVC' } },
    { title: 'WAS starts w3wp.exe', text: 'WAS starts w3wp.exe for DefaultAppPool (an on-demand start) under its identity, IIS APPPOOL\\DefaultAppPool. Loading the IIS core and the global modules takes most of this request\'s time.', highlight: ['was', 'pool:DefaultAppPool'], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'The worker process handles the request', text: 'Once ready, w3wp.exe takes the request off the queue and runs it through the integrated pipeline: DefaultDocumentModule picks iisstart.htm and StaticFileModule sends it.', highlight: ['worker@DefaultAppPool'], pauseAt: { event: 'GENERAL_REQUEST_START' } },
    { title: 'HTTP.sys sends the response', text: 'The response goes back through HTTP.sys, which sends 200 OK to the client. The worker process stays up for the next request.', highlight: ['httpsys:listener', 'client'], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
  ],
  questions: [
    { prompt: 'The pool is warm now. GET /iisstart.htm: what comes back, and who decides it?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'The file exists: StaticFileModule sends it from the running w3wp.exe, with no start-up this time.' },
    { prompt: 'GET /missing.htm?', request: get('/missing.htm'), answer: { status: '404.0', decidedBy: 'IIS Web Core' }, why: 'The core finds no such file when it maps the request (MapRequestHandler) and sets 404.0.' },
    { prompt: 'GET http://localhost:8081/ (no site has port 8081)?', request: { method: 'GET', url: 'http://localhost:8081/' }, statuses: ['400.0', ...COMMON_STATUSES], answer: { status: '400.0', decidedBy: 'HTTP.sys' }, why: 'No URL group matches: HTTP.sys answers 400 (Invalid Hostname) itself, in kernel mode; no worker process sees it.' },
  ],
};

export const firstRequestEight: Scenario = {
  id: 'first-request-eight',
  title: 'A first request to an ASP.NET page, in eight steps',
  summary: 'The eight steps of "Introduction to IIS Architectures", on a page that also starts the CLR.',
  workspace: {},
  steps: [
    { title: '1. HTTP.sys intercepts the request', text: 'The browser asks for /hello.aspx; HTTP.sys receives it in kernel mode.', highlight: ['httpsys:listener'], actions: [send('/hello.aspx')], pauseAt: { event: 'HTTPSYS_REQUEST_RECEIVED' } },
    { title: '2. HTTP.sys contacts WAS', text: 'The request is queued for DefaultAppPool, which has no worker process: W3SVC notifies WAS.', highlight: ['queue:DefaultAppPool', 'w3svc', 'was'], pauseAt: { event: 'W3SVC_NOTIFY_WAS' } },
    { title: '3. WAS reads the configuration store', text: 'WAS requests the pool\'s configuration from applicationHost.config.', highlight: ['config', 'was'], pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' } },
    { title: '4. W3SVC receives the configuration', text: 'The WWW Service (W3SVC) receives the application pool and site configuration from WAS.', highlight: ['w3svc'] },
    { title: '5. W3SVC configures HTTP.sys', text: 'W3SVC uses it to configure HTTP.sys: the pool\'s queue is held for the coming process.', highlight: ['w3svc', 'httpsys:urlgroups'], pauseAt: { event: 'W3SVC_CONFIGURE_HTTPSYS', component: 'W3SVC' } },
    { title: '6. WAS starts a worker process', text: 'WAS starts w3wp.exe for the pool the request was made to.', highlight: ['was', 'pool:DefaultAppPool'], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: '7. The worker process processes the request', text: 'An .aspx page is managed code: ManagedEngine loads the CLR and creates the site\'s AppDomain, about 1.7 s of this first request. Later requests reuse it.', highlight: ['worker@DefaultAppPool'], pauseAt: { event: 'APPDOMAIN_CREATED' } },
    { title: '8. The client receives a response', text: 'w3wp.exe returns the page to HTTP.sys, which sends 200 OK to the client.', highlight: ['client'], pauseAt: { event: 'CLIENT_RESPONSE_RECEIVED' } },
  ],
  questions: [
    { prompt: 'GET /hello.aspx again: status, and who decides it?', request: get('/hello.aspx'), answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'The AppDomain exists: the managed handler renders the page at once.' },
    { prompt: 'GET /iisstart.htm from the same worker?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'A static file: the native StaticFileModule sends it; no managed code runs for it.' },
    { prompt: 'GET /x.mdb?', request: get('/x.mdb'), answer: { status: '404.7', decidedBy: 'RequestFilteringModule' }, why: 'requestFiltering/fileExtensions denies .mdb: 404.7 at BeginRequest.' },
  ],
};
