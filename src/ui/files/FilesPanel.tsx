/**
 * The Files view: every physical path of the workspace (each virtual directory's, and any the content
 * holds) as a tree of folders and files, with the site and URL that serve it; beside it, the selected
 * item, to add, rename, edit and remove files and folders and set a file's NTFS facts. Each change is
 * one workspace edit, so Undo takes it back and the simulation serves the new files at once.
 */
import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { WorkspaceState } from '../../store/index.ts';
import { useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';
import { FileDetails } from './FileDetails.tsx';
import type { LabelledEdit } from './fileEdits.ts';
import { findItem, flattenTree, itemId, listPhysicalRoots, problemFileIds, rootsOpenByDefault, treeOf, type PhysicalRoot, type TreeItem, type TreeRow } from './fileTree.ts';
import { FileTree } from './FileTree.tsx';
import { FolderDetails } from './FolderDetails.tsx';

const selectModel = (s: WorkspaceState): WorkspaceState['model'] => s.model;
const selectFileProblems = (s: WorkspaceState): WorkspaceState['fileProblems'] => s.fileProblems;
const selectContent = (s: WorkspaceState): WorkspaceState['workspace']['content'] => s.workspace.content;

/** The item, or its nearest ancestor still there (after Undo or a removal), or the first physical path. */
function resolve(roots: readonly PhysicalRoot[], id: string | undefined): TreeItem | undefined {
  if (id !== undefined) {
    const bar = id.indexOf('|');
    let path = id.slice(bar + 1);
    for (;;) {
      const item = findItem(roots, `${id.slice(0, bar)}|${path}`);
      if (item !== undefined) return item;
      if (path === '') break;
      path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    }
  }
  const first = roots[0];
  return first === undefined ? undefined : { kind: 'root', root: first };
}

/** `id` when its row is shown, else the id of its nearest shown ancestor (a closed folder or physical path). */
function shownAncestor(rows: readonly TreeRow[], id: string): string {
  const shown = new Set<string>();
  for (const row of rows) {
    if (row.id === id) return id;
    shown.add(row.id);
  }
  const bar = id.indexOf('|');
  let path = id.slice(bar + 1);
  while (path !== '') {
    path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const candidate = `${id.slice(0, bar)}|${path}`;
    if (shown.has(candidate)) return candidate;
  }
  return id;
}

function idOf(item: TreeItem): string {
  switch (item.kind) {
    case 'root':
      return itemId(item.root, '');
    case 'folder':
      return itemId(item.root, item.folder.path);
    case 'file':
      return itemId(item.root, item.file.path);
  }
}

/** The tree's open folders and the selection, kept while the tab is hidden. */
interface TreeState {
  /** Ids whose open state differs from the default (see flattenTree). */
  toggled: ReadonlySet<string>;
  selectedId: string | undefined;
}

/**
 * The Files tab. Its state outlives a switch to another tab; while hidden it derives nothing, so an
 * edit elsewhere on a server of thousands of sites does not pay for the Files view's tree.
 */
export function FilesPanel() {
  const shown = useUi((s) => s.workbenchTab === 'files');
  const [state, setState] = useState<TreeState>(() => ({ toggled: new Set(), selectedId: undefined }));
  return shown ? <FilesView state={state} setState={setState} /> : null;
}

function FilesView({ state, setState }: { state: TreeState; setState: Dispatch<SetStateAction<TreeState>> }) {
  const { workspace } = useStores();
  const model = useWorkspaceState(selectModel);
  const content = useWorkspaceState(selectContent);
  const roots = useMemo(() => listPhysicalRoots(model, content), [model, content]);
  const rows = useMemo(() => flattenTree(roots, state.toggled), [roots, state.toggled]);
  // A selection inside a folder just closed moves to that folder, as in Explorer.
  const selected = useMemo(() => {
    const item = resolve(roots, state.selectedId);
    if (item === undefined) return undefined;
    const id = shownAncestor(rows, idOf(item));
    return id === idOf(item) ? item : resolve(roots, id);
  }, [roots, rows, state.selectedId]);
  const rootsOpen = rootsOpenByDefault(roots.length);
  const fileProblems = useWorkspaceState(selectFileProblems);
  const broken = useMemo(() => problemFileIds(roots, fileProblems.keys()), [roots, fileProblems]);

  const onToggle = useCallback(
    (id: string) => {
      setState((current) => {
        const toggled = new Set(current.toggled);
        if (toggled.has(id)) toggled.delete(id);
        else toggled.add(id);
        return { ...current, toggled };
      });
    },
    [setState],
  );
  const onSelect = useCallback((id: string) => { setState((current) => ({ ...current, selectedId: id })); }, [setState]);

  const onEdit = useCallback((change: LabelledEdit): string | undefined => workspace.getState().edit(change.edit, change.label), [workspace]);

  /** Selects a path of a physical path, opening the folders above it (and, with `open`, itself) so it is in view. */
  const selectPath = useCallback(
    (root: PhysicalRoot, path: string, open = false) => {
      setState((current) => {
        const toggled = new Set(current.toggled);
        if (rootsOpen) toggled.delete(itemId(root, ''));
        else toggled.add(itemId(root, ''));
        const parts = path === '' ? [] : path.split('/');
        for (let i = 1; i < parts.length + (open ? 1 : 0); i++) toggled.add(itemId(root, parts.slice(0, i).join('/')));
        return { toggled, selectedId: itemId(root, path) };
      });
    },
    [setState, rootsOpen],
  );

  if (roots.length === 0) {
    return <p className="hint">No virtual directory names a physical path, and the workspace has no files: add a site in the Server tab.</p>;
  }
  const details = (() => {
    if (selected === undefined) return null;
    const root = selected.root;
    const select = (path: string, open?: boolean): void => { selectPath(root, path, open); };
    switch (selected.kind) {
      case 'root':
        return <FolderDetails root={root} folder={treeOf(root)} parent={undefined} onEdit={onEdit} onSelect={select} />;
      case 'folder':
        return <FolderDetails root={root} folder={selected.folder} parent={selected.parent} onEdit={onEdit} onSelect={select} />;
      case 'file':
        return <FileDetails root={root} file={selected.file} parent={selected.parent} onEdit={onEdit} onRenamed={select} />;
    }
  })();
  return (
    <div className="files">
      <FileTree rows={rows} broken={broken} selectedId={selected === undefined ? undefined : idOf(selected)} onSelect={onSelect} onToggle={onToggle} />
      <section className="files-details" aria-label="Selected in Files" key={selected === undefined ? '' : idOf(selected)}>
        {details}
      </section>
    </div>
  );
}
