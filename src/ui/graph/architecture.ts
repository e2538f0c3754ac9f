/**
 * The architecture graph, derived from the configuration and the runtime at the playback position:
 * User mode (svchost.exe with WAS and W3SVC, applicationHost.config, the WCF listener adapters, the
 * application pools and their w3wp.exe worker processes with the pipeline inside) above Kernel mode
 * (HTTP.sys: listener, URL groups, kernel response cache, one request queue per pool), and the client.
 * Positions are computed here (a fixed, layered layout), so the graph is stable when the runtime changes.
 * Pure: no React, tested in Node.
 */
import type { ApplicationHostConfig } from '../../config/index.ts';
import { NOTIFICATION_DISPLAY_NAMES, type PipelineDescription } from '../../engine/index.ts';
import type { Runtime } from './runtime.ts';
import { applicationsByPool, poolState, siteFacts, type PoolApplication } from './poolApplications.ts';

export { applicationLabel, applicationsByPool, applicationsOf, poolState, type PoolApplication } from './poolApplications.ts';

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
  /** The name shown in the compact form when it is not the label (a queue shows its pool's name). */
  short?: string;
  /** The compact form's status line, when it does not come from the live values. */
  status?: string;
  /** For workers: the notifications of its pipeline, and whether they are drawn (a request is in it, or the person expanded it). */
  stages?: number;
  pipelineShown?: boolean;
  /** The person keeps the pipeline drawn (uiStore's expanded `pipeline:POOL`). */
  pipelinePinned?: boolean;
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
  /** Node id -> where a token rests on it, for the token overlay. */
  centres: Map<string, { x: number; y: number }>;
  /** Node id -> its box (a notification not drawn: its worker's), for the ring on the node that decided a status. */
  boxes: Map<string, { x: number; y: number; width: number; height: number }>;
}

export interface ArchitectureOptions {
  /** Groups the user expanded (URL groups, request queues, pools, `pipeline:POOL`). */
  expanded: ReadonlySet<string>;
  /** The pipeline shown inside workers, per pool. */
  pipelines: ReadonlyMap<string, PipelineDescription>;
}

/*
 * The layout, in graph units, made for the pane the graph has at 1280x720 and 1440x900 (about 780x360
 * and 900x480 beside the graph's tool rail): User mode above Kernel mode, the client at the left; a
 * column of the system parts (svchost.exe with WAS and W3SVC, applicationHost.config; HTTP.sys's
 * listener, URL groups and kernel cache) and a grid of application pools, three to a row, with their
 * request queues in the same columns below. Every box holds its compact form (name and status line at
 * NAME_MAX / STATUS_MAX, legibility.ts) and its detail (captions at 11 px).
 */
const GAP = 12;
/** The strip of a band or group that holds its title. */
const BAND_TITLE = 44;
const BAND_PAD = 16;
const GROUP_TITLE = 46;
/** A compact node: its name and one status line. */
const NODE_H = 74;
const CLIENT_W = 150;
const SYSTEM_NODE_W = 170;
const SYSTEM_W = 2 * SYSTEM_NODE_W + 3 * GAP;
/** HTTP.sys's listener is narrower than its URL groups, whose name is longer. */
const LISTENER_W = 146;
const URL_GROUPS_W = 2 * SYSTEM_NODE_W - LISTENER_W;
const POOL_W = 310;
const QUEUE_W = 310;
const QUEUE_H = 84;
/** A compact name's line at NAME_MAX, and the characters of a pool's name that fit on one in a pool's width. */
const NAME_LINE = 32;
const NAME_CHARS = 17;

