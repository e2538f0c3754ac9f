/**
 * Undo and Redo (buttons, and Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y anywhere but in a text field or the XML
 * editor), each titled with the edit it undoes or redoes, and "Reset to default", which asks first.
 * The workspace store keeps the history (500 steps, imports included).
 */
import { useEffect, useState } from 'react';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { historyShortcut, ownsUndo } from './historyKeys.ts';
import { ModalDialog } from './ModalDialog.tsx';

export function HistoryControls() {
  const { workspace } = useStores();
  const undoLabel = useWorkspaceState((s) => (s.past.length === 0 ? undefined : s.lastLabel ?? 'the last edit'));
  const redoLabel = useWorkspaceState((s) => s.future.at(-1)?.label);
  const [confirmReset, setConfirmReset] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const action = historyShortcut(event);
      if (action === undefined || ownsUndo(event.target)) return;
      // A modal dialog is open: the page behind it is inert.
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      if (action === 'undo') workspace.getState().undo();
      else workspace.getState().redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => { window.removeEventListener('keydown', onKeyDown); };
  }, [workspace]);

  return (
    <>
      <button
        type="button"
        disabled={undoLabel === undefined}
        title={undoLabel === undefined ? 'Nothing to undo' : `Undo: ${undoLabel} (Ctrl+Z)`}
        aria-keyshortcuts="Control+Z"
        onClick={() => { workspace.getState().undo(); }}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={redoLabel === undefined}
        title={redoLabel === undefined ? 'Nothing to redo' : `Redo: ${redoLabel} (Ctrl+Y)`}
        aria-keyshortcuts="Control+Y Control+Shift+Z"
        onClick={() => { workspace.getState().redo(); }}
      >
        Redo
      </button>
      <button type="button" onClick={() => { setConfirmReset(true); }}>
        Reset to default
      </button>
      {confirmReset && (
        <ModalDialog title="Reset to the default workspace?" onCancel={() => { setConfirmReset(false); }}>
          <p>
            The workspace becomes a fresh IIS 10 install with every role service: its applicationHost.config and the files of Default Web Site. Undo
            brings the current workspace back while this tab is open; to keep a copy beyond that, export it first.
          </p>
          <div className="dialog-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmReset(false);
                workspace.getState().resetToDefault();
                workspace.getState().setNotice({ kind: 'info', text: 'The workspace is the default one again. Undo brings back the one before.' });
              }}
            >
              Reset
            </button>
            <button type="button" onClick={() => { setConfirmReset(false); }} data-autofocus>
              Cancel
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
