/**
 * The side panel, in tabs: the Inspector (the selected node's configuration and live state), Server
 * (sites, bindings, applications and application pools, added and changed in forms) and Settings (the
 * features of system.webServer at a server, site, application or folder level).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { SideTab } from '../../store/index.ts';
import { useStores, useUi } from '../hooks/stores.ts';
import { ServerPanel } from '../forms/ServerPanel.tsx';
import { SettingsPanel } from '../settings/SettingsPanel.tsx';
import { Inspector } from './Inspector.tsx';

const TABS: ReadonlyArray<{ id: SideTab; label: string }> = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'server', label: 'Server' },
  { id: 'settings', label: 'Settings' },
];

function panelFor(tab: SideTab): ReactNode {
  switch (tab) {
    case 'inspector':
      return <Inspector />;
    case 'server':
      return <ServerPanel />;
    case 'settings':
      return <SettingsPanel />;
  }
}

export function SidePanel() {
  const { ui } = useStores();
  const current = useUi((s) => s.sideTab);
  const buttons = useRef(new Map<SideTab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = TABS.findIndex((t) => t.id === current);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    const tab = next === undefined ? undefined : TABS[next];
    if (tab === undefined) return;
    event.preventDefault();
    ui.getState().setSideTab(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist" aria-label="Side panels" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element === null) buttons.current.delete(tab.id);
              else buttons.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls={`side-tabpanel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => { ui.getState().setSideTab(tab.id); }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-tabpanel-${current}`} aria-labelledby={`side-tab-${current}`} className="side-tabpanel">
        {panelFor(current)}
      </div>
    </div>
  );
}
