/** Renames a file or folder in place; the name is checked against Windows' rules and its siblings. */
import { useState, type SyntheticEvent } from 'react';
import { checkNewName } from './fileNames.ts';
import { NameField } from './NameField.tsx';

export function RenameForm({ kind, current, siblings, onRename }: { kind: 'file' | 'folder'; current: string; siblings: readonly string[]; onRename: (name: string) => string | undefined }) {
  const [name, setName] = useState(current);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = checkNewName(name, siblings, current) ?? failure;
  const unchanged = name === current;
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (problem !== undefined || unchanged) return;
    setFailure(onRename(name));
  };
  return (
    <form className="files-form files-inline" aria-label={`Rename ${kind}`} onSubmit={onSubmit}>
      <NameField
        label={kind === 'file' ? 'File name' : 'Folder name'}
        value={name}
        problem={problem}
        onChange={(value) => {
          setName(value);
          setFailure(undefined);
        }}
      />
      <button type="submit" disabled={unchanged || problem !== undefined}>
        Rename
      </button>
    </form>
  );
}
