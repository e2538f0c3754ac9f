/**
 * Add or edit one site binding as IIS Manager's Site Binding dialog does: Type, IP address, Port and Host
 * name (or the binding information of a non-HTTP protocol), and for https "Require Server Name
 * Indication". Checked with HTTP.sys's rules as the person types; the button stays disabled while the
 * binding would be refused, and the reason is shown beside the field it comes from.
 */
import { useState, type SyntheticEvent } from 'react';
import { addBinding, editBinding, type ApplicationHostConfig } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import {
  BINDING_PROTOCOLS,
  bindingInformationOf,
  checkBindingDraft,
  describeBinding,
  sslFlagsOf,
  usesEndpoint,
  withProtocol,
  type BindingDraft,
  type BindingField,
} from './bindingDraft.ts';
import { CheckboxField, SelectField, TextField } from './FormField.tsx';
import { useConfigEdit } from './useConfigEdit.ts';

interface BindingFormProps {
  site: string;
  initial: BindingDraft;
  /** The binding being edited (its index among the site's bindings); absent: a new binding. */
  index?: number;
  onDone: () => void;
}

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;

export function BindingForm({ site, initial, index, onDone }: BindingFormProps) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const [draft, setDraft] = useState(initial);
  const [failure, setFailure] = useState<string | undefined>();
  const except = index === undefined ? undefined : { site, index };
  const problem = checkBindingDraft(model, draft, except);
  const at = (field: BindingField): string | undefined => (problem?.field === field ? problem.message : undefined);
  const update = (change: Partial<BindingDraft>): void => {
    setDraft({ ...draft, ...change });
    setFailure(undefined);
  };
  const protocols = BINDING_PROTOCOLS.includes(draft.protocol as (typeof BINDING_PROTOCOLS)[number]) ? BINDING_PROTOCOLS : [draft.protocol, ...BINDING_PROTOCOLS];
  const adding = index === undefined;

  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (problem !== undefined) return;
    const information = bindingInformationOf(draft);
    const flags = sslFlagsOf(draft);
    const text = describeBinding({ protocol: draft.protocol, bindingInformation: information, sslFlags: flags });
    const message = adding
      ? run(addBinding(model, site, draft.protocol, information, flags), `Add binding ${text} to ${site}`)
      : run(editBinding(model, site, index, draft.protocol, information, flags), `Edit binding ${String(index + 1)} of ${site} to ${text}`);
    if (message === undefined) onDone();
    else setFailure(message);
  };

  return (
    <form className="binding-form" aria-label={adding ? 'Add binding' : `Edit binding ${String(index + 1)}`} onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <SelectField label="Type" value={draft.protocol} options={protocols.map((p) => ({ value: p, text: p }))} onChange={(p) => { setDraft(withProtocol(draft, p)); setFailure(undefined); }} problem={at('protocol')} />
        {usesEndpoint(draft.protocol) ? (
          <>
            <TextField label="IP address" value={draft.ipAddress} onChange={(v) => { update({ ipAddress: v }); }} problem={at('ipAddress')} hint="* is All Unassigned" />
            <TextField label="Port" value={draft.port} inputMode="numeric" onChange={(v) => { update({ port: v }); }} problem={at('port')} />
            <TextField label="Host name" value={draft.hostName} onChange={(v) => { update({ hostName: v }); }} problem={at('hostName')} placeholder="any host" />
          </>
        ) : (
          <TextField label="Binding information" value={draft.information} onChange={(v) => { update({ information: v }); }} problem={at('information')} hint={draft.protocol === 'net.tcp' ? 'port:host, for example 808:*' : 'a host name, or *'} />
        )}
      </div>
      {draft.protocol.toLowerCase() === 'https' ? (
        <CheckboxField label="Require Server Name Indication" checked={draft.sni} onChange={(v) => { update({ sni: v }); }} problem={at('sni')} hint="sslFlags 1: the certificate is chosen by host name" />
      ) : null}
      {at('binding') === undefined ? null : <p className="field-problem" role="status">{at('binding')}</p>}
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={problem !== undefined}>
          {adding ? 'Add binding' : 'Save binding'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
