/**
 * RequestFilteringModule (modrqflt.dll) at BeginRequest, before any handler runs: the checks of
 * system.webServer/security/requestFiltering with the substatus table of the IIS configuration
 * reference (learn.microsoft.com/iis/configuration/system.webServer/security/requestFiltering/, "How
 * to" and each child element's note) and KB 943891 (fact sheet §4).
 *
 * Order. The request limits come first: they are what a request is before IIS reads it (its
 * Content-Length header, its URL and query string lengths, its header sizes), so an oversized request is
 * refused before anything else looks at it (requestLimits: "maxAllowedContentLength ... in the
 * Content-Length header"). Then the URL's form (double escaping 404.11, high-bit characters 404.12),
 * the verb (404.6), and the URL's names: a hidden segment (404.8) is reported before a denied file
 * extension (404.7): a request for web.config is both, and IIS answers it "HTTP Error 404.8 - Not
 * Found: The request filtering module is configured to deny a path in the URL that contains a
 * hiddenSegment section", as Microsoft's troubleshooting guides show it; the hiddenSegments reference
 * names web.config among the segments IIS blocks with 404.8 (.../requestFiltering/hiddenSegments/).
 * Then URL sequences (404.5), query string sequences (404.18) and the custom filtering rules (404.19)
 * [inferred beyond the web.config case: no Microsoft page states the whole order].
 *
 * Version: IIS 10 answers an over-long body 413.1 and an over-long header 431; IIS 7.0-8.5 answer
 * 404.13 and 404.10 (requestLimits reference, compatibility table; KB 943891). The workspace's IIS
 * version chooses.
 */
import { iisAtLeast } from '../../../config/index.ts';
import { setStatus, type ModuleBehaviour, type ModuleOutcome, type PipelineEnvironment } from '../environment.ts';
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

/**
 * The body's size as IIS sees it at BeginRequest: the Content-Length header (the body has not been
 * read yet); without one, the size the request says it sends.
 */
function contentLengthOf(ctx: RequestContext): number {
  const header = ctx.headers.get('content-length');
  if (header !== undefined && /^\s*\d+\s*$/.test(header)) return Number(header);
  return ctx.bodySize;
}

function deny(ctx: RequestContext, env: PipelineEnvironment, status: number, subStatus: number, reason: string): ModuleOutcome {
  return setStatus(ctx, env, status, subStatus, NAME, reason);
}

/** requestLimits: body (413.1 / 404.13), URL (404.14), query string (404.15), headers (431 / 404.10). */
function checkRequestLimits(ctx: RequestContext, env: PipelineEnvironment): ModuleOutcome {
  const limits = ctx.effective.config.requestFiltering.requestLimits;
  const iis10 = iisAtLeast(ctx.iisVersion, '10.0');
  const contentLength = contentLengthOf(ctx);
  if (contentLength > limits.maxAllowedContentLength) {
    const [status, subStatus] = iis10 ? [413, 1] : [404, 13];
    return deny(ctx, env, status, subStatus, `The Content-Length is ${String(contentLength)} bytes, over requestLimits maxAllowedContentLength=${String(limits.maxAllowedContentLength)} (${String(status)}.${String(subStatus)}).`);
  }
  if (ctx.rawPath.length > limits.maxUrl) {
    return deny(ctx, env, 404, 14, `The URL is ${String(ctx.rawPath.length)} characters, over requestLimits maxUrl=${String(limits.maxUrl)} (404.14).`);
  }
  if (ctx.queryString.length > limits.maxQueryString) {
    return deny(ctx, env, 404, 15, `The query string is ${String(ctx.queryString.length)} characters, over requestLimits maxQueryString=${String(limits.maxQueryString)} (404.15).`);
  }
  for (const limit of limits.headerLimits) {
    const value = ctx.headers.get(limit.header.toLowerCase());
    if (value !== undefined && value.length > limit.sizeLimit) {
      const [status, subStatus] = iis10 ? [431, 0] : [404, 10];
      return deny(ctx, env, status, subStatus, `The header ${limit.header} is longer than requestLimits/headerLimits sizeLimit=${String(limit.sizeLimit)} (${status === 431 ? '431' : '404.10'}).`);
    }
  }
  return 'continue';
}

