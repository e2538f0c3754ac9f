/**
 * Where a file or folder is served: each site URL that reaches it through a virtual directory, with a
 * button that requests it and shows the result in the Trace tab.
 */
import { useMemo } from 'react';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { servedUrls, type PhysicalRoot } from './fileTree.ts';

export function ServedUrls({ root, path, isFolder }: { root: PhysicalRoot; path: string; isFolder: boolean }) {
  const { simulation, ui } = useStores();
  const model = useWorkspaceState((s) => s.model);
  const urls = useMemo(() => servedUrls(model, root, path, isFolder), [model, root, path, isFolder]);
  if (urls.length === 0) {
    return (
      <p className="hint">
        {root.servedBy.length === 0 ? 'No virtual directory names this physical path: no URL reaches its files.' : 'No URL reaches this: a deeper application or virtual directory takes its URL elsewhere.'}
      </p>
    );
  }
  return (
    <ul className="files-urls" aria-label="Served as">
      {urls.map((u) => (
        <li key={`${u.site}|${u.urlPath}`}>
          <span className="files-site">{u.site}</span> <span className="files-url">{u.url ?? u.urlPath}</span>
          {u.url !== undefined && (
            <button
              type="button"
              aria-label={`Request ${u.url}`}
              onClick={() => {
                if (u.url === undefined) return;
                void simulation.getState().send({ method: 'GET', url: u.url });
                ui.getState().setWorkbenchTab('trace');
              }}
            >
              Request
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
