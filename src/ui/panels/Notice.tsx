/**
 * Messages near the header, in polite live regions: the workspace's notice (an edit that could not be
 * made, what Undo undid, an import refused), and the state of saving in the browser with the choices a
 * problem needs (another tab's newer workspace, storage full or missing, a saved workspace that could
 * not be read). All text, never HTML.
 */
import { useEffect } from 'react';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { downloadText } from './download.ts';
import { exportItems } from '../../store/workspaceBundle.ts';
import { usePersistence, usePersistenceStore } from './persistenceContext.ts';

/** An information notice goes after this long; an error stays until dismissed or replaced. */
const INFO_MS = 8000;

export function Notice() {
  const { workspace } = useStores();
  const notice = useWorkspaceState((s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => {
      if (workspace.getState().notice === notice) workspace.getState().setNotice(undefined);
    }, INFO_MS);
    return () => { clearTimeout(timer); };
  }, [notice, workspace]);
  return (
    <div className="notice-live" aria-live="polite" aria-atomic="true">
      {notice !== undefined && (
        <div className={`notice notice-${notice.kind}`}>
          <span>{notice.text}</span>
          <button type="button" className="notice-dismiss" aria-label="Dismiss the message" onClick={() => { workspace.getState().setNotice(undefined); }}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** Downloads the workspace file of the workspace as it is now (the way out when it cannot be saved). */
function useExportWorkspace(): () => void {
  const { workspace } = useStores();
  return () => {
    const state = workspace.getState();
    const [bundle] = exportItems(state.workspace, state.sourceName);
    if (bundle !== undefined) downloadText(bundle.fileName, bundle.text(), bundle.mimeType);
  };
}

export function StorageNotice() {
  const persistence = usePersistenceStore();
  const status = usePersistence((s) => s.status);
  const problem = usePersistence((s) => s.problem);
  const unreadable = usePersistence((s) => s.unreadable);
  const exportWorkspace = useExportWorkspace();
  return (
    <div className="notice-live" aria-live="polite">
      {problem !== undefined && (
        <div className="notice notice-error notice-storage" role="group" aria-label="Saving in this browser">
          <span>{problem}</span>
          <span className="notice-actions">
            {status === 'conflict' && (
              <>
                <button type="button" onClick={() => void persistence.getState().loadNewer()}>
                  Load the newer workspace
                </button>
                <button type="button" onClick={() => { persistence.getState().keepThis(); }}>
                  Keep this one
                </button>
              </>
            )}
            {status === 'newer' && (
              <button type="button" onClick={() => { persistence.getState().keepThis(); }}>
                Keep this one
              </button>
            )}
            {status === 'failed' && (
              <button type="button" onClick={() => { persistence.getState().retry(); }}>
                Try again
              </button>
            )}
            <button type="button" onClick={exportWorkspace}>
              Export workspace
            </button>
          </span>
        </div>
      )}
      {unreadable !== undefined && (
        <div className="notice notice-error notice-storage" role="group" aria-label="Unreadable saved workspace">
          <span>
            The workspace saved in this browser could not be read ({unreadable.reason}), so IIS Flow started from the default workspace. The saved record is
            kept: export it to look at it or to mend it, then import it.
          </span>
          <span className="notice-actions">
            <button type="button" onClick={() => { downloadText('iis-flow-unreadable-workspace.json', unreadable.json, 'application/json'); }}>
              Export the unreadable record
            </button>
            <button type="button" onClick={() => void persistence.getState().discardUnreadable()}>
              Discard it
            </button>
          </span>
        </div>
      )}
    </div>
  );
}

const SAVE_STATE: Readonly<Record<string, string>> = {
  saved: 'Saved in this browser',
  pending: 'Saving…',
  saving: 'Saving…',
  unavailable: 'Not saved',
  failed: 'Not saved',
  conflict: 'Not saved',
  newer: 'Not saved',
};

/** A word on whether the workspace is saved in the browser. */
export function SaveState() {
  const status = usePersistence((s) => s.status);
  return <span className={`save-state save-state-${status}`}>{SAVE_STATE[status]}</span>;
}
