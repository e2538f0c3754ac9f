import { useSizeAfterFirstPaint } from '../hooks/useSizeAfterFirstPaint.ts';
import { Background, Position, ReactFlow, ReactFlowProvider, useStoreApi, type Edge, type Node, type NodeHandle, type NodeMouseHandler } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TokenOverlay } from '../animation/TokenOverlay.tsx';
import { usePlaybackIndex, useSettledTimeline, useSimulation, useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';
import { buildArchitecture, type ArchitectureEdge, type ArchitectureGraph, type ArchitectureNode, type ArchitectureNodeData } from './architecture.ts';
import { shareUnchanged } from './stableGraph.ts';
import { architectureEdgeTypes } from './ArchitectureEdge.tsx';
import { architectureNodeTypes } from './ArchitectureNodes.tsx';
import { GraphRail, RAIL_WIDTH } from './GraphRail.tsx';
import { createCamera } from './camera.ts';
import { fitViewport, unionBox, type Box } from './legibility.ts';
import { ZoomStyle } from './ZoomStyle.tsx';
import { useScenarios } from '../scenarios/useScenarios.ts';
import './graph.css';
import { GraphMenuHost } from './GraphMenuHost.tsx';
import { MenuTriggers } from './MenuTriggers.tsx';
import { createRuntimeTracker, EMPTY_RUNTIME, structureKey, type Runtime } from './runtime.ts';
import { descriptionElementId, GraphAccessibility, KEYS_HINT_ID } from '../a11y/GraphAccessibility.tsx';
import { isNavigable } from '../a11y/graphNavigation.ts';
import { accessibleName, describeNode } from '../descriptions/describe.ts';
import type { PipelineDescription } from '../../engine/index.ts';

/**
 * Where a node's two hidden handles are (ArchitectureNodes' Handles): React Flow's CSS centres a 1x1
 * handle on the left edge (target) and the right edge (source).
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Left, x: -0.5, y: height / 2 - 0.5, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: width - 0.5, y: height / 2 - 0.5, width: 1, height: 1 },
  ];
}

/**
 * React Flow's node for a graph node, made once per node object, selection, tab stop and highlight, so
 * an unchanged node keeps it. Keys are three of "0" or "1" (selected, tab stop, highlighted).
 */
const flowNodes = new Map<string, WeakMap<ArchitectureNode, Node<ArchitectureNodeData>>>();

/**
 * How a node reads to a screen reader and takes focus: its name and kind ("WAS", "Windows service"),
 * its description, and a roving tab stop (the graph is one tab stop: the arrow keys move between nodes,
 * GraphAccessibility). The bands are backgrounds: not focusable, and no role at all.
 */
function accessibility(n: ArchitectureNode, tabStop: boolean): Pick<Node, 'focusable' | 'ariaLabel' | 'domAttributes'> {
  if (!isNavigable(n)) return { focusable: false, domAttributes: { 'aria-roledescription': undefined } };
  const described = describeNode(n);
  return {
    focusable: true,
    ariaLabel: accessibleName(n),
    domAttributes: {
      tabIndex: tabStop ? 0 : -1,
      'aria-roledescription': described?.kind ?? 'node',
      'aria-describedby': described === undefined ? KEYS_HINT_ID : `${descriptionElementId(described.key)} ${KEYS_HINT_ID}`,
    },
  };
}

/** Said of a node a scenario's step points at (a ring other than the selection's marks it). */
export const HIGHLIGHT_DESCRIPTION = 'Highlighted by this scenario step';

function highlight(base: Pick<Node, 'domAttributes'>): Pick<Node, 'className' | 'domAttributes'> {
  return { className: 'graph-highlighted', domAttributes: { ...base.domAttributes, 'aria-description': HIGHLIGHT_DESCRIPTION } };
}

function flowNode(n: ArchitectureNode, selected: boolean, tabStop: boolean, highlighted: boolean): Node<ArchitectureNodeData> {
  const key = `${selected ? '1' : '0'}${tabStop ? '1' : '0'}${highlighted ? '1' : '0'}`;
  let cache = flowNodes.get(key);
  if (cache === undefined) flowNodes.set(key, (cache = new WeakMap()));
  const cached = cache.get(n);
  if (cached !== undefined) return cached;
  const node: Node<ArchitectureNodeData> = {
    id: n.id,
    type: n.type,
    position: n.position,
    width: n.width,
    height: n.height,
    style: { width: n.width, height: n.height },
    // The layout knows each node's size and where its two handles sit, so React Flow need not
    // measure them: the nodes and edges draw in the first render, and the ResizeObserver pass that
    // follows a mount finds nothing changed (it used to re-render the whole graph, 20-50 ms).
    measured: { width: n.width, height: n.height },
    handles: n.type === 'band' ? [] : handlesOf(n.width, n.height),
    zIndex: n.zIndex,
    // Per node rather than nodesDraggable/nodesConnectable on ReactFlow: those differ from its
    // store's defaults, so passing them re-rendered every node once more just after mounting.
    draggable: false,
    connectable: false,
    selectable: n.type !== 'band',
    selected,
    ...accessibility(n, tabStop),
    ...(highlighted ? highlight(accessibility(n, tabStop)) : {}),
    data: n.data,
  };
  cache.set(n, node);
  return node;
}

const flowEdges = new WeakMap<ArchitectureEdge, Edge>();

/** Edges are not tab stops (the arrow keys move between nodes); a screen reader reads them by the nodes' names. */
function flowEdge(e: ArchitectureEdge, names: ReadonlyMap<string, string>): Edge {
  let edge = flowEdges.get(e);
  if (edge === undefined) {
    const ariaLabel = `From ${names.get(e.source) ?? e.source} to ${names.get(e.target) ?? e.target}${e.label === undefined ? '' : `: ${e.label}`}`;
    edge = { id: e.id, source: e.source, target: e.target, ...(e.label === undefined ? {} : { label: e.label }), type: 'architecture', className: 'arch-edge', focusable: false, ariaLabel };
    flowEdges.set(e, edge);
  }
  return edge;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;

/** The extent of the graph's nodes. */
function extentOf(nodes: readonly ArchitectureNode[]): Box | undefined {
  return unionBox(nodes.map((n) => ({ x: n.position.x, y: n.position.y, width: n.width, height: n.height })));
}

/**
 * Gives React Flow's store its nodes back when it was emptied: React Flow resets its store when
 * <ReactFlow> unmounts, and StrictMode's simulated unmount in development does that just after mounting.
 * The nodes are handed to the provider only at creation (not as props, see below), and an unchanged
 * graph keeps the same nodes, so nothing else would set them again. A check per change of the nodes
 * in production, where it never finds the store empty.
 */
function RefillAfterReset({ nodes, edges }: { nodes: Node<ArchitectureNodeData>[]; edges: Edge[] }) {
  const store = useStoreApi<Node<ArchitectureNodeData>>();
  useEffect(() => {
    const state = store.getState();
    if (state.nodes.length > 0 || nodes.length === 0) return;
    state.setNodes(nodes);
    state.setEdges(edges);
  }, [store, nodes, edges]);
  return null;
}

const NO_PIPELINES: ReadonlyMap<string, PipelineDescription> = new Map();

/**
 * Follows playback (ten times a second while playing): replays the events to the playback index, hands
 * the live values (queue depths, requests in flight, uptime, the kernel cache's counts) to the runtime
 * store for the nodes that show them, and the structure (workers, AppDomains, pool states) to the graph
 * only when it changes. Kept apart so that the graph itself does not re-render as playback moves.
 */
const RuntimeFollower = memo(function RuntimeFollower({ onStructure }: { onStructure: (runtime: Runtime) => void }) {
  const { runtime: runtimeStore } = useStores();
  const timeline = useSettledTimeline();
  const index = usePlaybackIndex(100);
  const results = useSimulation((s) => s.results);
  const tracker = useMemo(() => createRuntimeTracker(timeline.events, (id) => results.get(id)?.appPool), [timeline, results]);
  const runtime = useMemo(() => tracker.advanceTo(index), [tracker, index]);
  useEffect(() => {
    const live = runtimeStore.getState();
    live.setQueueDepth(runtime.queueDepth);
    live.setWorkers(new Map(runtime.workers.map((w) => [w.pid, { uptime: runtime.now - w.startedAt, inFlight: w.inFlight, served: w.served, pool: w.pool, state: w.state, appDomain: w.appDomain }])));
    live.setPoolFacts({ recycles: runtime.recycles, poolStates: runtime.poolStates, now: runtime.now });
    live.setKernelCache({ entries: runtime.cacheEntries, hits: runtime.cacheHits, misses: runtime.cacheMisses });
  }, [runtime, runtimeStore]);
  const key = structureKey(runtime);
  useEffect(() => {
    onStructure(runtime);
  }, [key, onStructure]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
});

export function ArchitectureView() {
  const { ui } = useStores();
  const model = useWorkspaceState((s) => s.model);
  const expanded = useUi((s) => s.expanded);
  const selectedNode = useUi((s) => s.selectedNode);
  const pipelines = useSimulation((s) => s.pipelines);
  // The graph's structure at the playback position (RuntimeFollower sets it only when it changes).
  const [runtime, setRuntime] = useState<Runtime>(EMPTY_RUNTIME);
  // Pipelines are drawn inside worker processes only: before the first starts, their arrival (with the
  // engine's first answer, just after the first paint) need not rebuild the graph.
  const shownPipelines = runtime.workers.length === 0 ? NO_PIPELINES : pipelines;
  const built = useMemo(() => buildArchitecture(model, runtime, { expanded, pipelines: shownPipelines }), [model, runtime, expanded, shownPipelines]);
  // The nodes and edges an edit did not change stay the same objects, so React Flow re-renders only the
  // nodes that changed. The graph before is kept by a function made once per mount (not state set during
  // render: under StrictMode's double render that left React Flow's store without nodes in the dev server).
  const [share] = useState(() => {
    let previous: ArchitectureGraph | undefined;
    return (next: ArchitectureGraph): ArchitectureGraph => {
      previous = previous === undefined ? next : shareUnchanged(previous, next);
      return previous;
    };
  });
  const graph = useMemo(() => share(built), [share, built]);

  // The graph's one tab stop: the node focused last, or the one selected since (a click, Find a node).
  const [tabStop, setTabStop] = useState<{ id: string | undefined; selection: string | undefined }>({ id: undefined, selection: selectedNode });
  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const wanted = tabStop.selection === selectedNode ? (tabStop.id ?? selectedNode) : selectedNode;
  const current = wanted !== undefined && nodesById.has(wanted) ? wanted : nodesById.has('client') ? 'client' : graph.nodes.find(isNavigable)?.id;
  const onTabStop = useCallback(
    (id: string) => {
      const selection = ui.getState().selectedNode;
      setTabStop((t) => (t.id === id && t.selection === selection ? t : { id, selection }));
    },
    [ui],
  );
  // A scenario step's nodes: marked on the graph, and framed by the camera when playback pauses there.
  const highlighted = useScenarios((s) => s.highlighted);
  const highlightSet = useMemo(() => new Set(highlighted), [highlighted]);
  const nodes = useMemo<Node<ArchitectureNodeData>[]>(() => graph.nodes.map((n) => flowNode(n, n.id === selectedNode, n.id === current, highlightSet.has(n.id))), [graph, selectedNode, current, highlightSet]);
  const [camera] = useState(createCamera);
  const extent = useMemo(() => extentOf(graph.nodes), [graph]);
  useEffect(() => {
    camera.setGraph(extent, graph.nodes.filter((n) => n.type === 'worker' && n.data.pipelineShown === true).map((n) => ({ x: n.position.x, y: n.position.y, width: n.width, height: n.height })));
    camera.setHighlights(extentOf(graph.nodes.filter((n) => highlightSet.has(n.id))));
  }, [camera, extent, graph, highlightSet]);
  // Another workspace (loaded, imported, a scenario's): the person's hold on the view ends, and the
  // camera shows the whole new graph. An edit keeps the view where the person put it.
  const generation = useWorkspaceState((s) => s.generation);
  useEffect(() => {
    ui.getState().setViewHeld(false);
  }, [generation, ui]);
  const edges = useMemo<Edge[]>(() => {
    const names = new Map(graph.nodes.map((n) => [n.id, accessibleName(n)]));
    return graph.edges.map((e) => flowEdge(e, names));
  }, [graph]);
  const onNodeClick = useCallback<NodeMouseHandler>(
    (_event, node) => {
      ui.getState().selectNode(node.id);
    },
    [ui],
  );

  // zIndexMode "manual" (on the provider, which creates React Flow's store, and the same on ReactFlow, whose
  // default would be set again after mounting): a selected node keeps its layer. React Flow lifts a selected node above the others by default, so a selected pool covered its
  // own w3wp.exe nodes and their menus.
  // The graph mounts a task after the page's first paint, at the size its section was laid out at.
  const sectionRef = useRef<HTMLElement>(null);
  const flowSize = useSizeAfterFirstPaint(sectionRef);
  const ready = flowSize !== undefined;
  // React Flow's store is created with the graph's nodes and edges (the provider's initial ones), and
  // is handed them as props only once they change. Handed them at mount too, it sets them again from
  // an effect, which re-renders every node synchronously in one more start-up task.
  const [firstNodes] = useState(nodes);
  const [firstEdges] = useState(edges);
  // The first view: the whole graph fitted to the pane (the camera keeps it so; legibility.ts).
  const [firstViewport] = useState(() => (extent === undefined || flowSize === undefined ? undefined : fitViewport(extent, { width: flowSize.width - RAIL_WIDTH, height: flowSize.height })));
  // A move the person makes (the event is null for the view's own fits and centring) holds the view.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event !== null) ui.getState().setViewHeld(true);
  }, [ui]);
  return (
    <section className="graph graph-compact" aria-label="Architecture graph" ref={sectionRef} tabIndex={-1}>
      <RuntimeFollower onStructure={setRuntime} />
      <GraphMenuHost poolStates={runtime.poolStates}>
        {!ready ? (
          <p className="graph-placeholder">Drawing the architecture…</p>
        ) : (
          <MenuTriggers nodes={nodesById}>
            <ReactFlowProvider initialNodes={nodes} initialEdges={edges} initialWidth={Math.max(1, flowSize.width - RAIL_WIDTH)} initialHeight={flowSize.height} initialMinZoom={MIN_ZOOM} initialMaxZoom={MAX_ZOOM} zIndexMode="manual">
              <div className="graph-body">
                <GraphAccessibility nodes={graph.nodes} onTabStop={onTabStop} container={sectionRef}>
                  <ReactFlow
                    {...(nodes === firstNodes ? {} : { nodes })}
                    {...(edges === firstEdges ? {} : { edges })}
                    nodeTypes={architectureNodeTypes}
                    edgeTypes={architectureEdgeTypes}
                    onNodeClick={onNodeClick}
                    onMoveStart={onMoveStart}
                    {...(firstViewport === undefined ? {} : { defaultViewport: firstViewport })}
                    minZoom={MIN_ZOOM}
                    maxZoom={MAX_ZOOM}
                    elementsSelectable
                    onlyRenderVisibleElements={graph.nodes.length > 400}
                    zIndexMode="manual"
                    // React Flow's own keys (Enter and Space select, arrows drag a selected node) give way to
                    // GraphAccessibility's: arrows move between nodes, Enter shows one in the Inspector.
                    disableKeyboardA11y
                  >
                    <Background />
                    <RefillAfterReset nodes={nodes} edges={edges} />
                    <TokenOverlay centres={graph.centres} boxes={graph.boxes} camera={camera} />
                    <ZoomStyle target={sectionRef} />
                  </ReactFlow>
                </GraphAccessibility>
                <GraphRail nodes={graph.nodes} camera={camera} />
              </div>
            </ReactFlowProvider>
          </MenuTriggers>
        )}
      </GraphMenuHost>
    </section>
  );
}
