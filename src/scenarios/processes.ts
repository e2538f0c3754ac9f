/** Scenarios about worker processes and WAS: web garden, idle timeout, recycle, rapid-fail protection, a full queue. */
import { COMMON_STATUSES, defaultAppPool, get, send } from './helpers.ts';
import type { Scenario } from './types.ts';

export const idleTimeout: Scenario = {
  id: 'idle-timeout',
  title: 'Idle timeout and the next cold start',
  summary: 'WAS shuts an idle w3wp.exe down (idleTimeout 1 minute here); the next request starts a new one.',
  workspace: { config: [defaultAppPool('', '<processModel idleTimeout="00:01:00" />')] },
  steps: [
    { title: 'A request starts the worker', text: 'DefaultAppPool\'s processModel idleTimeout is one minute here (20 by default). The first request starts w3wp.exe.', highlight: ['pool:DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
    { title: 'A minute with no request', text: 'Ninety seconds pass before the next request. After one idle minute WAS shuts the worker down (idleTimeoutAction Terminate): its memory goes back to the server.', highlight: ['was', 'pool:DefaultAppPool'], actions: [{ do: 'send', request: get('/iisstart.htm'), after: 90_000 }], pauseAt: { event: 'WAS_IDLE_SHUTDOWN' } },
    { title: 'The next request is a cold start again', text: 'The request finds the queue without a worker: W3SVC tells WAS, and WAS starts a new w3wp.exe with a new process id.', highlight: ['was', 'queue:DefaultAppPool'], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'Served, a second later', text: 'The user waited for the start-up again. Longer idleTimeout, or startMode AlwaysRunning, avoids that.', highlight: ['client'], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
  ],
  questions: [
    { prompt: 'Right away, GET /iisstart.htm: who answers?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'The new worker serves it: the kernel cache was emptied when the first worker went.' },
    { prompt: 'And once more?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'HTTP.sys' }, why: 'Asked for often enough: HTTP.sys stored it and answers from its kernel cache.' },
    { prompt: 'GET /x.mdb?', request: get('/x.mdb'), answer: { status: '404.7', decidedBy: 'RequestFilteringModule' }, why: 'A denied extension: 404.7.' },
  ],
};

export const overlappingRecycle: Scenario = {
  id: 'overlapping-recycle',
  title: 'An overlapping recycle',
  summary: 'WAS starts the new w3wp.exe before the old one leaves; the AppDomain is built again.',
  workspace: {},
  steps: [
    { title: 'An ASP.NET page warms the pool', text: 'GET /hello.aspx starts w3wp.exe and ManagedEngine creates the AppDomain.', highlight: ['worker@DefaultAppPool'], actions: [send('/hello.aspx')], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
    { title: 'Recycle', text: 'An administrator recycles DefaultAppPool (IIS Manager: Recycle). WAS does not stop the worker first: disallowOverlappingRotation is false.', highlight: ['was', 'pool:DefaultAppPool'], actions: [{ do: 'recycle', pool: 'DefaultAppPool' }], pauseAt: { event: 'WAS_RECYCLE' } },
    { title: 'The new worker starts beside the old one', text: 'WAS starts a new w3wp.exe while the old one keeps serving: no request waits for a stopped pool.', highlight: ['was', 'pool:DefaultAppPool'], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'The old worker leaves', text: 'Once the new worker is ready, the old one exits. Anything kept in its memory (sessions in process, caches) is gone.', highlight: ['pool:DefaultAppPool'], pauseAt: { event: 'WAS_WORKER_EXITED' } },
    { title: 'The AppDomain is built again', text: 'The next ASP.NET request pays for the CLR and the AppDomain again, in the new process.', highlight: ['worker@DefaultAppPool'], actions: [send('/hello.aspx')], pauseAt: { event: 'APPDOMAIN_CREATED' } },
  ],
  questions: [
    { prompt: 'GET /hello.aspx now?', request: get('/hello.aspx'), answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'The new worker has its AppDomain: the managed handler renders the page.' },
    { prompt: 'GET /bin/App.dll?', request: get('/bin/App.dll'), answer: { status: '404.8', decidedBy: 'RequestFilteringModule' }, why: 'A hidden segment: 404.8, whatever the process.' },
    { prompt: 'GET /?', request: get('/'), answer: { status: '200.0', decidedBy: 'DefaultDocumentModule' }, why: 'DefaultDocumentModule serves iisstart.htm.' },
  ],
};

export const rapidFail: Scenario = {
  id: 'rapid-fail',
  title: 'Rapid-fail protection stops a pool',
  summary: 'Two worker failures within five minutes (rapidFailProtectionMaxCrashes 2 here): WAS stops the pool and HTTP.sys answers 503.',
  workspace: { config: [defaultAppPool('', '<failure rapidFailProtectionMaxCrashes="2" />')] },
  steps: [
    { title: 'A worker serves a request', text: 'DefaultAppPool\'s failure settings allow 2 crashes in 5 minutes here (5 by default).', highlight: ['pool:DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
    { title: 'The worker is ended', text: 'Someone ends w3wp.exe in Task Manager: WAS sees it exit unexpectedly, its first failure.', highlight: ['was'], actions: [{ do: 'endWorker', pool: 'DefaultAppPool' }], pauseAt: { event: 'WAS_WORKER_EXITED' } },
    { title: 'A new worker for the next request', text: 'The pool is still started: the next request makes WAS start another w3wp.exe.', highlight: ['was', 'pool:DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'A second failure: the pool stops', text: 'The new worker is ended too: two failures within rapidFailProtectionInterval. WAS stops DefaultAppPool rather than start processes that keep failing.', highlight: ['was', 'pool:DefaultAppPool'], actions: [{ do: 'endWorker', pool: 'DefaultAppPool' }], pauseAt: { event: 'WAS_RAPID_FAIL_PROTECTION' } },
    { title: 'HTTP.sys answers 503 itself', text: 'The pool\'s queue is disabled: HTTP.sys answers 503 Service Unavailable in kernel mode (HTTPERR log: AppOffline). Only an administrator starting the pool brings it back.', highlight: ['httpsys:listener', 'queue:DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_REQUEST_REJECTED' } },
  ],
  questions: [
    { prompt: 'GET /hello.aspx now?', request: get('/hello.aspx'), answer: { status: '503.0', decidedBy: 'HTTP.sys' }, why: 'The pool is stopped: every URL of its applications gets 503 from HTTP.sys.' },
    { prompt: 'GET /x.mdb?', request: get('/x.mdb'), answer: { status: '503.0', decidedBy: 'HTTP.sys' }, why: 'No worker runs, so request filtering never sees it: HTTP.sys answers 503 first.' },
    { prompt: 'GET http://localhost:8081/ ?', request: { method: 'GET', url: 'http://localhost:8081/' }, statuses: ['400.0', ...COMMON_STATUSES], answer: { status: '400.0', decidedBy: 'HTTP.sys' }, why: 'No binding has port 8081: 400 Invalid Hostname, whatever the pool\'s state.' },
  ],
};

export const queueFull: Scenario = {
  id: 'queue-full',
  title: 'A full queue',
  summary: 'queueLength 10 here: 15 requests at once, 10 wait, 5 get 503 from HTTP.sys.',
  workspace: { config: [defaultAppPool('queueLength="10"')] },
  steps: [
    { title: 'Fifteen requests at once', text: 'Fifteen clients ask for /hello.aspx at the same moment. DefaultAppPool has no worker yet: the first makes WAS start one.', highlight: ['queue:DefaultAppPool', 'was'], actions: [{ do: 'load', request: get('/hello.aspx'), count: 15 }], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'The queue fills', text: 'HTTP.sys keeps them in the pool\'s kernel queue while w3wp.exe starts. queueLength is 10 here (1000 by default): the eleventh finds it full and HTTP.sys answers 503 at once (HTTPERR log: QueueFull).', highlight: ['queue:DefaultAppPool', 'httpsys:listener'], pauseAt: { event: 'HTTPSYS_REQUEST_REJECTED' } },
    { title: 'The worker drains the queue', text: 'Once ready, w3wp.exe takes the ten waiting requests off the queue and serves them.', highlight: ['worker@DefaultAppPool'], pauseAt: { event: 'WORKER_READY' } },
  ],
  questions: [
    { prompt: 'Now 12 requests arrive at once: what does the last one get?', request: get('/hello.aspx'), count: 12, answer: { status: '200.0', decidedBy: 'ManagedPipelineHandler' }, why: 'The worker runs now and takes requests as they come: the queue never holds ten.' },
    { prompt: 'One GET /iisstart.htm?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Served by the worker.' },
    { prompt: 'GET /App_Data/x.txt?', request: get('/App_Data/x.txt'), answer: { status: '404.8', decidedBy: 'RequestFilteringModule' }, why: 'A hidden segment: 404.8.' },
  ],
};
