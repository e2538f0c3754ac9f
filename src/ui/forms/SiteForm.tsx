/**
 * The selected site: its state (Start and Stop write serverAutoStart, as IIS Manager does; a stopped
 * site's bindings leave HTTP.sys's URL groups), its name, its bindings, its applications and virtual
 * directories, and its removal (asked first).
 */
import { useState } from 'react';
import { checkSiteName, removeSite, renameSite, setSiteAttributes, type ApplicationHostConfig, type Site } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { ApplicationsEditor } from './ApplicationsEditor.tsx';
import { BindingsTable } from './BindingsTable.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { TextField } from './FormField.tsx';
import { serverSelection } from './serverSelection.ts';
import { useConfigEdit } from './useConfigEdit.ts';

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;

function RenameField({ site }: { site: Site }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [name, setName] = useState<string>(site.name);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = name === site.name ? undefined : checkSiteName(model, name, site.name);
  const rename = (): void => {
    if (name === site.name || problem !== undefined) return;
    const message = run(renameSite(model, site.name, name), `Rename site ${site.name} to ${name}`);
    setFailure(message);
    if (message === undefined) serverSelection.getState().selectSite(name);
  };
  return (
    <form
      className="inline-form rename-form"
      aria-label={`Rename site ${site.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        rename();
      }}
    >
      <TextField label="Site name" value={name} onChange={(v) => { setName(v); setFailure(undefined); }} onRevert={() => { setName(site.name); }} problem={problem ?? failure} />
      <button type="submit" disabled={name === site.name || problem !== undefined}>
        Rename
      </button>
    </form>
  );
}

export function SiteForm({ site }: { site: Site }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [failure, setFailure] = useState<string | undefined>();
  const started = site.serverAutoStart;
  const titleId = 'server-site-title';
  return (
    <section className="server-form" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="form-kind">Site</span> {site.name}
      </h3>
      <p className="state-line">
        <span className={started ? 'state state-started' : 'state state-stopped'}>{started ? 'Started' : 'Stopped'}</span>
        <span className="hint">
          id {site.id} · serverAutoStart=&quot;{started ? 'true' : 'false'}&quot;
        </span>
      </p>
      <div className="form-actions">
        <button
          type="button"
          onClick={() => { setFailure(run(setSiteAttributes(site.name, { serverAutoStart: started ? 'false' : 'true' }), `${started ? 'Stop' : 'Start'} site ${site.name}`)); }}
        >
          {started ? 'Stop site' : 'Start site'}
        </button>
        <ConfirmButton
          label="Remove site"
          question={`Remove the site ${site.name} and its <location> settings?`}
          onConfirm={() => {
            const message = run(removeSite(model, site.name), `Remove site ${site.name}`);
            setFailure(message);
            if (message === undefined) serverSelection.getState().selectSite(undefined);
          }}
        />
      </div>
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <RenameField key={site.name} site={site} />
      <BindingsTable site={site} />
      <ApplicationsEditor site={site} />
    </section>
  );
}
