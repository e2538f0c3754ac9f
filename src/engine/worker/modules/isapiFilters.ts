/**
 * ISAPI filters: IsapiFilterModule loads the DLLs listed in `<isapiFilters>` (server level, merged with
 * the site's and application's) into the worker process, once per application, skipping a filter whose
 * `enabled` is false or whose preCondition (bitness, runtimeVersion) does not hold for the pool.
 *
 * A filter that cannot be loaded fails every request of that application with 500.0, "Calling
 * LoadLibraryEx on ISAPI filter ... failed", decided by IIS Web Core before BeginRequest (the detailed
 * error page names "Module IIS Web Core, Notification Unknown" [unverified: the widely reported error
 * page; the event log has "ISAPI Filter '%1' could not be loaded due to a configuration problem. The
 * current configuration only supports loading images built for a %2 processor architecture", IIS ISAPI
 * Functionality, Windows Server 2008 R2 docs]). The two causes modelled:
 * - the DLL does not exist (Win32 error 126, 0x8007007e): a path outside %windir% must be a file of the
 *   workspace's content;
 * - its bitness is not the worker's (0x800700c1, "%1 is not a valid Win32 application"): a DLL under
 *   `Framework64` or `System32` is 64-bit, one under `Framework\` or `SysWOW64` 32-bit; a pool with
 *   enable32BitAppOnWin64 runs a 32-bit w3wp.exe. This is why the default configuration lists
 *   aspnet_filter.dll twice, with bitness32 and bitness64 preconditions.
 * What a loaded filter does to a request is its own code, which IIS Flow cannot run: it is only listed.
 */
import type { EffectiveConfig } from '../../../config/index.ts';
import { normalizePhysicalPath } from '../../../config/index.ts';
import type { SiteContent } from '../../siteContent.ts';
import { failedPrecondition, type PreconditionContext } from '../preconditions.ts';

export interface IsapiFilterLoad {
  /** The filters loaded, by name. */
  loaded: readonly string[];
  /** Filters left out, with why (disabled, or the precondition token that does not hold). */
  skipped: readonly { name: string; why: string }[];
  /** The first filter that failed to load: every request of the application then ends 500.0. */
  failure: { name: string; path: string; errorCode: string; why: string } | undefined;
}

const NO_FILTERS: IsapiFilterLoad = { loaded: [], skipped: [], failure: undefined };

/** The bitness of a DLL from where Windows keeps it, or undefined when the path does not say. */
function bitnessOf(path: string): 32 | 64 | undefined {
  const p = path.toLowerCase();
  if (p.includes('\\framework64\\') || p.includes('\\system32\\')) return 64;
  if (p.includes('\\framework\\') || p.includes('\\syswow64\\')) return 32;
  return undefined;
}

function isSystemPath(path: string): boolean {
  const normalized = normalizePhysicalPath(path);
  return normalized.startsWith('%windir%') || normalized.startsWith('c:\\windows\\');
}

export function loadIsapiFilters(effective: EffectiveConfig, context: Omit<PreconditionContext, 'managedHandler'>, content: SiteContent): IsapiFilterLoad {
  const config = effective.config;
  const filters = config.isapiFilters;
  if (filters.length === 0) return NO_FILTERS;
  // Without IsapiFilterModule in globalModules nothing loads the filters (an empty list: no globalModules
  // section at all, as in a bare test configuration, counts as the full set).
  if (config.globalModules.length > 0 && !config.globalModules.some((m) => m.name === 'IsapiFilterModule')) return NO_FILTERS;
  const loaded: string[] = [];
  const skipped: { name: string; why: string }[] = [];
  const preconditionContext: PreconditionContext = { ...context, managedHandler: false };
  for (const filter of filters) {
    if (!filter.enabled) {
      skipped.push({ name: filter.name, why: 'enabled="false"' });
      continue;
    }
    const failed = failedPrecondition(filter.preCondition, preconditionContext);
    if (failed !== undefined) {
      skipped.push({ name: filter.name, why: `preCondition ${failed} does not hold` });
      continue;
    }
    if (!isSystemPath(filter.path) && !content.hasPhysicalFile(filter.path)) {
      return { loaded, skipped, failure: { name: filter.name, path: filter.path, errorCode: '0x8007007e', why: 'the DLL does not exist (the specified module could not be found)' } };
    }
    const bitness = bitnessOf(filter.path);
    if (bitness !== undefined && bitness !== context.bitness) {
      return {
        loaded,
        skipped,
        failure: { name: filter.name, path: filter.path, errorCode: '0x800700c1', why: `it is a ${String(bitness)}-bit DLL and the pool's w3wp.exe is ${String(context.bitness)}-bit (enable32BitAppOnWin64)` },
      };
    }
    loaded.push(filter.name);
  }
  return { loaded, skipped, failure: undefined };
}

/** One sentence for the trace: what IsapiFilterModule loaded and left out. */
export function describeFilterLoad(load: IsapiFilterLoad): string {
  const parts: string[] = [];
  parts.push(load.loaded.length === 0 ? 'IsapiFilterModule loads no ISAPI filter' : `IsapiFilterModule loads the ISAPI filters ${load.loaded.join(', ')}`);
  if (load.skipped.length > 0) parts.push(`leaves out ${load.skipped.map((s) => `${s.name} (${s.why})`).join(', ')}`);
  if (load.failure !== undefined) parts.push(`cannot load ${load.failure.name} (${load.failure.path}): ${load.failure.why}`);
  return `${parts.join('; ')}.`;
}
