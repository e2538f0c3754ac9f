/**
 * The questions an import asks: whether a configuration with errors should replace the good workspace,
 * and which folder an imported web.config goes in (a web.config configures the folder it is in; it is
 * not the server's configuration).
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { normalizePhysicalPath } from '../../config/index.ts';
import type { ImportReading } from '../../store/workspaceBundle.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { ModalDialog } from './ModalDialog.tsx';

/** How many of an import's errors the question lists (all of them are in Problems once it is taken). */
const ERRORS_LISTED = 8;

export function ImportErrorsDialog({ reading, onReplace, onCancel }: { reading: Extract<ImportReading, { kind: 'workspace' }>; onReplace: () => void; onCancel: () => void }) {
  const count = reading.errors.length;
  return (
    <ModalDialog title={`${reading.sourceName} has ${String(count)} error${count === 1 ? '' : 's'}`} onCancel={onCancel}>
      <p>
        Replace the current workspace with it? Its errors will be listed in Problems. Where its configuration cannot be read, the simulation goes on with the
        last good one. Undo brings back the current workspace.
      </p>
      <ul className="import-errors">
        {reading.errors.slice(0, ERRORS_LISTED).map((d, i) => (
          <li key={i}>
            {d.file === undefined ? '' : `${d.file} `}
            {d.line > 0 ? `line ${String(d.line)}, column ${String(d.column)}: ` : ''}
            {d.message}
          </li>
        ))}
        {count > ERRORS_LISTED && <li>and {count - ERRORS_LISTED} more</li>}
      </ul>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onReplace}>
          Replace
        </button>
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

interface Folder {
  physicalPath: string;
  label: string;
}

export function WebConfigDialog({ fileName, text, onDone }: { fileName: string; text: string; onDone: () => void }) {
  const { workspace, ui } = useStores();
  const sites = useWorkspaceState((s) => s.model.sites.sites);
  const content = useWorkspaceState((s) => s.workspace.content);
  // Each virtual directory's folder once, named by the first URL that reaches it.
  const folders = useMemo(() => {
    const seen = new Set<string>();
    const list: Folder[] = [];
    for (const site of sites) {
      for (const application of site.applications) {
        for (const directory of application.virtualDirectories) {
          const key = normalizePhysicalPath(directory.physicalPath);
          if (directory.physicalPath === '' || seen.has(key)) continue;
          seen.add(key);
          const url = `${application.path.replace(/\/$/, '')}${directory.path === '/' ? '' : directory.path}` || '/';
          list.push({ physicalPath: directory.physicalPath, label: `${site.name}${url} (${directory.physicalPath})` });
        }
      }
    }
    return list;
  }, [sites]);
  const [choice, setChoice] = useState(folders[0]?.physicalPath ?? '');
  const replaces = useMemo(() => {
    const key = normalizePhysicalPath(choice);
    const files = Object.entries(content).find(([path]) => normalizePhysicalPath(path) === key)?.[1] ?? {};
    return Object.keys(files).some((f) => f.toLowerCase() === 'web.config');
  }, [content, choice]);
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const folder = folders.find((f) => f.physicalPath === choice);
    if (folder === undefined) return;
    const message = workspace.getState().edit({ op: 'writeFile', physicalPath: folder.physicalPath, relativePath: 'web.config', text }, `Import ${fileName} into ${folder.label}`);
    if (message !== undefined) return;
    workspace.getState().setNotice({ kind: 'info', text: `${fileName} is now the web.config of ${folder.label}.` });
    ui.getState().openInEditor({ kind: 'content', physicalPath: folder.physicalPath, relativePath: 'web.config' });
    onDone();
  };
  return (
    <ModalDialog title={`${fileName} is a web.config`} onCancel={onDone}>
      <p>
        It has no &lt;system.applicationHost&gt;, so it does not describe a server: import an applicationHost.config or an IIS Flow workspace file for that. A
        web.config configures the folder it is in. Put it in one of this workspace&apos;s folders, or cancel and add it in the Files view.
      </p>
      {folders.length === 0 ? (
        <p className="problem">This workspace has no site folders to put it in.</p>
      ) : (
        <form onSubmit={onSubmit}>
          <label>
            Folder
            <select value={choice} onChange={(e) => { setChoice(e.target.value); }}>
              {folders.map((f) => (
                <option key={f.physicalPath} value={f.physicalPath}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {replaces && <p className="hint">It replaces the web.config already in that folder (Undo brings it back).</p>}
          <div className="dialog-buttons">
            <button type="submit" className="primary">
              Put it there
            </button>
            <button type="button" onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {folders.length === 0 && (
        <div className="dialog-buttons">
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
