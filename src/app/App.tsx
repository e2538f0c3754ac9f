import type { ReactNode } from 'react';
import { GRAPH_COLUMN_MIN_HEIGHT } from '../store/index.ts';
import { useUi } from '../ui/hooks/stores.ts';
import { ArchitectureView } from '../ui/graph/ArchitectureView.tsx';
import { HistoryControls } from '../ui/panels/HistoryControls.tsx';
import { ImportExport } from '../ui/panels/ImportExport.tsx';
import { Notice, SaveState, StorageNotice } from '../ui/panels/Notice.tsx';
import { PlaybackBar } from '../ui/panels/PlaybackBar.tsx';
import { RequestComposer } from '../ui/panels/RequestComposer.tsx';
import { SidePanel } from '../ui/panels/SidePanel.tsx';
import { StatusBar } from '../ui/panels/StatusBar.tsx';
import { Workbench } from '../ui/panels/Workbench.tsx';

/**
 * The page's main area; its rows follow the trace panel's height once the person resizes it. Its
 * children are made by App, which does not re-render, so a resize re-renders this element alone.
 */
function AppMain({ children }: { children: ReactNode }) {
  const traceHeight = useUi((s) => s.traceHeight);
  const graphMin = `${String(GRAPH_COLUMN_MIN_HEIGHT)}px`;
  const style = traceHeight === undefined ? undefined : { gridTemplateRows: `minmax(${graphMin}, 1fr) min(${String(traceHeight)}px, calc(100% - ${graphMin}))` };
  return (
    <main className="app-main" style={style}>
      {children}
    </main>
  );
}

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>IIS Flow</h1>
        <p title="How IIS handles a request: from the client through HTTP.sys, W3SVC and WAS to a w3wp.exe worker process and back.">How IIS handles a request: from the client through HTTP.sys, W3SVC and WAS to a w3wp.exe worker process and back.</p>
        <div className="header-actions">
          <HistoryControls />
          <ImportExport />
          <SaveState />
        </div>
        <div className="notice-area">
          <StorageNotice />
          <Notice />
        </div>
      </header>
      <AppMain>
        <div className="graph-column">
          <ArchitectureView />
          <PlaybackBar />
        </div>
        <aside className="side">
          <RequestComposer />
          <SidePanel />
        </aside>
        <Workbench />
      </AppMain>
      <StatusBar />
    </div>
  );
}
