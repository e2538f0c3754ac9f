import { startTransition, useEffect, useState } from 'react';

/**
 * False on the first render, true a task later (in a transition): a heavy subtree mounted behind it
 * gets a render, style and layout of its own instead of adding to the page's first one, so that no
 * single start-up task blocks the main thread for long (issue: never more than 50 ms).
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      startTransition(() => {
        setReady(true);
      });
    }, 0);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}
