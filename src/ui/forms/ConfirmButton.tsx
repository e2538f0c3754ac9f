/**
 * A button whose action asks first, in place (as IIS Manager's "Are you sure...?" does), without a
 * browser dialog: "Remove" becomes "Remove <what>?" with Yes and Cancel.
 */
import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  question: string;
  onConfirm: () => void;
}

export function ConfirmButton({ label, question, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => { setAsking(true); }}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="danger" onClick={() => { setAsking(false); onConfirm(); }}>
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => { setAsking(false); }}>
        Cancel
      </button>
    </span>
  );
}
