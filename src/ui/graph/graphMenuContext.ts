/**
 * How the graph's nodes open a context menu: a stable context (its value never changes, so no node
 * re-renders when a menu opens or closes), and the handlers a node or a row inside it attaches for the
 * right click, the ContextMenu key and Shift+F10.
 */
import { createContext, useContext, type KeyboardEvent, type MouseEvent } from 'react';
import type { MenuTarget } from './nodeActions.ts';

export interface MenuRequest {
  target: MenuTarget;
  /** Where the menu appears, in viewport pixels. */
  x: number;
  y: number;
  /** Focus goes back here when the menu closes. */
  opener: HTMLElement | null;
}

export interface GraphMenus {
  openMenu: (request: MenuRequest) => void;
  /** Moves an application to a pool (a drop on the pool's node). */
  moveApplication: (site: string, path: string, pool: string) => void;
}

export const GraphMenuContext = createContext<GraphMenus | null>(null);

export function useGraphMenus(): GraphMenus {
  const menus = useContext(GraphMenuContext);
  if (menus === null) throw new Error('The graph menus are not provided');
  return menus;
}

/** The keys that open a context menu from the keyboard (WAI-ARIA: the ContextMenu key, or Shift+F10). */
export function isMenuKey(event: { key: string; shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** A menu opened from the keyboard appears below the focused element (near its top, for a tall node). */
export function menuBelow(element: HTMLElement, target: MenuTarget): MenuRequest {
  const box = element.getBoundingClientRect();
  return { target, x: box.left, y: Math.min(box.bottom, box.top + 40) + 2, opener: element };
}

/** Handlers for an element that has its own menu (a site row, an application row, a module). */
export function menuHandlers(menus: GraphMenus, target: MenuTarget): { onContextMenu: (event: MouseEvent<HTMLElement>) => void; onKeyDown: (event: KeyboardEvent<HTMLElement>) => void } {
  return {
    onContextMenu: (event) => {
      event.preventDefault();
      event.stopPropagation();
      menus.openMenu({ target, x: event.clientX, y: event.clientY, opener: event.currentTarget });
    },
    onKeyDown: (event) => {
      if (!isMenuKey(event)) return;
      event.preventDefault();
      event.stopPropagation();
      menus.openMenu(menuBelow(event.currentTarget, target));
    },
  };
}
