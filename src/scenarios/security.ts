/**
 * Scenarios about who may see what: Basic authentication with anonymous access off, Forms authentication
 * protecting static files in Integrated mode but not in Classic mode, and a locked section's 500.19.
 */
import { APPLICATION_HOST, DEFAULT_WWWROOT, keyedStep, setPoolAttributes } from '../config/index.ts';
import { COMMON_DECIDERS, get, send } from './helpers.ts';
import type { Scenario } from './types.ts';
import { webConfig } from './workspace.ts';

/** Authentication sections are locked (overrideModeDefault="Deny"): IIS Manager writes them in applicationHost.config. */
const ANONYMOUS_OFF_BASIC_ON: ReadonlyArray<readonly [string, string]> = [
  ['<anonymousAuthentication enabled="true" userName="IUSR" />', '<anonymousAuthentication enabled="false" userName="IUSR" />'],
  ['<basicAuthentication enabled="false" />', '<basicAuthentication enabled="true" />'],
];

export const basicAuthentication: Scenario = {
  id: 'basic-authentication',
  title: 'Anonymous access off, then Basic authentication',
  summary: 'No credentials: 401.2 and a Basic challenge. The right password: 200. A wrong one: 401.1.',
  workspace: { config: ANONYMOUS_OFF_BASIC_ON },
  steps: [
    {
      title: 'Anonymous access is off',
      text: 'applicationHost.config disables anonymousAuthentication and enables basicAuthentication (both sections are locked at server level, so IIS Manager writes them there). A browser asks for /iisstart.htm with no credentials. At AuthenticateRequest no module produces a user, so IIS Web Core sets 401.2: access denied by the server\'s authentication configuration.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'IIS Web Core' },
    },
    {
      title: 'The challenge',
      text: 'At SendResponse BasicAuthenticationModule adds "WWW-Authenticate: Basic realm=localhost" to the 401. That header is the challenge: it is what makes a browser show its user name and password box.',
      highlight: ['httpsys:listener', 'client'],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'The browser answers with credentials',
      text: 'The browser sends the request again with "Authorization: Basic" and alice:alice-pw in base64, which is an encoding, not encryption: Basic belongs on https only. BasicAuthenticationModule calls LogonUser with them; TokenCacheModule keeps the token (UserTokenTTL, 900 s by default) so the next request skips the logon.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm', { user: 'alice:alice-pw' })],
      pauseAt: { event: 'AUTH_SUCCEEDED', module: 'BasicAuthenticationModule' },
    },
    {
      title: '200 for alice',
      text: 'The request has a user, so authorization lets it through and StaticFileModule sends the file. HTTP.sys does not keep this response in its kernel cache: the request was authenticated, and a cached copy would be served to anyone.',
      highlight: ['httpsys:listener', 'client'],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'A wrong password: 401.1',
      text: 'alice:wrong. LogonUser refuses it, so BasicAuthenticationModule sets 401.1, logon failed. The response carries the challenge again, and the browser asks once more.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm', { user: 'alice:wrong' })],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'BasicAuthenticationModule' },
    },
  ],
  questions: [
    { prompt: 'bob (password bob-pw) asks for /iisstart.htm: status, and who decides it?', request: get('/iisstart.htm', { user: 'bob:bob-pw' }), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'Basic logs bob on; StaticFileModule sends the file.' },
    { prompt: 'alice asks for /iisstart.htm again, with the right password. Does HTTP.sys answer from its cache?', request: get('/iisstart.htm', { user: 'alice:alice-pw' }), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'No: HTTP.sys never caches a response to an authenticated request, so it goes to the worker every time.' },
    { prompt: 'No credentials, GET /x.mdb?', request: get('/x.mdb'), answer: { status: '404.7', decidedBy: 'RequestFilteringModule' }, why: 'RequestFilteringModule runs at BeginRequest, before AuthenticateRequest: the .mdb extension is refused before anyone asks who the client is.' },
  ],
};

/** The site's web.config: Forms authentication, anonymous users denied, the login page open to all. */
const FORMS_WEB_CONFIG = webConfig(
  '    <modules runAllManagedModulesForAllRequests="true" />',
  '\n    <authentication mode="Forms">\n      <forms loginUrl="~/login.aspx" />\n    </authentication>\n    <authorization>\n      <deny users="?" />\n    </authorization>\n  ',
).replace('</configuration>', '  <location path="login.aspx">\n    <system.web>\n      <authorization>\n        <allow users="*" />\n      </authorization>\n    </system.web>\n  </location>\n</configuration>');

