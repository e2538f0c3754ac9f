/**
 * The side panel, in tabs: the Inspector (the selected node's configuration and live state), Server
 * (sites, bindings, applications and application pools, added and changed in forms) and Settings (the
 * features of system.webServer at a server, site, application or folder level).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { SideTab } from '../../store/index.ts';
import { useStores, useUi } from '../hooks/stores.ts';
import { Inspector } from './Inspector.tsx';
import { TabList } from './TabList.tsx';

// The Server and Settings tabs load when first shown: the page starts on the Inspector, and their forms
// are about a fifth of the app's script (the start-up budget counts what evaluates before the first graph).
const ServerPanel = lazy(() => import('../forms/ServerPanel.tsx').then((m) => ({ default: m.ServerPanel })));
const ScenariosPanel = lazy(() => import('../scenarios/ScenariosPanel.tsx').then((m) => ({ default: m.ScenariosPanel })));
const SettingsPanel = lazy(() => import('../settings/SettingsPanel.tsx').then((m) => ({ default: m.SettingsPanel })));

const TABS: ReadonlyArray<{ id: SideTab; label: string }> = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'server', label: 'Server' },
  { id: 'settings', label: 'Settings' },
  { id: 'learn', label: 'Learn' },
];

function panelFor(tab: SideTab): ReactNode {
  switch (tab) {
    case 'inspector':
      return <Inspector />;
    case 'server':
      return (
        <Suspense fallback={<p className="hint">Loading the server's forms…</p>}>
          <ServerPanel />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense fallback={<p className="hint">Loading the settings…</p>}>
          <SettingsPanel />
        </Suspense>
      );
    case 'learn':
      return (
        <Suspense fallback={<p className="hint">Loading the scenarios…</p>}>
          <ScenariosPanel />
        </Suspense>
      );
  }
}

export function SidePanel() {
  const { ui } = useStores();
  const current = useUi((s) => s.sideTab);
  return (
    <div className="side-panel">
      <TabList tabs={TABS} current={current} onSelect={(tab) => { ui.getState().setSideTab(tab); }} label="Side panels" className="side-tabs" idPrefix="side-" />
      <div role="tabpanel" id={`side-tabpanel-${current}`} aria-labelledby={`side-tab-${current}`} className="side-tabpanel">
        {panelFor(current)}
      </div>
    </div>
  );
}
