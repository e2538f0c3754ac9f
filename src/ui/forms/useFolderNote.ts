/**
 * A note for a physical path the workspace holds no folder for: IIS would find no file there (the
 * request ends 404), so the person learns it before sending one, and where to add files.
 */
import { useMemo } from 'react';
import { normalizePhysicalPath, type Workspace } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';

const selectContent = (s: { workspace: Workspace }): Workspace['content'] => s.workspace.content;

export function useFolderNote(physicalPath: string): string | undefined {
  const content = useWorkspaceState(selectContent);
  const folders = useMemo(() => new Set(Object.keys(content).map(normalizePhysicalPath)), [content]);
  const path = physicalPath.trim();
  if (path === '' || folders.has(normalizePhysicalPath(path))) return undefined;
  return 'The workspace has no files in this folder yet: add them in the Files tab.';
}
