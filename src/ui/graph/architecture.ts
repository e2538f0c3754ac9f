/**
 * The architecture graph, derived from the configuration and the runtime at the playback position:
 * User mode (svchost.exe with WAS and W3SVC, applicationHost.config, the WCF listener adapters, the
 * application pools and their w3wp.exe worker processes with the pipeline inside) above Kernel mode
 * (HTTP.sys: listener, URL groups, kernel response cache, one request queue per pool), and the client.
 * Positions are computed here (a fixed, layered layout), so the graph is stable when the runtime changes.
 * Pure: no React, tested in Node.
 */
import type { ApplicationHostConfig, Site } from '../../config/index.ts';
import { NOTIFICATION_DISPLAY_NAMES, type PipelineDescription } from '../../engine/index.ts';
import type { Runtime } from './runtime.ts';

export type ArchitectureNodeKind =
  | 'band'
  | 'group'
  | 'client'
  | 'component'
  | 'urlGroups'
  | 'cache'
  | 'queue'
  | 'pool'
  | 'worker'
  | 'notification'
  | 'appDomain';

export interface ArchitectureNodeData {
  [key: string]: unknown;
  kind: ArchitectureNodeKind;
  /** The accessible name, in IIS's words. */
  label: string;
  /** A second line: what it is or does. */
  caption: string;
  /** Lines of detail (bindings, modules, settings), shown as text. */
  lines: string[];
  /** For pools and queues: the pool's name; for workers: the pid. */
  pool?: string;
  pid?: number;
  /** For notifications: its modules, native or managed. */
  modules?: { name: string; managed: boolean; isPost: boolean }[];
  /** For groups: whether the group lists everything or a summary. */
  collapsed?: boolean;
  hidden?: number;
  /** For queues: the pool's queueLength. */
  queueLength?: number;
  /**
   * For pools and queues: the pool does not take requests (autoStart="false", or WAS stopped it after
   * rapid-fail protection); HTTP.sys answers its requests 503 itself.
   */
  stopped?: boolean;
  /** For pools: the applications it serves (at most APPLICATIONS_SHOWN), and how many more there are. */
  applications?: PoolApplication[];
  moreApplications?: number;
  /** For URL groups: one row per site shown, with its bindings, marked when the site is stopped. */
  sites?: UrlGroupSite[];
  /** For URL groups: how many of all the sites (shown or not) are stopped. */
  stoppedSites?: number;
}

/** An application a pool serves: `Default Web Site/` (the root application) or `Default Web Site/shop`. */
export interface PoolApplication {
  site: string;
  path: string;
  label: string;
}

export interface UrlGroupSite {
  name: string;
  /** The site's HTTP bindings as HTTP.sys registers them (`http *:80:`), or why it has none. */
  bindings: string;
  /** serverAutoStart="false": W3SVC registers no URL group for it, so its bindings are not active. */
  stopped: boolean;
}

export interface ArchitectureNode {
  id: string;
  type: ArchitectureNodeKind;
  position: { x: number; y: number };
  width: number;
  height: number;
  zIndex: number;
  data: ArchitectureNodeData;
}

export interface ArchitectureEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

export interface ArchitectureGraph {
  nodes: ArchitectureNode[];
  edges: ArchitectureEdge[];
  /** Node id -> centre, for the token overlay. */
  centres: Map<string, { x: number; y: number }>;
}

export interface ArchitectureOptions {
  /** Groups the user expanded (URL groups, request queues, pools). */
  expanded: ReadonlySet<string>;
  /** The pipeline shown inside workers, per pool. */
  pipelines: ReadonlyMap<string, PipelineDescription>;
}

const GAP = 24;
const COMPONENT_W = 210;
const COMPONENT_H = 64;
const NOTIFICATION_H = 30;
const WORKER_W = 560;
const POOL_W = WORKER_W + 2 * GAP;
const COLLAPSED_LIMIT = 6;
/** Application rows listed inside a pool node; the rest are counted ("and 3 more"). */
export const APPLICATIONS_SHOWN = 4;
const APPLICATION_ROW_H = 20;
const URL_GROUP_ROW_H = 20;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

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

