/**
 * "Export": the workspace as one file (it imports back to the same workspace), applicationHost.config,
 * or one of the web.config files, downloaded as the workspace has them now (with any edit not yet applied).
 */
import { useMemo } from 'react';
import { exportItems } from '../../store/workspaceBundle.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { downloadText } from './download.ts';
import { ModalDialog } from './ModalDialog.tsx';

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const workspace = useWorkspaceState((s) => s.workspace);
  const sourceName = useWorkspaceState((s) => s.sourceName);
  const items = useMemo(() => exportItems(workspace, sourceName), [workspace, sourceName]);
  const [bundle, ...files] = items;
  return (
    <ModalDialog title="Export" onCancel={onClose} className="export-dialog">
      {bundle !== undefined && (
        <>
          <p className="hint">The whole workspace, applicationHost.config with every site&apos;s files and users, as one file that imports back as it is:</p>
          <button type="button" className="primary" onClick={() => { downloadText(bundle.fileName, bundle.text(), bundle.mimeType); }}>
            {bundle.label}
          </button>
        </>
      )}
      <p className="hint">Or one configuration file:</p>
      <ul className="export-files" aria-label="Configuration files">
        {files.map((item) => (
          <li key={item.label}>
            <button type="button" onClick={() => { downloadText(item.fileName, item.text(), item.mimeType); }}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
