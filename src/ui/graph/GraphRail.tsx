/**
 * The graph's tools, in a rail beside it rather than over it (issue 10: overlays never hide nodes or
 * controls): Find a node, zoom, Fit View and the minimap. Inside the React Flow provider, outside the
 * graph's own pane, so the fit gives the graph the whole pane.
 */
import { MiniMap, useReactFlow } from '@xyflow/react';
import { useStores } from '../hooks/stores.ts';
import type { ArchitectureNode } from './architecture.ts';
import type { Camera } from './camera.ts';
import { NodeSearch } from './NodeSearch.tsx';

/** The rail's width in CSS pixels; the graph's pane is the section's width less this. */
export const RAIL_WIDTH = 150;

const MINIMAP_COLOURS: Readonly<Record<string, string>> = {
  band: 'transparent',
  pool: '#1a7f37',
  worker: '#0b2545',
  queue: '#8250df',
  notification: '#9fb3c8',
  group: '#d0d7de',
};

export function GraphRail({ nodes, camera }: { nodes: readonly ArchitectureNode[]; camera: Camera }) {
  const { ui } = useStores();
  const { zoomIn, zoomOut } = useReactFlow();
  const hold = (): void => {
    ui.getState().setViewHeld(true);
  };
  const duration = (): number => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 200);
  return (
    <aside className="graph-rail" aria-label="Graph tools">
      <NodeSearch nodes={nodes} />
      <div className="graph-zoom" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom Out" title="Zoom out" onClick={() => { ui.getState().setViewHeld(true); void zoomOut({ duration: duration() }); }}>
          −
        </button>
        <button type="button" aria-label="Zoom In" title="Zoom in" onClick={() => { ui.getState().setViewHeld(true); void zoomIn({ duration: duration() }); }}>
          +
        </button>
        <button
          type="button"
          aria-label="Fit View"
          title="Show the whole graph"
          className="graph-fit"
          onClick={() => {
            ui.getState().setViewHeld(false);
            camera.release();
          }}
        >
          Fit view
        </button>
      </div>
      {/* Panning or zooming on the minimap is the person moving the view: the camera leaves it there. */}
      <div className="graph-minimap-holder" onPointerDown={hold} onWheel={hold}>
        <MiniMap pannable zoomable ariaLabel="Minimap" className="graph-minimap" style={{ width: RAIL_WIDTH - 16, height: 90 }} nodeColor={(n) => MINIMAP_COLOURS[n.type ?? ''] ?? '#8c959f'} bgColor="#ffffff" maskColor="rgb(240 240 240 / 65%)" />
      </div>
    </aside>
  );
}
