/**
 * A plain file's text. Typing changes a draft; "Save text" makes it one edit (one Undo step), as saving
 * a file on the server is one change. When the workspace's text changes under it (Undo, an import),
 * the draft follows unless the person has unsaved typing.
 */
import { useState } from 'react';

export function FileTextEditor({ text, onSave }: { text: string; onSave: (text: string) => void }) {
  const [base, setBase] = useState(text);
  const [draft, setDraft] = useState(text);
  if (text !== base) {
    setBase(text);
    if (draft === base) setDraft(text);
  }
  const dirty = draft !== text;
  return (
    <div className="files-text">
      <label>
        Text
        <textarea value={draft} rows={6} spellCheck={false} onChange={(event) => { setDraft(event.target.value); }} />
      </label>
      <div className="row">
        <button type="button" disabled={!dirty} onClick={() => { onSave(draft); }}>
          Save text
        </button>
        <button type="button" disabled={!dirty} onClick={() => { setDraft(text); }}>
          Revert
        </button>
        {dirty && <span className="hint">Not saved: the server still has the text before your changes.</span>}
      </div>
    </div>
  );
}
