/**
 * What the graph reads of the sites for its pools: the applications each pool serves, and each site's
 * protocols and ports, derived once per site object; and whether a pool takes requests.
 */
import type { ApplicationHostConfig, Site } from '../../config/index.ts';

/** An application a pool serves: `Default Web Site/` (the root application) or `Default Web Site/shop`. */
export interface PoolApplication {
  site: string;
  path: string;
  label: string;
}

/** `Default Web Site/` for a site's root application, `Default Web Site/shop` below it, as IIS Manager names them. */
export function applicationLabel(site: string, path: string): string {
  return path === '/' ? `${site}/` : `${site}${path}`;
}

/** Every application whose applicationPool is `pool`, in the order of the sites and their applications. */
export function applicationsOf(model: ApplicationHostConfig, pool: string): PoolApplication[] {
  return applicationsByPool(model).get(pool.toLowerCase()) ?? [];
}

/**
 * Pool name (lower case) -> the applications it serves: one pass over the sites for every pool at once,
 * or, with `only` (lower-case names), for the pools shown.
 */
export function applicationsByPool(model: ApplicationHostConfig, only?: ReadonlySet<string>): Map<string, PoolApplication[]> {
  const byPool = new Map<string, PoolApplication[]>();
  for (const site of model.sites.sites) {
    for (const { pool, application } of siteFacts(site).applications) {
      if (only !== undefined && !only.has(pool)) continue;
      let list = byPool.get(pool);
      if (list === undefined) byPool.set(pool, (list = []));
      list.push(application);
    }
  }
  return byPool;
}

interface SiteFacts {
  /** Each application with its pool's name in lower case. */
  applications: { pool: string; application: PoolApplication }[];
  /** The protocols of its bindings, in lower case. */
  protocols: string[];
  /** The TCP ports of its IP bindings. */
  ports: string[];
}

/**
 * What the graph reads of a site, kept per site object: an edit re-reads only the sites it changed
 * (config/schema/elementMemo.ts), so a 5,000-site graph derives this once per changed site.
 */
const factsOfSite = new WeakMap<Site, SiteFacts>();

export function siteFacts(site: Site): SiteFacts {
  let facts = factsOfSite.get(site);
  if (facts === undefined) {
    facts = {
      applications: site.applications.map((application) => ({
        pool: application.applicationPool.toLowerCase(),
        application: { site: site.name, path: application.path, label: applicationLabel(site.name, application.path) },
      })),
      protocols: site.bindings.map((binding) => binding.protocol.toLowerCase()),
      ports: site.bindings.flatMap((binding) => (binding.endpoint?.kind === 'ip' ? [String(binding.endpoint.port)] : [])),
    };
    factsOfSite.set(site, facts);
  }
  return facts;
}

/**
 * Whether a pool takes requests: autoStart="false" (stopped in IIS Manager) or a runtime stop (WAS's
 * rapid-fail protection) leaves it Stopped, and HTTP.sys answers its queue 503 (iis-facts §503).
 */
export function poolState(autoStart: boolean, runtimeState: string | undefined): { state: string; stopped: boolean } {
  if (!autoStart) return { state: 'Stopped', stopped: true };
  const state = runtimeState ?? 'Started';
  return { state, stopped: state.startsWith('Stopped') };
}

