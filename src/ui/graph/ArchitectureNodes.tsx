/**
 * Node kinds of the architecture graph. Memoized; every configuration value is rendered as text. Each
 * node's accessible name (in IIS's words: "HTTP.sys", "Application pool X", "w3wp.exe 4124"), kind and
 * description sit on React Flow's wrapper, the element that takes focus (ArchitectureView), so people
 * and tests find them by name and a screen reader hears them when the node is focused.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRuntime, useStores } from '../hooks/stores.ts';
import { pipelineKey, type UrlGroupSite } from './architecture.ts';
import { menuHandlers, useGraphMenus } from './graphMenuContext.ts';
import { ActionsButton, Handles, StoppedBadge, type ArchitectureFlowNode } from './NodeParts.tsx';
import { PoolNode } from './PoolNode.tsx';

export const BandNode = memo(function BandNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-band arch-band-${data.label === 'Kernel mode' ? 'kernel' : 'user'}`} role="region" aria-label={data.label}>
      <span className="arch-band-title">{data.label}</span>
      <span className="arch-band-caption arch-detail">{data.caption}</span>
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className="arch-group">
      <Handles />
      <div className="arch-group-title">{data.label}</div>
      <div className="arch-caption arch-detail">{data.caption}</div>
    </div>
  );
});

export const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-node arch-${data.kind}${selected ? ' arch-selected' : ''}`}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      {data.status !== undefined && <div className="arch-status">{data.status}</div>}
      <div className="arch-caption arch-detail">{data.caption}</div>
      {data.lines.length > 0 && (
        <ul className="arch-lines arch-detail">
          {data.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** One site's URL group: its bindings, or, for a stopped site, that it has none (W3SVC registers none). */
function SiteRow({ site }: { site: UrlGroupSite }) {
  const menus = useGraphMenus();
  const handlers = menuHandlers(menus, { kind: 'site', site: site.name });
  return (
    <li className={site.stopped ? 'arch-site arch-site-stopped' : 'arch-site'} aria-label={`Site ${site.name}${site.stopped ? ', stopped' : ''}`} {...handlers}>
      {site.stopped && <StoppedBadge />}
      <span className="arch-site-name">{site.name}:</span>{' '}
      <span className="arch-site-bindings">{site.stopped ? `no URL group (${site.bindings} inactive)` : site.bindings}</span>
      <ActionsButton target={{ kind: 'site', site: site.name }} name={`site ${site.name}`} />
    </li>
  );
}

export const UrlGroupsNode = memo(function UrlGroupsNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const stopped = data.stoppedSites ?? 0;
  return (
    <div className={`arch-node arch-urlGroups${selected ? ' arch-selected' : ''}`}>
      <Handles />
      <div className="arch-title arch-urlGroups-title">
        {data.label}
        {stopped > 0 && <span className="arch-stopped-count">{stopped} stopped</span>}
      </div>
      {data.status !== undefined && <div className="arch-status">{data.status}</div>}
      <div className="arch-caption arch-detail">{data.caption}</div>
      <ul className="arch-lines arch-sites arch-detail">
        {(data.sites ?? []).map((site) => (
          <SiteRow key={site.name} site={site} />
        ))}
      </ul>
      {data.hidden !== undefined && data.hidden > 0 && <div className="arch-more arch-detail">… {data.hidden} more sites (select and expand in the Inspector)</div>}
    </div>
  );
});

export const QueueNode = memo(function QueueNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const depth = useRuntime((s) => s.queueDepth.get((data.pool ?? '').toLowerCase()) ?? 0);
  const length = data.queueLength ?? 1000;
  return (
    <div className={`arch-node arch-queue${selected ? ' arch-selected' : ''}${data.stopped === true ? ' arch-stopped' : ''}`}>
      <Handles />
      <div className="arch-title">
        <span className="arch-compact arch-name">{data.short ?? data.label}</span>
        <span className="arch-detail">{data.label}</span>
      </div>
      {data.stopped === true ? (
        <div className="arch-status arch-queue-stopped">
          <StoppedBadge /> 503
        </div>
      ) : (
        <>
          <div className="arch-queue-bar" role="meter" aria-label={`${data.label} depth`} aria-valuemin={0} aria-valuemax={length} aria-valuenow={depth}>
            <div className="arch-queue-fill" style={{ width: `${String(Math.min(100, (depth / Math.max(1, length)) * 100 * 20))}%` }} />
          </div>
          {/* The same two numbers in both forms: how many wait, and the pool's queueLength. */}
          <div className="arch-status">
            {depth} waiting / {length}
          </div>
          <div className="arch-caption arch-detail">
            {depth} waiting · {data.caption}
          </div>
        </>
      )}
      {data.stopped === true && <div className="arch-caption arch-detail">HTTP.sys answers 503</div>}
    </div>
  );
});

