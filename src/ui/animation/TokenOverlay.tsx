/**
 * The request tokens: one canvas over the graph, redrawn by one requestAnimationFrame loop, which also
 * moves the playback clock. Nothing here goes through React state per frame or per token (DESIGN.md).
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Camera } from '../graph/camera.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSimulation, useStores } from '../hooks/stores.ts';
import { createTokenBuffer, createTrackBuilder, outcomeColour, tokenPositions, type TokenTrack } from './tokenPositions.ts';

const RADIUS = 7;
/** A token's radius on screen at least, whatever the zoom: 12 px across, large enough to see and click. */
const SCREEN_RADIUS = 6;
/** Labels on screen: 11 px whatever the zoom. */
const SCREEN_FONT = 11;
const MAX_TOKENS = 5000;
/** Above this many tokens only the selected one is labelled (text is the costly part of a frame). */
const LABEL_LIMIT = 150;
const PENDING = '#0b2545';
/** The server's own tokens (a configuration change, a recycle): a colour no request outcome has. */
const SERVER = '#8250df';
const COLOURS = [PENDING, outcomeColour(200), outcomeColour(300), outcomeColour(400), outcomeColour(500), outcomeColour(0), SERVER];
const SERVER_COLOUR = 6;
const SQUARES_ABOVE = 400;
const colourOf = new Uint8Array(MAX_TOKENS);

function colourIndex(status: number): number {
  if (status >= 500) return 4;
  if (status >= 400) return 3;
  if (status >= 300) return 2;
  if (status >= 200) return 1;
  return 5;
}

