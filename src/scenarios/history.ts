/**
 * IIS 6.0's model beside IIS 7 and later, as seeds/002 ("Introduction to IIS Architectures") contrasts
 * them. The engine models IIS 7 and later only: the IIS 6.0 side is told, pointed at on the IIS 7+ graph.
 */
import { COMMON_STATUSES, get, send } from './helpers.ts';
import type { Scenario } from './types.ts';

export const iis6Model: Scenario = {
  id: 'iis6-beside-iis7',
  title: 'IIS 6.0\'s model beside IIS 7 and later',
  summary: 'In IIS 6.0 W3SVC read the metabase and managed the worker processes; IIS 7 split that work with WAS. The simulation is IIS 7+.',
  workspace: {},
  steps: [
    {
      title: 'What this scenario shows',
      text: 'IIS Flow simulates IIS 7 and later: the graph is always the IIS 7+ architecture. This scenario plays a first request to an ASP.NET page on it and, at each step, tells what IIS 6.0 did instead. Both versions share HTTP.sys: it arrived in IIS 6.0, replacing the user-mode Winsock listener, and the kernel cache and request queues with it.',
      highlight: ['httpsys:listener', 'httpsys:cache'],
      actions: [send('/hello.aspx')],
      pauseAt: { event: 'HTTPSYS_QUEUED' },
    },
    {
      title: 'IIS 7+: W3SVC tells WAS',
      text: 'The request waits in DefaultAppPool\'s queue with no worker. In IIS 7 and later W3SVC is only the HTTP listener adapter: it configures HTTP.sys and notifies WAS. In IIS 6.0 there was no WAS: W3SVC itself saw the request waiting and started the process.',
      highlight: ['w3svc', 'was'],
      pauseAt: { event: 'W3SVC_NOTIFY_WAS' },
    },
    {
      title: 'Configuration: applicationHost.config, not the metabase',
      text: 'WAS reads the pool from applicationHost.config, an XML file, with web.config files beside the content. IIS 6.0 kept its configuration in the metabase (MetaBase.xml, served by the IIS Admin Service), and W3SVC read it there to configure HTTP.sys.',
      highlight: ['config', 'was'],
      pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' },
    },
    {
      title: 'Process management moved from W3SVC to WAS',
      text: 'WAS starts w3wp.exe. IIS 6.0 already had application pools and w3wp.exe (worker process isolation mode), but W3SVC started, monitored, recycled them and ran rapid-fail detection. In IIS 7+ WAS does, so net.tcp, net.pipe and MSMQ requests get the same pools through their listener adapters, with W3SVC not running at all if need be.',
      highlight: ['was', 'pool:DefaultAppPool'],
      pauseAt: { event: 'WAS_START_WORKER' },
    },
    {
      title: 'One pipeline instead of two',
      text: 'Inside w3wp.exe, ManagedEngine creates the AppDomain and the managed modules run at IIS\'s own notifications. In IIS 6.0, ASP.NET was an ISAPI extension, aspnet_isapi.dll, behind IIS\'s fixed pipeline: steps such as authentication ran twice, and Forms authentication reached only ASP.NET\'s own extensions. A Classic-mode pool still works that way.',
      highlight: ['worker@DefaultAppPool'],
      pauseAt: { event: 'APPDOMAIN_CREATED' },
    },
    {
      title: 'A server built from modules',
      text: 'The pipeline in the graph is a list of modules from globalModules and modules, each of which can be removed or replaced. IIS 6.0\'s features were built into the server (request screening came from URLScan, an add-on ISAPI filter). The response now goes back through HTTP.sys, as it did in IIS 6.0.',
      highlight: ['worker@DefaultAppPool', 'httpsys:listener'],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
  ],
  questions: [
    { prompt: 'GET /hello.aspx again: status, and who decides it (in IIS 7+)?', request: get('/hello.aspx'), answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'Integrated mode: the managed handler runs in IIS\'s pipeline. In IIS 6.0 (or a Classic pool) aspnet_isapi.dll would render it, through IsapiModule.' },
    { prompt: 'GET /x.mdb?', request: get('/x.mdb'), answer: { status: '404.7', decidedBy: 'RequestFilteringModule' }, why: 'Request filtering is a module of the IIS 7+ pipeline, at BeginRequest. IIS 6.0 needed URLScan for this.' },
    { prompt: 'GET http://localhost:8081/ (no binding on 8081)?', request: { method: 'GET', url: 'http://localhost:8081/' }, statuses: ['400.0', ...COMMON_STATUSES], answer: { status: '400.0', decidedBy: 'HTTP.sys' }, why: 'HTTP.sys answers it in kernel mode, as it did in IIS 6.0: no W3SVC, WAS or worker process takes part.' },
  ],
};
