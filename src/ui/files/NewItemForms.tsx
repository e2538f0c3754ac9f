/**
 * Adding to a folder: a file (name and text), or a folder with its first file. The workspace keeps
 * files, not folders (as a site's content is deployed: a folder is there because a file is in it), so
 * a new folder is made with its first file rather than left empty and silently lost.
 */
import { useState, type SyntheticEvent } from 'react';
import { checkName, checkNewName } from './fileNames.ts';
import { addFile, type LabelledEdit } from './fileEdits.ts';
import { joinRelative, type PhysicalRoot } from './fileTree.ts';
import { NameField } from './NameField.tsx';

interface FormProps {
  root: PhysicalRoot;
  /** The folder added to, relative to the physical path ('' for the path itself). */
  folder: string;
  /** The names already in the folder, files and folders. */
  siblings: readonly string[];
  onEdit: (change: LabelledEdit) => string | undefined;
  /** Called with the new file's relative path once it is added. */
  onAdded: (path: string) => void;
}

/** The problem to show for a field: its rule once something is typed, or after a submit attempt. */
const shown = (value: string, attempted: boolean, problem: string | undefined): string | undefined => (value === '' && !attempted ? undefined : problem);

export function NewFileForm({ root, folder, siblings, onEdit, onAdded }: FormProps) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = checkNewName(name, siblings);
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setAttempted(true);
    if (problem !== undefined) return;
    const result = onEdit(addFile(root, folder, name, text));
    setFailure(result);
    if (result !== undefined) return;
    onAdded(joinRelative(folder, name));
    setName('');
    setText('');
    setAttempted(false);
  };
  return (
    <form className="files-form" aria-label="New file" onSubmit={onSubmit}>
      <h4>New file</h4>
      <NameField label="Name" value={name} placeholder="hello.htm" problem={shown(name, attempted, problem) ?? failure} onChange={(v) => { setName(v); setFailure(undefined); }} />
      <label>
        Text
        <textarea rows={3} value={text} spellCheck={false} onChange={(event) => { setText(event.target.value); }} />
      </label>
      <button type="submit">Add file</button>
    </form>
  );
}

export function NewFolderForm({ root, folder, siblings, onEdit, onAdded }: FormProps) {
  const [name, setName] = useState('');
  const [first, setFirst] = useState('default.htm');
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = checkNewName(name, siblings);
  const firstProblem = checkName(first);
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setAttempted(true);
    if (problem !== undefined || firstProblem !== undefined) return;
    const result = onEdit({ ...addFile(root, joinRelative(folder, name), first, text), label: `Add folder ${joinRelative(folder, name)} with ${first} to ${root.physicalPath}` });
    setFailure(result);
    if (result !== undefined) return;
    onAdded(joinRelative(joinRelative(folder, name), first));
    setName('');
    setText('');
    setAttempted(false);
  };
  return (
    <form className="files-form" aria-label="New folder" onSubmit={onSubmit}>
      <h4>New folder</h4>
      <NameField label="Folder name" value={name} placeholder="shop" problem={shown(name, attempted, problem) ?? failure} onChange={(v) => { setName(v); setFailure(undefined); }} />
      <NameField label="First file" value={first} problem={shown(first, attempted, firstProblem)} onChange={setFirst} />
      <label>
        Its text
        <textarea rows={2} value={text} spellCheck={false} onChange={(event) => { setText(event.target.value); }} />
      </label>
      <p className="hint">A folder is kept because a file is in it: give its first file. default.htm is in IIS's default document list out of the box, so the folder's URL serves it.</p>
      <button type="submit">Add folder</button>
    </form>
  );
}
