/**
 * The request tokens: one canvas over the graph, redrawn by one requestAnimationFrame loop, which also
 * moves the playback clock. Nothing here goes through React state per frame or per token (DESIGN.md).
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useSimulation, useStores } from '../hooks/stores.ts';
import { buildTracks, createTokenBuffer, outcomeColour, tokenPositions, type TokenTrack } from './tokenPositions.ts';

const RADIUS = 7;
const MAX_TOKENS = 5000;

export function TokenOverlay({ centres }: { centres: ReadonlyMap<string, { x: number; y: number }> }) {
  const { simulation } = useStores();
  const flowStore = useStoreApi();
  const { setCenter } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const timeline = useSimulation((s) => s.timeline);
  const results = useSimulation((s) => s.results);
  const tracks = useMemo(() => buildTracks(timeline, results), [timeline, results]);
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
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
      context.font = '600 11px system-ui, sans-serif';
      context.textBaseline = 'middle';
      for (let i = 0; i < buffer.count; i++) {
        const track: TokenTrack | undefined = currentTracks[buffer.track[i] ?? 0];
        if (track === undefined) continue;
        const x = buffer.x[i] ?? 0;
        const y = buffer.y[i] ?? 0;
        const decided = buffer.decided[i] === 1;
        const selected = track.requestId === store.selectedRequest;
        context.beginPath();
        context.arc(x, y, selected ? RADIUS + 2 : RADIUS, 0, Math.PI * 2);
        context.fillStyle = decided ? outcomeColour(track.status) : '#0b2545';
        context.fill();
        if (selected) {
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
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [simulation, flowStore, setCenter]);

  return <canvas ref={canvasRef} className="token-overlay" aria-hidden="true" />;
}
