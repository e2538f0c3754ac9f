/**
 * "Move to pool…": the keyboard's way to do what dragging an application onto a pool's node does. A
 * modal dialog with the other application pools to choose from; Escape cancels, focus stays inside it
 * while it is open and goes back to where it was opened.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useWorkspaceState } from '../hooks/stores.ts';
import { applicationLabel } from './architecture.ts';

export interface MoveToPoolDialogProps {
  site: string;
  path: string;
  onMove: (pool: string) => void;
  onCancel: () => void;
}

export function MoveToPoolDialog({ site, path, onMove, onCancel }: MoveToPoolDialogProps) {
  const titleId = useId();
  const pools = useWorkspaceState((s) => s.model.applicationPools.pools);
  const current = useWorkspaceState((s) => s.model.sites.sites.find((x) => x.name === site)?.applications.find((a) => a.path === path)?.applicationPool);
  const others = pools.filter((p) => p.name.toLowerCase() !== (current ?? '').toLowerCase());
  const [choice, setChoice] = useState(others[0]?.name ?? '');
  const dialog = useRef<HTMLDivElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    (select.current ?? dialog.current?.querySelector<HTMLElement>('button:not([disabled])'))?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Focus stays in the dialog (aria-modal): Tab from the last control goes to the first.
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('select, button:not([disabled])') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (choice !== '') onMove(choice);
  };
  const name = applicationLabel(site, path);
  return (
    <div className="graph-dialog-backdrop">
      <div ref={dialog} className="graph-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>Move {name} to another application pool</h2>
        <form onSubmit={onSubmit}>
          <p className="hint">
            It runs in {current ?? 'no pool'} now. Its requests will wait in the new pool&apos;s HTTP.sys queue and run in that pool&apos;s w3wp.exe (its applicationPool attribute changes).
          </p>
          {others.length === 0 ? (
            <p className="problem">There is no other application pool: add one in the Server tab first.</p>
          ) : (
            <label>
              Application pool
              <select
                ref={select}
                value={choice}
                onChange={(event) => {
                  setChoice(event.target.value);
                }}
              >
                {others.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="graph-dialog-buttons">
            <button type="submit" disabled={choice === ''}>
              Move
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
