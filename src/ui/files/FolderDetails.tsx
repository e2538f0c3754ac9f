/**
 * A physical path or a folder in it: which virtual directories serve it and at which URLs, adding a
 * file or a folder, and (for a folder) renaming or removing it with all its files.
 */
import { useMemo } from 'react';
import { ConfirmRemove } from './ConfirmRemove.tsx';
import { removeFolder, renameFolder, type LabelledEdit } from './fileEdits.ts';
import { namesIn, type FolderNode, type PhysicalRoot } from './fileTree.ts';
import { NewFileForm, NewFolderForm } from './NewItemForms.tsx';
import { RenameForm } from './RenameForm.tsx';
import { ServedUrls } from './ServedUrls.tsx';
import { UploadFiles } from './UploadFiles.tsx';

/** A folder's full Windows path. */
export function windowsPath(root: PhysicalRoot, relative: string): string {
  return relative === '' ? root.physicalPath : `${root.physicalPath}\\${relative.replace(/\//g, '\\')}`;
}

export function FolderDetails({ root, folder, parent, onEdit, onSelect }: { root: PhysicalRoot; folder: FolderNode; parent: FolderNode | undefined; onEdit: (change: LabelledEdit) => string | undefined; onSelect: (path: string, open?: boolean) => void }) {
  const names = useMemo(() => namesIn(folder), [folder]);
  const siblings = useMemo(() => (parent === undefined ? [] : namesIn(parent)), [parent]);
  const isRoot = folder.path === '';
  const where = windowsPath(root, folder.path);
  return (
    <div className="files-details-body">
      <h3 className="files-title">{isRoot ? root.physicalPath : folder.name}</h3>
      <p className="files-path">
        {isRoot ? 'Physical path' : where} · {folder.fileCount} {folder.fileCount === 1 ? 'file' : 'files'}
      </p>
      {isRoot && root.servedBy.length > 0 && (
        <p className="files-vdirs">
          {'Virtual directory of '}
          {root.servedBy.map((s, i) => (
            <span key={`${s.site}|${s.virtualPath}`}>
              {i > 0 && ', '}
              <span className="files-site">{s.site}</span> {s.virtualPath}
            </span>
          ))}
        </p>
      )}
      <ServedUrls root={root} path={folder.path} isFolder />
      {isRoot && folder.fileCount === 0 && <p className="hint">This folder holds no files yet: a request for a file here ends 404. Add a file or upload some.</p>}
      <div className="files-forms">
        <NewFileForm key={`file|${folder.path}`} root={root} folder={folder.path} siblings={names} onEdit={onEdit} onAdded={onSelect} />
        <NewFolderForm key={`folder|${folder.path}`} root={root} folder={folder.path} siblings={names} onEdit={onEdit} onAdded={onSelect} />
      </div>
      <UploadFiles key={`upload|${folder.path}`} root={root} folder={folder} onEdit={onEdit} onUploaded={() => { onSelect(folder.path, true); }} />
      {!isRoot && (
        <>
          <RenameForm
            key={folder.path}
            kind="folder"
            current={folder.name}
            siblings={siblings}
            onRename={(name) => {
              const failure = onEdit(renameFolder(root, folder, name));
              if (failure === undefined) onSelect(folder.path.slice(0, folder.path.length - folder.name.length) + name, true);
              return failure;
            }}
          />
          <ConfirmRemove
            key={`remove|${folder.path}`}
            what={`folder ${folder.name}`}
            question={`Remove ${where} and the ${String(folder.fileCount)} ${folder.fileCount === 1 ? 'file' : 'files'} in it?`}
            onRemove={() => {
              onEdit(removeFolder(root, folder));
              onSelect(folder.path.includes('/') ? folder.path.slice(0, folder.path.lastIndexOf('/')) : '');
            }}
          />
        </>
      )}
    </div>
  );
}
