/**
 * One file: where it is on disk and which URLs serve it, its text (web.config files open in the XML
 * editor, where their problems show at their line), its name, its NTFS facts, and removing it.
 */
import { useMemo } from 'react';
import { describeFile, normalizePhysicalPath, readWorkspaceFile, type FileRef } from '../../config/index.ts';
import type { WorkspaceState } from '../../store/index.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { ConfirmRemove } from './ConfirmRemove.tsx';
import { removeFile, renameFile, saveText, setHidden, setReaders, type LabelledEdit } from './fileEdits.ts';
import { FileTextEditor } from './FileTextEditor.tsx';
import { isWebConfig, namesIn, type FileNode, type FolderNode, type PhysicalRoot } from './fileTree.ts';
import { NtfsAttributes } from './NtfsAttributes.tsx';
import { RenameForm } from './RenameForm.tsx';
import { ServedUrls } from './ServedUrls.tsx';

const selectFileProblems = (s: WorkspaceState): WorkspaceState['fileProblems'] => s.fileProblems;

/** How many problems keep a web.config from being applied (it is not well-formed XML). */
function useProblemCount(ref: FileRef): number {
  const problems = useWorkspaceState(selectFileProblems);
  return useMemo(() => {
    const wanted = normalizePhysicalPath(describeFile(ref));
    let count = 0;
    for (const [file, list] of problems) if (normalizePhysicalPath(file) === wanted) count += list.length;
    return count;
  }, [problems, ref]);
}

export function FileDetails({ root, file, parent, onEdit, onRenamed }: { root: PhysicalRoot; file: FileNode; parent: FolderNode; onEdit: (change: LabelledEdit) => string | undefined; onRenamed: (path: string) => void }) {
  const { ui } = useStores();
  const ref = useMemo<FileRef>(() => ({ kind: 'content', physicalPath: root.physicalPath, relativePath: file.path }), [root.physicalPath, file.path]);
  const text = useWorkspaceState((s) => readWorkspaceFile(s.workspace, ref)) ?? '';
  const webConfig = isWebConfig(file);
  const problems = useProblemCount(ref);
  const siblings = useMemo(() => namesIn(parent), [parent]);
  return (
    <div className="files-details-body">
      <h3 className="files-title">{file.name}</h3>
      <p className="files-path">{describeFile(ref)}</p>
      <ServedUrls root={root} path={file.path} isFolder={false} />
      {webConfig ? (
        <div className="files-webconfig">
          <p className="hint">A web.config is configuration: edit it in the XML editor, which shows its problems at their line.</p>
          {problems > 0 && (
            <p className="problem">
              Not well-formed XML ({problems} {problems === 1 ? 'problem' : 'problems'}): the server keeps the last good configuration until it is fixed.
            </p>
          )}
          <button type="button" onClick={() => { ui.getState().openInEditor(ref); }}>
            Open in XML editor
          </button>
        </div>
      ) : (
        <FileTextEditor text={text} onSave={(next) => onEdit(saveText(root, file.path, next))} />
      )}
      <RenameForm
        key={file.path}
        kind="file"
        current={file.name}
        siblings={siblings}
        onRename={(name) => {
          const change = renameFile(root, file.path, name);
          const failure = onEdit(change);
          if (failure === undefined && change.edit.op === 'renameFile') onRenamed(change.edit.to);
          return failure;
        }}
      />
      <NtfsAttributes
        key={`ntfs|${file.path}`}
        hidden={file.hidden}
        readers={file.readers}
        onHidden={(hidden) => onEdit(setHidden(root, file.path, hidden))}
        onReaders={(readers) => onEdit(setReaders(root, file.path, readers))}
      />
      <ConfirmRemove key={`remove|${file.path}`} what={`file ${file.name}`} question={`Remove ${describeFile(ref)}?`} onRemove={() => onEdit(removeFile(root, file.path))} />
    </div>
  );
}
