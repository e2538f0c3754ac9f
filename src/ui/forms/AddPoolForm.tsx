/**
 * IIS Manager's Add Application Pool dialog: name, .NET CLR version, managed pipeline mode, and "Start
 * application pool immediately" (autoStart). Only what differs from applicationPoolDefaults is written.
 */
import { useState, type SyntheticEvent } from 'react';
import { addApplicationPool, checkPoolName, type ApplicationHostConfig } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { CheckboxField, SelectField, TextField } from './FormField.tsx';
import { RUNTIME_VERSIONS } from './poolSettings.ts';
import { serverSelection } from './serverSelection.ts';
import { useConfigEdit } from './useConfigEdit.ts';

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;
const PIPELINE_MODES = [
  { value: 'Integrated', text: 'Integrated' },
  { value: 'Classic', text: 'Classic' },
];

export function AddPoolForm({ onDone }: { onDone: () => void }) {
  const model = useWorkspaceState(selectModel);
  const run = useConfigEdit();
  const defaults = model.applicationPools.applicationPoolDefaults;
  const [name, setName] = useState('');
  const [runtime, setRuntime] = useState('v4.0');
  const [pipeline, setPipeline] = useState<string>('Integrated');
  const [start, setStart] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = name === '' ? undefined : checkPoolName(model, name);

  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const attributes: Record<string, string> = {};
    if (runtime !== defaults.managedRuntimeVersion) attributes.managedRuntimeVersion = runtime;
    if (pipeline !== defaults.managedPipelineMode) attributes.managedPipelineMode = pipeline;
    if (start !== defaults.autoStart) attributes.autoStart = start ? 'true' : 'false';
    const message = run(addApplicationPool(model, name, attributes), `Add application pool ${name}`);
    setFailure(message);
    if (message === undefined) {
      serverSelection.getState().selectPool(name);
      onDone();
    }
  };

  return (
    <form className="server-form add-form" aria-label="Add application pool" onSubmit={onSubmit} noValidate>
      <h3>Add application pool</h3>
      <TextField label="Name" value={name} onChange={(v) => { setName(v); setFailure(undefined); }} problem={problem} />
      <SelectField label="managedRuntimeVersion" value={runtime} options={RUNTIME_VERSIONS} onChange={setRuntime} hint=".NET CLR version" />
      <SelectField label="managedPipelineMode" value={pipeline} options={PIPELINE_MODES} onChange={setPipeline} />
      <CheckboxField label="Start application pool immediately" checked={start} onChange={setStart} />
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={name === '' || problem !== undefined}>
          Add application pool
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
