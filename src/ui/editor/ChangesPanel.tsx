/**
 * The Changes tab: how the workspace differs from the one loaded. The diff is made only while the tab
 * is shown, and its code (the diff library) loads the first time it is.
 */
import { lazy, Suspense } from 'react';
import { useUi } from '../hooks/stores.ts';

const ChangesView = lazy(() => import('./ChangesView.tsx'));

export function ChangesPanel() {
  const visible = useUi((s) => s.workbenchTab === 'changes');
  if (!visible) return null;
  return (
    <Suspense fallback={<p className="hint">Comparing…</p>}>
      <ChangesView />
    </Suspense>
  );
}
