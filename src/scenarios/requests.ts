/** Scenarios about a single request's path: warm, kernel cache, request filtering, IP restriction, custom errors. */
import { COMMON_STATUSES, REMOTE_IP, get, send } from './helpers.ts';
import type { Scenario } from './types.ts';

const LONG_QUERY = `?q=${'x'.repeat(3000)}`;

export const warmRequest: Scenario = {
  id: 'warm-request',
  title: 'A warm request',
  summary: 'The second request finds w3wp.exe running: no WAS, no start-up.',
  workspace: {},
  steps: [
    { title: 'A cold start first', text: 'The first request makes WAS start w3wp.exe: close to a second of start-up.', highlight: ['was', 'pool:DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'WAS_START_WORKER' } },
    { title: 'Its response', text: 'The response leaves about 950 ms after the request arrived, most of it the worker\'s start-up.', highlight: ['httpsys:listener', 'client'], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
    { title: 'The next request goes straight to the worker', text: 'The same URL again: HTTP.sys queues it and the running w3wp.exe takes it at once. W3SVC and WAS are not involved: a queue with a worker needs no activation.', highlight: ['queue:DefaultAppPool', 'worker@DefaultAppPool'], actions: [send('/iisstart.htm')], pauseAt: { event: 'WORKER_DEQUEUE' } },
    { title: 'A few milliseconds', text: 'This response leaves about 2 ms after the request arrived. HTTP.sys also stores it in its kernel cache: the URL was asked for twice within 10 seconds (frequentHitThreshold).', highlight: ['httpsys:cache', 'client'], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
  ],
  questions: [
    { prompt: 'GET / on the warm pool?', request: get('/'), answer: { status: '200.0', decidedBy: 'DefaultDocumentModule' }, why: 'A folder: DefaultDocumentModule finds iisstart.htm in defaultDocument\'s list and serves it.' },
    { prompt: 'POST /iisstart.htm?', request: { method: 'POST', url: 'http://localhost/iisstart.htm' }, statuses: ['405.0', ...COMMON_STATUSES], answer: { status: '405.0', decidedBy: 'StaticFileModule' }, why: 'The static file handler takes only GET and HEAD: 405 Method Not Allowed.' },
    { prompt: 'GET /bin/App.dll?', request: get('/bin/App.dll'), answer: { status: '404.8', decidedBy: 'RequestFilteringModule' }, why: '"bin" is a hidden segment (requestFiltering/hiddenSegments): 404.8.' },
  ],
};

export const kernelCache: Scenario = {
  id: 'kernel-cache',
  title: 'A kernel cache hit, and why a query string prevents one',
  summary: 'HTTP.sys answers from its cache without user mode; /iisstart.htm?x=1 still goes to the worker.',
  workspace: {},
  steps: [
    { title: 'A first request', text: 'GET /iisstart.htm starts the worker and is served by StaticFileModule. HTTP.sys does not cache it yet.', highlight: ['httpsys:cache'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
    { title: 'The second request is stored', text: 'Asked for twice within 10 seconds, the response is cacheable (a static file, anonymous, GET): HTTP.sys stores it in its kernel response cache.', highlight: ['httpsys:cache'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_CACHE_STORED' } },
    { title: 'The third is a kernel cache hit', text: 'HTTP.sys answers from its cache: the request never reaches the queue, the worker or user mode at all.', highlight: ['httpsys:cache', 'client'], actions: [send('/iisstart.htm')], pauseAt: { event: 'HTTPSYS_CACHE_HIT' } },
    { title: 'A query string misses the cache', text: 'GET /iisstart.htm?x=1 is another URL to the cache, and HTTP.sys does not cache responses to URLs with a query string: it goes to the pool\'s queue and the worker.', highlight: ['queue:DefaultAppPool', 'worker@DefaultAppPool'], actions: [send('/iisstart.htm?x=1')], pauseAt: { event: 'HTTPSYS_QUEUED' } },
  ],
  questions: [
    { prompt: 'GET /iisstart.htm once more: who answers?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'HTTP.sys' }, why: 'It is still in the kernel cache: HTTP.sys answers from kernel mode.' },
    { prompt: 'GET /iisstart.htm?x=2?', request: get('/iisstart.htm?x=2'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'A query string: not from the kernel cache; the worker\'s StaticFileModule sends the file.' },
    { prompt: 'GET /missing.htm?', request: get('/missing.htm'), answer: { status: '404.0', decidedBy: 'IIS Web Core' }, why: 'Errors are not cached: the core finds no file and sets 404.0.' },
  ],
};

export const requestFiltering: Scenario = {
  id: 'request-filtering',
  title: 'Request filtering and its substatuses',
  summary: '404.7 for a denied extension, 404.8 for a hidden segment, 404.15 for a long query string.',
  workspace: {},
  steps: [
    { title: 'A denied extension: 404.7', text: 'RequestFilteringModule runs at BeginRequest, first of all. .mdb is denied by requestFiltering/fileExtensions, so the request ends 404.7 before any handler runs.', highlight: ['worker@DefaultAppPool'], actions: [send('/x.mdb')], pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'RequestFilteringModule' } },
    { title: 'A hidden segment: 404.8', text: '/bin/App.dll has an allowed extension, but "bin" is in hiddenSegments: 404.8. (Hidden segments are checked before extensions: /App_Data/db.mdf would end 404.8 too.)', highlight: ['worker@DefaultAppPool'], actions: [send('/bin/App.dll')], pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'RequestFilteringModule' } },
    { title: 'A query string too long: 404.15', text: 'A 3,000-character query string is over requestLimits maxQueryString (2048): 404.15.', highlight: ['worker@DefaultAppPool'], actions: [send(`/iisstart.htm${LONG_QUERY}`)], pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'RequestFilteringModule' } },
  ],
  questions: [
    { prompt: 'GET /web.config?', request: get('/web.config'), answer: { status: '404.8', decidedBy: 'RequestFilteringModule' }, why: 'web.config is a hidden segment, checked before its denied .config extension: 404.8, as IIS reports it.' },
    { prompt: 'GET /App_Data/readme.txt?', request: get('/App_Data/readme.txt'), answer: { status: '404.8', decidedBy: 'RequestFilteringModule' }, why: 'App_Data is a hidden segment and .txt is allowed: 404.8.' },
    { prompt: 'GET /iisstart.htm?q=short?', request: get('/iisstart.htm?q=short'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Nothing to filter: StaticFileModule sends the file.' },
  ],
};

export const ipRestriction: Scenario = {
  id: 'ip-restriction',
  title: 'An IP restriction',
  summary: 'ipSecurity denies one address: 403.6 for it, 200 for others.',
  workspace: { config: [['<ipSecurity allowUnlisted="true" />', '<ipSecurity allowUnlisted="true">\n                <add ipAddress="203.0.113.7" allowed="false" />\n            </ipSecurity>']] },
  steps: [
    { title: 'A denied client', text: 'This server\'s ipSecurity denies 203.0.113.7. IpRestrictionModule checks the client\'s address at BeginRequest and refuses it: 403.6 (denyAction Forbidden).', highlight: ['worker@DefaultAppPool'], actions: [send('/iisstart.htm', { clientIp: '203.0.113.7' })], pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'IpRestrictionModule' } },
    { title: 'A remote client gets the custom page', text: 'The client is remote, so httpErrors (errorMode DetailedLocalOnly) sends the short custom page, not the detailed one.', highlight: ['worker@DefaultAppPool'], pauseAt: { event: 'GENERAL_SEND_CUSTOM_ERROR' } },
    { title: 'Any other address is served', text: 'allowUnlisted="true": 198.51.100.4 is not listed, so it is allowed.', highlight: ['client'], actions: [send('/iisstart.htm', { clientIp: REMOTE_IP })], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
  ],
  questions: [
    { prompt: '203.0.113.7 asks for / : what now?', request: get('/', { clientIp: '203.0.113.7' }), answer: { status: '403.6', decidedBy: 'IpRestrictionModule' }, why: 'Every URL of the site is refused to a denied address.' },
    { prompt: '127.0.0.1 asks for /iisstart.htm?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'HTTP.sys' }, why: 'Served twice already: it is in HTTP.sys\'s kernel cache, answered before any module runs.' },
    { prompt: '203.0.113.7 asks for /x.mdb?', request: get('/x.mdb', { clientIp: '203.0.113.7' }), answer: { status: '403.6', decidedBy: 'IpRestrictionModule' }, why: 'IpRestrictionModule and RequestFilteringModule both run at BeginRequest, in the order of the modules list, where IpRestrictionModule comes first: the address is refused before the extension is looked at.' },
  ],
};

export const customErrors: Scenario = {
  id: 'custom-errors',
  title: 'Custom errors for local and remote clients',
  summary: 'errorMode DetailedLocalOnly: the detailed page for a local client, a short custom page for a remote one.',
  workspace: {},
  steps: [
    { title: 'A local client gets the detailed page', text: 'GET /missing.htm from 127.0.0.1 ends 404.0. CustomErrorModule sends the detailed error page: the client is local and httpErrors errorMode is DetailedLocalOnly.', highlight: ['worker@DefaultAppPool'], actions: [send('/missing.htm')], pauseAt: { event: 'GENERAL_SEND_CUSTOM_ERROR' } },
    { title: 'A remote client gets the custom page', text: 'The same request from 198.51.100.4 gets 404.htm, the short custom page: details such as physical paths are not shown to remote clients.', highlight: ['worker@DefaultAppPool'], actions: [send('/missing.htm', { clientIp: REMOTE_IP })], pauseAt: { event: 'GENERAL_SEND_CUSTOM_ERROR' } },
    { title: 'The status stays the same', text: 'Which page is sent changes the body, not the status: both clients receive 404 Not Found.', highlight: ['client'], pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' } },
  ],
  questions: [
    { prompt: 'A remote client asks for /missing.htm: status?', request: get('/missing.htm', { clientIp: REMOTE_IP }), answer: { status: '404.0', decidedBy: 'IIS Web Core' }, why: 'The core sets 404.0; CustomErrorModule only chooses the page.' },
    { prompt: 'A remote client asks for /x.mdb?', request: get('/x.mdb', { clientIp: REMOTE_IP }), answer: { status: '404.7', decidedBy: 'RequestFilteringModule' }, why: 'Request filtering refuses it; the remote client sees the 404 custom page, without the substatus.' },
    { prompt: 'A remote client asks for /iisstart.htm?', request: get('/iisstart.htm', { clientIp: REMOTE_IP }), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'No error: no error page.' },
  ],
};
