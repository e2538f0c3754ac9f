/** Where a tooltip goes beside the part it explains. Pure, tested in Node. */

/** Where the explained part is on screen, in viewport pixels. */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;
const MARGIN = 8;

/**
 * The tooltip's top-left corner for its size: beside the anchor and inside `bounds` (the graph's box,
 * so it covers neither the playback bar nor the panels) — below, above, right or left, the first side
 * where it fits whole; failing all four, below or above (where there is more room), kept in the window.
 */
export function placeTooltip(anchor: AnchorRect, width: number, height: number, bounds: AnchorRect, viewport: { width: number; height: number }): { left: number; top: number } {
  const inside = (left: number, top: number): boolean => left >= bounds.left + MARGIN && top >= bounds.top + MARGIN && left + width <= bounds.right - MARGIN && top + height <= bounds.bottom - MARGIN;
  const alongX = Math.max(bounds.left + MARGIN, Math.min(anchor.left, bounds.right - MARGIN - width));
  const alongY = Math.max(bounds.top + MARGIN, Math.min(anchor.top, bounds.bottom - MARGIN - height));
  const sides = [
    { left: alongX, top: anchor.bottom + GAP },
    { left: alongX, top: anchor.top - GAP - height },
    { left: anchor.right + GAP, top: alongY },
    { left: anchor.left - GAP - width, top: alongY },
  ];
  const fits = sides.find((p) => inside(p.left, p.top));
  if (fits !== undefined) return fits;
  const clampX = (x: number): number => Math.max(MARGIN, Math.min(x, viewport.width - width - MARGIN));
  const clampY = (y: number): number => Math.max(MARGIN, Math.min(y, viewport.height - height - MARGIN));
  const below = viewport.height - anchor.bottom >= anchor.top;
  return { left: clampX(anchor.left), top: clampY(below ? anchor.bottom + GAP : anchor.top - GAP - height) };
}
