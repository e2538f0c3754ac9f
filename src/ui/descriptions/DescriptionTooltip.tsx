/**
 * The tooltip that explains a part of the graph: what it is, what it does to a request, and what
 * configures it. Shown on hover and on keyboard focus (WCAG 1.4.13: it stays while the pointer rests on
 * it or the part keeps focus, and Escape dismisses it). It lets the pointer through, so it never blocks
 * a click on what it covers. Placed next to the part it explains, never over it, and inside the graph
 * when it fits there (placeTooltip).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Description } from './description.ts';
import { placeTooltip, type AnchorRect } from './placeTooltip.ts';

export type { AnchorRect } from './placeTooltip.ts';

export interface TooltipContent {
  title: string;
  kind: string;
  description: Description;
}

export function DescriptionTooltip({ id, content, anchor, bounds }: { id: string; content: TooltipContent; anchor: AnchorRect; bounds: AnchorRect }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setPosition(placeTooltip(anchor, element.offsetWidth, element.offsetHeight, bounds, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor, bounds, content]);
  const { description } = content;
  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="graph-tooltip"
      style={position === undefined ? { visibility: 'hidden', left: 0, top: 0 } : { left: position.left, top: position.top }}
    >
      <p className="graph-tooltip-title">
        <strong>{content.title}</strong> <span className="graph-tooltip-kind">{content.kind}</span>
      </p>
      <p>{description.what}</p>
      <p>{description.request}</p>
      <p className="graph-tooltip-config">
        <span className="graph-tooltip-label">Configured in: </span>
        {description.configuredBy}
      </p>
    </div>
  );
}
