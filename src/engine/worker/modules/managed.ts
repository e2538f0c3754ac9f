/**
 * ASP.NET in the pipeline. In Integrated mode the managed modules run as IIS modules (ManagedEngine,
 * webengine4.dll) for managed handlers; in Classic mode ASP.NET runs inside aspnet_isapi.dll through
 * IsapiModule, for the managed extensions only, so Forms authentication protects .aspx pages but not
 * static files (introduction-to-iis-architecture.md, the seeds' point).
 * - FormsAuthentication: a `.ASPXAUTH` cookie naming a known user authenticates it; at EndRequest a
 *   401 becomes a 302 to the loginUrl with ReturnUrl.
 * - UrlAuthorization (managed): system.web/authorization, first matching rule wins (ASP.NET order).
 */
import { normalizePhysicalPath } from '../../../config/index.ts';
import { setStatus, type ModuleBehaviour, type PipelineEnvironment } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';

function cookie(ctx: RequestContext, name: string): string | undefined {
  const header = ctx.headers.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.split('=');
    if (key?.trim().toLowerCase() === name.toLowerCase()) return rest.join('=').trim();
  }
  return undefined;
}

function formsAuthenticate(ctx: RequestContext, env: PipelineEnvironment): void {
  const web = ctx.effective.systemWeb;
  if (web.authenticationMode !== 'Forms') return;
  const ticket = cookie(ctx, web.formsCookieName);
  const user = ticket === undefined ? undefined : env.users.find((u) => u.name.toLowerCase() === ticket.toLowerCase());
  if (user !== undefined) ctx.user = { name: user.name, authType: 'Forms' };
}

function aspNetAuthorize(ctx: RequestContext, env: PipelineEnvironment, module: string): ReturnType<ModuleBehaviour> {
  const anonymous = ctx.user === undefined || ctx.user.authType === 'Anonymous';
  const name = ctx.user?.name.toLowerCase() ?? '';
  for (const rule of ctx.effective.systemWeb.authorization) {
    if (rule.verbs.length > 0 && !rule.verbs.some((v) => v.toUpperCase() === ctx.method)) continue;
    const users = rule.users.map((u) => u.toLowerCase());
    const matches = users.includes('*') || (users.includes('?') && anonymous) || (!anonymous && users.includes(name));
    if (!matches) continue;
    if (rule.action === 'allow') return 'continue';
    return setStatus(ctx, env, 401, 0, module, `system.web/authorization denies ${anonymous ? 'anonymous users (deny users="?")' : `"${ctx.user?.name ?? ''}"`} (401).`);
  }
  return 'continue';
}

function formsRedirect(ctx: RequestContext): void {
  const web = ctx.effective.systemWeb;
  if (web.authenticationMode !== 'Forms' || ctx.status !== 401) return;
  const loginUrl = web.formsLoginUrl.replace(/^~/, '');
  const location = `${loginUrl.startsWith('/') ? '' : '/'}${loginUrl}?ReturnUrl=${encodeURIComponent(ctx.path)}`;
  ctx.responseHeaders.set('Location', location);
  ctx.status = 302;
  ctx.subStatus = 0;
  ctx.decidedBy = 'FormsAuthentication';
  ctx.reason = `Forms authentication (system.web/authentication mode="Forms") sends the anonymous user to the login page ${loginUrl} (302).`;
}

export const formsAuthenticationModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.notification === 'END_REQUEST') formsRedirect(ctx);
  else formsAuthenticate(ctx, env);
  return 'continue';
};

export const managedUrlAuthorizationModule: ModuleBehaviour = (ctx, env) => aspNetAuthorize(ctx, env, 'UrlAuthorization');

/** Managed modules with nothing IIS Flow decides for them (Session, Profile, OutputCache, ...). */
export const passiveManagedModule: ModuleBehaviour = () => 'continue';

/** The managed handler at ExecuteRequestHandler: a page or service of the application. */
export const managedPipelineHandler: ModuleBehaviour = (ctx, env) => {
  if (ctx.notification !== 'EXECUTE_REQUEST_HANDLER') return 'continue';
  return runManagedHandler(ctx, env, 'ManagedPipelineHandler');
};