export const CacheNode = memo(function CacheNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const cache = useRuntime((s) => s.kernelCache);
  const lookups = cache.hits + cache.misses;
  return (
    <div className={`arch-node arch-cache${selected ? ' arch-selected' : ''}`}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-status arch-both" aria-label="Kernel response cache counts">
        {cache.entries} entr{cache.entries === 1 ? 'y' : 'ies'} · {cache.hits} hit{cache.hits === 1 ? '' : 's'} · ratio {lookups === 0 ? '–' : `${String(Math.round((cache.hits / lookups) * 100))} %`}
      </div>
      <div className="arch-caption arch-detail">{data.caption}</div>
    </div>
  );
});

/** Virtual milliseconds as a person reads them: 850 ms, 12.4 s, 3 min 05 s. */
export function formatUptime(ms: number): string {
  if (ms < 1000) return `${String(Math.max(0, Math.round(ms)))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60))} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export const WorkerNode = memo(function WorkerNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const live = useRuntime((s) => (data.pid === undefined ? undefined : s.workers.get(data.pid)));
  const { ui } = useStores();
  const pool = data.pool ?? '';
  return (
    <div className={`arch-worker${selected ? ' arch-selected' : ''}`}>
      <Handles />
      <div className="arch-title">
        {data.label}
        {data.pid !== undefined && <ActionsButton target={{ kind: 'worker', pid: data.pid, pool, pipelinePinned: data.pipelinePinned === true }} name={data.label} />}
      </div>
      {live !== undefined && (
        <div className="arch-status arch-both" aria-label={`${data.label} live state`}>
          up {formatUptime(live.uptime)} · {live.inFlight} in flight
        </div>
      )}
      <div className="arch-caption arch-detail">{data.caption} · {data.lines.join(' · ')}</div>
      {data.stages !== undefined && data.stages > 0 && (
        <div className="arch-core-title">
          <span className="arch-detail">Web Server Core: {data.stages} notifications</span>
          {/* Drawn while a request is in it; the person can keep it open (or closed) from here. */}
          <button
            type="button"
            className="arch-pipeline-toggle nodrag nopan"
            tabIndex={-1}
            aria-pressed={data.pipelinePinned === true}
            aria-label={`${data.pipelinePinned === true ? 'Hide' : data.pipelineShown === true ? 'Keep open' : 'Show'} the pipeline of ${data.label}`}
            onClick={(event) => {
              event.stopPropagation();
              ui.getState().toggleExpanded(pipelineKey(pool));
            }}
          >
            {data.pipelinePinned === true ? 'Hide pipeline' : data.pipelineShown === true ? 'Keep pipeline open' : `Show pipeline (${String(data.stages)})`}
          </button>
        </div>
      )}
    </div>
  );
});

/**
 * A module in a notification: its description shows on hover (GraphAccessibility reads the data-
 * attributes; the Inspector lists them all for the keyboard), and a right click (or the notification's
 * menu, from the keyboard) removes it.
 */
function ModuleChip({ module, pool }: { module: { name: string; managed: boolean; isPost: boolean }; pool: string }) {
  const menus = useGraphMenus();
  const { onContextMenu } = menuHandlers(menus, { kind: 'module', module: module.name, pool });
  return (
    <span className={module.managed ? 'arch-module arch-managed' : 'arch-module'} data-module={module.name} data-managed={module.managed} data-post={module.isPost} onContextMenu={onContextMenu}>
      {module.name.replace(/Module$/, '')}
      {module.isPost ? '*' : ''}
    </span>
  );
}

export const NotificationNode = memo(function NotificationNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className="arch-notification">
      <Handles />
      <span className="arch-notification-name">{data.label}</span>
      <span className="arch-modules">
        {(data.modules ?? []).map((m) => (
          <ModuleChip key={`${m.name}${m.isPost ? '+post' : ''}`} module={m} pool={data.pool ?? ''} />
        ))}
      </span>
    </div>
  );
});

/** Module-level constant, as React Flow asks (a new object per render would remount every node). */
export const architectureNodeTypes = {
  band: BandNode,
  group: GroupNode,
  client: ComponentNode,
  component: ComponentNode,
  cache: CacheNode,
  appDomain: ComponentNode,
  urlGroups: UrlGroupsNode,
  queue: QueueNode,
  pool: PoolNode,
  worker: WorkerNode,
  notification: NotificationNode,
};