/** hiddenSegments (404.8), fileExtensions (404.7), denyUrlSequences (404.5), in that order. */
function checkUrlNames(ctx: RequestContext, env: PipelineEnvironment, extension: string): ModuleOutcome {
  const rf = ctx.effective.config.requestFiltering;
  const lowerPath = ctx.path.toLowerCase();
  if (rf.hiddenSegments.length > 0) {
    const segments = lowerPath.split('/');
    for (const hidden of rf.hiddenSegments) {
      if (segments.includes(hidden.toLowerCase())) return deny(ctx, env, 404, 8, `The URL contains the segment "${hidden}", hidden by requestFiltering/hiddenSegments (404.8).`);
    }
  }
  // An extensionless URL is listed as "." (requestFiltering fileExtensions).
  const listed = extension === '' ? '.' : extension;
  const extensionRule = rf.fileExtensions.entries.find((e) => e.fileExtension.toLowerCase() === listed);
  if ((extensionRule !== undefined && !extensionRule.allowed) || (extensionRule === undefined && !rf.fileExtensions.allowUnlisted)) {
    return deny(ctx, env, 404, 7, `The extension ${extension === '' ? '(none)' : extension} is denied by requestFiltering/fileExtensions (404.7).`);
  }
  for (const sequence of rf.denyUrlSequences) {
    if (lowerPath.includes(sequence.toLowerCase())) return deny(ctx, env, 404, 5, `The URL contains "${sequence}", denied by requestFiltering/denyUrlSequences (404.5).`);
  }
  return 'continue';
}

/** filteringRules (404.19): each rule's deny strings in the URL, query string or headers it scans. */
function checkFilteringRules(ctx: RequestContext, env: PipelineEnvironment, extension: string): ModuleOutcome {
  const lowerPath = ctx.path.toLowerCase();
  const lowerQuery = ctx.queryString.toLowerCase();
  for (const rule of ctx.effective.config.requestFiltering.filteringRules) {
    if (rule.appliesTo.length > 0 && !rule.appliesTo.some((e) => e.toLowerCase() === extension)) continue;
    const scanned: string[] = [];
    if (rule.scanUrl) scanned.push(lowerPath);
    if (rule.scanQueryString) scanned.push(lowerQuery);
    for (const header of rule.scanHeaders) scanned.push((ctx.headers.get(header.toLowerCase()) ?? '').toLowerCase());
    const hit = rule.denyStrings.find((denied) => scanned.some((text) => text.includes(denied.toLowerCase())));
    if (hit !== undefined) return deny(ctx, env, 404, 19, `The request contains "${hit}", denied by the requestFiltering/filteringRules rule "${rule.name}" (404.19).`);
  }
  return 'continue';
}

export const requestFilteringModule: ModuleBehaviour = (ctx, env) => {
  const rf = ctx.effective.config.requestFiltering;
  if (checkRequestLimits(ctx, env) === 'finish') return 'finish';
  if (!rf.allowDoubleEscaping && (ctx.path.includes('%') || ctx.path.includes('+'))) {
    return deny(ctx, env, 404, 11, 'The URL is double-escaped, and requestFiltering allowDoubleEscaping is false (404.11).');
  }
  if (!rf.allowHighBitCharacters && (hasHighBitCharacter(ctx.path) || hasHighBitCharacter(ctx.queryString))) {
    return deny(ctx, env, 404, 12, 'The URL has non-ASCII characters, and requestFiltering allowHighBitCharacters is false (404.12).');
  }
  const verbRule = rf.verbs.entries.find((v) => v.verb === ctx.method);
  if ((verbRule !== undefined && !verbRule.allowed) || (verbRule === undefined && !rf.verbs.allowUnlisted)) {
    return deny(ctx, env, 404, 6, `The verb ${ctx.method} is denied by requestFiltering/verbs (404.6).`);
  }
  // alwaysAllowedUrls (IIS 10) lets a URL past the URL and query string checks, not past the limits.
  if (isAlwaysAllowed(ctx)) return 'continue';
  const extension = extensionOf(ctx.path);
  if (checkUrlNames(ctx, env, extension) === 'finish') return 'finish';
  const lowerQuery = ctx.queryString.toLowerCase();
  for (const sequence of rf.denyQueryStringSequences) {
    if (lowerQuery.includes(sequence.toLowerCase())) return deny(ctx, env, 404, 18, `The query string contains "${sequence}", denied by requestFiltering/denyQueryStringSequences (404.18).`);
  }
  return checkFilteringRules(ctx, env, extension);
};
