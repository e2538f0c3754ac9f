/**
 * One application pool setting, drawn by its schema type: a checkbox (bool), a select (enum, .NET CLR
 * version) or a text field (numbers, time spans) that applies when the person leaves it or presses Enter,
 * not at each keystroke, and refuses what the schema refuses, saying why beside it.
 */
import { useState } from 'react';
import type { ApplicationPool } from '../../config/index.ts';
import { CheckboxField, SelectField, TextField } from './FormField.tsx';
import { changePoolSetting, checkSettingText, settingText, type PoolSetting } from './poolSettings.ts';
import { useConfigEdit } from './useConfigEdit.ts';

interface PoolSettingFieldProps {
  pool: ApplicationPool;
  setting: PoolSetting;
}

/** A typed value with its draft: the draft resets when the value in force changes (an undo, another form). */
function TypedSetting({ setting, current, apply }: Omit<PoolSettingFieldProps, 'pool'> & { current: string; apply: (text: string) => string | undefined }) {
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
      {...(placeholder === undefined ? {} : { placeholder })}
    />
  );
}

export function PoolSettingField({ pool, setting }: PoolSettingFieldProps) {
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
    return <CheckboxField label={setting.label} checked={current === 'true'} onChange={(v) => { setFailure(apply(v ? 'true' : 'false')); }} problem={failure} hint={setting.help} />;
  }
  if (field.kind === 'enum' || setting.choices !== undefined) {
    const choices = setting.choices ?? (field.kind === 'enum' ? field.values.map((v) => ({ value: v, text: v })) : []);
    // A value the configuration holds that is not among the choices (managedRuntimeVersion="v1.1") stays shown.
    const options = choices.some((c) => c.value === current) ? choices : [{ value: current, text: current }, ...choices];
    return <SelectField label={setting.label} value={current} options={options} onChange={(v) => { setFailure(apply(v)); }} problem={failure} hint={setting.help} />;
  }
  return <TypedSetting key={`${pool.name}|${current}`} setting={setting} current={current} apply={apply} />;
}
