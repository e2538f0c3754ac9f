/**
 * A modal dialog on the native <dialog> element: shown with showModal(), so the page behind it is inert,
 * focus stays inside, Escape cancels, and focus goes back to where it was when it closes. Mounted only
 * while open.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  title: string;
  /** Escape, or a Cancel button. */
  onCancel: () => void;
  children: ReactNode;
  className?: string;
}

export function ModalDialog({ title, onCancel, children, className }: ModalDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (element !== null && !element.open) {
      element.showModal();
      // showModal focuses the first control; a question's safe answer (Cancel) asks for focus instead.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className === undefined ? 'modal-dialog' : `modal-dialog ${className}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the dialog closes through its owner's state, not by itself.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