function runManagedHandler(ctx: RequestContext, env: PipelineEnvironment, module: string): ReturnType<ModuleBehaviour> {
  const handler = ctx.handler;
  const extensionless = handler?.path === '*.';
  if (ctx.entry.kind === 'missing' && !extensionless) {
    return setStatus(ctx, env, 404, 0, module, `ASP.NET found no file ${ctx.effective.physicalPath} for the handler ${handler?.name ?? ''} (404).`, '0x80070002');
  }
  if (extensionless && ctx.entry.kind === 'missing') {
    return setStatus(ctx, env, 404, 0, module, `No route or file answers ${ctx.path}: the extensionless handler ${handler.name} found nothing (404).`, '0x80070002');
  }
  if ((handler?.type ?? '').includes('HttpForbiddenHandler')) {
    return setStatus(ctx, env, 403, 0, module, `${handler?.name ?? ''} maps this extension to System.Web.HttpForbiddenHandler: ASP.NET never serves it (403).`);
  }
  ctx.responseHeaders.set('Content-Type', ctx.path.toLowerCase().endsWith('.asmx') ? 'text/xml; charset=utf-8' : 'text/html; charset=utf-8');
  ctx.responseHeaders.set('Cache-Control', 'private');
  ctx.responseBytes = Math.max(ctx.entry.size * 3, 1024);
  ctx.status = 200;
  ctx.subStatus = 0;
  ctx.decidedBy = module;
  ctx.reason = `The managed handler ${handler?.name ?? ''} (${handler?.type ?? 'aspnet_isapi.dll'}) rendered the page.`;
  return 'finish';
}

/**
 * IsapiModule as a handler. For aspnet_isapi.dll (Classic mode) ASP.NET runs its own pipeline inside
 * the ISAPI extension: Forms authentication and system.web authorization apply here, after IIS's own
 * authentication and authorization already let the request through.
 */
export const isapiHandler: ModuleBehaviour = (ctx, env) => {
  const refused = restrictionRefuses(ctx, env, 'IsapiModule');
  if (refused !== undefined) return refused;
  const scriptProcessor = ctx.handler?.scriptProcessor.toLowerCase() ?? '';
  if (scriptProcessor.includes('aspnet_isapi.dll')) {
    formsAuthenticate(ctx, env);
    const outcome = aspNetAuthorize(ctx, env, 'IsapiModule');
    if (outcome === 'finish') {
      formsRedirect(ctx);
      if (ctx.status === 302) ctx.decidedBy = 'IsapiModule';
      return 'finish';
    }
    return runManagedHandler(ctx, env, 'IsapiModule');
  }
  return externalHandler('IsapiModule')(ctx, env, false);
};

/**
 * security/isapiCgiRestriction: IsapiModule and CgiModule run only the DLLs and programs listed as
 * allowed (or any, with notListedIsapisAllowed / notListedCgisAllowed); else 404.2.
 */
function restrictionRefuses(ctx: RequestContext, env: PipelineEnvironment, module: string): ReturnType<ModuleBehaviour> | undefined {
  if (module !== 'IsapiModule' && module !== 'CgiModule') return undefined;
  const program = ctx.handler?.scriptProcessor !== undefined && ctx.handler.scriptProcessor !== '' ? ctx.handler.scriptProcessor : ctx.effective.physicalPath;
  const restriction = ctx.effective.config.isapiCgiRestriction;
  const wanted = normalizePhysicalPath(program.split('|')[0]?.trim() ?? program);
  const entry = restriction.entries.find((e) => normalizePhysicalPath(e.path) === wanted);
  const allowed = entry?.allowed ?? (module === 'IsapiModule' ? restriction.notListedIsapisAllowed : restriction.notListedCgisAllowed);
  if (allowed) return undefined;
  return setStatus(
    ctx,
    env,
    404,
    2,
    module,
    `${program} is ${entry === undefined ? 'not listed' : 'listed as not allowed'} in security/isapiCgiRestriction, so ${module} will not run it (404.2).`,
    '0x800704ec',
  );
}

/** CGI, FastCGI, SSI, ASP and ANCM handlers: the external program or engine answers 200. */
export const externalHandler = (module: string): ModuleBehaviour => (ctx, env) => {
  if (ctx.entry.kind === 'missing' && ctx.handler?.resourceType !== 'Unspecified') {
    return setStatus(ctx, env, 404, 0, module, `${module} found no file ${ctx.effective.physicalPath} (404).`, '0x80070002');
  }
  const refused = restrictionRefuses(ctx, env, module);
  if (refused !== undefined) return refused;
  ctx.responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  ctx.responseBytes = 2048;
  ctx.status = 200;
  ctx.subStatus = 0;
  ctx.decidedBy = module;
  ctx.reason = `The handler ${ctx.handler?.name ?? ''} (${module}${ctx.handler?.scriptProcessor ? `, ${ctx.handler.scriptProcessor}` : ''}) produced the response.`;
  ctx.externalWork = true;
  return 'finish';
};

/** WebDAV with authoring off, the default: write verbs are refused [unverified substatus]. */
export const webDavHandler: ModuleBehaviour = (ctx, env) =>
  setStatus(ctx, env, 405, 0, 'WebDAVModule', `${ctx.method} is a WebDAV verb; WebDAV authoring is not enabled for this site (405).`);
