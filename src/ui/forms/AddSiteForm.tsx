/**
 * IIS Manager's Add Website dialog: site name, application pool (by default a new pool named after the
 * site, as IIS Manager makes one), physical path, one binding (checked as HTTP.sys takes it), and
 * "Start site immediately" (serverAutoStart).
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { checkPoolName, checkSiteName, type ApplicationHostConfig } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { BINDING_PROTOCOLS, checkBindingDraft, newBindingDraft, usesEndpoint, withProtocol, type BindingField } from './bindingDraft.ts';
import { NEW_POOL, addSiteEdit } from './addSiteEdit.ts';
import { CheckboxField, SelectField, TextField } from './FormField.tsx';
import { serverSelection } from './serverSelection.ts';
import { useConfigEdit } from './useConfigEdit.ts';
import { useFolderNote } from './useFolderNote.ts';

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;
export function AddSiteForm({ onDone }: { onDone: () => void }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [name, setName] = useState('');
  const [pool, setPool] = useState(NEW_POOL);
  const [physicalPath, setPhysicalPath] = useState('');
  const [binding, setBinding] = useState(newBindingDraft());
  const [start, setStart] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const [touched, setTouched] = useState(false);
  const poolOptions = useMemo(() => [{ value: NEW_POOL, text: 'New pool named after the site' }, ...model.applicationPools.pools.map((p) => ({ value: p.name, text: p.name }))], [model]);

  const nameProblem = name === '' && !touched ? undefined : checkSiteName(model, name.trim());
  const poolProblem = pool === NEW_POOL && name.trim() !== '' ? checkPoolName(model, name.trim()) : undefined;
  const pathProblem = physicalPath.trim() === '' && touched ? 'A site needs a physical path.' : undefined;
  const bindingProblem = checkBindingDraft(model, binding);
  const at = (field: BindingField): string | undefined => (bindingProblem?.field === field ? bindingProblem.message : undefined);
  const edit = addSiteEdit(model, name, pool, physicalPath, binding, start);
  const changed = (): void => { setFailure(undefined); };
  const folderNote = useFolderNote(physicalPath);

  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setTouched(true);
    const message = run(edit, `Add site ${name.trim()}`);
    setFailure(message);
    if (message === undefined) {
      serverSelection.getState().selectSite(name.trim());
      onDone();
    }
  };

  return (
    <form className="server-form add-form" aria-label="Add site" onSubmit={onSubmit} noValidate>
      <h3>Add site</h3>
      <TextField label="Site name" value={name} onChange={(v) => { setName(v); changed(); }} onCommit={() => { setTouched(true); }} problem={nameProblem} />
      <SelectField label="Application pool" value={pool} options={poolOptions} onChange={(v) => { setPool(v); changed(); }} problem={poolProblem} />
      <TextField label="Physical path" value={physicalPath} onChange={(v) => { setPhysicalPath(v); changed(); }} onCommit={() => { setTouched(true); }} problem={pathProblem} hint={folderNote} placeholder="C:\inetpub\shop" />
      <fieldset className="form-grid">
        <legend>Binding</legend>
        <SelectField label="Type" value={binding.protocol} options={BINDING_PROTOCOLS.map((p) => ({ value: p, text: p }))} onChange={(p) => { setBinding(withProtocol(binding, p)); changed(); }} />
        {usesEndpoint(binding.protocol) ? (
          <>
            <TextField label="IP address" value={binding.ipAddress} onChange={(v) => { setBinding({ ...binding, ipAddress: v }); changed(); }} problem={at('ipAddress')} />
            <TextField label="Port" value={binding.port} inputMode="numeric" onChange={(v) => { setBinding({ ...binding, port: v }); changed(); }} problem={at('port')} />
            <TextField label="Host name" value={binding.hostName} onChange={(v) => { setBinding({ ...binding, hostName: v }); changed(); }} problem={at('hostName')} placeholder="any host" />
          </>
        ) : (
          <TextField label="Binding information" value={binding.information} onChange={(v) => { setBinding({ ...binding, information: v }); changed(); }} problem={at('information')} />
        )}
      </fieldset>
      {at('binding') === undefined && at('sni') === undefined ? null : <p className="field-problem" role="status">{at('binding') ?? at('sni')}</p>}
      <CheckboxField label="Start site immediately" checked={start} onChange={(v) => { setStart(v); changed(); }} />
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={typeof edit === 'string'}>
          Add site
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
