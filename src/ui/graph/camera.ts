/**
 * The graph's camera: where the view goes in each animation frame. One camera for everything that moves
 * the view by itself, so that two followers never fight:
 * - the whole graph, fitted (at start, when the graph grows or its pane is resized, when playback ends,
 *   on Fit View);
 * - a request playing (or paused in the middle of its way), followed at a zoom where its pipeline's
 *   module names are readable, with a dead zone so the view moves only when the token nears an edge;
 * - "Follow this request" (the playback bar's checkbox): the selected request, even within a load;
 * - a scenario step's highlighted nodes, framed when playback pauses at the step.
 * A person who pans or zooms holds the view (uiStore.viewHeld) until Fit View or another workspace.
 * Pure: the overlay's animation loop feeds it each frame and applies the viewport it returns.
 */
import { fitViewport, followViewport, glide, READABLE_ZOOM, type Box, type Viewport } from './legibility.ts';

/** Above this many requests drawn at once (a load), the camera shows the whole graph rather than one request. */
export const FOLLOW_AT_MOST = 3;
/** Above this many, a change of view jumps instead of gliding: a gliding view redraws the graph each frame. */
const GLIDE_AT_MOST = 50;
/** The fraction of the way the view glides in a frame. */
const GLIDE_STEP = 0.25;

export type CameraAim = 'whole' | 'request' | 'highlights' | 'held';

export interface CameraFrame {
  viewport: Viewport;
  pane: { width: number; height: number };
  playing: boolean;
  /** Playback stands at the timeline's last event. */
  atEnd: boolean;
  /** "Follow this request" is checked. */
  follow: boolean;
  viewHeld: boolean;
  /** Where the selected request's token is drawn this frame, if it is. */
  token: { x: number; y: number } | undefined;
  /** How many requests' tokens are drawn this frame. */
  requests: number;
  reducedMotion: boolean;
}

export interface Camera {
  /**
   * The whole graph's extent, and the boxes the camera keeps whole around a request in them (the
   * drawn pipelines); then the union of the highlighted nodes (undefined for none).
   */
  setGraph: (graph: Box | undefined, pipelines?: readonly Box[]) => void;
  setHighlights: (box: Box | undefined) => void;
  /** Fit View: the whole graph, until playback starts again. */
  release: () => void;
  /** The view to apply this frame, or undefined to leave it. */
  frame: (input: CameraFrame) => Viewport | undefined;
  /** What the camera aimed at in the last frame (for tests and the page's probe). */
  aim: () => CameraAim;
}

const near = (a: Viewport, b: Viewport): boolean => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 0.002;

export function createCamera(): Camera {
  let graph: Box | undefined;
  let around: readonly Box[] = [];
  let highlights: Box | undefined;
  let released = false;
  let wasPlaying = false;
  let last: CameraAim = 'whole';
  /** The view the camera is gliding to, kept while the token stays in the dead zone of it. */
  let goal: Viewport | undefined;
  return {
    setGraph: (box, pipelines = []) => {
      graph = box;
      around = pipelines;
    },
    setHighlights: (box) => {
      highlights = box;
    },
    release: () => {
      released = true;
      goal = undefined;
    },
    aim: () => last,
    frame: (input) => {
      if (input.playing && !wasPlaying) released = false;
      wasPlaying = input.playing;
      const aim = aimOf(input, released, highlights !== undefined);
      if (aim !== last) goal = undefined;
      last = aim;
      let target: Viewport | undefined;
      if (aim === 'held') return undefined;
      if (aim === 'request' && input.token !== undefined) {
        // The goal stands while the token is inside its dead zone; otherwise a new goal centres it.
        const from = goal ?? input.viewport;
        const { x, y } = input.token;
        const box = around.find((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
        goal = followViewport(from, input.token, input.pane, Math.max(READABLE_ZOOM, input.follow ? input.viewport.zoom : READABLE_ZOOM), box) ?? from;
        target = goal;
      } else if (aim === 'highlights' && highlights !== undefined) {
        target = fitViewport(highlights, input.pane, READABLE_ZOOM);
      } else if (graph !== undefined) {
        target = fitViewport(graph, input.pane);
      }
      if (target === undefined || near(input.viewport, target)) return undefined;
      if (input.reducedMotion || input.requests > GLIDE_AT_MOST) return target;
      return glide(input.viewport, target, GLIDE_STEP);
    },
  };
}

/** What the camera shows, in order of precedence. */
export function aimOf(input: Pick<CameraFrame, 'playing' | 'atEnd' | 'follow' | 'viewHeld' | 'token' | 'requests'>, released: boolean, hasHighlights: boolean): CameraAim {
  if (input.follow && input.token !== undefined) return 'request';
  if (input.viewHeld) return 'held';
  if (released) return 'whole';
  if (!input.playing && hasHighlights) return 'highlights';
  const one = input.token !== undefined && input.requests <= FOLLOW_AT_MOST;
  if (one && (input.playing || !input.atEnd)) return 'request';
  return 'whole';
}
