/**
 * Which of the graph's nodes the keyboard moves between, and where they are for spatial navigation.
 * The two bands (User mode, Kernel mode) are backgrounds, not parts of the server: they are skipped.
 */
import type { ArchitectureNode, ArchitectureNodeKind } from '../graph/architecture.ts';
import type { NavigationBox } from './spatialNavigation.ts';

const CONTAINERS: ReadonlySet<ArchitectureNodeKind> = new Set(['group', 'pool', 'worker']);

/** A node the keyboard can reach and the Inspector can show. */
export function isNavigable(node: Pick<ArchitectureNode, 'type'>): boolean {
  return node.type !== 'band';
}

export function navigationBoxes(nodes: readonly ArchitectureNode[]): NavigationBox[] {
  return nodes.filter(isNavigable).map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, width: n.width, height: n.height, container: CONTAINERS.has(n.type) }));
}
