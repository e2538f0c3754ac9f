/**
 * The NTFS facts of a file that IIS acts on: the hidden attribute (the static file handler will not
 * serve a hidden file: 404.9) and the ACL (a request whose user may not read the file: 401.3). Each
 * change is one edit. Source: KB 943891, "The HTTP status code in IIS" (401.3, 404.9; iis-facts.md 4).
 */
import { useId, useState } from 'react';
import { parseReaders } from './fileEdits.ts';

export function NtfsAttributes({ hidden, readers, onHidden, onReaders }: { hidden: boolean; readers: readonly string[] | undefined; onHidden: (hidden: boolean) => void; onReaders: (readers: readonly string[] | undefined) => void }) {
  const hintId = useId();
  const written = readers?.join('\n') ?? '';
  const [restricted, setRestricted] = useState(readers !== undefined);
  const [draft, setDraft] = useState(written);
  const [base, setBase] = useState(written);
  // The workspace changed under the form (Undo, another edit): follow it.
  if (written !== base) {
    setBase(written);
    setDraft(written);
    setRestricted(readers !== undefined);
  }
  const parsed = parseReaders(draft);
  const changed = restricted ? readers === undefined || parsed.join('\n') !== written : readers !== undefined;
  const problem = restricted && parsed.length === 0 ? 'Name at least one account or group (IUSR, Users, Administrators…): an ACL that lets no one read the file gives everyone 401.3.' : undefined;
  return (
    <fieldset className="files-ntfs">
      <legend>NTFS</legend>
      <label className="files-check">
        <input type="checkbox" checked={hidden} onChange={(event) => { onHidden(event.target.checked); }} />
        Hidden attribute <span className="hint">(IIS does not serve a hidden file: 404.9)</span>
      </label>
      <div role="radiogroup" aria-label="Who may read it" aria-describedby={hintId} className="files-acl">
        <label className="files-check">
          <input type="radio" name={`${hintId}-acl`} checked={!restricted} onChange={() => { setRestricted(false); }} />
          Everyone may read it
        </label>
        <label className="files-check">
          <input type="radio" name={`${hintId}-acl`} checked={restricted} onChange={() => { setRestricted(true); }} />
          Only these accounts and groups (its ACL)
        </label>
      </div>
      {restricted && (
        <label>
          Readers
          <textarea rows={2} value={draft} spellCheck={false} placeholder={'IUSR\nAdministrators'} aria-invalid={problem !== undefined} onChange={(event) => { setDraft(event.target.value); }} />
        </label>
      )}
      {problem !== undefined && <span className="problem">{problem}</span>}
      <p id={hintId} className="hint">
        {"An anonymous request reads as IUSR, or as IIS AppPool\\<pool> when anonymous authentication's userName is empty; a user the ACL does not name gets 401.3."}
      </p>
      <button type="button" disabled={!changed || problem !== undefined} onClick={() => { onReaders(restricted ? parsed : undefined); }}>
        Apply readers
      </button>
    </fieldset>
  );
}
