/**
 * An ARIA tab list with a roving tab stop: one tab is in the tab order, the arrow keys, Home and End
 * move between tabs and select them (the WAI-ARIA tabs pattern with automatic activation).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

interface TabListProps<T extends string> {
  tabs: ReadonlyArray<TabSpec<T>>;
  current: T;
  onSelect: (id: T) => void;
  /** The accessible name of the list. */
  label: string;
  className: string;
  /** Prefix of the tabs' and panels' ids: `${idPrefix}tab-${id}` controls `${idPrefix}tabpanel-${id}`. */
  idPrefix: string;
}

export function TabList<T extends string>({ tabs, current, onSelect, label, className, idPrefix }: TabListProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((t) => t.id === current);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = next === undefined ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            if (element === null) buttons.current.delete(tab.id);
            else buttons.current.set(tab.id, element);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`${idPrefix}tabpanel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => { onSelect(tab.id); }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