const FORMS_DECIDERS = [...COMMON_DECIDERS, 'UrlAuthorization'] as const;
const FORMS_STATUSES = ['200.0', '302.0', '401.0', '401.2', '403.0', '404.0', '404.7', '500.19', '503.0'] as const;

export const formsStaticFiles: Scenario = {
  id: 'forms-static-files',
  title: 'Forms authentication: static files in Integrated and Classic mode',
  summary: 'Integrated mode: Forms authentication protects iisstart.htm too. Classic mode: only the .aspx pages.',
  workspace: { files: { 'web.config': FORMS_WEB_CONFIG, 'login.aspx': '<%@ Page Language="C#" %>\n<form method="post"><input name="user" /><input type="password" name="password" /></form>\n' } },
  steps: [
    {
      title: 'Forms authentication for the whole site',
      text: 'The site\'s web.config sets system.web authentication mode="Forms" and denies anonymous users (deny users="?"), and modules runAllManagedModulesForAllRequests="true". DefaultAppPool is Integrated: managed modules run inside IIS\'s own pipeline, here even for a static .htm. ManagedEngine creates the AppDomain, and the managed UrlAuthorization module refuses the anonymous user at AuthorizeRequest: 401.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'UrlAuthorization' },
    },
    {
      title: 'The 401 becomes a redirect to the login page',
      text: 'At EndRequest FormsAuthentication turns the 401 into 302 Found, Location /login.aspx?ReturnUrl=%2fiisstart.htm. The static file is protected like a page.',
      highlight: ['httpsys:listener', 'client'],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'With a forms ticket',
      text: 'After logging in, the browser sends the .ASPXAUTH cookie (in this simulation the ticket simply names the user, alice). FormsAuthentication reads it, UrlAuthorization lets alice in, and StaticFileModule sends the file.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm', { headers: { Cookie: '.ASPXAUTH=alice' } })],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'The pool switches to Classic mode',
      text: 'An administrator sets DefaultAppPool\'s managedPipelineMode to Classic. It is a pool setting, so WAS recycles the pool: a new w3wp.exe starts in Classic mode beside the old one, which then exits.',
      highlight: ['was', 'pool:DefaultAppPool'],
      actions: [{ do: 'edit', edit: setPoolAttributes('DefaultAppPool', { managedPipelineMode: 'Classic' }), label: 'Set DefaultAppPool to Classic mode' }],
      pauseAt: { event: 'WAS_RECYCLE' },
    },
    {
      title: 'The static file is no longer protected',
      text: 'An anonymous GET /iisstart.htm: 200. In Classic mode managed modules do not run in IIS\'s pipeline at all; ASP.NET runs inside aspnet_isapi.dll, and only for the extensions mapped to it (.aspx, .asmx, .ashx, ...). The .htm goes to StaticFileModule, and Forms authentication never sees it.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm')],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'Pages are still protected',
      text: 'GET /hello.aspx: the handler is PageHandlerFactory-ISAPI-4.0_64bit, so IsapiModule hands the request to aspnet_isapi.dll, which runs ASP.NET\'s own pipeline: Forms authentication and authorization deny the anonymous user, and the answer is the same 302 to the login page, decided inside IsapiModule.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/hello.aspx')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'IsapiModule' },
    },
  ],
  questions: [
    { prompt: 'Classic mode, anonymous: GET /iisstart.htm?', request: get('/iisstart.htm'), statuses: FORMS_STATUSES, deciders: FORMS_DECIDERS, answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'ASP.NET sees only its own extensions in Classic mode: the static file is served to anyone.' },
    { prompt: 'Classic mode, alice\'s ticket: GET /hello.aspx?', request: get('/hello.aspx', { headers: { Cookie: '.ASPXAUTH=alice' } }), statuses: FORMS_STATUSES, deciders: FORMS_DECIDERS, answer: { status: '200.0', decidedBy: 'IsapiModule' }, why: 'aspnet_isapi.dll reads the ticket and renders the page; in IIS\'s pipeline the handler is IsapiModule.' },
    { prompt: 'Classic mode, anonymous: GET /iisstart.htm a third time?', request: get('/iisstart.htm'), statuses: FORMS_STATUSES, deciders: FORMS_DECIDERS, answer: { status: '200.0', decidedBy: 'HTTP.sys' }, why: 'Not only unprotected: an anonymous static file asked for twice is now in HTTP.sys\'s kernel cache, answered without user mode.' },
  ],
};

