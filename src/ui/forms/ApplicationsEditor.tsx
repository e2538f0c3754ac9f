/**
 * A site's applications and their virtual directories: each application's pool (the pool whose w3wp.exe
 * serves it), its physical path, its virtual directories (added and removed), and applications added and
 * removed, as IIS Manager's Add Application and Add Virtual Directory dialogs make them.
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import {
  APPLICATION_HOST,
  addApplication,
  addVirtualDirectory,
  applicationPath,
  keyedStep,
  removeApplication,
  removeVirtualDirectory,
  setApplicationPool,
  type Application,
  type ApplicationHostConfig,
  type ApplicationPool,
  type Site,
} from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { SelectField, TextField, nameOptions } from './FormField.tsx';
import { useConfigEdit } from './useConfigEdit.ts';
import { useFolderNote } from './useFolderNote.ts';

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;
const selectPools = (s: { model: ApplicationHostConfig }): readonly ApplicationPool[] => s.model.applicationPools.pools;

/** Pool names for a select, memoized on the pool list. */
function usePoolNames(): readonly string[] {
  const pools = useWorkspaceState(selectPools);
  return useMemo(() => pools.map((p) => p.name), [pools]);
}

/** The path a person reads for an application of a site: "Default Web Site/shop", "Default Web Site" for the root. */
const where = (site: string, path: string): string => (path === '/' ? site : `${site}${path}`);

function PhysicalPathField({ site, application, path, value }: { site: string; application: string; path: string; value: string }) {
  const run = useConfigEdit();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  const folderNote = useFolderNote(value);
  const commit = (): void => {
    if (draft === value) return;
    if (draft.trim() === '') {
      setProblem('A virtual directory needs a physical path.');
      return;
    }
    const edit = { op: 'setAttributes', file: APPLICATION_HOST, path: `${applicationPath(site, application)}/${keyedStep('virtualDirectory', { path })}`, values: { physicalPath: draft.trim() } } as const;
    setProblem(run(edit, `Set physicalPath of ${where(site, application === '/' ? path : `${application}${path === '/' ? '' : path}`)} to ${draft.trim()}`));
  };
  return <TextField label="Physical path" value={draft} onChange={(v) => { setDraft(v); setProblem(undefined); }} onCommit={commit} onRevert={() => { setDraft(value); setProblem(undefined); }} problem={problem} hint={folderNote} />;
}

function AddVirtualDirectoryForm({ site, application }: { site: string; application: string }) {
  const run = useConfigEdit();
  const [path, setPath] = useState('/');
  const [physicalPath, setPhysicalPath] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const edit = addVirtualDirectory(site, application, path.trim(), physicalPath.trim());
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const message = run(edit, `Add virtual directory ${path.trim()} to ${where(site, application)}`);
    setFailure(message);
    if (message === undefined) {
      setPath('/');
      setPhysicalPath('');
    }
  };
  const pathProblem = path.trim() === '/' ? undefined : typeof edit === 'string' && !/physical path/.test(edit) ? edit : undefined;
  return (
    <form className="inline-form" aria-label={`Add virtual directory to ${where(site, application)}`} onSubmit={onSubmit} noValidate>
      <TextField label="Virtual path" value={path} onChange={(v) => { setPath(v); setFailure(undefined); }} problem={pathProblem} hint="relative to the application, e.g. /images" />
      <TextField label="Physical path" value={physicalPath} onChange={(v) => { setPhysicalPath(v); setFailure(undefined); }} placeholder="C:\inetpub\images" />
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <button type="submit" disabled={typeof edit === 'string' || path.trim() === '/'}>
        Add virtual directory
      </button>
    </form>
  );
}

function ApplicationBlock({ site, application, pools }: { site: string; application: Application; pools: readonly string[] }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [failure, setFailure] = useState<string | undefined>();
  const name = `Application ${application.path}`;
  return (
    <div className="app-block" role="group" aria-label={name}>
      <div className="app-block-head">
        <strong className="mono">{application.path}</strong>
        {application.path === '/' ? <span className="hint">root application</span> : (
          <button type="button" className="danger" aria-label={`Remove application ${application.path}`} onClick={() => { setFailure(run(removeApplication(site, application.path), `Remove application ${where(site, application.path)}`)); }}>
            Remove
          </button>
        )}
      </div>
      <SelectField
        label="Application pool"
        value={application.applicationPool}
        options={nameOptions(pools, application.applicationPool)}
        onChange={(pool) => { setFailure(run(setApplicationPool(model, site, application.path, pool), `Move application ${where(site, application.path)} to pool ${pool}`)); }}
      />
      <ul className="vdir-list" aria-label={`Virtual directories of ${application.path}`}>
        {application.virtualDirectories.map((vdir) => (
          <li key={vdir.path}>
            <div className="vdir-head">
              <span className="mono">{vdir.path}</span>
              {vdir.path === '/' ? null : (
                <button type="button" className="danger" aria-label={`Remove virtual directory ${vdir.path} of ${application.path}`} onClick={() => { setFailure(run(removeVirtualDirectory(site, application.path, vdir.path), `Remove virtual directory ${vdir.path} of ${where(site, application.path)}`)); }}>
                  Remove
                </button>
              )}
            </div>
            <PhysicalPathField key={vdir.physicalPath} site={site} application={application.path} path={vdir.path} value={vdir.physicalPath} />
          </li>
        ))}
      </ul>
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <details className="add-vdir">
        <summary>Add virtual directory…</summary>
        <AddVirtualDirectoryForm site={site} application={application.path} />
      </details>
    </div>
  );
}

function AddApplicationForm({ site, pools, onDone }: { site: Site; pools: readonly string[]; onDone: () => void }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [path, setPath] = useState('/');
  const [pool, setPool] = useState(site.applications.find((a) => a.path === '/')?.applicationPool ?? pools[0] ?? '');
  const [physicalPath, setPhysicalPath] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const edit = addApplication(model, site.name, path.trim(), pool, physicalPath.trim());
  const pathProblem = path.trim() === '/' || typeof edit !== 'string' || /physical path/.test(edit) ? undefined : edit;
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const message = run(edit, `Add application ${path.trim()} to ${site.name}`);
    setFailure(message);
    if (message === undefined) onDone();
  };
  return (
    <form className="inline-form" aria-label={`Add application to ${site.name}`} onSubmit={onSubmit} noValidate>
      <TextField label="Alias (path)" value={path} onChange={(v) => { setPath(v); setFailure(undefined); }} problem={pathProblem} hint="e.g. /shop" />
      <SelectField label="Application pool" value={pool} options={nameOptions(pools, pool)} onChange={setPool} />
      <TextField label="Physical path" value={physicalPath} onChange={(v) => { setPhysicalPath(v); setFailure(undefined); }} placeholder="C:\inetpub\shop" />
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={typeof edit === 'string'}>
          Add application
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ApplicationsEditor({ site }: { site: Site }) {
  const pools = usePoolNames();
  const [adding, setAdding] = useState(false);
  return (
    <div className="server-subsection" role="group" aria-labelledby="server-applications-title">
      <h4 id="server-applications-title">Applications</h4>
      {site.applications.map((application) => (
        <ApplicationBlock key={application.path} site={site.name} application={application} pools={pools} />
      ))}
      {adding ? (
        <AddApplicationForm site={site} pools={pools} onDone={() => { setAdding(false); }} />
      ) : (
        <button type="button" onClick={() => { setAdding(true); }}>
          Add application…
        </button>
      )}
    </div>
  );
}
