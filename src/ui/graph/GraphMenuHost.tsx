/**
 * Hosts the graph's context menu, the "Move to pool" dialog and the line that says what an action did.
 * Provides the nodes a stable way to open a menu; the menu's items are computed when it opens, from
 * the configuration in force and the simulation's commands.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { applicationLabel } from './architecture.ts';
import { GraphMenuContext, type GraphMenus, type MenuRequest } from './graphMenuContext.ts';
import { MoveToPoolDialog } from './MoveToPoolDialog.tsx';
import { doneMessage, menuItemsFor, menuLabel, type MenuItem } from './nodeActions.ts';
import { NodeMenu } from './NodeMenu.tsx';
import { moveApplication, performNodeAction } from './performNodeAction.ts';

interface MoveRequest {
  site: string;
  path: string;
  opener: HTMLElement | null;
}

/** How long the line saying what an action did stays. */
const STATUS_MS = 8000;

export function GraphMenuHost({ poolStates, children }: { poolStates: ReadonlyMap<string, string>; children: ReactNode }) {
  const stores = useStores();
  const [menu, setMenu] = useState<MenuRequest | undefined>(undefined);
  const [move, setMove] = useState<MoveRequest | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; error: boolean } | undefined>(undefined);
  useEffect(() => {
    if (status === undefined) return;
    const timer = window.setTimeout(() => {
      setStatus(undefined);
    }, STATUS_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [status]);

  const report = useCallback((problem: string | undefined, done: string): void => {
    setStatus(problem === undefined ? { text: done, error: false } : { text: problem, error: true });
  }, []);
  const menus = useMemo<GraphMenus>(
    () => ({
      openMenu: setMenu,
      moveApplication: (site, path, pool) => {
        report(moveApplication(stores, site, path, pool), `Moved ${applicationLabel(site, path)} to ${pool}: its next request runs in that pool.`);
      },
    }),
    [stores, report],
  );
  // The items follow the configuration in force and the pools' runtime states while the menu is open.
  const model = useWorkspaceState((s) => s.model);
  const items = useMemo(() => (menu === undefined ? [] : menuItemsFor(menu.target, model, poolStates)), [menu, model, poolStates]);
  const closeMenu = useCallback(
    (refocus: boolean) => {
      if (refocus) menu?.opener?.focus();
      setMenu(undefined);
    },
    [menu],
  );
  const choose = (item: MenuItem): void => {
    const opener = menu?.opener ?? null;
    setMenu(undefined);
    const problem = performNodeAction(item.action, stores, (site, path) => {
      setMove({ site, path, opener });
    });
    if (item.action.type === 'application.move') return;
    opener?.focus();
    const done = doneMessage(item.action);
    if (problem !== undefined || done !== undefined) report(problem, done ?? '');
  };
  const closeMove = (): void => {
    move?.opener?.focus();
    setMove(undefined);
  };
  return (
    <GraphMenuContext.Provider value={menus}>
      {children}
      {menu !== undefined && <NodeMenu label={menuLabel(menu.target)} items={items} x={menu.x} y={menu.y} onChoose={choose} onClose={closeMenu} />}
      {move !== undefined && (
        <MoveToPoolDialog
          site={move.site}
          path={move.path}
          onMove={(pool) => {
            closeMove();
            menus.moveApplication(move.site, move.path, pool);
          }}
          onCancel={closeMove}
        />
      )}
      {/* A live region, but not role="status": the page's status bar is the one status. */}
      <p className={status?.error === true ? 'graph-status graph-status-error' : 'graph-status'} aria-live="polite" aria-atomic="true">
        {status?.text ?? ''}
      </p>
    </GraphMenuContext.Provider>
  );
}
