/**
 * One application pool setting, drawn by its schema type: a checkbox (bool), a select (enum, .NET CLR
 * version) or a text field (numbers, time spans) that applies when the person leaves it or presses Enter,
 * not at each keystroke, and refuses what the schema refuses, saying why beside it.
 */
import { useId, useState } from 'react';
import { setPoolAttributes, type ApplicationPool } from '../../config/index.ts';
import { CheckboxField, SelectField, TextField } from './FormField.tsx';
import type { PoolSettingOrigin } from './poolOrigins.ts';
import { changePoolSetting, checkSettingText, settingText, type PoolSetting } from './poolSettings.ts';
import { useConfigEdit } from './useConfigEdit.ts';

interface PoolSettingFieldProps {
  pool: ApplicationPool;
  setting: PoolSetting;
}

const ORIGIN_TEXT: Readonly<Record<PoolSettingOrigin, string>> = {
  pool: 'Set on this pool.',
  applicationPoolDefaults: 'From applicationPoolDefaults.',
  schema: 'IIS default.',
};

/** Where the value comes from; a value set on the pool can be reset to what it inherits. */
function OriginLine({ pool, setting, origin, id }: PoolSettingFieldProps & { origin: PoolSettingOrigin; id: string }) {
  const run = useConfigEdit();
  const [failure, setFailure] = useState<string | undefined>();
  return (
    <p className={`field-origin field-origin-${origin}`}>
      <span id={id}>{ORIGIN_TEXT[origin]}</span>
      {origin === 'pool' ? (
        <button
          type="button"
          className="link-button"
          aria-label={`Reset ${setting.label} of ${pool.name} to the inherited value`}
          onClick={() => { setFailure(run(setPoolAttributes(pool.name, { [setting.attribute]: null }, setting.element), `Reset ${setting.label} of ${pool.name} to the inherited value`)); }}
        >
          Reset
        </button>
      ) : null}
      {failure === undefined ? null : <span className="field-problem"> {failure}</span>}
    </p>
  );
}

/** A typed value with its draft: the draft resets when the value in force changes (an undo, another form). */
function TypedSetting({ setting, current, apply, originId }: Omit<PoolSettingFieldProps, 'pool'> & { current: string; apply: (text: string) => string | undefined; originId: string }) {
  const [draft, setDraft] = useState(current);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = checkSettingText(setting, draft) ?? failure;
  const commit = (): void => {
    if (draft === current || checkSettingText(setting, draft) !== undefined) return;
    setFailure(apply(draft));
  };
  const placeholder = setting.field.kind === 'timeSpan' ? 'hh:mm:ss' : undefined;
  return (
    <TextField
      label={setting.label}
      value={draft}
      inputMode={setting.field.kind === 'timeSpan' ? 'text' : 'numeric'}
      onChange={(v) => { setDraft(v); setFailure(undefined); }}
      onCommit={commit}
      onRevert={() => { setDraft(current); setFailure(undefined); }}
      problem={problem}
      hint={setting.help}
      describedByMore={originId}
      {...(placeholder === undefined ? {} : { placeholder })}
    />
  );
}

export function PoolSettingField({ pool, setting, origin }: PoolSettingFieldProps & { origin: PoolSettingOrigin }) {
  const originId = useId();
  return (
    <div className="pool-setting">
      <SettingControl pool={pool} setting={setting} originId={originId} />
      <OriginLine pool={pool} setting={setting} origin={origin} id={originId} />
    </div>
  );
}

function SettingControl({ pool, setting, originId }: PoolSettingFieldProps & { originId: string }) {
  const run = useConfigEdit();
  const [failure, setFailure] = useState<string | undefined>();
  const current = settingText(setting, setting.read(pool));
  const apply = (text: string): string | undefined => {
    const change = changePoolSetting(pool, setting, text);
    if (change.kind === 'unchanged') return undefined;
    if (change.kind === 'problem') return change.message;
    return run(change.edit, change.label);
  };
  const field = setting.field;
  if (field.kind === 'bool') {
    return <CheckboxField label={setting.label} checked={current === 'true'} onChange={(v) => { setFailure(apply(v ? 'true' : 'false')); }} problem={failure} hint={setting.help} describedByMore={originId} />;
  }
  if (field.kind === 'enum' || setting.choices !== undefined) {
    const choices = setting.choices ?? (field.kind === 'enum' ? field.values.map((v) => ({ value: v, text: v })) : []);
    // A value the configuration holds that is not among the choices (managedRuntimeVersion="v1.1") stays shown.
    const options = choices.some((c) => c.value === current) ? choices : [{ value: current, text: current }, ...choices];
    return <SelectField label={setting.label} value={current} options={options} onChange={(v) => { setFailure(apply(v)); }} problem={failure} hint={setting.help} describedByMore={originId} />;
  }
  return <TypedSetting key={`${pool.name}|${current}`} setting={setting} current={current} apply={apply} originId={originId} />;
}