export function TokenOverlay({ centres, boxes, camera }: { centres: ReadonlyMap<string, { x: number; y: number }>; boxes: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>; camera: Camera }) {
  const { simulation, ui } = useStores();
  const flowStore = useStoreApi();
  const { setViewport } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const timeline = useSimulation((s) => s.timeline);
  const results = useSimulation((s) => s.results);
  const [trackBuilder] = useState(createTrackBuilder);
  const tracks = useMemo(() => trackBuilder(timeline, results), [trackBuilder, timeline, results]);
  const state = useRef({ tracks, centres, boxes });
  useEffect(() => {
    state.current = { tracks, centres, boxes };
  }, [tracks, centres, boxes]);
  /** The last frame's tokens (graph coordinates) and their radius, for hover and click. */
  const drawn = useRef({ buffer: createTokenBuffer(MAX_TOKENS), radius: RADIUS });
  const tipRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (canvas === null || context === null || context === undefined) return;
    const { buffer } = drawn.current;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    let last = performance.now();
    let frame = 0;
    const draw = (now: number): void => {
      frame = requestAnimationFrame(draw);
      const elapsed = Math.min(100, now - last);
      last = now;
      const store = simulation.getState();
      store.tick(elapsed);
      const { tracks: currentTracks, centres: currentCentres, boxes: currentBoxes } = state.current;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const ratio = window.devicePixelRatio;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      const [tx, ty, zoom] = flowStore.getState().transform;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      tokenPositions(currentTracks, store.clock.position, currentCentres, reducedMotion.matches, buffer);
      // For the frame-time benchmark: how many tokens this frame drew (a number, no DOM work).
      (window as { iisFlowTokens?: number }).iisFlowTokens = buffer.count;
      // For tests: where the last request's token drawn is on the page and how large tokens are on screen.
      const probe = window as { iisFlowLastToken?: { x: number; y: number; radius: number } | undefined };
      let lastToken = buffer.count - 1;
      while (lastToken >= 0 && currentTracks[buffer.track[lastToken] ?? 0]?.kind === 'server') lastToken--;
      if (lastToken >= 0) {
        const box = canvas.getBoundingClientRect();
        probe.iisFlowLastToken = { x: box.left + tx + (buffer.x[lastToken] ?? 0) * zoom, y: box.top + ty + (buffer.y[lastToken] ?? 0) * zoom, radius: Math.max(RADIUS, SCREEN_RADIUS / zoom) * zoom };
      } else probe.iisFlowLastToken = undefined;
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
      // Sizes in graph units that stay readable on screen when the graph is zoomed out.
      const radius = Math.max(RADIUS, SCREEN_RADIUS / zoom);
      drawn.current.radius = radius;
      const fontSize = Math.max(11, SCREEN_FONT / zoom);
      context.font = `600 ${String(fontSize)}px system-ui, sans-serif`;
      context.textBaseline = 'middle';
      // One path per colour: thousands of tokens cost a few fills, not thousands. Under a heavy load
      // tokens are drawn as squares, which rasterize far faster than circles.
      const count = buffer.count;
      const labels = count <= LABEL_LIMIT;
      const squares = count > SQUARES_ABOVE;
      let serverTokens = 0;
      let followed = -1;
      for (let i = 0; i < count; i++) {
        const track = currentTracks[buffer.track[i] ?? 0];
        colourOf[i] = track === undefined ? 0 : track.kind === 'server' ? SERVER_COLOUR : buffer.decided[i] === 1 ? colourIndex(track.status) : 0;
        if (colourOf[i] === SERVER_COLOUR) serverTokens++;
        else if (track !== undefined && track.requestId === store.selectedRequest) followed = i;
      }
      // For tests: how many of the server's own tokens (a configuration change, a recycle) this frame drew.
      (window as { iisFlowServerTokens?: number }).iisFlowServerTokens = serverTokens;
      for (let c = 0; c < COLOURS.length; c++) {
        context.fillStyle = COLOURS[c] ?? PENDING;
        if (squares) {
          // fillRect per token: a plain rectangle blit each, cheaper to rasterize than one path of
          // thousands of rectangles (the canvas is drawn in software where there is no GPU).
          for (let i = 0; i < count; i++) {
            if (colourOf[i] === c) context.fillRect((buffer.x[i] ?? 0) - radius + 1, (buffer.y[i] ?? 0) - radius + 1, 2 * radius - 2, 2 * radius - 2);
          }
          continue;
        }
        context.beginPath();
        let any = false;
        for (let i = 0; i < count; i++) {
          if (colourOf[i] !== c) continue;
          const x = buffer.x[i] ?? 0;
          const y = buffer.y[i] ?? 0;
          context.moveTo(x + radius, y);
          context.arc(x, y, radius, 0, Math.PI * 2);
          any = true;
        }
        if (any) context.fill();
      }
      for (let i = 0; i < count; i++) {
        const track: TokenTrack | undefined = currentTracks[buffer.track[i] ?? 0];
        if (track === undefined) continue;
        const selected = track.requestId === store.selectedRequest;
        if (!selected && !labels) continue;
        const x = buffer.x[i] ?? 0;
        const y = buffer.y[i] ?? 0;
        const decided = buffer.decided[i] === 1;
        if (selected) {
          // The followed request stands out from a load's others: a dark outline and a yellow ring.
          context.beginPath();
          context.arc(x, y, radius + 3 / zoom, 0, Math.PI * 2);
          context.lineWidth = 3 / zoom;
          context.strokeStyle = '#1d2430';
          context.stroke();
          context.beginPath();
          context.arc(x, y, radius + 6 / zoom, 0, Math.PI * 2);
          context.lineWidth = 3 / zoom;
          context.strokeStyle = '#ffd54f';
          context.stroke();
        }
        if (decided) {
          const label = track.status === 0 ? 'reset' : `${String(track.status)}.${String(track.subStatus)}`;
          context.fillStyle = '#1d2430';
          context.fillText(label, x + radius + 4 / zoom, y);
          // The node that decided the status: a ring in the outcome's colour around it, over none of its text.
          const box = track.decidedNode === undefined ? undefined : currentBoxes.get(track.decidedNode);
          if (box !== undefined && selected) {
            const gap = 3 / zoom;
            context.strokeStyle = outcomeColour(track.status);
            context.lineWidth = 3 / zoom;
            context.strokeRect(box.x - gap, box.y - gap, box.width + 2 * gap, box.height + 2 * gap);
          }
        }
      }
      // The camera: the whole graph, the request playing, or a scenario step's nodes (graph/camera.ts).
      const flow = flowStore.getState();
      const view = camera.frame({
        viewport: { x: tx, y: ty, zoom },
        pane: { width: flow.width, height: flow.height },
        playing: store.playing,
        atEnd: store.index >= store.timeline.events.length - 1 && !store.adding,
        follow: store.follow,
        viewHeld: ui.getState().viewHeld,
        token: followed < 0 ? undefined : { x: buffer.x[followed] ?? 0, y: buffer.y[followed] ?? 0 },
        requests: count - serverTokens,
        reducedMotion: reducedMotion.matches,
      });
      if (view !== undefined) void setViewport(view, { duration: 0 });
      // For tests: what the camera shows.
      (window as { iisFlowCamera?: string }).iisFlowCamera = camera.aim();
      // For the frame-time benchmark: how long this frame's work took.
      (window as { iisFlowFrameWork?: number }).iisFlowFrameWork = performance.now() - now;
    };
    frame = requestAnimationFrame(draw);
    // Hovering a token names its request; clicking it follows that request. The canvas lets pointer
    // events through to the graph, so these listen on the graph's pane and look up the last frame.
    const pane = canvas.parentElement;
    const hit = (event: PointerEvent | MouseEvent): number | undefined => {
      const [tx, ty, zoom] = flowStore.getState().transform;
      const box = canvas.getBoundingClientRect();
      const gx = (event.clientX - box.left - tx) / zoom;
      const gy = (event.clientY - box.top - ty) / zoom;
      const { buffer: tokens, radius } = drawn.current;
      const tracks = state.current.tracks;
      let best: number | undefined;
      let bestDistance = (radius + 2 / zoom) ** 2;
      for (let i = 0; i < tokens.count; i++) {
        const dx = (tokens.x[i] ?? 0) - gx;
        const dy = (tokens.y[i] ?? 0) - gy;
        const distance = dx * dx + dy * dy;
        const track = tracks[tokens.track[i] ?? 0];
        if (distance <= bestDistance && track !== undefined && track.kind !== 'server') {
          best = track.requestId;
          bestDistance = distance;
        }
      }
      return best;
    };
    const onMove = (event: PointerEvent): void => {
      const tip = tipRef.current;
      if (tip === null) return;
      const id = hit(event);
      const result = id === undefined ? undefined : simulation.getState().results.get(id);
      if (id === undefined || result === undefined) {
        tip.hidden = true;
        return;
      }
      const box = canvas.getBoundingClientRect();
      tip.textContent = `#${String(id)} ${result.method} ${result.url}`;
      tip.style.left = `${String(event.clientX - box.left + 14)}px`;
      tip.style.top = `${String(event.clientY - box.top + 14)}px`;
      tip.hidden = false;
    };
    const onClick = (event: MouseEvent): void => {
      const id = hit(event);
      if (id !== undefined) simulation.getState().selectRequest(id);
    };
    const onLeave = (): void => {
      if (tipRef.current !== null) tipRef.current.hidden = true;
    };
    pane?.addEventListener('pointermove', onMove);
    pane?.addEventListener('click', onClick, true);
    pane?.addEventListener('pointerleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      pane?.removeEventListener('pointermove', onMove);
      pane?.removeEventListener('click', onClick, true);
      pane?.removeEventListener('pointerleave', onLeave);
    };
  }, [simulation, ui, flowStore, setViewport, camera]);

  return (
    <>
      <canvas ref={canvasRef} className="token-overlay" aria-hidden="true" />
      <div ref={tipRef} className="token-tip" role="tooltip" hidden />
    </>
  );
}
