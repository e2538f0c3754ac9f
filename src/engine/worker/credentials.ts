/**
 * The credentials a request offers (an Authorization header, or the composer's user, offered the way a
 * browser would: only for a scheme the server challenges with), and TokenCacheModule, which spares a
 * Basic logon its LogonUser while the user's token is cached.
 */
import type { EffectiveConfig } from '../../config/index.ts';
import type { InFlightRequest, SimulationState, WorkerProcess } from '../state.ts';
import type { RequestContext } from './requestContext.ts';

export function credentialsOf(user: string | undefined, headers: ReadonlyMap<string, string>, effective: EffectiveConfig): RequestContext['credentials'] {
  const authorization = headers.get('authorization');
  if (authorization !== undefined) {
    const [scheme = '', value = ''] = authorization.split(/\s+/, 2);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = decodeBase64(value);
      const colon = decoded.indexOf(':');
      return { scheme: 'Basic', name: colon < 0 ? decoded : decoded.slice(0, colon), password: colon < 0 ? '' : decoded.slice(colon + 1) };
    }
    const [name = '', password = ''] = value.split(':');
    return { scheme, name, password };
  }
  if (user === undefined) return undefined;
  const colon = user.indexOf(':');
  const name = colon < 0 ? user : user.slice(0, colon);
  const password = colon < 0 ? '' : user.slice(colon + 1);
  // `user` offers credentials the way a browser would: only for a scheme the server challenges with.
  const a = effective.config.authentication;
  const scheme = a.basic.enabled ? 'Basic' : a.windows.enabled ? 'Negotiate' : a.digest.enabled ? 'Digest' : undefined;
  return scheme === undefined ? undefined : { scheme, name, password };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const char of text.replace(/=+$/, '')) {
    const index = BASE64.indexOf(char);
    if (index < 0) continue;
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** TokenCacheModule keeps a logon token for UserTokenTTL, 900 s by default (KB 954864, registry keys used by IIS). */
const USER_TOKEN_TTL = 900_000;

function tokenKey(name: string, password: string): string {
  return `${name.toLowerCase()}\n${password}`;
}

/** TokenCacheModule is a global module only (cachtokn.dll); an empty globalModules list counts as all. */
function hasTokenCache(effective: EffectiveConfig): boolean {
  const modules = effective.config.globalModules;
  return modules.length === 0 || modules.some((m) => m.name === 'TokenCacheModule');
}

export function logonThroughTokenCache(state: SimulationState, worker: WorkerProcess, effective: EffectiveConfig, name: string, password: string, succeeded: boolean): number {
  // Without TokenCacheModule in globalModules every request pays for its logon.
  if (!hasTokenCache(effective)) return state.costs.logonUser;
  const key = tokenKey(name, password);
  const cachedAt = worker.tokenCache.get(key);
  if (cachedAt !== undefined && state.now - cachedAt < USER_TOKEN_TTL) return 0;
  if (succeeded) worker.tokenCache.set(key, state.now);
  else worker.tokenCache.delete(key);
  return state.costs.logonUser;
}

/** Does this request offer credentials whose logon the token cache cannot answer? Then it cannot be replayed. */
export function needsLogon(state: SimulationState, flight: InFlightRequest, headers: ReadonlyMap<string, string>, effective: EffectiveConfig, worker: WorkerProcess): boolean {
  if (flight.request.user === undefined && !headers.has('authorization')) return false;
  const credentials = credentialsOf(flight.request.user, headers, effective);
  if (credentials === undefined) return false;
  if (!hasTokenCache(effective)) return true;
  const cachedAt = worker.tokenCache.get(tokenKey(credentials.name, credentials.password));
  return cachedAt === undefined || state.now - cachedAt >= USER_TOKEN_TTL;
}
