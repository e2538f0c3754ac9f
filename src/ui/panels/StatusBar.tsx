import { useShallow } from 'zustand/react/shallow';
import { selectSummary } from '../../store/index.ts';
import { useWorkspaceState as useWorkspace } from '../hooks/stores.ts';

/** One line: which configuration is loaded and what it holds. */
export function StatusBar() {
  const sourceName = useWorkspace((s) => s.sourceName);
  const summary = useWorkspace(useShallow(selectSummary));
  const problems =
    summary.errors + summary.warnings === 0
      ? 'no problems'
      : `${String(summary.errors)} error${summary.errors === 1 ? '' : 's'}, ${String(summary.warnings)} warning${summary.warnings === 1 ? '' : 's'}`;
  return (
    <footer className="status-bar" role="status">
      Loaded {sourceName}: {summary.sites} site{summary.sites === 1 ? '' : 's'}, {summary.pools} application pool
      {summary.pools === 1 ? '' : 's'}, {problems}.
    </footer>
  );
}
