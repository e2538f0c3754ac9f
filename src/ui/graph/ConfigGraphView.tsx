import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { toConfigGraph } from './configGraph.ts';
import { configNodeTypes } from './ConfigNodes.tsx';

const MINIMAP_COLORS: Readonly<Record<string, string>> = { site: '#1f6feb', application: '#8250df', applicationPool: '#1a7f37' };

function minimapColor(node: { type?: string | undefined }): string {
  return MINIMAP_COLORS[node.type ?? ''] ?? '#8c959f';
}

/** The sites, applications and application pools of the loaded configuration. */
export function ConfigGraphView() {
  const model = useWorkspace((s) => s.model);
  const { nodes, edges } = useMemo(() => toConfigGraph(model), [model]);
  return (
    <section className="graph" aria-label="Configuration graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={configNodeTypes}
        fitView
        fitViewOptions={{ maxZoom: 1.1 }}
        minZoom={0.05}
        nodesConnectable={false}
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeStrokeWidth={2} />
        <Controls />
      </ReactFlow>
    </section>
  );
}
