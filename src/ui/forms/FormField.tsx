/**
 * A labelled control with its problem and its hint beside it: the problem is what the schema or HTTP.sys
 * would refuse, said as the person types (aria-invalid, and aria-describedby so a screen reader reads it).
 * Values are rendered as text by React, never as HTML.
 */
import { useId, type ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  problem: string | undefined;
  hint: string | undefined;
  children: ReactNode;
  inline?: boolean;
}

/** The ids a control's aria-describedby lists: its problem first, then its hint. */
export function describedBy(id: string, problem: string | undefined, hint: string | undefined, more?: string): string | undefined {
  const ids = [problem === undefined ? undefined : `${id}-problem`, hint === undefined ? undefined : `${id}-hint`, more].filter((x) => x !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function FieldFrame({ id, label, problem, hint, children, inline = false }: FieldFrameProps) {
  return (
    <div className={inline ? 'form-field form-field-inline' : 'form-field'}>
      {inline ? children : null}
      <label htmlFor={id}>{label}</label>
      {inline ? null : children}
      {problem === undefined ? null : <p id={`${id}-problem`} className="field-problem">{problem}</p>}
      {hint === undefined ? null : <p id={`${id}-hint`} className="field-hint">{hint}</p>}
    </div>
  );
}

interface TextFieldProps {
  /** The id of one more element that describes the control (where its value comes from). */
  describedByMore?: string | undefined;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  hint?: string | undefined;
  /** Called when the person leaves the field or presses Enter: where a value applies. */
  onCommit?: () => void;
  /** Escape: back to the value in force. */
  onRevert?: () => void;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField({ label, value, onChange, problem, hint, onCommit, onRevert, placeholder, inputMode, describedByMore }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} problem={problem} hint={hint}>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        inputMode={inputMode}
        placeholder={placeholder}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(id, problem, hint, describedByMore)}
        onChange={(event) => { onChange(event.target.value); }}
        onBlur={onCommit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && onCommit !== undefined) {
            event.preventDefault();
            onCommit();
          } else if (event.key === 'Escape' && onRevert !== undefined) onRevert();
        }}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps {
  /** The id of one more element that describes the control (where its value comes from). */
  describedByMore?: string | undefined;
  label: string;
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
  problem?: string | undefined;
  hint?: string | undefined;
}

export function SelectField({ label, value, options, onChange, problem, hint, describedByMore }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} problem={problem} hint={hint}>
      <select id={id} value={value} aria-invalid={problem !== undefined} aria-describedby={describedBy(id, problem, hint, describedByMore)} onChange={(event) => { onChange(event.target.value); }}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.text}</option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  /** The id of one more element that describes the control (where its value comes from). */
  describedByMore?: string | undefined;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  problem?: string | undefined;
  hint?: string | undefined;
}

export function CheckboxField({ label, checked, onChange, problem, hint, describedByMore }: CheckboxFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} problem={problem} hint={hint} inline>
      <input id={id} type="checkbox" checked={checked} aria-invalid={problem !== undefined} aria-describedby={describedBy(id, problem, hint, describedByMore)} onChange={(event) => { onChange(event.target.checked); }} />
    </FieldFrame>
  );
}

/** Options for a select of names (pools), keeping a current value that is not among them (a missing pool). */
export function nameOptions(names: readonly string[], current?: string): { value: string; text: string }[] {
  const options = names.map((n) => ({ value: n, text: n }));
  if (current !== undefined && !names.includes(current)) options.unshift({ value: current, text: `${current} (missing)` });
  return options;
}