/** Lines a pool's name takes in the compact form (at most two; a longer one ends in an ellipsis). */
function nameLines(name: string): number {
  return name.length > NAME_CHARS ? 2 : 1;
}
const POOL_COLUMNS = 3;
/** A pool whose pipeline is drawn spans two columns, for the module names of each notification. */
const POOL_PIPELINE_W = 2 * POOL_W + GAP;
const POOL_INSET = 8;
/** A worker process's head: its name and live state (or, in detail, its identity and handler). */
const WORKER_HEAD = 108;
const APPDOMAIN_H = 40;
const CORE_TITLE = 26;
/** A line of a notification's modules, and the width left for them beside its name. */
const NOTIFICATION_LINE = 24;
const NOTIFICATION_NAME_W = 212;
const COLLAPSED_LIMIT = 6;
/** Application rows listed inside a pool node; the rest are counted ("and 3 more"). */
export const APPLICATIONS_SHOWN = 4;
const APPLICATION_ROW_H = 20;
/** A site in the URL groups' detail: its name, then its bindings. */
const URL_GROUP_ROW_H = 32;

/** The lines of module chips a notification needs in a worker `width` wide (chips at 11 px, ~7 px a character). */
function notificationLines(modules: readonly { name: string }[], width: number): number {
  const room = width - NOTIFICATION_NAME_W - 16;
  let lines = 1;
  let used = 0;
  for (const module of modules) {
    const chip = module.name.replace(/Module$/, '').length * 7.2 + 14;
    if (used > 0 && used + chip > room) {
      lines++;
      used = 0;
    }
    used += chip;
  }
  return lines;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const ACTIVATOR_OF: Readonly<Record<string, string>> = {
  'net.tcp': 'NetTcpActivator',
  'net.pipe': 'NetPipeActivator',
  'net.msmq': 'NetMsmqActivator',
  'msmq.formatname': 'NetMsmqActivator',
};

/** Pipeline stage names as learners know them (BeginRequest, ...), plus the global pre-begin stage. */
export const NOTIFICATION_LABELS: Readonly<Record<string, string>> = { PRE_BEGIN_REQUEST: 'GL_PRE_BEGIN_REQUEST', ...NOTIFICATION_DISPLAY_NAMES };

/** How far in from a node's right edge a token rests: clear of the name and status at the node's left. */
const TOKEN_INSET = 24;

/**
 * Where a request's token rests on a node: near its right edge, so that it does not cover the node's
 * name; a worker process's on its head (not amid its pipeline); a container's at its centre.
 */
function tokenAnchor(node: ArchitectureNode): { x: number; y: number } {
  const { x, y } = node.position;
  if (node.type === 'worker') return { x: x + node.width - TOKEN_INSET, y: y + WORKER_HEAD / 2 };
  if (node.type === 'group' || node.type === 'pool' || node.type === 'band') return { x: x + node.width / 2, y: y + node.height / 2 };
  return { x: x + node.width - Math.min(TOKEN_INSET, node.width / 4), y: y + node.height / 2 };
}

/** The ui store's key of a pool's pipeline, expanded by the person. */
export function pipelineKey(pool: string): string {
  return `pipeline:${pool.toLowerCase()}`;
}

export function buildArchitecture(model: ApplicationHostConfig, runtime: Runtime, options: ArchitectureOptions): ArchitectureGraph {
  const nodes: ArchitectureNode[] = [];
  const edges: ArchitectureEdge[] = [];
  const centres = new Map<string, { x: number; y: number }>();
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  const add = (node: Omit<ArchitectureNode, 'zIndex'> & { zIndex?: number }): void => {
    nodes.push({ zIndex: 1, ...node });
  };
  const component = (id: string, x: number, y: number, width: number, label: string, caption: string, extra: Partial<ArchitectureNodeData> = {}, kind: ArchitectureNodeKind = 'component', height = NODE_H): void => {
    add({ id, type: kind, position: { x, y }, width, height, data: { kind, label, caption, lines: [], ...extra } });
  };

  const pools = model.applicationPools.pools;
  const sites = model.sites.sites;
  const bandLeft = CLIENT_W + 2 * GAP;
  const systemX = bandLeft + BAND_PAD;
  const poolsX = systemX + SYSTEM_W + 2 * GAP;

  // --- User mode (top band) -------------------------------------------------------------------
  const userTop = 0;
  const contentTop = userTop + BAND_TITLE;
  const svchostHeight = GROUP_TITLE + NODE_H + GAP;
  add({ id: 'svchost', type: 'group', position: { x: systemX, y: contentTop }, width: SYSTEM_W, height: svchostHeight, zIndex: 0, data: { kind: 'group', label: 'svchost.exe', caption: 'runs WAS and W3SVC (-k iissvcs)', lines: [] } });
  component('was', systemX + GAP, contentTop + GROUP_TITLE, SYSTEM_NODE_W, 'WAS', 'Windows Process Activation Service: pools and worker processes');
  component('w3svc', systemX + 2 * GAP + SYSTEM_NODE_W, contentTop + GROUP_TITLE, SYSTEM_NODE_W, 'W3SVC', 'World Wide Web Publishing Service: the HTTP listener adapter');
  let y = contentTop + svchostHeight + GAP;
  const counts = `${String(sites.length)} site${sites.length === 1 ? '' : 's'}, ${String(pools.length)} pool${pools.length === 1 ? '' : 's'}`;
  component('config', systemX, y, SYSTEM_W, 'applicationHost.config', `${String(sites.length)} site${sites.length === 1 ? '' : 's'}, ${String(pools.length)} application pool${pools.length === 1 ? '' : 's'}`, { status: counts });
  edges.push({ id: 'config->was', source: 'config', target: 'was', label: 'reads' }, { id: 'was->w3svc', source: 'was', target: 'w3svc', label: 'configuration' });
  y += NODE_H + GAP;
  const protocols = new Set<string>();
  for (const site of sites) for (const protocol of siteFacts(site).protocols) protocols.add(protocol);
  const activators = [...new Set([...protocols].map((p) => ACTIVATOR_OF[p]).filter((a): a is string => a !== undefined))].sort();
  for (const activator of activators) {
    const id = `adapter:${activator}`;
    component(id, systemX, y, SYSTEM_W, activator, 'WCF listener adapter: activates pools through WAS without W3SVC', { status: 'activates through WAS' });
    edges.push({ id: `${id}->was`, source: id, target: 'was', label: 'activation' });
    y += NODE_H + GAP;
  }
  let userBottom = y - GAP;

  // Application pools, three to a row (a pool showing its pipeline takes more room), each with its workers.
  const poolsExpanded = options.expanded.has('pools') || pools.length <= COLLAPSED_LIMIT;
  const shownPools = poolsExpanded ? pools : pools.filter((p, i) => i < COLLAPSED_LIMIT || runtime.workers.some((w) => same(w.pool, p.name)));
  // Each pool goes into the shortest column (a masonry), so a pool grown by its w3wp.exe does not push
  // the next row of short pools below it; a pool showing its pipeline spans two columns.
  const columnTops = Array.from({ length: POOL_COLUMNS }, () => contentTop);
  let right = poolsX + POOL_COLUMNS * (POOL_W + GAP) - GAP;
  const place = (span: number, height: number): { x: number; y: number } => {
    let best = 0;
    let bestTop = Infinity;
    for (let c = 0; c + span <= POOL_COLUMNS; c++) {
      const top = Math.max(...columnTops.slice(c, c + span));
      if (top < bestTop) {
        best = c;
        bestTop = top;
      }
    }
    for (let c = best; c < best + span; c++) columnTops[c] = bestTop + height + GAP;
    userBottom = Math.max(userBottom, bestTop + height);
    return { x: poolsX + best * (POOL_W + GAP), y: bestTop };
  };
  const served = applicationsByPool(model, new Set(shownPools.map((p) => p.name.toLowerCase())));
  for (const pool of shownPools) {
    const workers = runtime.workers.filter((w) => same(w.pool, pool.name));
    const pipeline = options.pipelines.get(pool.name);
    const stages = pipeline?.stages ?? [];
    // The pipeline is drawn while a request is in one of the pool's workers, or when the person asks.
    const pipelinePinned = options.expanded.has(pipelineKey(pool.name));
    const pipelineShown = stages.length > 0 && (pipelinePinned || workers.some((w) => w.inFlight > 0));
    const poolWidth = pipelineShown ? POOL_PIPELINE_W : POOL_W;
    const workerWidth = poolWidth - 2 * POOL_INSET;
    const stageLines = stages.map((stage) => notificationLines(stage.modules, workerWidth));
    const pipelineHeight = pipelineShown ? CORE_TITLE + stageLines.reduce((sum, lines) => sum + lines * NOTIFICATION_LINE + 6, 0) + 8 : 0;
    const workerHeights = workers.map((w) => WORKER_HEAD + (w.appDomain ? APPDOMAIN_H + 6 : 0) + pipelineHeight);
    const applications = served.get(pool.name.toLowerCase()) ?? [];
    const shownApplications = applications.slice(0, APPLICATIONS_SHOWN);
    const more = applications.length - shownApplications.length;
    // The head holds the compact form, or the detail: name, caption, state and the applications.
    const head = Math.max(NODE_H + 6 + (nameLines(pool.name) - 1) * NAME_LINE, 64 + (shownApplications.length + (more > 0 ? 1 : 0)) * APPLICATION_ROW_H);
    const poolHeight = head + workerHeights.reduce((sum, h) => sum + h + POOL_INSET, 0);
    const poolId = `pool:${pool.name}`;
    const { state, stopped } = poolState(pool.autoStart, runtime.poolStates.get(pool.name.toLowerCase()));
    const at = place(pipelineShown ? 2 : 1, poolHeight);
    const workerSummary = workers.length === 0 ? 'no worker process yet: WAS starts one on demand' : `${String(workers.length)} worker process${workers.length === 1 ? '' : 'es'}`;
    add({
      id: poolId,
      type: 'pool',
      position: at,
      width: poolWidth,
      height: poolHeight,
      zIndex: 0,
      data: {
        kind: 'pool',
        label: pool.name,
        caption: `${pool.managedPipelineMode} · ${pool.managedRuntimeVersion === '' ? 'No Managed Code' : `.NET CLR ${pool.managedRuntimeVersion}`} · ${pool.startMode}`,
        lines: [state, stopped ? 'HTTP.sys answers its requests 503' : workerSummary],
        status: stopped ? 'Stopped: 503 at HTTP.sys' : workers.length === 0 ? `${state} · no worker yet` : `${state} · ${String(workers.length)} w3wp.exe`,
        pool: pool.name,
        stopped,
        applications: shownApplications,
        moreApplications: more,
      },
    });
    edges.push({ id: `was->${poolId}`, source: 'was', target: poolId, label: 'manages' });
    let workerY = at.y + head;
    workers.forEach((worker, index) => {
      const workerId = `worker:${String(worker.pid)}`;
      const x = at.x + POOL_INSET;
      const height = workerHeights[index] ?? WORKER_HEAD;
      add({
        id: workerId,
        type: 'worker',
        position: { x, y: workerY },
        width: workerWidth,
        height,
        zIndex: 1,
        data: {
          kind: 'worker',
          label: `w3wp.exe ${String(worker.pid)}`,
          caption: `${worker.state} · IIS APPPOOL\\${pool.name}`,
          lines: [`handler for /: ${pipeline?.handler ?? 'none'}`],
          pid: worker.pid,
          pool: pool.name,
          stages: stages.length,
          pipelineShown,
          pipelinePinned,
        },
      });
      let innerY = workerY + WORKER_HEAD;
      if (worker.appDomain) {
        const id = `appdomain:${String(worker.pid)}`;
        add({ id, type: 'appDomain', position: { x: x + POOL_INSET, y: innerY }, width: workerWidth - 2 * POOL_INSET, height: APPDOMAIN_H, zIndex: 2, data: { kind: 'appDomain', label: 'AppDomain', caption: 'created by ManagedEngine on the first managed request', lines: [], status: 'ASP.NET loaded' } });
        innerY += APPDOMAIN_H + 6;
      }
      const workerCentre = { x: x + workerWidth - TOKEN_INSET, y: workerY + WORKER_HEAD / 2 };
      let stageY = innerY + CORE_TITLE;
      stages.forEach((stage, stageIndex) => {
        const id = `notification:${String(worker.pid)}:${stage.notification}`;
        if (!pipelineShown) {
          // Not drawn: a token at one of its notifications stays on the worker process.
          centres.set(id, workerCentre);
          boxes.set(id, { x, y: workerY, width: workerWidth, height });
          return;
        }
        const rowHeight = (stageLines[stageIndex] ?? 1) * NOTIFICATION_LINE;
        add({
          id,
          type: 'notification',
          position: { x: x + POOL_INSET, y: stageY },
          width: workerWidth - 2 * POOL_INSET,
          height: rowHeight,
          zIndex: 2,
          data: { kind: 'notification', label: NOTIFICATION_LABELS[stage.notification] ?? stage.notification, caption: '', lines: [], modules: stage.modules, pid: worker.pid, pool: pool.name },
        });
        stageY += rowHeight + 6;
      });
      if (!pipelineShown) {
        centres.set(`notification:${String(worker.pid)}:PRE_BEGIN_REQUEST`, workerCentre);
        boxes.set(`notification:${String(worker.pid)}:PRE_BEGIN_REQUEST`, { x, y: workerY, width: workerWidth, height });
      }
      workerY += height + POOL_INSET;
    });
  }
  if (shownPools.length < pools.length) {
    const at = place(1, NODE_H);
    add({ id: 'pools:more', type: 'component', position: at, width: POOL_W, height: NODE_H, data: { kind: 'component', label: `${String(pools.length - shownPools.length)} more application pools`, caption: 'expand to show them all', lines: [], collapsed: true, status: 'select, then expand' } });
  }

  // --- Kernel mode (bottom band) --------------------------------------------------------------
  const kernelTop = userBottom + BAND_PAD + GAP;
  const httpsysY = kernelTop + BAND_TITLE;
  const innerTop = httpsysY + GROUP_TITLE;
  const allPorts = [...new Set(sites.flatMap((s) => siteFacts(s).ports))];
  const ports = allPorts.slice(0, 6).join(', ');
  // The compact status holds one port in full, or how many there are (the detail lists them).
  const portStatus = allPorts.length === 0 ? 'no ports' : allPorts.length === 1 ? `TCP ${ports}` : `${String(allPorts.length)} TCP ports`;
  component('httpsys:listener', systemX + GAP, innerTop, LISTENER_W, 'Listener', `TCP ${ports || 'no HTTP bindings'}`, { status: portStatus });
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
  const hiddenSites = sites.length - shownSites.length;
  const urlGroupsHeight = Math.max(NODE_H, 52 + shownSites.length * URL_GROUP_ROW_H + (hiddenSites > 0 ? 34 : 0));
  const started = sites.length - stoppedSites;
  add({
    id: 'httpsys:urlgroups',
    type: 'urlGroups',
    position: { x: systemX + 2 * GAP + LISTENER_W, y: innerTop },
    width: URL_GROUPS_W,
    height: urlGroupsHeight,
    data: { kind: 'urlGroups', label: 'URL groups', caption: 'one per started site, from its bindings', lines: shownLines, sites: shownSites, stoppedSites, collapsed: !urlGroupsExpanded, hidden: hiddenSites, status: `${String(started)} site${started === 1 ? '' : 's'}${stoppedSites > 0 ? ` · ${String(stoppedSites)} off` : ''}` },
  });
  const cacheY = innerTop + Math.max(NODE_H, urlGroupsHeight) + GAP;
  component('httpsys:cache', systemX + GAP, cacheY, SYSTEM_W - 2 * GAP, 'Kernel response cache', 'responses HTTP.sys answers without user mode', {}, 'cache');
  const leftBottom = cacheY + NODE_H;
  const queuesExpanded = options.expanded.has('queues') || pools.length <= COLLAPSED_LIMIT;
  const shownQueues = queuesExpanded ? pools : shownPools;
  let queuesBottom = innerTop;
  const queueHeight = QUEUE_H + (shownQueues.some((p) => nameLines(p.name) > 1) ? NAME_LINE : 0);
  const shownPoolIds = new Set(nodes.filter((n) => n.type === 'pool').map((n) => n.id));
  shownQueues.forEach((pool, index) => {
    const id = `queue:${pool.name}`;
    const column = index % POOL_COLUMNS;
    const row = Math.floor(index / POOL_COLUMNS);
    const qy = innerTop + row * (queueHeight + GAP);
    add({
      id,
      type: 'queue',
      position: { x: poolsX + column * (QUEUE_W + GAP), y: qy },
      width: QUEUE_W,
      height: queueHeight,
      data: { kind: 'queue', label: `Request queue ${pool.name}`, short: pool.name, caption: `queueLength ${String(pool.queueLength)}`, lines: [], pool: pool.name, queueLength: pool.queueLength, stopped: poolState(pool.autoStart, runtime.poolStates.get(pool.name.toLowerCase())).stopped },
    });
    queuesBottom = Math.max(queuesBottom, qy + queueHeight);
    edges.push({ id: `httpsys:urlgroups->${id}`, source: 'httpsys:urlgroups', target: id });
    if (shownPoolIds.has(`pool:${pool.name}`)) {
      for (const worker of runtime.workers.filter((w) => same(w.pool, pool.name))) edges.push({ id: `${id}->worker:${String(worker.pid)}`, source: id, target: `worker:${String(worker.pid)}`, label: 'dequeue' });
    }
  });
  right = Math.max(right, poolsX + Math.min(POOL_COLUMNS, Math.max(1, shownQueues.length)) * (QUEUE_W + GAP) - GAP);
  const httpsysHeight = Math.max(leftBottom, queuesBottom) + GAP - httpsysY;
  add({ id: 'httpsys', type: 'group', position: { x: systemX, y: httpsysY }, width: right + GAP - systemX, height: httpsysHeight, zIndex: 0, data: { kind: 'group', label: 'HTTP.sys', caption: 'the kernel-mode HTTP listener', lines: [] } });
  edges.push(
    { id: 'w3svc->httpsys', source: 'w3svc', target: 'httpsys:urlgroups', label: 'configures' },
    { id: 'listener->urlgroups', source: 'httpsys:listener', target: 'httpsys:urlgroups' },
    { id: 'listener->cache', source: 'httpsys:listener', target: 'httpsys:cache' },
  );
  const bandRight = right + GAP + BAND_PAD;
  const kernelBottom = httpsysY + httpsysHeight + BAND_PAD;
  add({ id: 'band:user', type: 'band', position: { x: bandLeft, y: userTop }, width: bandRight - bandLeft, height: userBottom + BAND_PAD - userTop, zIndex: -1, data: { kind: 'band', label: 'User mode', caption: 'services and processes', lines: [] } });
  add({ id: 'band:kernel', type: 'band', position: { x: bandLeft, y: kernelTop }, width: bandRight - bandLeft, height: kernelBottom - kernelTop, zIndex: -1, data: { kind: 'band', label: 'Kernel mode', caption: 'HTTP.sys, part of Windows', lines: [] } });

  // --- The client, level with HTTP.sys's listener -------------------------------------------------
  add({ id: 'client', type: 'client', position: { x: 0, y: innerTop }, width: CLIENT_W, height: NODE_H, data: { kind: 'client', label: 'Client', caption: 'the browser sends requests and receives responses', lines: [] } });
  edges.push({ id: 'client->listener', source: 'client', target: 'httpsys:listener', label: 'HTTP' });

  nodes.sort((a, b) => a.zIndex - b.zIndex);
  for (const node of nodes) {
    centres.set(node.id, tokenAnchor(node));
    boxes.set(node.id, { x: node.position.x, y: node.position.y, width: node.width, height: node.height });
  }
  return { nodes, edges, centres, boxes };
}
