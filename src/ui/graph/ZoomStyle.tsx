/**
 * Writes the graph's text sizes for the current zoom into CSS variables on the graph's section, and
 * marks it compact below DETAIL_ZOOM (legibility.ts): a subscription to React Flow's transform, not a
 * React render per zoom frame. The sizes follow once the zoom has rested for SETTLE_MS, rounded to half
 * a pixel: a new size restyles and lays out every node's text, too much for each frame of a glide or a
 * wheel zoom (the text scales with the view meanwhile, and takes its size when the view stops).
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { DETAIL_ZOOM, nameSize, statusSize } from './legibility.ts';

const SETTLE_MS = 150;
const half = (value: number): string => `${String(Math.round(value * 2) / 2)}px`;

export function ZoomStyle({ target }: { target: RefObject<HTMLElement | null> }) {
  const store = useStoreApi();
  useEffect(() => {
    let name = '';
    let status = '';
    let compact: boolean | undefined;
    let timer: number | undefined;
    const apply = (): void => {
      timer = undefined;
      const element = target.current;
      if (element === null) return;
      const zoom = store.getState().transform[2];
      const nextName = half(nameSize(zoom));
      const nextStatus = half(statusSize(zoom));
      const nextCompact = zoom < DETAIL_ZOOM;
      if (nextName !== name) element.style.setProperty('--graph-name-size', (name = nextName));
      if (nextStatus !== status) element.style.setProperty('--graph-status-size', (status = nextStatus));
      if (nextCompact !== compact) element.classList.toggle('graph-compact', (compact = nextCompact));
    };
    apply();
    let zoom = store.getState().transform[2];
    const unsubscribe = store.subscribe((state) => {
      if (state.transform[2] === zoom) return;
      zoom = state.transform[2];
      if (timer !== undefined) window.clearTimeout(timer);
      timer = window.setTimeout(apply, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [store, target]);
  return null;
}
