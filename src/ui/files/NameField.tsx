/** A name input that says beside it why Windows would refuse the name, as it is typed. */
import { useId } from 'react';

export function NameField({ label, value, problem, onChange, placeholder }: { label: string; value: string; problem: string | undefined; onChange: (value: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="files-field">
      <label>
        {label}
        <input
          type="text"
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : id}
          onChange={(event) => { onChange(event.target.value); }}
        />
      </label>
      {problem !== undefined && (
        <span id={id} className="problem files-field-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
