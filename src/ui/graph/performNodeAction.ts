/**
 * Carries out a graph menu's action with the app's stores: configuration edits go through the
 * workspace store (labelled, undoable, applied to the simulation as a configuration change), runtime
 * commands (recycle a pool, end a worker process) go to the simulation.
 */
import type { Stores } from '../hooks/stores.ts';
import { applicationLabel, pipelineKey } from './architecture.ts';
import { moveApplicationEdit, poolStartStopEdit, removeModuleEdit, siteStartStopEdit, type NodeAction } from './nodeActions.ts';

/**
 * Runs an action; returns a message for the person when it could not be done. `openMove` shows the
 * "Move to pool" dialog (the one action that asks something first).
 */
export function performNodeAction(action: NodeAction, stores: Stores, openMove: (site: string, path: string) => void): string | undefined {
  const workspace = stores.workspace.getState();
  switch (action.type) {
    case 'pool.start':
    case 'pool.stop': {
      const start = action.type === 'pool.start';
      return workspace.edit(poolStartStopEdit(action.pool, start), `${start ? 'Start' : 'Stop'} application pool ${action.pool}`);
    }
    case 'pool.recycle':
      void stores.simulation.getState().recyclePool(action.pool);
      return undefined;
    case 'pool.settings':
      stores.ui.getState().setSideTab('server');
      return undefined;
    case 'worker.end':
      void stores.simulation.getState().endWorker(action.pid);
      return undefined;
    case 'worker.pipeline': {
      const ui = stores.ui.getState();
      if (ui.expanded.has(pipelineKey(action.pool)) !== action.show) ui.toggleExpanded(pipelineKey(action.pool));
      return undefined;
    }
    case 'site.start':
    case 'site.stop': {
      const start = action.type === 'site.start';
      return workspace.edit(siteStartStopEdit(action.site, start), `${start ? 'Start' : 'Stop'} site ${action.site}`);
    }
    case 'site.settings':
      stores.ui.getState().openSettings({ site: action.site });
      return undefined;
    case 'application.move':
      openMove(action.site, action.path);
      return undefined;
    case 'application.settings':
      stores.ui.getState().openSettings({ site: action.site, path: action.path });
      return undefined;
    case 'module.remove': {
      const edit = removeModuleEdit(workspace.workspace, workspace.model, action.module, action.pool);
      if (typeof edit === 'string') {
        workspace.setNotice({ kind: 'error', text: edit });
        return edit;
      }
      return workspace.edit(edit, `Remove module ${action.module}`);
    }
  }
}

/** Moves an application to a pool (the dialog's choice, or a drop on the pool's node). */
export function moveApplication(stores: Stores, site: string, path: string, pool: string): string | undefined {
  const workspace = stores.workspace.getState();
  const edit = moveApplicationEdit(workspace.model, site, path, pool);
  if (typeof edit === 'string') {
    workspace.setNotice({ kind: 'error', text: edit });
    return edit;
  }
  return workspace.edit(edit, `Move ${applicationLabel(site, path)} to ${pool}`);
}
