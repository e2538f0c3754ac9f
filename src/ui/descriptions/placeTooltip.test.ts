import { describe, expect, it } from 'vitest';
import { placeTooltip, type AnchorRect } from './placeTooltip.ts';

const graph: AnchorRect = { left: 0, top: 60, right: 940, bottom: 420 };
const window = { width: 1280, height: 720 };
const overlaps = (a: AnchorRect, b: AnchorRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const box = (p: { left: number; top: number }, width: number, height: number): AnchorRect => ({ left: p.left, top: p.top, right: p.left + width, bottom: p.top + height });

describe('where the tooltip goes', () => {
  it('below a part when it fits in the graph there', () => {
    const anchor = { left: 100, top: 80, right: 200, bottom: 120 };
    expect(placeTooltip(anchor, 300, 150, graph, window)).toEqual({ left: 100, top: 128 });
  });

  it('beside a part when it fits neither below nor above inside the graph, so it covers no panel', () => {
    const anchor = { left: 250, top: 100, right: 330, bottom: 140 };
    const place = placeTooltip(anchor, 360, 300, graph, window);
    expect(place.left).toBe(338);
    const tip = box(place, 360, 300);
    expect(overlaps(tip, anchor)).toBe(false);
    expect(tip.top).toBeGreaterThanOrEqual(graph.top);
    expect(tip.bottom).toBeLessThanOrEqual(graph.bottom);
  });

  it('to the left of a part at the right edge', () => {
    const anchor = { left: 800, top: 200, right: 930, bottom: 240 };
    const place = placeTooltip(anchor, 300, 300, graph, window);
    expect(box(place, 300, 300).right).toBeLessThanOrEqual(anchor.left);
  });

  it('in the window, next to the part, when the graph is too small for it on every side', () => {
    const anchor = { left: 300, top: 200, right: 700, bottom: 300 };
    const tiny = { left: 250, top: 150, right: 750, bottom: 350 };
    const place = placeTooltip(anchor, 360, 300, tiny, window);
    const tip = box(place, 360, 300);
    expect(overlaps(tip, anchor)).toBe(false);
    expect(tip.left).toBeGreaterThanOrEqual(0);
    expect(tip.bottom).toBeLessThanOrEqual(window.height);
  });
});
