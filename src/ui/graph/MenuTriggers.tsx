/**
 * Opens a node's menu on a right click on it, or on the ContextMenu key or Shift+F10 while the node
 * has focus (React Flow makes each selectable node focusable). Rows inside a node with menus of their
 * own (sites, applications, modules) handle those events first.
 */
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { ArchitectureNode } from './architecture.ts';
import { isMenuKey, menuBelow, useGraphMenus } from './graphMenuContext.ts';
import { menuTargetOf } from './nodeActions.ts';

function nodeElement(target: EventTarget): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.react-flow__node') : null;
}

export function MenuTriggers({ nodes, children }: { nodes: ReadonlyMap<string, ArchitectureNode>; children: ReactNode }) {
  const menus = useGraphMenus();
  const targetOf = (element: HTMLElement | null) => {
    const node = element === null ? undefined : nodes.get(element.dataset.id ?? '');
    return node === undefined ? undefined : menuTargetOf(node.data);
  };
  const onContextMenu = (event: MouseEvent<HTMLDivElement>): void => {
    const element = nodeElement(event.target);
    const target = targetOf(element);
    if (target === undefined) return;
    event.preventDefault();
    menus.openMenu({ target, x: event.clientX, y: event.clientY, opener: element });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isMenuKey(event)) return;
    const element = nodeElement(event.target);
    const target = targetOf(element);
    if (element === null || target === undefined) return;
    event.preventDefault();
    menus.openMenu(menuBelow(element, target));
  };
  return (
    <div className="graph-menus" onContextMenu={onContextMenu} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
