/**
 * Authentication at AuthenticateRequest (iis-modules-overview.md): each enabled scheme checks the
 * credentials offered against the workspace's simulated users; AnonymousAuthenticationModule, last,
 * sets the anonymous user when no one else did. Wrong credentials: 401.1 by the scheme's module. No user
 * at all after AuthenticateRequest: 401.2 by IIS Web Core (checked by the pipeline). On a 401 the
 * Basic, Windows and Digest modules add their WWW-Authenticate challenges at SendResponse.
 */
import { setStatus, type ModuleBehaviour, type PipelineEnvironment } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';

function checkCredentials(
  ctx: RequestContext,
  env: PipelineEnvironment,
  schemes: readonly string[],
  authType: string,
  module: string,
  enabled: boolean,
): ReturnType<ModuleBehaviour> {
  if (env.tracing) env.emit('AUTH_START', { module, data: { AuthTypeSupported: authType } });
  const credentials = ctx.credentials;
  if (enabled && credentials !== undefined && schemes.includes(credentials.scheme.toLowerCase()) && ctx.user === undefined) {
    const user = env.users.find((u) => u.name.toLowerCase() === credentials.name.toLowerCase());
    const succeeded = user !== undefined && user.password === credentials.password;
    // Basic carries the password in clear: the module calls LogonUser, through TokenCacheModule.
    const logonTime = authType === 'Basic' ? env.logonUser(credentials.name, credentials.password, succeeded) : 0;
    ctx.waitTime += logonTime;
    if (user === undefined || !succeeded) {
      if (env.tracing) env.emit('AUTH_END', { module });
      return setStatus(ctx, env, 401, 1, module, `${authType} logon failed for "${credentials.name}": wrong user name or password (401.1).`, '0x8007052e');
    }
    ctx.user = { name: user.name, authType };
    if (env.tracing) {
      env.emit('AUTH_SUCCEEDED', {
        module,
        data: { AuthType: authType, RemoteUserName: user.name, AuthUserName: user.name },
        detail: authType !== 'Basic' ? undefined : logonTime > 0
          ? `LogonUser made a token for ${user.name}; TokenCacheModule keeps it for UserTokenTTL (900 s by default).`
          : `The token of ${user.name} came from TokenCacheModule's cache: no LogonUser.`,
      });
      env.emit('USER_SET', { module, data: { AuthType: authType, UserName: user.name } });
    }
  }
  if (env.tracing) env.emit('AUTH_END', { module });
  return 'continue';
}

export const basicAuthenticationModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.notification === 'SEND_RESPONSE') {
    if (ctx.status === 401 && ctx.effective.config.authentication.basic.enabled) {
      const realm = ctx.effective.config.authentication.basic.realm || ctx.host;
      ctx.responseHeaders.set('WWW-Authenticate', appendChallenge(ctx.responseHeaders.get('WWW-Authenticate'), `Basic realm="${realm}"`));
    }
    return 'continue';
  }
  return checkCredentials(ctx, env, ['basic'], 'Basic', 'BasicAuthenticationModule', ctx.effective.config.authentication.basic.enabled);
};

export const windowsAuthenticationModule: ModuleBehaviour = (ctx, env) => {
  const windows = ctx.effective.config.authentication.windows;
  if (ctx.notification === 'SEND_RESPONSE') {
    if (ctx.status === 401 && windows.enabled) {
      let header = ctx.responseHeaders.get('WWW-Authenticate');
      for (const provider of windows.providers.length > 0 ? windows.providers : ['Negotiate', 'NTLM']) header = appendChallenge(header, provider);
      if (header !== undefined) ctx.responseHeaders.set('WWW-Authenticate', header);
    }
    return 'continue';
  }
  return checkCredentials(ctx, env, ['negotiate', 'ntlm'], 'Negotiate', 'WindowsAuthenticationModule', windows.enabled);
};

