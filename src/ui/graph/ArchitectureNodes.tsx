/**
 * Node kinds of the architecture graph. Memoized; every configuration value is rendered as text. Each
 * node is a group with an accessible name in IIS's words ("HTTP.sys", "Application pool X",
 * "w3wp.exe 4124"), so people and tests find them by name.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRuntime } from '../hooks/stores.ts';
import type { ArchitectureNodeData } from './architecture.ts';

type ArchitectureFlowNode = Node<ArchitectureNodeData>;

const hidden = { opacity: 0, width: 1, height: 1, minWidth: 1, minHeight: 1, border: 0 };

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </>
  );
}

export const BandNode = memo(function BandNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-band arch-band-${data.label === 'Kernel mode' ? 'kernel' : 'user'}`} role="region" aria-label={data.label}>
      <span className="arch-band-title">{data.label}</span>
      <span className="arch-band-caption">{data.caption}</span>
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className="arch-group" role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-group-title">{data.label}</div>
      <div className="arch-caption">{data.caption}</div>
    </div>
  );
});

export const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-node arch-${data.kind}${selected ? ' arch-selected' : ''}`} role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-caption">{data.caption}</div>
      {data.lines.length > 0 && (
        <ul className="arch-lines">
          {data.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
});

export const UrlGroupsNode = memo(function UrlGroupsNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-node arch-urlGroups${selected ? ' arch-selected' : ''}`} role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-caption">{data.caption}</div>
      <ul className="arch-lines">
        {data.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {data.hidden !== undefined && data.hidden > 0 && <div className="arch-more">… {data.hidden} more sites (select and expand in the Inspector)</div>}
    </div>
  );
});

export const QueueNode = memo(function QueueNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const depth = useRuntime((s) => s.queueDepth.get((data.pool ?? '').toLowerCase()) ?? 0);
  const length = data.queueLength ?? 1000;
  return (
    <div className={`arch-node arch-queue${selected ? ' arch-selected' : ''}`} role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-queue-bar" role="meter" aria-label={`${data.label} depth`} aria-valuemin={0} aria-valuemax={length} aria-valuenow={depth}>
        <div className="arch-queue-fill" style={{ width: `${String(Math.min(100, (depth / Math.max(1, length)) * 100 * 20))}%` }} />
      </div>
      <div className="arch-caption">
        {depth} waiting · {data.caption}
      </div>
    </div>
  );
});

export const CacheNode = memo(function CacheNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const cache = useRuntime((s) => s.kernelCache);
  const lookups = cache.hits + cache.misses;
  return (
    <div className={`arch-node arch-cache${selected ? ' arch-selected' : ''}`} role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-caption" aria-label="Kernel response cache counts">
        {cache.entries} entr{cache.entries === 1 ? 'y' : 'ies'} · {cache.hits} hit{cache.hits === 1 ? '' : 's'} · hit ratio {lookups === 0 ? '–' : `${String(Math.round((cache.hits / lookups) * 100))} %`}
      </div>
    </div>
  );
});

export const PoolNode = memo(function PoolNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className={`arch-pool${selected ? ' arch-selected' : ''}`} role="group" aria-label={`Application pool ${data.label}`}>
      <Handles />
      <div className="arch-group-title">{data.label}</div>
      <div className="arch-caption">{data.caption}</div>
      <div className="arch-caption">{data.lines.join(' · ')}</div>
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
  return (
    <div className={`arch-worker${selected ? ' arch-selected' : ''}`} role="group" aria-label={data.label}>
      <Handles />
      <div className="arch-title">{data.label}</div>
      <div className="arch-caption">{data.caption}</div>
      {live !== undefined && (
        <div className="arch-caption" aria-label={`${data.label} live state`}>
          up {formatUptime(live.uptime)} · {live.inFlight} request{live.inFlight === 1 ? '' : 's'} in flight
        </div>
      )}
      <div className="arch-core-title">Web Server Core: the integrated pipeline</div>
    </div>
  );
});

export const NotificationNode = memo(function NotificationNode({ data }: NodeProps<ArchitectureFlowNode>) {
  return (
    <div className="arch-notification" role="group" aria-label={`${data.label} notification`}>
      <Handles />
      <span className="arch-notification-name">{data.label}</span>
      <span className="arch-modules">
        {(data.modules ?? []).map((m) => (
          <span key={`${m.name}${m.isPost ? '+post' : ''}`} className={m.managed ? 'arch-module arch-managed' : 'arch-module'} title={`${m.name}${m.managed ? ' (managed)' : ' (native)'}${m.isPost ? ', post-event' : ''}`}>
            {m.name.replace(/Module$/, '')}
            {m.isPost ? '*' : ''}
          </span>
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
