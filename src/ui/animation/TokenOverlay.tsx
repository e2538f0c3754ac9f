/**
 * The request tokens: one canvas over the graph, redrawn by one requestAnimationFrame loop, which also
 * moves the playback clock. Nothing here goes through React state per frame or per token (DESIGN.md).
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSimulation, useStores } from '../hooks/stores.ts';
import { createTokenBuffer, createTrackBuilder, outcomeColour, tokenPositions, type TokenTrack } from './tokenPositions.ts';

const RADIUS = 7;
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

export function TokenOverlay({ centres }: { centres: ReadonlyMap<string, { x: number; y: number }> }) {
  const { simulation } = useStores();
  const flowStore = useStoreApi();
  const { setCenter } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const timeline = useSimulation((s) => s.timeline);
  const results = useSimulation((s) => s.results);
  const [trackBuilder] = useState(createTrackBuilder);
  const tracks = useMemo(() => trackBuilder(timeline, results), [trackBuilder, timeline, results]);
  const state = useRef({ tracks, centres });
  useEffect(() => {
    state.current = { tracks, centres };
  }, [tracks, centres]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (canvas === null || context === null || context === undefined) return;
    const buffer = createTokenBuffer(MAX_TOKENS);
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    let last = performance.now();
    let frame = 0;
    const draw = (now: number): void => {
      frame = requestAnimationFrame(draw);
      const elapsed = Math.min(100, now - last);
      last = now;
      const store = simulation.getState();
      store.tick(elapsed);
      const { tracks: currentTracks, centres: currentCentres } = state.current;
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
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
      context.font = '600 11px system-ui, sans-serif';
      context.textBaseline = 'middle';
      // One path per colour: thousands of tokens cost a few fills, not thousands. Under a heavy load
      // tokens are drawn as squares, which rasterize far faster than circles.
      const count = buffer.count;
      const labels = count <= LABEL_LIMIT;
      const squares = count > SQUARES_ABOVE;
      let serverTokens = 0;
      for (let i = 0; i < count; i++) {
        const track = currentTracks[buffer.track[i] ?? 0];
        colourOf[i] = track === undefined ? 0 : track.kind === 'server' ? SERVER_COLOUR : buffer.decided[i] === 1 ? colourIndex(track.status) : 0;
        if (colourOf[i] === SERVER_COLOUR) serverTokens++;
      }
      // For tests: how many of the server's own tokens (a configuration change, a recycle) this frame drew.
      (window as { iisFlowServerTokens?: number }).iisFlowServerTokens = serverTokens;
      for (let c = 0; c < COLOURS.length; c++) {
        context.fillStyle = COLOURS[c] ?? PENDING;
        if (squares) {
          // fillRect per token: a plain rectangle blit each, cheaper to rasterize than one path of
          // thousands of rectangles (the canvas is drawn in software where there is no GPU).
          for (let i = 0; i < count; i++) {
            if (colourOf[i] === c) context.fillRect((buffer.x[i] ?? 0) - RADIUS + 1, (buffer.y[i] ?? 0) - RADIUS + 1, 2 * RADIUS - 2, 2 * RADIUS - 2);
          }
          continue;
        }
        context.beginPath();
        let any = false;
        for (let i = 0; i < count; i++) {
          if (colourOf[i] !== c) continue;
          const x = buffer.x[i] ?? 0;
          const y = buffer.y[i] ?? 0;
          context.moveTo(x + RADIUS, y);
          context.arc(x, y, RADIUS, 0, Math.PI * 2);
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
          context.beginPath();
          context.arc(x, y, RADIUS + 2, 0, Math.PI * 2);
          context.lineWidth = 2;
          context.strokeStyle = '#ffd54f';
          context.stroke();
        }
        if (decided) {
          const label = track.status === 0 ? 'reset' : `${String(track.status)}.${String(track.subStatus)}`;
          context.fillStyle = '#1d2430';
          context.fillText(label, x + RADIUS + 4, y);
          const at = track.decidedNode === undefined ? undefined : currentCentres.get(track.decidedNode);
          if (at !== undefined && selected) {
            context.fillStyle = outcomeColour(track.status);
            context.fillRect(at.x - 26, at.y - 22, 52, 16);
            context.fillStyle = '#ffffff';
            context.fillText(label, at.x - 22, at.y - 14);
          }
        }
        if (selected && store.follow && store.playing) void setCenter(x, y, { zoom, duration: 0 });
      }
      // For the frame-time benchmark: how long this frame's work took.
      (window as { iisFlowFrameWork?: number }).iisFlowFrameWork = performance.now() - now;
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [simulation, flowStore, setCenter]);

  return <canvas ref={canvasRef} className="token-overlay" aria-hidden="true" />;
}
