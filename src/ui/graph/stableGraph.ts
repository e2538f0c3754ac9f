/**
 * Keeps the nodes and edges of a rebuilt graph that did not change as the very objects of the graph
 * before it. A configuration edit rebuilds the whole graph, but changes a node or two (a pool stopped,
 * an application moved): React Flow and the memoized node components then re-render only those, not
 * every node of the graph. Pure: tested in Node.
 */
import type { ArchitectureEdge, ArchitectureGraph, ArchitectureNode } from './architecture.ts';

/** Deep equality of the plain data a node carries (strings, numbers, booleans, arrays and records of them). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!(key in right) || !sameData(left[key], right[key])) return false;
  return true;
}

function sameNode(a: ArchitectureNode, b: ArchitectureNode): boolean {
  return a.type === b.type && a.width === b.width && a.height === b.height && a.zIndex === b.zIndex && a.position.x === b.position.x && a.position.y === b.position.y && sameData(a.data, b.data);
}

function sameEdge(a: ArchitectureEdge, b: ArchitectureEdge): boolean {
  return a.source === b.source && a.target === b.target && a.label === b.label;
}

/** `next`, with each node and edge equal to one of `previous` replaced by that one; `previous` itself when nothing changed. */
export function shareUnchanged(previous: ArchitectureGraph, next: ArchitectureGraph): ArchitectureGraph {
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e]));
  let changed = previous.nodes.length !== next.nodes.length || previous.edges.length !== next.edges.length;
  const nodes = next.nodes.map((node, i) => {
    const old = oldNodes.get(node.id);
    if (old !== undefined && sameNode(old, node)) {
      if (previous.nodes[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return node;
  });
  const edges = next.edges.map((edge, i) => {
    const old = oldEdges.get(edge.id);
    if (old !== undefined && sameEdge(old, edge)) {
      if (previous.edges[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return edge;
  });
  return changed ? { nodes, edges, centres: next.centres, boxes: next.boxes } : previous;
}
