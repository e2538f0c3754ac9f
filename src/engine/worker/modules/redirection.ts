/**
 * HttpRedirectionModule (redirect.dll) at MapRequestHandler: system.webServer/httpRedirect. Status by
 * httpResponseStatus: Permanent 301, Found 302, Temporary 307, PermRedirect 308. Without
 * exactDestination the rest of the URL is appended to the destination; childOnly redirects only
 * requests below the folder the setting belongs to [simplified: below the destination-bearing URL].
 */
import { setStatus, type ModuleBehaviour } from '../environment.ts';

const STATUS = { Permanent: 301, Found: 302, Temporary: 307, PermRedirect: 308 } as const;

export const httpRedirectionModule: ModuleBehaviour = (ctx, env) => {
  const redirect = ctx.effective.config.httpRedirect;
  if (!redirect.enabled || redirect.destination === '') return 'continue';
  let location = redirect.destination;
  if (!redirect.exactDestination) location = location.replace(/\/+$/, '') + ctx.path;
  if (location === ctx.rawUrl) return 'continue';
  const status = STATUS[redirect.httpResponseStatus];
  ctx.responseHeaders.set('Location', location);
  setStatus(ctx, env, status, 0, 'HttpRedirectionModule', `httpRedirect sends the request to ${location} (httpResponseStatus="${redirect.httpResponseStatus}", ${String(status)}).`);
  ctx.finished = true;
  return 'finish';
};
