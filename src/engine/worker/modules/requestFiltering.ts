/**
 * RequestFilteringModule (modrqflt.dll) at BeginRequest: the checks of system.webServer/security/
 * requestFiltering, with the substatus codes of KB 943891 (fact sheet §4). For an over-long body and an
 * over-long header current IIS 10 answers 413.1 and 431 (iis-docs requestFiltering, 2019; KB 943891
 * still lists 404.13 and 404.10): IIS Flow follows current IIS 10.
 */
import { setStatus, type ModuleBehaviour } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';

const NAME = 'RequestFilteringModule';

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function hasHighBitCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

function isAlwaysAllowed(ctx: RequestContext): boolean {
  const urls = ctx.effective.config.requestFiltering.alwaysAllowedUrls;
  return urls.length > 0 && urls.some((url) => url.toLowerCase() === ctx.path.toLowerCase());
}

export const requestFilteringModule: ModuleBehaviour = (ctx, env) => {
  const rf = ctx.effective.config.requestFiltering;
  const deny = (subStatus: number, reason: string, status = 404): ReturnType<ModuleBehaviour> => setStatus(ctx, env, status, subStatus, NAME, reason);

  if (!rf.allowDoubleEscaping && (ctx.path.includes('%') || ctx.path.includes('+'))) {
    return deny(11, `The URL is double-escaped, and requestFiltering allowDoubleEscaping is false (404.11).`);
  }
  if (!rf.allowHighBitCharacters && hasHighBitCharacter(ctx.path + ctx.queryString)) {
    return deny(12, 'The URL has non-ASCII characters, and requestFiltering allowHighBitCharacters is false (404.12).');
  }
  const limits = rf.requestLimits;
  if (ctx.bodySize > limits.maxAllowedContentLength) {
    return deny(1, `The body is ${String(ctx.bodySize)} bytes, over requestLimits maxAllowedContentLength=${String(limits.maxAllowedContentLength)} (413.1).`, 413);
  }
  if (ctx.rawPath.length > limits.maxUrl) {
    return deny(14, `The URL is ${String(ctx.rawPath.length)} characters, over requestLimits maxUrl=${String(limits.maxUrl)} (404.14).`);
  }
  if (ctx.queryString.length > limits.maxQueryString) {
    return deny(15, `The query string is ${String(ctx.queryString.length)} characters, over requestLimits maxQueryString=${String(limits.maxQueryString)} (404.15).`);
  }
  const verbRule = rf.verbs.entries.find((v) => v.verb === ctx.method);
  if ((verbRule !== undefined && !verbRule.allowed) || (verbRule === undefined && !rf.verbs.allowUnlisted)) {
    return deny(6, `The verb ${ctx.method} is denied by requestFiltering/verbs (404.6).`);
  }
  if (isAlwaysAllowed(ctx)) return 'continue';
  const extension = extensionOf(ctx.path);
  // An extensionless URL is listed as "." (requestFiltering fileExtensions).
  const listed = extension === '' ? '.' : extension;
  const extensionRule = rf.fileExtensions.entries.find((e) => e.fileExtension.toLowerCase() === listed);
  {
    if ((extensionRule !== undefined && !extensionRule.allowed) || (extensionRule === undefined && !rf.fileExtensions.allowUnlisted)) {
      return deny(7, `The extension ${extension === '' ? '(none)' : extension} is denied by requestFiltering/fileExtensions (404.7).`);
    }
  }
  const segments = ctx.path.toLowerCase().split('/');
  for (const hidden of rf.hiddenSegments) {
    const lower = hidden.toLowerCase();
    if (segments.includes(lower)) return deny(8, `The URL contains the segment "${hidden}", hidden by requestFiltering/hiddenSegments (404.8).`);
  }
  const lowerPath = ctx.path.toLowerCase();
  for (const sequence of rf.denyUrlSequences) {
    if (lowerPath.includes(sequence.toLowerCase())) return deny(5, `The URL contains "${sequence}", denied by requestFiltering/denyUrlSequences (404.5).`);
  }
  const lowerQuery = ctx.queryString.toLowerCase();
  for (const sequence of rf.denyQueryStringSequences) {
    if (lowerQuery.includes(sequence.toLowerCase())) return deny(18, `The query string contains "${sequence}", denied by requestFiltering/denyQueryStringSequences (404.18).`);
  }
  for (const rule of rf.filteringRules) {
    if (rule.appliesTo.length > 0 && !rule.appliesTo.some((e) => e.toLowerCase() === extension)) continue;
    const scanned: string[] = [];
    if (rule.scanUrl) scanned.push(lowerPath);
    if (rule.scanQueryString) scanned.push(lowerQuery);
    for (const header of rule.scanHeaders) scanned.push((ctx.headers.get(header.toLowerCase()) ?? '').toLowerCase());
    const hit = rule.denyStrings.find((denied) => scanned.some((text) => text.includes(denied.toLowerCase())));
    if (hit !== undefined) return deny(19, `The request contains "${hit}", denied by the requestFiltering/filteringRules rule "${rule.name}" (404.19).`);
  }
  for (const limit of limits.headerLimits) {
    const value = ctx.headers.get(limit.header.toLowerCase());
    if (value !== undefined && value.length > limit.sizeLimit) {
      return deny(0, `The header ${limit.header} is longer than requestLimits/headerLimits sizeLimit=${String(limit.sizeLimit)} (431).`, 431);
    }
  }
  return 'continue';
};
