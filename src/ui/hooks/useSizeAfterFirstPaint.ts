import { startTransition, useEffect, useState, type RefObject } from 'react';

/**
 * Undefined on the first render; a task later (in a transition), the size the element was laid out at.
 * For a subtree that mounts behind the first paint and needs its container's size from the start:
 * React Flow, created at its real size, computes its first fit at once instead of measuring its
 * container in an effect (a forced layout) and rendering the graph again.
 */
export function useSizeAfterFirstPaint(element: RefObject<HTMLElement | null>): { width: number; height: number } | undefined {
  const [size, setSize] = useState<{ width: number; height: number }>();
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const measured = { width: element.current?.clientWidth ?? 0, height: element.current?.clientHeight ?? 0 };
      startTransition(() => {
        setSize(measured);
      });
    }, 0);
    return () => {
      window.clearTimeout(timer);
    };
  }, [element]);
  return size;
}
