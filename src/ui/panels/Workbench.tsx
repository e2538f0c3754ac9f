/**
 * The panel below the graph, in tabs: the trace of the requests, the XML editor, the problems of the
 * configuration, the changes since it was loaded, and the files of each physical path. The bar above it
 * resizes it. Tabs that have been shown stay mounted (hidden), so the trace keeps its filters and the
 * editor its cursor; the editor's code loads the first time its tab is shown.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectSummary, type WorkbenchTab } from '../../store/index.ts';
import { useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';
import { ChangesPanel } from '../editor/ChangesPanel.tsx';
import { ProblemsPanel } from '../editor/ProblemsPanel.tsx';
import { TracePanel } from './TracePanel.tsx';
import { TabList, type TabSpec } from './TabList.tsx';
import { TraceResizer } from './TraceResizer.tsx';

const XmlEditorPanel = lazy(() => import('../editor/XmlEditorPanel.tsx'));
// The Files view loads when its tab is first shown (the page starts on the trace).
const FilesPanel = lazy(() => import('../files/FilesPanel.tsx').then((m) => ({ default: m.FilesPanel })));

const TABS: ReadonlyArray<TabSpec<WorkbenchTab>> = [
  { id: 'trace', label: 'Trace' },
  { id: 'xml', label: 'XML' },
  {
    id: 'problems',
    label: (
      <>
        Problems
        <ProblemCount />
      </>
    ),
  },
  { id: 'changes', label: 'Changes' },
  { id: 'files', label: 'Files' },
];

function ProblemCount() {
  const summary = useWorkspaceState(useShallow(selectSummary));
  const count = summary.errors + summary.warnings;
  if (count === 0) return null;
  return <span className={summary.errors > 0 ? 'tab-count tab-count-error' : 'tab-count'}> {count}</span>;
}

function panelFor(tab: WorkbenchTab): ReactNode {
  switch (tab) {
    case 'trace':
      return <TracePanel />;
    case 'xml':
      return (
        <Suspense fallback={<p className="hint">Loading the XML editor…</p>}>
          <XmlEditorPanel />
        </Suspense>
      );
    case 'problems':
      return <ProblemsPanel />;
    case 'changes':
      return <ChangesPanel />;
    case 'files':
      return (
        <Suspense fallback={<p className="hint">Loading the files…</p>}>
          <FilesPanel />
        </Suspense>
      );
  }
}

export function Workbench() {
  const { ui } = useStores();
  const current = useUi((s) => s.workbenchTab);
  // Tabs shown once stay mounted.
  const [visited, setVisited] = useState<ReadonlySet<WorkbenchTab>>(() => new Set([current]));
  if (!visited.has(current)) setVisited(new Set([...visited, current]));
  return (
    <section className="panel trace workbench" aria-label="Workbench">
      <TraceResizer />
      <TabList tabs={TABS} current={current} onSelect={(tab) => { ui.getState().setWorkbenchTab(tab); }} label="Panels" className="workbench-tabs" idPrefix="" />
      {TABS.filter((tab) => visited.has(tab.id)).map((tab) => (
        <div key={tab.id} role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} className="workbench-panel" hidden={tab.id !== current}>
          {panelFor(tab.id)}
        </div>
      ))}
    </section>
  );
}
