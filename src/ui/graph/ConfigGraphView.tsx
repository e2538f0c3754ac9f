import { Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type Node, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
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
  const graph = useMemo(() => toConfigGraph(model), [model]);
  // React Flow measures nodes through change events; keep them (and any dragging) until the model changes.
  const [state, setState] = useState<{ source: typeof graph; nodes: Node[] }>({ source: graph, nodes: graph.nodes });
  const nodes = state.source === graph ? state.nodes : graph.nodes;
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      setState((previous) => {
        const base = previous.source === graph ? previous.nodes : graph.nodes;
        return { source: graph, nodes: applyNodeChanges(changes, base) };
      });
    },
    [graph],
  );
  const { edges } = graph;
  return (
    <section className="graph" aria-label="Configuration graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
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
