/**
 * Handler mapping: the first <handlers> entry whose path and verb match, whose resourceType fits what
 * the path names on disk, and whose preCondition holds, wins (fact sheet §2.2). No entry: 404.4. A
 * handler naming a module that is not installed: 500.21. The verb check of the chosen handler is the
 * handler's own (StaticFileModule answers 405 for write verbs).
 */
import type { HandlerEntry } from '../../config/index.ts';
import type { PhysicalEntry } from '../siteContent.ts';
import { failedPrecondition, type PreconditionContext } from './preconditions.ts';

export interface HandlerChoice {
  handler: HandlerEntry | undefined;
  /** A handler matched the path but not the verb (no handler at all then means 405, not 404.4). */
  verbMismatch: boolean;
  /** Handlers skipped because their precondition did not hold: name, path pattern and the precondition. */
  skipped: { name: string; path: string; precondition: string }[];
}

/** Matches a handler `path` against the last segment of the URL (IIS matches the file name). */
export function handlerPathMatches(pattern: string, urlPath: string): boolean {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1).toLowerCase();
  const p = pattern.toLowerCase();
  if (p === '*') return true;
  // `*.` means a name with no extension (ExtensionlessUrlHandler).
  if (p === '*.') return name !== '' && !name.includes('.');
  if (p.includes('/')) return urlPath.toLowerCase().endsWith(p.startsWith('/') ? p : '/' + p);
  if (!p.includes('*')) return name === p;
  const star = p.indexOf('*');
  const prefix = p.slice(0, star);
  const suffix = p.slice(star + 1);
  return name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}

export function verbMatches(verbs: string, method: string): boolean {
  if (verbs.trim() === '*') return true;
  for (const verb of verbs.split(',')) if (verb.trim() === method) return true;
  return false;
}

function resourceTypeFits(resourceType: HandlerEntry['resourceType'], entry: PhysicalEntry): boolean {
  switch (resourceType) {
    case 'File':
      return entry.kind === 'file';
    case 'Directory':
      return entry.kind === 'directory';
    case 'Either':
    case 'Unspecified':
      return true;
  }
}

export function selectHandler(
  handlers: readonly HandlerEntry[],
  urlPath: string,
  method: string,
  entry: PhysicalEntry,
  context: Omit<PreconditionContext, 'managedHandler'>,
): HandlerChoice {
  const skipped: HandlerChoice['skipped'] = [];
  const preconditionContext: PreconditionContext = { ...context, managedHandler: true };
  let verbMismatch = false;
  for (const handler of handlers) {
    if (!handlerPathMatches(handler.path, urlPath)) continue;
    if (!verbMatches(handler.verb, method)) {
      verbMismatch = true;
      continue;
    }
    // An extensionless URL that names a folder is not given to the `*.` handler: folders still get the
    // courtesy redirect and their default document on servers with ASP.NET 4 installed [inferred].
    if (handler.path === '*.' && entry.kind === 'directory') continue;
    if (!resourceTypeFits(handler.resourceType, entry)) continue;
    const failed = failedPrecondition(handler.preCondition, preconditionContext);
    if (failed !== undefined) {
      skipped.push({ name: handler.name, path: handler.path, precondition: handler.preCondition });
      continue;
    }
    return { handler, skipped, verbMismatch };
  }
  return { handler: undefined, skipped, verbMismatch };
}

/** A handler is managed when it has a .NET type and runs through ManagedPipelineHandler. */
export function isManagedHandler(handler: HandlerEntry | undefined): boolean {
  return handler !== undefined && handler.type !== '' && handler.modules.split(',').map((m) => m.trim()).includes('ManagedPipelineHandler');
}
