/**
 * How large the graph's text is on screen, and the views that keep it readable. Node text is sized in
 * graph units that grow as the view zooms out (semantic zoom): below DETAIL_ZOOM a node shows its name
 * and one status line, drawn at least NAME_SCREEN_PX / STATUS_SCREEN_PX tall on screen; at or above it,
 * its detail (captions, settings, module names) at fixed sizes. Pure: tested in Node; the graph writes
 * these sizes into CSS variables when the zoom changes (never through a React render).
 */

/** On-screen height a component's name keeps in the compact form (issue 10: at least 12 px). */
export const NAME_SCREEN_PX = 12.5;
/** On-screen height of the compact form's status line. */
export const STATUS_SCREEN_PX = 12;
/** Sizes in graph units: never below the detail sizes, never above what the nodes' boxes hold. */
export const NAME_MIN = 14;
export const NAME_MAX = 26;
export const STATUS_MIN = 12;
export const STATUS_MAX = 26;
/** At this zoom and above nodes show their detail (captions at 11 graph px are 11 px on screen). */
export const DETAIL_ZOOM = 1;
/** A notification's module names are 11 graph px: the camera shows a request's pipeline at least this zoom. */
export const MODULE_FONT = 11;
export const READABLE_ZOOM = 1.1;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** The font size of a node's name, in graph units, at a zoom. */
export function nameSize(zoom: number): number {
  return zoom >= DETAIL_ZOOM ? NAME_MIN : clamp(NAME_SCREEN_PX / zoom, NAME_MIN, NAME_MAX);
}

/** The font size of the compact form's status line, in graph units. */
export function statusSize(zoom: number): number {
  return zoom >= DETAIL_ZOOM ? STATUS_MIN : clamp(STATUS_SCREEN_PX / zoom, STATUS_MIN, STATUS_MAX);
}

/** The lowest zoom at which names still reach NAME_SCREEN_PX on screen. */
export const LEGIBLE_ZOOM = NAME_SCREEN_PX / NAME_MAX;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Space around the graph when it is fitted, in screen pixels. */
export const FIT_MARGIN = 8;
/** The fit never enlarges a small graph beyond this. */
export const MAX_FIT_ZOOM = 1.25;

/** The view that shows `box` whole and centred in a pane, with FIT_MARGIN around it, zoomed at most `maxZoom`. */
export function fitViewport(box: Box, pane: { width: number; height: number }, maxZoom = MAX_FIT_ZOOM, margin = FIT_MARGIN): Viewport {
  const width = Math.max(1, pane.width - 2 * margin);
  const height = Math.max(1, pane.height - 2 * margin);
  const zoom = Math.min(maxZoom, width / Math.max(1, box.width), height / Math.max(1, box.height));
  return { zoom, x: pane.width / 2 - (box.x + box.width / 2) * zoom, y: pane.height / 2 - (box.y + box.height / 2) * zoom };
}

/** The smallest box holding all of `boxes`, or undefined for none. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Where the camera goes to keep a point (a request's token) in view at `zoom`: nowhere while the point
 * is inside the middle of the pane at that zoom already (a dead zone, so the view does not shake with
 * every step), else centred on it. With `around` (the pipeline the token is in), the view keeps that
 * box's width whole when it fits, centred on it, and follows the token up and down only.
 */
export function followViewport(current: Viewport, point: { x: number; y: number }, pane: { width: number; height: number }, zoom: number, around?: Box, deadZone = 0.3): Viewport | undefined {
  const fits = around !== undefined && around.width * zoom <= pane.width - 2 * FIT_MARGIN;
  const centreX = fits ? around.x + around.width / 2 : point.x;
  if (Math.abs(current.zoom - zoom) < 0.01) {
    const sx = (fits ? centreX : point.x) * current.zoom + current.x;
    const sy = point.y * current.zoom + current.y;
    const mx = fits ? pane.width / 2 - 1 : pane.width * deadZone;
    const my = pane.height * deadZone;
    if (sx >= mx && sx <= pane.width - mx && sy >= my && sy <= pane.height - my) return undefined;
  }
  return { zoom, x: pane.width / 2 - centreX * zoom, y: pane.height / 2 - point.y * zoom };
}

/** One frame of a glide from `from` towards `to` (a fraction of the way), snapping when close. */
export function glide(from: Viewport, to: Viewport, fraction: number): Viewport {
  const next = { x: from.x + (to.x - from.x) * fraction, y: from.y + (to.y - from.y) * fraction, zoom: from.zoom + (to.zoom - from.zoom) * fraction };
  return Math.abs(next.x - to.x) < 0.5 && Math.abs(next.y - to.y) < 0.5 && Math.abs(next.zoom - to.zoom) < 0.002 ? to : next;
}
