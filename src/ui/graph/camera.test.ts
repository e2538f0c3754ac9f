import { describe, expect, it } from 'vitest';
import { aimOf, createCamera, FOLLOW_AT_MOST, type CameraFrame } from './camera.ts';
import { fitViewport, followViewport, LEGIBLE_ZOOM, nameSize, READABLE_ZOOM, MODULE_FONT, statusSize } from './legibility.ts';

const pane = { width: 800, height: 400 };
const graph = { x: 0, y: 0, width: 1600, height: 600 };

function frame(input: Partial<CameraFrame>): CameraFrame {
  return { viewport: { x: 0, y: 0, zoom: 0.5 }, pane, playing: false, atEnd: true, follow: false, viewHeld: false, token: undefined, requests: 0, reducedMotion: true, ...input };
}

describe('what the camera shows', () => {
  it('follows one request while it plays, or paused on its way; the whole graph at the end or under a load', () => {
    const token = { x: 100, y: 100 };
    expect(aimOf({ playing: true, atEnd: false, follow: false, viewHeld: false, token, requests: 1 }, false, false)).toBe('request');
    expect(aimOf({ playing: false, atEnd: false, follow: false, viewHeld: false, token, requests: 1 }, false, false)).toBe('request');
    expect(aimOf({ playing: false, atEnd: true, follow: false, viewHeld: false, token, requests: 1 }, false, false)).toBe('whole');
    expect(aimOf({ playing: true, atEnd: false, follow: false, viewHeld: false, token, requests: FOLLOW_AT_MOST + 1 }, false, false)).toBe('whole');
  });

  it('"Follow this request" follows even within a load and a held view; a held view is otherwise left alone', () => {
    const token = { x: 100, y: 100 };
    expect(aimOf({ playing: true, atEnd: false, follow: true, viewHeld: true, token, requests: 500 }, false, false)).toBe('request');
    expect(aimOf({ playing: true, atEnd: false, follow: false, viewHeld: true, token, requests: 1 }, false, false)).toBe('held');
  });

  it("frames a scenario step's nodes once playback pauses there, and Fit View shows the whole graph until playback starts again", () => {
    expect(aimOf({ playing: false, atEnd: false, follow: false, viewHeld: false, token: { x: 0, y: 0 }, requests: 1 }, false, true)).toBe('highlights');
    expect(aimOf({ playing: true, atEnd: false, follow: false, viewHeld: false, token: { x: 0, y: 0 }, requests: 1 }, false, true)).toBe('request');
    const camera = createCamera();
    camera.setGraph(graph);
    camera.frame(frame({ playing: false, atEnd: false, token: { x: 10, y: 10 }, requests: 1 }));
    expect(camera.aim()).toBe('request');
    camera.release();
    camera.frame(frame({ playing: false, atEnd: false, token: { x: 10, y: 10 }, requests: 1 }));
    expect(camera.aim()).toBe('whole');
    camera.frame(frame({ playing: true, atEnd: false, token: { x: 10, y: 10 }, requests: 1 }));
    expect(camera.aim()).toBe('request');
  });

  it('moves to a readable zoom on the request, then not at all while the token stays in the middle', () => {
    const camera = createCamera();
    camera.setGraph(graph);
    const first = camera.frame(frame({ playing: true, atEnd: false, token: { x: 400, y: 300 }, requests: 1 }));
    expect(first?.zoom).toBe(READABLE_ZOOM);
    // The module names are at least 11 px there.
    expect(MODULE_FONT * READABLE_ZOOM).toBeGreaterThanOrEqual(11);
    if (first === undefined) throw new Error('no view');
    // A little further along, still in the dead zone: no move.
    expect(camera.frame(frame({ viewport: first, playing: true, atEnd: false, token: { x: 420, y: 310 }, requests: 1 }))).toBeUndefined();
    // Near the edge: the view moves.
    expect(camera.frame(frame({ viewport: first, playing: true, atEnd: false, token: { x: 700, y: 300 }, requests: 1 }))).toBeDefined();
  });

  it('glides a step at a time unless reduced motion is asked for', () => {
    const camera = createCamera();
    camera.setGraph(graph);
    const target = fitViewport(graph, pane);
    const start = { x: target.x + 200, y: target.y, zoom: target.zoom };
    const glided = camera.frame(frame({ viewport: start, reducedMotion: false }));
    expect(glided?.x).toBeLessThan(start.x);
    expect(glided?.x).toBeGreaterThan(target.x);
    expect(camera.frame(frame({ viewport: start, reducedMotion: true }))).toEqual(target);
  });
});

describe('legible sizes', () => {
  it('keeps names at 12.5 px and status lines at 12 px on screen down to LEGIBLE_ZOOM, and the detail sizes from zoom 1', () => {
    for (const zoom of [LEGIBLE_ZOOM, 0.6, 0.8, 0.99]) {
      expect(nameSize(zoom) * zoom).toBeGreaterThanOrEqual(12.5 - 1e-9);
      expect(statusSize(zoom) * zoom).toBeGreaterThanOrEqual(12 - 1e-9);
    }
    expect(nameSize(1)).toBe(14);
    expect(nameSize(0.1)).toBe(26);
  });

  it('keeps a drawn pipeline whole in width around the request in it', () => {
    const pipeline = { x: 1000, y: 0, width: 600, height: 900 };
    const view = followViewport({ x: 0, y: 0, zoom: 0.5 }, { x: 1580, y: 450 }, pane, 1.1, pipeline);
    expect(view).toBeDefined();
    if (view === undefined) return;
    // The pipeline's left and right edges are on screen; the token is centred vertically.
    expect(pipeline.x * view.zoom + view.x).toBeGreaterThanOrEqual(0);
    expect((pipeline.x + pipeline.width) * view.zoom + view.x).toBeLessThanOrEqual(pane.width);
    expect(450 * view.zoom + view.y).toBeCloseTo(pane.height / 2);
  });
});
