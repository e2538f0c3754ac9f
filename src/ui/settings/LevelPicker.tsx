/**
 * The level the Settings tab shows: the server, a site, one of its applications, or a folder typed as a
 * URL path (`/private`). Held in the UI store (`settingsLevel`), so the graph or the Server tab can open
 * Settings at a level too.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { ConfigLevel } from '../../config/index.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { normalizeFolder } from './labels.ts';

const selectSiteNames = (s: { model: { sites: { sites: ReadonlyArray<{ name: string }> } } }): string => s.model.sites.sites.map((x) => x.name).join('\u0000');

export function LevelPicker({ level }: { level: ConfigLevel }) {
  const { ui } = useStores();
  const id = useId();
  const unapplied = useWorkspaceState((s) => s.workspace !== s.applied);
  const siteNames = useWorkspaceState(selectSiteNames);
  const sites = siteNames === '' ? [] : siteNames.split('\u0000');
  const applications = useWorkspaceState((s) => s.model.sites.sites.find((x) => x.name === level.site)?.applications);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const path = level.path ?? '/';
  const open = (next: ConfigLevel): void => { ui.getState().openSettings(next); };
  const application = applications?.filter((a) => path.toLowerCase() === a.path.toLowerCase() || path.toLowerCase().startsWith(a.path.replace(/\/$/, '').toLowerCase() + '/')).sort((a, b) => b.path.length - a.path.length)[0];

  const commit = (): void => {
    if (draft === undefined || level.site === undefined) return;
    const folder = normalizeFolder(draft);
    if (!folder.ok) {
      setProblem(folder.problem);
      return;
    }
    setProblem(undefined);
    setDraft(undefined);
    if (folder.path !== path) open({ site: level.site, path: folder.path });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(undefined);
      setProblem(undefined);
    }
  };

  return (
    <div className="level-picker" role="group" aria-label="Configuration level">
      <label htmlFor={`${id}-site`}>Site</label>
      <select
        id={`${id}-site`}
        value={level.site ?? ''}
        onChange={(e) => {
          setDraft(undefined);
          open(e.target.value === '' ? {} : { site: e.target.value, path: '/' });
        }}
      >
        <option value="">Server (applicationHost.config)</option>
        {sites.map((name) => <option key={name} value={name}>{name}</option>)}
      </select>
      {level.site === undefined ? null : (
        <>
          <label htmlFor={`${id}-application`}>Application</label>
          <select id={`${id}-application`} value={application?.path ?? '/'} onChange={(e) => { setDraft(undefined); if (level.site !== undefined) open({ site: level.site, path: e.target.value }); }}>
            {(applications ?? []).map((a) => <option key={a.path} value={a.path}>{a.path}</option>)}
          </select>
          <label htmlFor={`${id}-folder`}>Folder (URL path)</label>
          <input
            id={`${id}-folder`}
            type="text"
            value={draft ?? path}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem === undefined ? undefined : true}
            onChange={(e) => { setDraft(e.target.value); }}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
          {problem === undefined ? null : <p className="setting-problem" role="alert">{problem}</p>}
        </>
      )}
      {unapplied ? <p className="setting-hint">The configuration has errors: these are the values in force (the last good configuration).</p> : null}
    </div>
  );
}
