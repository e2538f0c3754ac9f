/**
 * A remove button that asks first, in place: the question names what goes (a folder says how many
 * files), and the answer buttons take the focus so a keyboard user answers at once.
 */
import { useState } from 'react';

export function ConfirmRemove({ what, question, onRemove }: { what: string; question: string; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="files-danger" onClick={() => { setAsking(true); }}>
        Remove {what}…
      </button>
    );
  }
  return (
    <div className="files-confirm" role="group" aria-label={`Confirm removing ${what}`}>
      <p>{question} Undo brings it back.</p>
      <button
        type="button"
        className="files-danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onRemove();
        }}
      >
        Remove
      </button>
      <button type="button" onClick={() => { setAsking(false); }}>
        Cancel
      </button>
    </div>
  );
}
