/**
 * The StaticFile handler's modules at ExecuteRequestHandler, in the handler's order
 * (StaticFileModule, DefaultDocumentModule, DirectoryListingModule), and ProtocolSupportModule for the
 * OPTIONS and TRACE handlers.
 * - StaticFileModule serves a file when its extension has a mimeMap (else 404.3), only for GET and HEAD
 *   (else 405.0).
 * - A folder asked for without its trailing slash gets the courtesy 301 to the slash form
 *   (DefaultDocumentModule [unverified which of the static handler's modules sends it]).
 * - DefaultDocumentModule serves the first file of defaultDocument/files that exists in the folder.
 * - DirectoryListingModule lists the folder when directoryBrowse is enabled, else 403.14.
 */
import { setStatus, type ModuleBehaviour, type PipelineEnvironment } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';
import type { PhysicalEntry } from '../../siteContent.ts';

/**
 * The Windows identity that opens the file: the authenticated user, or for anonymous requests
 * anonymousAuthentication's userName (IUSR), or the pool identity when that is empty.
 */
function fileIdentity(ctx: RequestContext, env: PipelineEnvironment): { name: string; groups: readonly string[] } {
  const user = ctx.user;
  if (user === undefined || user.authType === 'Anonymous') {
    const anonymousUser = ctx.effective.config.authentication.anonymous.userName;
    return anonymousUser === '' ? { name: `IIS AppPool\\${ctx.effective.application.applicationPool}`, groups: ['IIS_IUSRS'] } : { name: anonymousUser, groups: [] };
  }
  const known = env.users.find((u) => u.name.toLowerCase() === user.name.toLowerCase());
  return { name: user.name, groups: [...(known?.groups ?? []), 'Authenticated Users'] };
}

/**
 * 401.3, "access is denied due to an ACL on the resource": the file's readers do not include the
 * identity that opens it (KB 943891; fact sheet §4). Returns the response, or undefined when allowed.
 */
function denyByAcl(ctx: RequestContext, env: PipelineEnvironment, entry: PhysicalEntry, decidedBy: string): ReturnType<ModuleBehaviour> | undefined {
  const readers = entry.readers;
  if (readers === undefined) return undefined;
  const identity = fileIdentity(ctx, env);
  const names = new Set([identity.name, ...identity.groups, 'Everyone'].map((n) => n.toLowerCase()));
  if (readers.some((r) => names.has(r.toLowerCase()))) return undefined;
  return setStatus(
    ctx,
    env,
    401,
    3,
    decidedBy,
    `The file's ACL lets ${readers.length === 0 ? 'no one' : readers.join(', ')} read it, not ${identity.name}${identity.groups.length > 0 ? ` (${identity.groups.join(', ')})` : ''}: access denied (401.3).`,
    '0x80070005',
  );
}

/** The mimeMap of a file's extension; `wildcard` when only a `.*` mimeMap matched it. */
function mimeMapOf(ctx: RequestContext, name: string): { mimeType: string; wildcard: boolean } | undefined {
  const mimeMaps = ctx.effective.config.staticContent.mimeMaps;
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const extension = name.slice(dot).toLowerCase();
    const exact = mimeMaps.find((m) => m.fileExtension.toLowerCase() === extension);
    if (exact !== undefined) return { mimeType: exact.mimeType, wildcard: false };
  }
  const wildcard = mimeMaps.find((m) => m.fileExtension === '.*');
  return wildcard === undefined ? undefined : { mimeType: wildcard.mimeType, wildcard: true };
}

function mimeTypeOf(ctx: RequestContext, name: string): string | undefined {
  return mimeMapOf(ctx, name)?.mimeType;
}

function serveFile(ctx: RequestContext, name: string, size: number, decidedBy: string, reason: string): ReturnType<ModuleBehaviour> {
  const mimeType = mimeTypeOf(ctx, name);
  ctx.responseHeaders.set('Content-Type', mimeType ?? 'application/octet-stream');
  ctx.responseHeaders.set('Accept-Ranges', 'bytes');
  ctx.responseHeaders.set('ETag', `"${(size * 2654435761 >>> 0).toString(16)}:0"`);
  ctx.responseBytes = ctx.method === 'HEAD' ? 0 : size;
  ctx.extraCost += size / 1024;
  ctx.servedStaticFile = true;
  ctx.status = 200;
  ctx.subStatus = 0;
  ctx.decidedBy = decidedBy;
  ctx.reason = reason;
  return 'finish';
}

const isReadVerb = (method: string): boolean => method === 'GET' || method === 'HEAD';

