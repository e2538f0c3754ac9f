/** React Flow node kinds for the configuration graph. Memoized; values are rendered as text only. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ConfigNodeData } from './configGraph.ts';

type SiteData = Extract<ConfigNodeData, { kind: 'site' }>;
type ApplicationData = Extract<ConfigNodeData, { kind: 'application' }>;
type PoolData = Extract<ConfigNodeData, { kind: 'applicationPool' }>;

export const SiteNode = memo(function SiteNode({ data }: NodeProps<Node<SiteData, 'site'>>) {
  return (
    <div className="node node-site" role="group" aria-label={`Site ${data.label}`}>
      <div className="node-kind">Site · id {data.id}</div>
      <div className="node-title">{data.label}</div>
      <ul className="node-list">
        {data.bindings.map((binding) => (
          <li key={binding}>{binding}</li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

export const ApplicationNode = memo(function ApplicationNode({ data }: NodeProps<Node<ApplicationData, 'application'>>) {
  return (
    <div className="node node-application" role="group" aria-label={`Application ${data.label}`}>
      <Handle type="target" position={Position.Left} />
      <div className="node-kind">Application · {data.enabledProtocols}</div>
      <div className="node-title">{data.label}</div>
      <div className="node-detail" title={data.physicalPath}>
        {data.physicalPath}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

export const ApplicationPoolNode = memo(function ApplicationPoolNode({ data }: NodeProps<Node<PoolData, 'applicationPool'>>) {
  return (
    <div className={data.missing ? 'node node-pool node-missing' : 'node node-pool'} role="group" aria-label={`Application pool ${data.label}`}>
      <Handle type="target" position={Position.Left} />
      <div className="node-kind">Application pool</div>
      <div className="node-title">{data.label}</div>
      <div className="node-detail">
        {data.missing ? 'not defined in <applicationPools>' : `${data.managedPipelineMode} · ${data.managedRuntimeVersion} · ${data.startMode}`}
      </div>
    </div>
  );
});

/** Module-level constant, as React Flow asks: a new object per render would remount every node. */
export const configNodeTypes = { site: SiteNode, application: ApplicationNode, applicationPool: ApplicationPoolNode };