const PRIVATE_WEB_CONFIG = webConfig('    <security>\n      <authentication>\n        <anonymousAuthentication enabled="false" />\n      </authentication>\n    </security>');
const PRIVATE = 'Default Web Site/private';

export const lockedSection: Scenario = {
  id: 'locked-section',
  title: 'A locked section and its 500.19',
  summary: 'A web.config sets anonymousAuthentication, locked at server level: 500.19 until applicationHost.config unlocks it.',
  workspace: { files: { 'private/web.config': PRIVATE_WEB_CONFIG, 'private/page.htm': '<p>Private</p>\n' } },
  steps: [
    {
      title: 'A web.config sets a locked section',
      text: 'wwwroot\\private\\web.config turns anonymousAuthentication off. But applicationHost.config declares that section overrideModeDefault="Deny": only applicationHost.config may set it. When the worker reads the folder\'s configuration for /private/page.htm, IIS Web Core answers 500.19 (0x80070021, "This configuration section cannot be used at this path").',
      highlight: ['worker@DefaultAppPool', 'config'],
      actions: [send('/private/page.htm')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'IIS Web Core' },
    },
    {
      title: 'Only that folder fails',
      text: 'GET /iisstart.htm: 200. The error belongs to the URLs whose configuration includes that web.config; the rest of the site is served.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/iisstart.htm')],
      pauseAt: { event: 'HTTPSYS_RESPONSE_SENT' },
    },
    {
      title: 'Unlock the section for that path',
      text: 'IIS Manager\'s Feature Delegation (or appcmd unlock config) writes <location path="Default Web Site/private" overrideMode="Allow"> with the section into applicationHost.config. WAS is notified of the change and reads it.',
      highlight: ['config', 'was'],
      actions: [{
        do: 'edit',
        label: 'Unlock anonymousAuthentication for Default Web Site/private',
        edit: {
          op: 'batch',
          edits: [
            { op: 'addElement', file: APPLICATION_HOST, parent: '', name: 'location', attributes: { path: PRIVATE, overrideMode: 'Allow' } },
            { op: 'addElement', file: APPLICATION_HOST, parent: `${keyedStep('location', { path: PRIVATE })}/system.webServer/security/authentication`, name: 'anonymousAuthentication', attributes: {} },
          ],
        },
      }],
      pauseAt: { event: 'WAS_READ_CONFIG', component: 'applicationHost.config' },
    },
    {
      title: 'The web.config is honoured: 401.2',
      text: 'The same request: the folder\'s web.config now takes effect. Anonymous access is off there and no other scheme is on, so IIS Web Core sets 401.2. Unlocking worked; the folder is closed as its web.config asked.',
      highlight: ['worker@DefaultAppPool'],
      actions: [send('/private/page.htm')],
      pauseAt: { event: 'MODULE_SET_RESPONSE_ERROR_STATUS', module: 'IIS Web Core' },
    },
  ],
  questions: [
    { prompt: 'alice (alice-pw) asks for /private/page.htm?', request: get('/private/page.htm', { user: 'alice:alice-pw' }), answer: { status: '401.2', decidedBy: 'IIS Web Core' }, why: 'A browser offers credentials only for a scheme the server challenges with, and no scheme is enabled for /private: still 401.2.' },
    { prompt: 'GET /iisstart.htm?', request: get('/iisstart.htm'), answer: { status: '200.0', decidedBy: 'StaticFileModule' }, why: 'The root is untouched. The configuration change flushed the kernel cache, so the worker serves it.' },
    {
      prompt: 'The web.config also enables basicAuthentication. GET /private/page.htm?',
      before: [{ do: 'edit', label: 'Enable basicAuthentication in private\\web.config', edit: { op: 'setAttributes', file: { kind: 'content', physicalPath: DEFAULT_WWWROOT, relativePath: 'private/web.config' }, path: 'system.webServer/security/authentication/basicAuthentication', values: { enabled: 'true' } } }],
      request: get('/private/page.htm'),
      answer: { status: '500.19', decidedBy: 'IIS Web Core' },
      why: 'Only anonymousAuthentication was unlocked for /private. basicAuthentication is still locked, so the web.config is refused again: 500.19.',
    },
  ],
};
