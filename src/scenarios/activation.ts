/**
 * Scenarios about WAS and its listener adapters: a web garden, a net.tcp activation without W3SVC, and a
 * configuration change travelling applicationHost.config -> WAS -> W3SVC -> HTTP.sys (seeds/002,
 * "Configuration Management in WAS" and "Process Management").
 */
import { APPLICATION_HOST, setSiteAttributes, sitePath } from '../config/index.ts';
import { COMMON_DECIDERS, COMMON_STATUSES, get, send } from './helpers.ts';
import type { SimulationRequest } from '../engine/index.ts';
import type { Scenario } from './types.ts';

export const webGarden: Scenario = {
  id: 'web-garden',
  title: 'A web garden: one pool, several w3wp.exe',
  summary: 'maxProcesses 3: WAS starts three worker processes for DefaultAppPool; later requests spread over them, each with its own AppDomain.',
  workspace: { config: [['<add name="DefaultAppPool" />', '<add name="DefaultAppPool">\n                <processModel maxProcesses="3" />\n            </add>']] },
  steps: [
    {
      title: 'Six requests, no worker yet',
      text: 'DefaultAppPool\'s processModel maxProcesses is 3 here (1 by default): a web garden. Six clients ask for /hello.aspx at once. The queue has requests and no worker: W3SVC tells WAS, and WAS starts a first w3wp.exe.',
      highlight: ['queue:DefaultAppPool', 'was'],
      actions: [{ do: 'load', request: get('/hello.aspx'), count: 6 }],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'More processes for the same pool',
      text: 'Requests still wait and fewer than maxProcesses run, so W3SVC tells WAS again and WAS starts a second and a third w3wp.exe. All three register on the same HTTP.sys queue.',
      highlight: ['was', 'pool:DefaultAppPool'],
      pauseAt: { event: 'WAS_START_WORKER', skip: 1 },
    },
    {
      title: 'The first one ready takes what waits',
      text: 'One queue, shared: a worker takes the next request when it asks for one. The first w3wp.exe to finish starting finds all six waiting and takes them; the other two register a little later, with nothing left to take.',
      highlight: ['queue:DefaultAppPool'],
      pauseAt: { event: 'WORKER_READY' },
    },
    {
      title: 'Later requests spread over the processes',
      text: 'The next GET /hello.aspx is taken by another w3wp.exe. It is a separate process with its own AppDomain: ManagedEngine loads the CLR again, and nothing in memory (in-process session state, caches, static variables) is shared with the first worker.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/hello.aspx')],
      pauseAt: { event: 'APPDOMAIN_CREATED' },
    },
    {
      title: 'And the third',
      text: 'The one after goes to the third process, which pays for its own AppDomain too. A web garden helps code that blocks within one process; it costs memory, start-up per process, and any state kept in process.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/hello.aspx')],
      pauseAt: { event: 'APPDOMAIN_CREATED' },
    },
  ],
  questions: [
    { prompt: 'GET /hello.aspx once more: status, and who decides it?', request: get('/hello.aspx'), answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'Every worker has its AppDomain now: the managed handler renders the page in whichever process takes it.' },
    { prompt: 'GET /iisstart.htm?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'A first request for the file: a worker\'s StaticFileModule sends it.' },
    { prompt: 'GET /iisstart.htm again?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Twice within 10 seconds: HTTP.sys stores this response in its kernel cache, which all the web garden\'s processes share because it lives in HTTP.sys; the next request will not reach any of them.' },
  ],
};

const NET_TCP: ReadonlyArray<readonly [string, string]> = [
  ['<binding protocol="http" bindingInformation="*:80:" />', '<binding protocol="http" bindingInformation="*:80:" />\n                    <binding protocol="net.tcp" bindingInformation="808:*" />'],
  ['<application path="/">', '<application path="/" enabledProtocols="http,net.tcp">'],
];
const TCP_URL = 'net.tcp://localhost:808/Service.svc';

