/**
 * One attribute of a feature at the chosen level: its effective value in a control that accepts only
 * what the schema accepts (the problem is said beside the field), where the value comes from, and its
 * lock. A change is one edit, labelled in IIS's words ("Turn anonymousAuthentication off at Default Web Site/private").
 */
import { memo, useId, useState, type KeyboardEvent } from 'react';
import { formatField, parseField, setSettingAttributes, type Field } from '../../config/index.ts';
import { leafName, valueLabel } from './labels.ts';
import type { AttributeForm } from './featureGroups.ts';
import { OriginNote } from './OriginNote.tsx';
import { useSettings } from './settingsModel.ts';

interface Props {
  section: string;
  form: AttributeForm;
}

export const FieldRow = memo(function FieldRow({ section, form }: Props) {
  const model = useSettings();
  const id = useId();
  const { settings, levelName } = model;
  const path = form.sub === '' ? section : `${section}/${form.sub}`;
  const effective = typeof settings === 'string' ? undefined : settings.value(path, form.attribute);
  const parsed = effective?.value === undefined ? undefined : parseField(form.field, effective.value);
  const current: Field['default'] = parsed?.ok === true ? parsed.value : form.field.default;
  const text = effective?.value ?? formatField(form.field, form.field.default);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // A value in the file that the schema rejects: IIS reports it (500.19); the engine uses the default.
  const fileProblem = parsed?.ok === false ? `${form.attribute}="${effective?.value ?? ''}" in ${effective?.origin.label ?? 'the file'} is not valid: expected ${parsed.expected}.` : undefined;
  const lock = model.placementOf(section) === 'webConfig' && typeof settings !== 'string' ? settings.attributeLock(path, form.attribute) : undefined;

  const write = (value: Field['default']): void => {
    const edit = setSettingAttributes(model.model, model.level, model.placementOf(section), section, form.sub, { [form.attribute]: formatField(form.field, value) });
    if (lock !== undefined && !window.confirm(`${form.attribute} is locked (lockAttributes) in ${lock.label}: IIS answers 500.19 if a web.config sets it. Write it anyway?`)) return;
    const result = model.run(edit, valueLabel(section, form.sub, form.attribute, form.field, value, levelName), section);
    setProblem(result);
  };

  const commit = (): void => {
    if (draft === undefined) return;
    const checked = parseField(form.field, draft);
    if (!checked.ok) {
      setProblem(`Expected ${checked.expected}.`);
      return;
    }
    setDraft(undefined);
    if (draft !== text) write(checked.value);
    else setProblem(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') {
      setDraft(undefined);
      setProblem(undefined);
    }
  };

  const describedBy = [problem === undefined ? undefined : `${id}-problem`, `${id}-origin`].filter((x) => x !== undefined).join(' ');
  const { field } = form;
  let control;
  if (field.kind === 'bool') {
    control = (
      <label className="setting-check">
        <input type="checkbox" checked={current === true} aria-describedby={describedBy} onChange={(e) => { write(e.target.checked); }} />
        {form.label}
      </label>
    );
  } else if (field.kind === 'enum') {
    control = (
      <div className="setting-text">
        <label htmlFor={`${id}-control`}>{form.label}</label>
        <select id={`${id}-control`} value={String(current)} aria-describedby={describedBy} onChange={(e) => { write(e.target.value); }}>
          {field.values.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </div>
    );
  } else if (field.kind === 'flags') {
    const list = Array.isArray(current) ? (current as readonly string[]) : [];
    control = (
      <fieldset className="setting-flags" aria-describedby={describedBy}>
        <legend>{form.label}</legend>
        {field.values.filter((v) => v !== 'None').map((v) => (
          <label key={v} className="setting-check">
            <input type="checkbox" checked={list.includes(v)} onChange={(e) => { write(e.target.checked ? [...list, v] : list.filter((x) => x !== v)); }} />
            {v}
          </label>
        ))}
      </fieldset>
    );
  } else {
    control = (
      <div className="setting-text">
        <label htmlFor={`${id}-control`}>{form.label}</label>
        <input
          id={`${id}-control`}
          type="text"
          value={draft ?? text}
          spellCheck={false}
          autoComplete="off"
          inputMode={field.kind === 'uint' || field.kind === 'int' ? 'numeric' : 'text'}
          aria-invalid={problem === undefined ? undefined : true}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            const checked = parseField(field, e.target.value);
            setProblem(checked.ok ? undefined : `Expected ${checked.expected}.`);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      </div>
    );
  }
  return (
    <div className="setting-row">
      {control}
      <div id={`${id}-origin`} className="setting-meta">
        {effective === undefined ? null : <OriginNote origin={effective.origin} what={`${leafName(section, form.sub)} ${form.attribute}`} />}
        {lock === undefined ? null : <span className="setting-locked" title={`lockAttributes in ${lock.label}`}>Locked</span>}
      </div>
      {form.hint === undefined ? null : <p className="setting-hint">{form.hint}</p>}
      {problem === undefined ? null : <p id={`${id}-problem`} className="setting-problem" role="alert">{problem}</p>}
      {fileProblem === undefined || problem !== undefined ? null : <p className="setting-problem">{fileProblem}</p>}
    </div>
  );
});
