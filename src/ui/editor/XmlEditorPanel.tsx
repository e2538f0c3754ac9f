/**
 * The XML tab: a file picker (applicationHost.config and every web.config of the workspace), the editor,
 * and a bar that says plainly when the text is not applied. Loaded on demand (Workbench imports it with
 * React.lazy), so CodeMirror is not in the page's first JavaScript. The editor itself lives outside React
 * (XmlEditorSession): a keystroke renders nothing here.
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { FileRef } from '../../config/index.ts';
import { selectUnapplied } from '../../store/index.ts';
import { useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';
import { editableFiles, fileKey } from './editorFiles.ts';
import { fileHasErrors } from './problems.ts';
import { XmlEditorSession, type OpenFile } from './xmlEditorSession.ts';

function UnappliedBar({ file }: { file: FileRef }) {
  const { ui } = useStores();
  const unapplied = useWorkspaceState(selectUnapplied);
  const ownErrors = useWorkspaceState((s) => fileHasErrors(s.diagnostics, s.fileProblems, s.workspace, file));
  // The file whose errors keep the workspace from being applied, when it is not the one shown.
  const otherFile = useWorkspaceState((s) => (s.diagnostics.some((d) => d.severity === 'error') ? 'applicationHost.config' : s.fileProblems.keys().next().value));
  return (
    <div className="xml-bar-slot" aria-live="polite">
      {unapplied && (
        <p className="xml-unapplied">
          <span aria-hidden="true">⚠ </span>
          {ownErrors ? 'This XML has errors: the simulation goes on with the last good configuration.' : `${otherFile ?? 'Another file'} has errors: the simulation goes on with the last good configuration.`}{' '}
          <button type="button" onClick={() => { ui.getState().setWorkbenchTab('problems'); }}>
            Show problems
          </button>
        </p>
      )}
    </div>
  );
}

export default function XmlEditorPanel() {
  const stores = useStores();
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<XmlEditorSession | undefined>(undefined);
  const [open, setOpen] = useState<OpenFile>(() => ({ file: stores.ui.getState().editorTarget.file, exists: true, large: false }));
  const visible = useUi((s) => s.workbenchTab === 'xml');
  const content = useWorkspaceState((s) => s.workspace.content);
  const files = useMemo(() => editableFiles({ applicationHostConfig: '', content }), [content]);
  const currentKey = fileKey(open.file);

  useEffect(() => {
    const element = host.current;
    if (element === null) return undefined;
    const created = new XmlEditorSession(element, stores, setOpen);
    session.current = created;
    return () => {
      created.destroy();
      session.current = undefined;
    };
  }, [stores]);

  useEffect(() => {
    session.current?.setVisible(visible);
  }, [visible]);

  const onPick = (event: ChangeEvent<HTMLSelectElement>): void => {
    const picked = files.find((f) => f.key === event.target.value);
    if (picked !== undefined) stores.ui.getState().openInEditor(picked.ref);
  };

  const listed = files.some((f) => f.key === currentKey);
  return (
    <div className="xml-editor-panel">
      <div className="xml-toolbar">
        <label className="xml-file">
          File
          <select value={currentKey} onChange={onPick}>
            {files.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
            {!listed && open.file.kind === 'content' && <option value={currentKey}>{`${open.file.physicalPath}\\${open.file.relativePath} (new)`}</option>}
          </select>
        </label>
        {!open.exists && <p className="hint">This web.config does not exist yet: what you type here creates it.</p>}
        {open.large && <p className="hint" title="Over 1 MB: only the lines on screen are coloured, and folding follows the indentation, so that typing stays quick.">Large file: simple colouring</p>}
        <p className="hint xml-keys">Ctrl+F search · Alt+G go to line · Ctrl+Shift+[ fold</p>
      </div>
      <UnappliedBar file={open.file} />
      <div className="xml-editor-host" ref={host} />
    </div>
  );
}
