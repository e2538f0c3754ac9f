/**
 * Writes the graph's text sizes for the current zoom into CSS variables on the graph's section, and
 * marks it compact below DETAIL_ZOOM (legibility.ts): a subscription to React Flow's transform, not a
 * React render per zoom frame. The sizes are rounded to a quarter pixel, so a glide restyles the nodes'
 * text only when a size really changes.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { DETAIL_ZOOM, nameSize, statusSize } from './legibility.ts';

const quarter = (value: number): string => `${String(Math.round(value * 4) / 4)}px`;

export function ZoomStyle({ target }: { target: RefObject<HTMLElement | null> }) {
  const store = useStoreApi();
  useEffect(() => {
    let name = '';
    let status = '';
    let compact: boolean | undefined;
    const apply = (zoom: number): void => {
      const element = target.current;
      if (element === null) return;
      const nextName = quarter(nameSize(zoom));
      const nextStatus = quarter(statusSize(zoom));
      const nextCompact = zoom < DETAIL_ZOOM;
      if (nextName !== name) element.style.setProperty('--graph-name-size', (name = nextName));
      if (nextStatus !== status) element.style.setProperty('--graph-status-size', (status = nextStatus));
      if (nextCompact !== compact) element.classList.toggle('graph-compact', (compact = nextCompact));
    };
    let zoom = store.getState().transform[2];
    apply(zoom);
    return store.subscribe((state) => {
      if (state.transform[2] === zoom) return;
      zoom = state.transform[2];
      apply(zoom);
    });
  }, [store, target]);
  return null;
}
