/**
 * A straight edge with its label as plain SVG text, centred by the text's own anchor. React Flow's
 * default label measures itself (getBBox) in an effect and renders again: a forced layout and one more
 * render per labelled edge each time the graph mounts or changes.
 */
import { BaseEdge, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

export const ArchitectureEdge = memo(function ArchitectureEdge({ id, sourceX, sourceY, targetX, targetY, label }: EdgeProps) {
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  return (
    <>
      <BaseEdge id={id} path={path} />
      {typeof label === 'string' && (
        <text className="arch-edge-label" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
      )}
    </>
  );
});

export const architectureEdgeTypes = { architecture: ArchitectureEdge };