export const netTcpActivation: Scenario = {
  id: 'net-tcp-activation',
  title: 'A net.tcp activation through WAS, without W3SVC',
  summary: 'NetTcpActivator, a WCF listener adapter, asks WAS to start the pool: no HTTP.sys, no W3SVC.',
  workspace: { config: NET_TCP, files: { 'Service.svc': '<%@ ServiceHost Language="C#" Service="Calculator" %>\n' } },
  steps: [
    {
      title: 'A WCF client connects over net.tcp',
      text: 'Default Web Site has a net.tcp binding (808:*) and its root application enables "http,net.tcp". A WCF client sends a message to net.tcp://localhost:808/Service.svc. HTTP.sys does not listen for net.tcp: NetTcpActivator (the Net.Tcp Listener Adapter, in SMSvcHost.exe) receives it; it is both the protocol listener and the listener adapter.',
      highlight: ['adapter:NetTcpActivator', 'client'],
      actions: [{ do: 'send', request: { method: 'GET', url: TCP_URL } }],
      pauseAt: { event: 'LISTENER_ADAPTER_ACTIVATION' },
    },
    {
      title: 'WAS activates the pool',
      text: 'NetTcpActivator asks WAS for the application\'s pool. WAS reads DefaultAppPool\'s settings from applicationHost.config and starts w3wp.exe, the same process model as for HTTP. W3SVC and HTTP.sys take no part: WAS can run with the WWW service stopped.',
      highlight: ['was', 'pool:DefaultAppPool'],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'WCF answers inside w3wp.exe',
      text: 'Once the worker is ready, WCF (System.ServiceModel) in it receives the message and replies over the TCP connection. One pool can serve the same service over HTTP and net.tcp.',
      highlight: ['worker@DefaultAppPool', 'client'],
      pauseAt: { event: 'CLIENT_RESPONSE_RECEIVED' },
    },
  ],
  questions: [
    { prompt: 'Another net.tcp message to /Service.svc: status, and who decides it?', request: { method: 'GET', url: TCP_URL }, deciders: [...COMMON_DECIDERS, 'ServiceModel', 'NetTcpActivator'], answer: { status: '200.0', decidedBy: 'ServiceModel' }, why: 'The worker runs: NetTcpActivator hands the message to it at once, and WCF answers.' },
    { prompt: 'A net.tcp message to port 809?', request: { method: 'GET', url: 'net.tcp://localhost:809/Service.svc' }, deciders: [...COMMON_DECIDERS, 'ServiceModel', 'NetTcpActivator'], answer: { status: '404.0', decidedBy: 'NetTcpActivator' }, why: 'No site has a net.tcp binding on 809: NetTcpActivator has no endpoint for it, and no worker is involved.' },
    { prompt: 'The same file over HTTP: GET http://localhost/Service.svc?', request: get('/Service.svc'), statuses: ['404.3', ...COMMON_STATUSES], deciders: [...COMMON_DECIDERS, 'ServiceModel', 'NetTcpActivator'], answer: { status: '404.3', decidedBy: 'StaticFileModule' }, why: 'Over HTTP, .svc needs the handler that WCF\'s HTTP Activation feature adds, which this server lacks. The StaticFile mapping takes it, and .svc has no mimeMap: 404.3.' },
  ],
};

const SITE = 'Default Web Site';
const url = (address: string): SimulationRequest => ({ method: 'GET', url: address });

export const configurationChange: Scenario = {
  id: 'configuration-change',
  title: 'A configuration change: applicationHost.config -> WAS -> W3SVC -> HTTP.sys',
  summary: 'A binding added for port 8080 travels from the file to HTTP.sys; no worker restarts.',
  workspace: {},
  steps: [
    {
      title: 'Nothing listens for port 8080',
      text: 'GET http://localhost:8080/. No site has a binding on port 8080, so no URL group in HTTP.sys matches: HTTP.sys answers 400 (Invalid Hostname) itself, in kernel mode.',
      highlight: ['httpsys:listener', 'httpsys:urlgroups'],
      actions: [{ do: 'send', request: url('http://localhost:8080/') }],
      pauseAt: { event: 'HTTPSYS_REQUEST_REJECTED' },
    },
    {
      title: 'The binding is written to applicationHost.config',
      text: 'An administrator adds the binding http *:8080: to Default Web Site (IIS Manager\'s Site Bindings, or appcmd set site). It lands in applicationHost.config; WAS is notified that the file changed and reads it.',
      highlight: ['config', 'was'],
      actions: [{ do: 'edit', label: 'Add binding http *:8080: to Default Web Site', edit: { op: 'addElement', file: APPLICATION_HOST, parent: `${sitePath(SITE)}/bindings`, name: 'binding', attributes: { protocol: 'http', bindingInformation: '*:8080:' } } }],
      pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' },
    },
    {
      title: 'WAS passes it to the listener adapters',
      text: 'WAS hands the new site configuration to the listener adapters. For HTTP that is W3SVC.',
      highlight: ['was', 'w3svc'],
      pauseAt: { event: 'WAS_READ_CONFIG', component: 'WAS' },
    },
    {
      title: 'W3SVC updates HTTP.sys',
      text: 'W3SVC adds http://*:8080/ to the site\'s URL group in HTTP.sys and flushes the kernel cache. No worker process restarts: a binding is not a pool setting.',
      highlight: ['w3svc', 'httpsys:urlgroups'],
      pauseAt: { event: 'W3SVC_CONFIGURE_HTTPSYS' },
    },
    {
      title: 'The same request now',
      text: 'GET http://localhost:8080/ matches the URL group of Default Web Site and goes to DefaultAppPool\'s queue, and on to a worker.',
      highlight: ['httpsys:urlgroups', 'queue:DefaultAppPool'],
      actions: [{ do: 'send', request: url('http://localhost:8080/') }],
      pauseAt: { event: 'HTTPSYS_BINDING_MATCHED' },
    },
  ],
  questions: [
    { prompt: 'GET http://localhost:8080/iisstart.htm: status, and who decides it?', request: url('http://localhost:8080/iisstart.htm'), statuses: ['400.0', ...COMMON_STATUSES], answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Port 8080 belongs to Default Web Site now: the worker\'s StaticFileModule sends the file.' },
    { prompt: 'GET http://localhost:8081/?', request: url('http://localhost:8081/'), statuses: ['400.0', ...COMMON_STATUSES], answer: { status: '400.0', decidedBy: 'HTTP.sys' }, why: 'Only 8080 was added: 8081 still matches no URL group.' },
    {
      prompt: 'Default Web Site is stopped (serverAutoStart="false"). GET http://localhost/?',
      before: [{ do: 'edit', label: 'Stop Default Web Site', edit: setSiteAttributes(SITE, { serverAutoStart: 'false' }) }],
      request: get('/'),
      statuses: ['400.0', ...COMMON_STATUSES],
      answer: { status: '404.0', decidedBy: 'HTTP.sys' },
      why: 'The change travels the same way: W3SVC removes the site\'s URL group from HTTP.sys, which answers 404 itself; no worker sees the request.',
    },
  ],
};
