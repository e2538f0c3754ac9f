import { ConfigGraphView } from '../ui/graph/ConfigGraphView.tsx';
import { StatusBar } from '../ui/panels/StatusBar.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>IIS Flow</h1>
        <p>How IIS handles a request: the sites, applications and application pools of applicationHost.config.</p>
      </header>
      <main className="app-main">
        <ConfigGraphView />
      </main>
      <StatusBar />
    </div>
  );
}
