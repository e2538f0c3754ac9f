/**
 * IpRestrictionModule (iprestr.dll) at BeginRequest: system.webServer/security/ipSecurity. A denied
 * client gets the denyAction: Forbidden -> 403.6 (KB 943891 "IP address rejected"), Unauthorized ->
 * 401.503, NotFound -> 404.503, AbortRequest -> the connection is reset (fact sheet §4, [inferred] for
 * the .50x forms).
 */
import { setStatus, type ModuleBehaviour } from '../environment.ts';

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d{1,3}$/.test(part) || n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function ipInSubnet(ip: string, address: string, mask: string): boolean {
  const a = ipToNumber(ip);
  const b = ipToNumber(address);
  const m = ipToNumber(mask);
  if (a === undefined || b === undefined || m === undefined) return ip === address;
  // Unsigned arithmetic on 32-bit values.
  return (a & m) >>> 0 === (b & m) >>> 0;
}

export const ipRestrictionModule: ModuleBehaviour = (ctx, env) => {
  const ipSecurity = ctx.effective.config.ipSecurity;
  let allowed = ipSecurity.allowUnlisted;
  let rule = 'allowUnlisted';
  for (const entry of ipSecurity.rules) {
    if (entry.ipAddress !== '' && ipInSubnet(ctx.clientIp, entry.ipAddress, entry.subnetMask)) {
      allowed = entry.allowed;
      rule = `the rule for ${entry.ipAddress}/${entry.subnetMask}`;
      break;
    }
  }
  if (allowed) return 'continue';
  const why = `The client ${ctx.clientIp} is denied by ipSecurity (${rule}, denyAction=${ipSecurity.denyAction})`;
  switch (ipSecurity.denyAction) {
    case 'Forbidden':
      return setStatus(ctx, env, 403, 6, 'IpRestrictionModule', `${why} (403.6).`);
    case 'Unauthorized':
      return setStatus(ctx, env, 401, 503, 'IpRestrictionModule', `${why} (401.503).`);
    case 'NotFound':
      return setStatus(ctx, env, 404, 503, 'IpRestrictionModule', `${why} (404.503).`);
    case 'AbortRequest':
      ctx.abortConnection = true;
      return setStatus(ctx, env, 403, 6, 'IpRestrictionModule', `${why}: the connection is reset, no response is sent.`);
  }
};
