/**
 * A context menu, as WAI-ARIA's menu pattern asks: role="menu" with menuitems, focus on the first item,
 * arrow keys (and Home, End) move between items, Enter or Space chooses, Escape closes and returns
 * focus to where the menu was opened, Tab or a click elsewhere closes it.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MenuItem } from './nodeActions.ts';

const ITEM_H = 30;
const WIDTH = 280;

export interface NodeMenuProps {
  label: string;
  items: readonly MenuItem[];
  x: number;
  y: number;
  onChoose: (item: MenuItem) => void;
  /** `refocus`: give focus back to the opener (Escape, a choice), not after a click elsewhere or Tab. */
  onClose: (refocus: boolean) => void;
}

export function NodeMenu({ label, items, x, y, onChoose, onClose }: NodeMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  useLayoutEffect(() => {
    buttons.current[active]?.focus();
  }, [active]);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && menu.current?.contains(event.target)) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const count = items.length;
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (active + 1) % Math.max(1, count);
    else if (event.key === 'ArrowUp') next = (active - 1 + count) % Math.max(1, count);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = Math.max(0, count - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    } else if (event.key === 'Tab') {
      onClose(false);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    setActive(next);
  };
  // Kept inside the window: a menu opened near the right or bottom edge opens to the left or above.
  const left = Math.max(4, Math.min(x, window.innerWidth - WIDTH - 8));
  const top = Math.max(4, Math.min(y, window.innerHeight - Math.max(1, items.length) * ITEM_H - 16));
  return (
    <div
      ref={menu}
      className="graph-menu"
      role="menu"
      aria-label={label}
      style={{ left, top, width: WIDTH }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        event.preventDefault();
      }}
    >
      {items.length === 0 ? (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className="graph-menu-empty" ref={(element) => element?.focus()}>
          No actions here
        </div>
      ) : (
        items.map((item, index) => (
          <button
            key={item.label}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="menuitem"
            tabIndex={index === active ? 0 : -1}
            onMouseEnter={() => {
              setActive(index);
            }}
            onClick={() => {
              onChoose(item);
            }}
          >
            {item.label}
          </button>
        ))
      )}
    </div>
  );
}
