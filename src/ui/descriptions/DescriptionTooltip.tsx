/**
 * The tooltip that explains a part of the graph: what it is, what it does to a request, and what
 * configures it. Shown on hover and on keyboard focus (WCAG 1.4.13: it stays while the pointer rests on
 * it or the part keeps focus, and Escape dismisses it). It lets the pointer through, so it never blocks
 * a click on what it covers. Placed next to the part it explains, never over it: below when there is
 * room, else above, else beside; always inside the window.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Description } from './description.ts';

export interface TooltipContent {
  title: string;
  kind: string;
  description: Description;
}

/** Where the explained part is on screen, in viewport pixels. */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;
const MARGIN = 8;

/** The tooltip's top-left corner for its size, next to the anchor and inside the window. */
export function placeTooltip(anchor: AnchorRect, width: number, height: number, viewport: { width: number; height: number }): { left: number; top: number } {
  const clampX = (x: number): number => Math.max(MARGIN, Math.min(x, viewport.width - width - MARGIN));
  const clampY = (y: number): number => Math.max(MARGIN, Math.min(y, viewport.height - height - MARGIN));
  if (anchor.bottom + GAP + height <= viewport.height - MARGIN) return { left: clampX(anchor.left), top: anchor.bottom + GAP };
  if (anchor.top - GAP - height >= MARGIN) return { left: clampX(anchor.left), top: anchor.top - GAP - height };
  if (anchor.right + GAP + width <= viewport.width - MARGIN) return { left: anchor.right + GAP, top: clampY(anchor.top) };
  return { left: clampX(anchor.left - GAP - width), top: clampY(anchor.top) };
}

export function DescriptionTooltip({ id, content, anchor }: { id: string; content: TooltipContent; anchor: AnchorRect }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setPosition(placeTooltip(anchor, element.offsetWidth, element.offsetHeight, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor, content]);
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