export const digestAuthenticationModule: ModuleBehaviour = (ctx, env) => {
  const digest = ctx.effective.config.authentication.digest;
  if (ctx.notification === 'SEND_RESPONSE') {
    if (ctx.status === 401 && digest.enabled) {
      ctx.responseHeaders.set('WWW-Authenticate', appendChallenge(ctx.responseHeaders.get('WWW-Authenticate'), `Digest qop="auth", realm="${digest.realm || ctx.host}"`));
    }
    return 'continue';
  }
  return checkCredentials(ctx, env, ['digest'], 'Digest', 'DigestAuthenticationModule', digest.enabled);
};

/** Certificate mapping needs a client certificate; simulated requests carry none, so it only traces. */
export const certificateMappingModule = (module: string): ModuleBehaviour => (_ctx, env) => {
  if (env.tracing) {
    env.emit('AUTH_START', { module, data: { AuthTypeSupported: 'MapCliCert' } });
    env.emit('AUTH_END', { module });
  }
  return 'continue';
};

export const anonymousAuthenticationModule: ModuleBehaviour = (ctx, env) => {
  const anonymous = ctx.effective.config.authentication.anonymous;
  if (env.tracing) env.emit('AUTH_START', { module: 'AnonymousAuthenticationModule', data: { AuthTypeSupported: 'Anonymous' } });
  ctx.anonymousAllowed = anonymous.enabled;
  // Credentials for a scheme an enabled module handles decided already; others (a Bearer token for the
  // application, or a disabled scheme) leave the request anonymous.
  if (anonymous.enabled && ctx.user === undefined && !offersEnabledScheme(ctx)) {
    ctx.user = { name: '', authType: 'Anonymous' };
    if (env.tracing) {
      env.emit('AUTH_REQUEST_AUTH_TYPE', { module: 'AnonymousAuthenticationModule', data: { RequestAuthType: 'Anonymous' } });
      env.emit('AUTH_SUCCEEDED', { module: 'AnonymousAuthenticationModule', data: { AuthType: 'Anonymous', RemoteUserName: '', AuthUserName: '' } });
      env.emit('USER_SET', { module: 'AnonymousAuthenticationModule', data: { AuthType: 'Anonymous', UserName: anonymous.userName } });
    }
  }
  if (env.tracing) env.emit('AUTH_END', { module: 'AnonymousAuthenticationModule' });
  return 'continue';
};

function offersEnabledScheme(ctx: RequestContext): boolean {
  const scheme = ctx.credentials?.scheme.toLowerCase();
  if (scheme === undefined) return false;
  const a = ctx.effective.config.authentication;
  return (scheme === 'basic' && a.basic.enabled) || ((scheme === 'negotiate' || scheme === 'ntlm') && a.windows.enabled) || (scheme === 'digest' && a.digest.enabled);
}

function appendChallenge(existing: string | undefined, challenge: string): string {
  return existing === undefined || existing === '' ? challenge : `${existing}, ${challenge}`;
}

/** IIS Web Core after AuthenticateRequest: no module produced a user (iis-modules-overview.md). */
export function requireAuthenticatedUser(ctx: RequestContext, env: PipelineEnvironment): ReturnType<ModuleBehaviour> {
  if (ctx.user !== undefined || ctx.finished) return 'continue';
  const a = ctx.effective.config.authentication;
  const enabled = [a.anonymous.enabled && 'anonymous', a.basic.enabled && 'basic', a.windows.enabled && 'windows', a.digest.enabled && 'digest'].filter(
    (x): x is string => typeof x === 'string',
  );
  const reason =
    enabled.length === 0
      ? 'No authentication is enabled for this URL (anonymousAuthentication, basicAuthentication, windowsAuthentication and digestAuthentication are all disabled) (401.2).'
      : ctx.credentials !== undefined
        ? `The request offered ${ctx.credentials.scheme} credentials, but only ${enabled.join(', ')} authentication is enabled (401.2).`
        : `anonymousAuthentication is disabled and the request offered no credentials for ${enabled.join(', ')} authentication (401.2).`;
  return setStatus(ctx, env, 401, 2, 'IIS Web Core', reason, '0x80070005');
}
