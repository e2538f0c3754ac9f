/**
 * Modules that shape the response on its way out: compression, custom errors, logging.
 * - StaticCompressionModule (MapRequestHandler) marks a static response for gzip when the client
 *   accepts it, its type is in httpCompression/staticTypes and it is at least minFileSizeForComp bytes.
 *   IIS compresses a static file only once it is requested often (staticCompressionIgnoreHitFrequency
 *   false): frequent hits are counted by the pipeline and passed in `frequentlyHit`.
 * - DynamicCompressionModule (ReleaseRequestState post) compresses dynamic responses of dynamicTypes;
 *   a dynamically compressed response is never kernel-cached (KB 817445).
 * - CustomErrorModule (SendResponse) replaces an error's body: detailed for local clients under
 *   errorMode="DetailedLocalOnly", else the custom page of httpErrors (GENERAL_SEND_CUSTOM_ERROR).
 */
import type { ModuleBehaviour } from '../environment.ts';
import type { RequestContext } from '../requestContext.ts';

function acceptsGzip(ctx: RequestContext): boolean {
  return /\bgzip\b/i.test(ctx.headers.get('accept-encoding') ?? '');
}

function typeListed(types: readonly { mimeType: string; enabled: boolean }[], contentType: string): boolean {
  const [type = '', subtype = ''] = contentType.split(';')[0]?.trim().toLowerCase().split('/') ?? [];
  for (const entry of types) {
    const [t = '', s = ''] = entry.mimeType.toLowerCase().split('/');
    if ((t === '*' || t === type) && (s === '*' || s === subtype)) return entry.enabled;
  }
  return false;
}

export const staticCompressionModule: ModuleBehaviour = (ctx) => {
  ctx.wantsStaticCompression = ctx.effective.config.urlCompression.doStaticCompression && acceptsGzip(ctx);
  return 'continue';
};

/** Applied after the handler ran: compresses the static file it served, if IIS would. */
export function applyStaticCompression(ctx: RequestContext, frequentlyHit: boolean): void {
  const compression = ctx.effective.config.httpCompression;
  if (!ctx.wantsStaticCompression || !ctx.servedStaticFile || ctx.status !== 200) return;
  if (!frequentlyHit && !compression.staticCompressionIgnoreHitFrequency) return;
  if (ctx.responseBytes < compression.minFileSizeForComp) return;
  if (!typeListed(compression.staticTypes, ctx.responseHeaders.get('Content-Type') ?? '')) return;
  ctx.responseHeaders.set('Content-Encoding', 'gzip');
  ctx.responseHeaders.set('Vary', 'Accept-Encoding');
  ctx.responseBytes = Math.ceil(ctx.responseBytes * 0.3);
}

export const dynamicCompressionModule: ModuleBehaviour = (ctx, env, isPost) => {
  if (!isPost || ctx.servedStaticFile || ctx.status !== 200) return 'continue';
  if (!ctx.effective.config.urlCompression.doDynamicCompression || !acceptsGzip(ctx)) return 'continue';
  if (!typeListed(ctx.effective.config.httpCompression.dynamicTypes, ctx.responseHeaders.get('Content-Type') ?? '')) return 'continue';
  if (env.tracing) env.emit('DYNAMIC_COMPRESSION_START', { module: 'DynamicCompressionModule' });
  ctx.responseHeaders.set('Content-Encoding', 'gzip');
  ctx.responseHeaders.set('Vary', 'Accept-Encoding');
  ctx.responseBytes = Math.ceil(ctx.responseBytes * 0.3);
  ctx.usedDynamicCompression = true;
  if (env.tracing) env.emit('DYNAMIC_COMPRESSION_END', { module: 'DynamicCompressionModule' });
  return 'continue';
};

export const customErrorModule: ModuleBehaviour = (ctx, env) => {
  if (ctx.status < 400) {
    if (env.tracing) env.emit('GENERAL_NOT_SEND_CUSTOM_ERROR', { module: 'CustomErrorModule', data: { Reason: '1' }, detail: 'A success status: no error page to send.' });
    return 'continue';
  }
  const httpErrors = ctx.effective.config.httpErrors;
  const detailed = httpErrors.errorMode === 'Detailed' || (httpErrors.errorMode === 'DetailedLocalOnly' && ctx.isLocalClient);
  const page =
    httpErrors.errors.find((e) => e.statusCode === ctx.status && e.subStatusCode === ctx.subStatus) ??
    httpErrors.errors.find((e) => e.statusCode === ctx.status && e.subStatusCode === -1);
  ctx.responseHeaders.set('Content-Type', 'text/html');
  if (detailed) {
    ctx.responseBytes = 5000;
    ctx.errorPage = 'detailed';
  } else {
    ctx.responseBytes = page === undefined ? 1200 : 1400;
    ctx.errorPage = page === undefined ? 'generic' : page.path;
  }
  if (env.tracing) {
    env.emit('GENERAL_SEND_CUSTOM_ERROR', {
      module: 'CustomErrorModule',
      status: ctx.status,
      subStatus: ctx.subStatus,
      data: { FileNameOrURL: detailed ? '' : (page?.path ?? '') },
      detail: detailed
        ? `The detailed error page (errorMode="${httpErrors.errorMode}", ${ctx.isLocalClient ? 'local' : 'remote'} client).`
        : `The custom error page ${page?.path ?? '(none configured: a short generic message)'} (errorMode="${httpErrors.errorMode}", ${ctx.isLocalClient ? 'local' : 'remote'} client).`,
    });
  }
  return 'continue';
};

/** HttpLoggingModule hands the log entry to HTTP.sys with the response (fact sheet §2.3): the W3C line is written by the simulation. */
export const httpLoggingModule: ModuleBehaviour = () => 'continue';