function siteFacts(site: Site): SiteFacts {
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

const ACTIVATOR_OF: Readonly<Record<string, string>> = {
  'net.tcp': 'NetTcpActivator',
  'net.pipe': 'NetPipeActivator',
  'net.msmq': 'NetMsmqActivator',
  'msmq.formatname': 'NetMsmqActivator',
};

/** Pipeline stage names as learners know them (BeginRequest, ...), plus the global pre-begin stage. */
export const NOTIFICATION_LABELS: Readonly<Record<string, string>> = { PRE_BEGIN_REQUEST: 'GL_PRE_BEGIN_REQUEST', ...NOTIFICATION_DISPLAY_NAMES };

export function buildArchitecture(model: ApplicationHostConfig, runtime: Runtime, options: ArchitectureOptions): ArchitectureGraph {
  const nodes: ArchitectureNode[] = [];
  const edges: ArchitectureEdge[] = [];
  const add = (node: Omit<ArchitectureNode, 'zIndex'> & { zIndex?: number }): void => {
    nodes.push({ zIndex: 1, ...node });
  };
  const component = (id: string, x: number, y: number, label: string, caption: string, lines: string[] = [], kind: ArchitectureNodeKind = 'component', height = COMPONENT_H): void => {
    add({ id, type: kind, position: { x, y }, width: COMPONENT_W, height, data: { kind, label, caption, lines } });
  };

  const pools = model.applicationPools.pools;
  const sites = model.sites.sites;

  // --- User mode (top band) -------------------------------------------------------------------
  const userTop = 0;
  const left = COMPONENT_W + 3 * GAP;
  let y = userTop + 3 * GAP;
  add({ id: 'svchost', type: 'group', position: { x: left, y }, width: COMPONENT_W + 2 * GAP, height: 2 * COMPONENT_H + 4 * GAP, zIndex: 0, data: { kind: 'group', label: 'svchost.exe', caption: 'runs WAS and W3SVC (-k iissvcs)', lines: [] } });
  component('was', left + GAP, y + 2 * GAP, 'WAS', 'Windows Process Activation Service: pools and worker processes');
  component('w3svc', left + GAP, y + 2 * GAP + COMPONENT_H + GAP, 'W3SVC', 'World Wide Web Publishing Service: the HTTP listener adapter');
  y += 2 * COMPONENT_H + 5 * GAP;
  component('config', left, y, 'applicationHost.config', `${String(sites.length)} site${sites.length === 1 ? '' : 's'}, ${String(pools.length)} application pool${pools.length === 1 ? '' : 's'}`, [], 'component');
  edges.push({ id: 'config->was', source: 'config', target: 'was', label: 'reads' }, { id: 'was->w3svc', source: 'was', target: 'w3svc', label: 'configuration' });
  y += COMPONENT_H + 2 * GAP;
  const protocols = new Set<string>();
  for (const site of sites) for (const protocol of siteFacts(site).protocols) protocols.add(protocol);
  const activators = [...new Set([...protocols].map((p) => ACTIVATOR_OF[p]).filter((a): a is string => a !== undefined))].sort();
  for (const activator of activators) {
    const id = `adapter:${activator}`;
    component(id, left, y, activator, 'WCF listener adapter: activates pools through WAS without W3SVC');
    edges.push({ id: `${id}->was`, source: id, target: 'was', label: 'activation' });
    y += COMPONENT_H + GAP;
  }
  const userLeftBottom = y;

  // Application pools, each a column with its workers and their pipelines.
  const poolsLeft = left + COMPONENT_W + 4 * GAP;
  const poolsExpanded = options.expanded.has('pools') || pools.length <= COLLAPSED_LIMIT;
  const shownPools = poolsExpanded ? pools : pools.filter((p, i) => i < COLLAPSED_LIMIT || runtime.workers.some((w) => w.pool === p.name));
  let poolX = poolsLeft;
  let userBottom = userLeftBottom;
  const served = applicationsByPool(model, new Set(shownPools.map((p) => p.name.toLowerCase())));
  for (const pool of shownPools) {
    const workers = runtime.workers.filter((w) => same(w.pool, pool.name));
    const pipeline = options.pipelines.get(pool.name);
    const stages = pipeline?.stages ?? [];
    const workerHeight = 2 * GAP + COMPONENT_H + stages.length * NOTIFICATION_H + GAP;
    const applications = served.get(pool.name.toLowerCase()) ?? [];
    const shownApplications = applications.slice(0, APPLICATIONS_SHOWN);
    const more = applications.length - shownApplications.length;
    const applicationsHeight = (shownApplications.length + (more > 0 ? 1 : 0)) * APPLICATION_ROW_H + (applications.length > 0 ? GAP / 2 : 0);
    const poolHeight = 3 * GAP + COMPONENT_H / 2 + applicationsHeight + workers.length * (workerHeight + GAP) + (workers.length === 0 ? COMPONENT_H : 0);
    const poolId = `pool:${pool.name}`;
    const { state, stopped } = poolState(pool.autoStart, runtime.poolStates.get(pool.name.toLowerCase()));
    // A pool with no worker process is a narrow column; one with workers makes room for their pipelines.
    const poolWidth = workers.length === 0 ? COMPONENT_W + GAP : POOL_W;
    add({
      id: poolId,
      type: 'pool',
      position: { x: poolX, y: userTop + 3 * GAP },
      width: poolWidth,
      height: poolHeight,
      zIndex: 0,
      data: {
        kind: 'pool',
        label: pool.name,
        caption: `Application pool · ${pool.managedPipelineMode} · ${pool.managedRuntimeVersion === '' ? 'No Managed Code' : `.NET CLR ${pool.managedRuntimeVersion}`} · ${pool.startMode}`,
        lines: [state, stopped ? 'HTTP.sys answers its requests 503' : workers.length === 0 ? 'no worker process yet: WAS starts one on demand' : `${String(workers.length)} worker process${workers.length === 1 ? '' : 'es'}`],
        pool: pool.name,
        stopped,
        applications: shownApplications,
        moreApplications: more,
      },
    });
    edges.push({ id: `was->${poolId}`, source: 'was', target: poolId, label: 'manages' });
    let workerY = userTop + 3 * GAP + 2 * GAP + COMPONENT_H / 2 + applicationsHeight;
    for (const worker of workers) {
      const workerId = `worker:${String(worker.pid)}`;
      const x = poolX + GAP;
      add({
        id: workerId,
        type: 'worker',
        position: { x, y: workerY },
        width: WORKER_W,
        height: workerHeight,
        zIndex: 1,
        data: {
          kind: 'worker',
          label: `w3wp.exe ${String(worker.pid)}`,
          caption: `${worker.state} · IIS APPPOOL\\${pool.name}`,
          lines: [`handler for /: ${pipeline?.handler ?? 'none'}`],
          pid: worker.pid,
          pool: pool.name,
        },
      });
      const coreTop = workerY + COMPONENT_H;
      if (worker.appDomain) {
        const id = `appdomain:${String(worker.pid)}`;
        add({ id, type: 'appDomain', position: { x: x + WORKER_W - COMPONENT_W - GAP, y: workerY + GAP / 2 }, width: COMPONENT_W, height: COMPONENT_H - GAP, zIndex: 2, data: { kind: 'appDomain', label: 'AppDomain', caption: 'created by ManagedEngine on the first managed request', lines: [] } });
      }
      stages.forEach((stage, index) => {
        add({
          id: `notification:${String(worker.pid)}:${stage.notification}`,
          type: 'notification',
          position: { x: x + GAP / 2, y: coreTop + index * NOTIFICATION_H },
          width: WORKER_W - GAP,
          height: NOTIFICATION_H - 4,
          zIndex: 2,
          data: { kind: 'notification', label: NOTIFICATION_LABELS[stage.notification] ?? stage.notification, caption: '', lines: [], modules: stage.modules, pid: worker.pid, pool: pool.name },
        });
      });
      workerY += workerHeight + GAP;
    }
    userBottom = Math.max(userBottom, userTop + 3 * GAP + poolHeight);
    poolX += poolWidth + GAP;
  }
  if (shownPools.length < pools.length) {
    add({ id: 'pools:more', type: 'component', position: { x: poolX, y: userTop + 3 * GAP }, width: COMPONENT_W, height: COMPONENT_H, data: { kind: 'component', label: `${String(pools.length - shownPools.length)} more application pools`, caption: 'expand to show them all', lines: [], collapsed: true } });
    poolX += COMPONENT_W + GAP;
  }
  const width = Math.max(poolX, left + 3 * COMPONENT_W);
  add({ id: 'band:user', type: 'band', position: { x: left - 2 * GAP, y: userTop }, width: width - left + 3 * GAP, height: userBottom - userTop + 2 * GAP, zIndex: -1, data: { kind: 'band', label: 'User mode', caption: 'services and processes', lines: [] } });

  // --- Kernel mode (bottom band) --------------------------------------------------------------
  const kernelTop = userBottom + 4 * GAP;
  const httpsysX = left;
  const httpsysY = kernelTop + 3 * GAP;
  component('httpsys:listener', httpsysX + GAP, httpsysY + 2 * GAP, 'Listener', `TCP ${[...new Set(sites.flatMap((s) => siteFacts(s).ports))].slice(0, 6).join(', ') || 'no HTTP bindings'}`);
  const urlGroupsExpanded = options.expanded.has('urlGroups') || sites.length <= COLLAPSED_LIMIT;
  // A stopped site (serverAutoStart="false") has no URL group: W3SVC registers its bindings only when it starts.
  const shownSites: UrlGroupSite[] = (urlGroupsExpanded ? sites : sites.slice(0, COLLAPSED_LIMIT)).map((s) => ({
    name: s.name,
    bindings: s.bindings.filter((b) => b.endpoint?.kind === 'ip').map((b) => `${b.protocol} ${b.bindingInformation}`).join(', ') || '(no HTTP binding)',
    stopped: !s.serverAutoStart,
  }));
  let stoppedSites = 0;
  for (const site of sites) if (!site.serverAutoStart) stoppedSites++;
  const shownLines = shownSites.map((s) => (s.stopped ? `${s.name}: Stopped, no URL group (${s.bindings} not registered)` : `${s.name}: ${s.bindings}`));
  const urlGroupsHeight = COMPONENT_H + shownLines.length * URL_GROUP_ROW_H;
  add({
    id: 'httpsys:urlgroups',
    type: 'urlGroups',
    position: { x: httpsysX + 2 * GAP + COMPONENT_W, y: httpsysY + 2 * GAP },
    width: COMPONENT_W + 120,
    height: urlGroupsHeight,
    data: { kind: 'urlGroups', label: 'URL groups', caption: 'one per started site, from its bindings', lines: shownLines, sites: shownSites, stoppedSites, collapsed: !urlGroupsExpanded, hidden: sites.length - shownSites.length },
  });
  component('httpsys:cache', httpsysX + GAP, httpsysY + 3 * GAP + COMPONENT_H, 'Kernel response cache', 'responses HTTP.sys answers without user mode', [], 'cache');
  const queuesX = httpsysX + 3 * GAP + 2 * COMPONENT_W + 120;
  const queuesExpanded = options.expanded.has('queues') || pools.length <= COLLAPSED_LIMIT;
  const shownQueues = queuesExpanded ? pools : shownPools;
  shownQueues.forEach((pool, index) => {
    const id = `queue:${pool.name}`;
    const column = Math.floor(index / 6);
    const row = index % 6;
    add({
      id,
      type: 'queue',
      position: { x: queuesX + column * (COMPONENT_W + GAP), y: httpsysY + 2 * GAP + row * (COMPONENT_H / 1.3 + 8) },
      width: COMPONENT_W,
      height: COMPONENT_H / 1.3,
      data: { kind: 'queue', label: `Request queue ${pool.name}`, caption: `queueLength ${String(pool.queueLength)}`, lines: [], pool: pool.name, queueLength: pool.queueLength, stopped: poolState(pool.autoStart, runtime.poolStates.get(pool.name.toLowerCase())).stopped },
    });
    edges.push({ id: `httpsys:urlgroups->${id}`, source: 'httpsys:urlgroups', target: id });
    const poolNode = `pool:${pool.name}`;
    if (nodes.some((n) => n.id === poolNode)) {
      for (const worker of runtime.workers.filter((w) => w.pool.toLowerCase() === pool.name.toLowerCase())) edges.push({ id: `${id}->worker:${String(worker.pid)}`, source: id, target: `worker:${String(worker.pid)}`, label: 'dequeue' });
    }
  });
  const queueColumns = Math.max(1, Math.ceil(shownQueues.length / 6));
  const httpsysWidth = queuesX + queueColumns * (COMPONENT_W + GAP) - httpsysX;
  const httpsysHeight = Math.max(urlGroupsHeight, 2 * COMPONENT_H + GAP, Math.min(6, shownQueues.length) * (COMPONENT_H / 1.3 + 8)) + 4 * GAP;
  add({ id: 'httpsys', type: 'group', position: { x: httpsysX, y: httpsysY }, width: httpsysWidth, height: httpsysHeight, zIndex: 0, data: { kind: 'group', label: 'HTTP.sys', caption: 'the kernel-mode HTTP listener', lines: [] } });
  edges.push(
    { id: 'w3svc->httpsys', source: 'w3svc', target: 'httpsys:urlgroups', label: 'configures' },
    { id: 'listener->urlgroups', source: 'httpsys:listener', target: 'httpsys:urlgroups' },
    { id: 'listener->cache', source: 'httpsys:listener', target: 'httpsys:cache' },
  );
  const kernelBottom = httpsysY + httpsysHeight + 2 * GAP;
  add({ id: 'band:kernel', type: 'band', position: { x: left - 2 * GAP, y: kernelTop }, width: Math.max(width, httpsysX + httpsysWidth) - left + 3 * GAP, height: kernelBottom - kernelTop, zIndex: -1, data: { kind: 'band', label: 'Kernel mode', caption: 'HTTP.sys, part of Windows', lines: [] } });

  // --- The client ------------------------------------------------------------------------------
  add({ id: 'client', type: 'client', position: { x: 0, y: kernelTop + 3 * GAP }, width: COMPONENT_W - GAP, height: COMPONENT_H, data: { kind: 'client', label: 'Client', caption: 'the browser sends requests and receives responses', lines: [] } });
  edges.push({ id: 'client->listener', source: 'client', target: 'httpsys:listener', label: 'HTTP' });

  nodes.sort((a, b) => a.zIndex - b.zIndex);
  const centres = new Map<string, { x: number; y: number }>();
  for (const node of nodes) centres.set(node.id, { x: node.position.x + node.width / 2, y: node.position.y + node.height / 2 });
  return { nodes, edges, centres };
}
