/**
 * Arrow-key moves between the graph's nodes: the nearest node in the arrow's direction. Pure, tested in
 * Node.
 *
 * Containers (svchost.exe, HTTP.sys, a pool, a w3wp.exe) hold other nodes, so their centre says little
 * about where they are: a container is reached at its title strip, the band across its top where its
 * name is. So from WAS, Up reaches svchost.exe, and from a worker's first notification, Up reaches the
 * worker.
 */

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface NavigationBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A container of other nodes: reached at its title strip. */
  container: boolean;
}

/** The height of a container's title strip, in flow units (a title line and a caption). */
export const TITLE_STRIP = 44;

/** Added to the distance of a node outside the current node's beam, so that any node in the beam wins. */
const OFF_BEAM = 1_000_000;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a box is, for navigation: a container's title strip, any other node's whole box. */
export function anchorOf(box: NavigationBox): Rect {
  const height = box.container ? Math.min(box.height, TITLE_STRIP) : box.height;
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + height };
}

const centreX = (r: Rect): number => (r.left + r.right) / 2;
const centreY = (r: Rect): number => (r.top + r.bottom) / 2;

/** The gap between two ranges on one axis, 0 when they overlap. */
function gap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, bStart - aEnd, aStart - bEnd);
}

/**
 * How far `to` lies from `from` in `direction`, or undefined when it does not lie that way. A
 * candidate must start beyond the current node's near edge and have its centre beyond the current
 * centre, so a node that contains the current one (or sits level with it) is never "next".
 */
function distance(from: Rect, to: Rect, direction: Direction): number | undefined {
  let along: number;
  let across: number;
  switch (direction) {
    case 'right':
      if (to.left <= from.left || centreX(to) <= centreX(from)) return undefined;
      along = centreX(to) - centreX(from);
      across = gap(from.top, from.bottom, to.top, to.bottom);
      break;
    case 'left':
      if (to.right >= from.right || centreX(to) >= centreX(from)) return undefined;
      along = centreX(from) - centreX(to);
      across = gap(from.top, from.bottom, to.top, to.bottom);
      break;
    case 'down':
      if (to.top <= from.top || centreY(to) <= centreY(from)) return undefined;
      along = centreY(to) - centreY(from);
      across = gap(from.left, from.right, to.left, to.right);
      break;
    case 'up':
      if (to.bottom >= from.bottom || centreY(to) >= centreY(from)) return undefined;
      along = centreY(from) - centreY(to);
      across = gap(from.left, from.right, to.left, to.right);
      break;
  }
  // A node in line with the current one (in its beam) beats any off to the side, however near: from
  // applicationHost.config, Down is HTTP.sys below it, not a notification of the worker beside it.
  return across === 0 ? along : OFF_BEAM + along + 3 * across;
}

/** The id of the nearest node from `currentId` in `direction`, or undefined when there is none that way. */
export function nearestInDirection(boxes: readonly NavigationBox[], currentId: string, direction: Direction): string | undefined {
  const current = boxes.find((b) => b.id === currentId);
  if (current === undefined) return undefined;
  const from = anchorOf(current);
  let best: { id: string; score: number } | undefined;
  for (const box of boxes) {
    if (box.id === currentId) continue;
    const score = distance(from, anchorOf(box), direction);
    if (score === undefined) continue;
    if (best === undefined || score < best.score) best = { id: box.id, score };
  }
  return best?.id;
}

/** The arrow keys' directions. */
export function directionOf(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return undefined;
  }
}