export const staticFileModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.entry.kind !== 'file') return 'continue';
  if (!isReadVerb(ctx.method)) {
    return setStatus(ctx, env, 405, 0, 'StaticFileModule', `The static file handler serves only GET and HEAD; ${ctx.method} is not allowed (405.0).`);
  }
  const name = ctx.path.slice(ctx.path.lastIndexOf('/') + 1);
  const mimeMap = mimeMapOf(ctx, name);
  if (mimeMap === undefined) {
    return setStatus(ctx, env, 404, 3, 'StaticFileModule', `The file exists, but staticContent has no mimeMap for its extension, so IIS will not serve it (404.3).`);
  }
  // "The requested content appears to be script and will not be served by the static file handler":
  // only the wildcard mimeMap matched, and the extension's own handler was passed over for its
  // preCondition (KB 943891 lists 404.17; the conditions are those of IIS's error page [inferred]).
  if (mimeMap.wildcard && ctx.scriptHandlerSkipped !== undefined) {
    return setStatus(
      ctx,
      env,
      404,
      17,
      'StaticFileModule',
      `The file is script: its handler ${ctx.scriptHandlerSkipped} was passed over because its preCondition does not hold for this pool, so the static file handler matched it through the wildcard mimeMap ".*" and refuses to send it (404.17).`,
    );
  }
  const denied = denyByAcl(ctx, env, ctx.entry, 'StaticFileModule');
  if (denied !== undefined) return denied;
  return serveFile(ctx, name, ctx.entry.size, 'StaticFileModule', `StaticFileModule sent the file ${ctx.effective.physicalPath}.`);
};

export const defaultDocumentModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.entry.kind !== 'directory' || ctx.finished) return 'continue';
  if (!ctx.path.endsWith('/')) {
    const location = `${ctx.scheme}://${ctx.host}${(ctx.scheme === 'http' && ctx.port === 80) || (ctx.scheme === 'https' && ctx.port === 443) ? '' : `:${String(ctx.port)}`}${ctx.path}/${ctx.queryString === '' ? '' : `?${ctx.queryString}`}`;
    ctx.responseHeaders.set('Location', location);
    setStatus(ctx, env, 301, 0, 'DefaultDocumentModule', `${ctx.path} is a folder: IIS sends the courtesy redirect to ${ctx.path}/ (301).`);
    ctx.finished = true;
    return 'finish';
  }
  const defaultDocument = ctx.effective.config.defaultDocument;
  if (!defaultDocument.enabled || !isReadVerb(ctx.method)) return 'continue';
  for (const file of defaultDocument.files) {
    const found = env.content.lookup(ctx.effective.virtualDirectory, `${ctx.relativePath.replace(/\/+$/, '')}/${file}`);
    if (found.kind === 'file') {
      ctx.defaultDocument = file;
      const child = env.runChildRequest?.(`${ctx.path}${file}`, found);
      if (child !== undefined) return child;
      const denied = denyByAcl(ctx, env, found, 'DefaultDocumentModule');
      if (denied !== undefined) return denied;
      return serveFile(ctx, file, found.size, 'DefaultDocumentModule', `defaultDocument chose ${file}, the first of its files found in the folder.`);
    }
  }
  return 'continue';
};

export const directoryListingModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.entry.kind !== 'directory' || ctx.finished) return 'continue';
  if (!ctx.effective.config.directoryBrowse.enabled) {
    return setStatus(
      ctx,
      env,
      403,
      14,
      'DirectoryListingModule',
      `The folder has none of the defaultDocument files (${ctx.effective.config.defaultDocument.files.join(', ')}) and directoryBrowse is disabled (403.14).`,
    );
  }
  const names = env.content.list(ctx.effective.virtualDirectory, ctx.relativePath);
  ctx.responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  ctx.responseBytes = 400 + names.length * 120;
  ctx.status = 200;
  ctx.subStatus = 0;
  ctx.decidedBy = 'DirectoryListingModule';
  ctx.reason = `directoryBrowse is enabled: IIS lists the ${String(names.length)} entries of the folder.`;
  return 'finish';
};

export const protocolSupportHandler: ModuleBehaviour = (ctx) => {
  if (ctx.method === 'OPTIONS') {
    ctx.responseHeaders.set('Allow', 'OPTIONS, TRACE, GET, HEAD, POST');
    ctx.responseHeaders.set('Public', 'OPTIONS, TRACE, GET, HEAD, POST');
    ctx.reason = 'ProtocolSupportModule answered OPTIONS with the verbs the server allows.';
  } else {
    ctx.responseHeaders.set('Content-Type', 'message/http');
    ctx.reason = 'ProtocolSupportModule echoed the TRACE request.';
  }
  ctx.status = 200;
  ctx.subStatus = 0;
  ctx.decidedBy = 'ProtocolSupportModule';
  return 'finish';
};

/** ProtocolSupportModule at SendResponse: the custom headers of httpProtocol (X-Powered-By, ...). */
export const protocolSupportSendResponse: ModuleBehaviour = (ctx, env) => {
  for (const header of ctx.effective.config.httpProtocol.customHeaders) {
    ctx.responseHeaders.set(header.name, header.value);
    if (env.tracing) env.emit('GENERAL_SET_RESPONSE_HEADER', { module: 'ProtocolSupportModule', data: { HeaderName: header.name, HeaderValue: header.value, Replace: 'true' } });
  }
  return 'continue';
};
