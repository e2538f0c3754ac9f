/**
 * The form of one collection entry (a default document, a module, a handler mapping...), for adding
 * one or changing one. Every field is checked against its schema spec as the person types.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { formatField, parseField } from '../../config/index.ts';
import type { CollectionForm } from './featureGroups.ts';

interface Props {
  form: CollectionForm;
  /** The attributes of the entry being changed; undefined to add one. */
  initial: Readonly<Record<string, string>> | undefined;
  keys: readonly string[];
  /** Key values already in the list (lower case, joined), to refuse a duplicate as IIS would (500.19). */
  taken: ReadonlySet<string>;
  submitLabel: string;
  onSubmit: (attributes: Record<string, string>) => string | undefined;
  onCancel: () => void;
}

export const keyText = (attributes: Readonly<Record<string, string>>, keys: readonly string[]): string => keys.map((k) => (attributes[k] ?? '').toLowerCase()).join('\u0000');

export function EntryForm({ form, initial, keys, taken, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(form.fields.map(({ attribute, field }) => [attribute, initial?.[attribute] ?? (field.kind === 'string' ? '' : formatField(field, field.default))])),
  );
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const problems = new Map<string, string>();
  for (const { attribute, field } of form.fields) {
    const text = values[attribute] ?? '';
    const checked = parseField(field, text);
    if (!checked.ok) problems.set(attribute, `Expected ${checked.expected}.`);
  }
  if (!keys.some((k) => (values[k] ?? '').trim() !== '')) problems.set(keys[0] ?? '', 'Required.');
  const key = keyText(values, keys);
  const duplicate = taken.has(key) && (initial === undefined || keyText(initial, keys) !== key);

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (problems.size > 0 || duplicate) return;
    const attributes: Record<string, string> = {};
    for (const { attribute } of form.fields) {
      const text = (values[attribute] ?? '').trim();
      // An empty text is left out: the attribute keeps its schema default (an empty key is the same as none).
      if (text !== '') attributes[attribute] = text;
    }
    setProblem(onSubmit(attributes));
  };

  return (
    <form className="entry-form" onSubmit={submit} aria-label={`${submitLabel} ${form.noun}`}>
      {form.fields.map(({ attribute, label, field }) => {
        const fieldId = `${id}-${attribute}`;
        const fieldProblem = problems.get(attribute);
        const value = values[attribute] ?? '';
        const set = (v: string): void => { setValues((old) => ({ ...old, [attribute]: v })); };
        if (field.kind === 'bool') {
          return (
            <label key={attribute} className="setting-check">
              <input type="checkbox" checked={value.toLowerCase() === 'true'} onChange={(e) => { set(e.target.checked ? 'true' : 'false'); }} />
              {label}
            </label>
          );
        }
        if (field.kind === 'enum') {
          return (
            <div key={attribute} className="setting-text">
              <label htmlFor={fieldId}>{label}</label>
              <select id={fieldId} value={value} onChange={(e) => { set(e.target.value); }}>
                {field.values.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            </div>
          );
        }
        return (
          <div key={attribute} className="setting-text">
            <label htmlFor={fieldId}>{label}</label>
            <input
              id={fieldId}
              type="text"
              value={value}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={fieldProblem === undefined ? undefined : true}
              aria-describedby={fieldProblem === undefined ? undefined : `${fieldId}-problem`}
              onChange={(e) => { set(e.target.value); }}
            />
            {fieldProblem === undefined ? null : <p id={`${fieldId}-problem`} className="setting-problem">{fieldProblem}</p>}
          </div>
        );
      })}
      {duplicate ? <p className="setting-problem">This list already has that entry: IIS would answer 500.19 (a duplicate collection entry).</p> : null}
      {problem === undefined ? null : <p className="setting-problem" role="alert">{problem}</p>}
      <div className="entry-form-actions">
        <button type="submit" disabled={problems.size > 0 || duplicate}>{submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
