/**
 * UrlAuthorizationModule (urlauthz.dll) at AuthorizeRequest: system.webServer/security/authorization.
 * Unlike ASP.NET's, IIS URL Authorization checks Deny rules before Allow rules, whatever their order
 * (iis-docs "Understanding IIS URL Authorization"). Denied: 401.2 [unverified: some builds log 401.3].
 * Also ConfigurationValidationModule at BeginRequest: system.web settings that integrated mode ignores
 * (500.22 to 500.24) unless validation validateIntegratedModeConfiguration="false".
 */
import type { AuthorizationRule } from '../../../config/index.ts';
import { setStatus, type ModuleBehaviour } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';

const list = (value: string): string[] => value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');

function ruleApplies(rule: AuthorizationRule, ctx: RequestContext, groups: readonly string[]): boolean {
  const verbs = list(rule.verbs);
  if (verbs.length > 0 && !verbs.includes(ctx.method.toLowerCase())) return false;
  const anonymous = ctx.user === undefined || ctx.user.authType === 'Anonymous';
  const users = list(rule.users);
  const userName = ctx.user?.name.toLowerCase() ?? '';
  if (users.includes('*') || (users.includes('?') && anonymous) || (!anonymous && users.includes(userName))) return true;
  const roles = list(rule.roles);
  return !anonymous && roles.some((role) => groups.includes(role));
}

export const urlAuthorizationModule: ModuleBehaviour = (ctx, env) => {
  const rules = ctx.effective.config.authorization.rules;
  const groups = (env.users.find((u) => u.name.toLowerCase() === ctx.user?.name.toLowerCase())?.groups ?? []).map((g) => g.toLowerCase());
  const deny = rules.find((r) => r.accessType === 'Deny' && ruleApplies(r, ctx, groups));
  const allow = rules.find((r) => r.accessType === 'Allow' && ruleApplies(r, ctx, groups));
  if (deny === undefined && allow !== undefined) return 'continue';
  const who = ctx.user === undefined || ctx.user.authType === 'Anonymous' ? 'anonymous users' : `the user "${ctx.user.name}"`;
  const why = deny !== undefined ? `a Deny rule (users="${deny.users}" roles="${deny.roles}")` : 'no Allow rule';
  return setStatus(ctx, env, 401, 2, 'UrlAuthorizationModule', `security/authorization denies ${who}: ${why} matches (401.2).`, '0x80070005');
};

export const configurationValidationModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.managedPipelineMode !== 'Integrated' || !ctx.effective.config.validation.validateIntegratedModeConfiguration) return 'continue';
  const web = ctx.effective.systemWeb;
  const module = 'ConfigurationValidationModule';
  if (web.hasHttpModules) {
    return setStatus(ctx, env, 500, 22, module, 'system.web/httpModules is not used in Integrated mode: move the modules to system.webServer/modules, or set validateIntegratedModeConfiguration="false" (500.22).', '0x80070032');
  }
  if (web.hasHttpHandlers) {
    return setStatus(ctx, env, 500, 23, module, 'system.web/httpHandlers is not used in Integrated mode: move the handlers to system.webServer/handlers (500.23).', '0x80070032');
  }
  if (web.impersonate) {
    return setStatus(ctx, env, 500, 24, module, 'system.web/identity impersonate="true" does not apply in Integrated mode (500.24).', '0x80070032');
  }
  return 'continue';
};
