import { ArchitectureView } from '../ui/graph/ArchitectureView.tsx';
import { Inspector } from '../ui/panels/Inspector.tsx';
import { OpenConfig } from '../ui/panels/OpenConfig.tsx';
import { PlaybackBar } from '../ui/panels/PlaybackBar.tsx';
import { RequestComposer } from '../ui/panels/RequestComposer.tsx';
import { StatusBar } from '../ui/panels/StatusBar.tsx';
import { TracePanel } from '../ui/panels/TracePanel.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>IIS Flow</h1>
        <p>How IIS handles a request: from the client through HTTP.sys, W3SVC and WAS to a w3wp.exe worker process and back.</p>
        <div className="header-actions">
          <OpenConfig />
        </div>
      </header>
      <main className="app-main">
        <div className="graph-column">
          <ArchitectureView />
          <PlaybackBar />
        </div>
        <aside className="side">
          <RequestComposer />
          <Inspector />
        </aside>
        <TracePanel />
      </main>
      <StatusBar />
    </div>
  );
}
