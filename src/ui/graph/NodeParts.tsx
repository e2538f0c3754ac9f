/** Parts the graph's node kinds share: their hidden handles, the Actions button and the Stopped badge. */
import { Handle, Position, type Node } from '@xyflow/react';
import type { ArchitectureNodeData } from './architecture.ts';
import { menuBelow, useGraphMenus } from './graphMenuContext.ts';
import type { MenuTarget } from './nodeActions.ts';

export type ArchitectureFlowNode = Node<ArchitectureNodeData>;

const hidden = { opacity: 0, width: 1, height: 1, minWidth: 1, minHeight: 1, border: 0 };

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </>
  );
}

/**
 * Opens the element's menu: the visible way, for the pointer, to the actions a right click or Shift+F10
 * on the focused node also offers. Not a tab stop: the graph is one (the arrow keys move between nodes).
 */
export function ActionsButton({ target, name }: { target: MenuTarget; name: string }) {
  const menus = useGraphMenus();
  return (
    <button
      type="button"
      className="arch-actions nodrag nopan"
      tabIndex={-1}
      aria-haspopup="menu"
      aria-label={`Actions for ${name}`}
      title="Actions (right click, Shift+F10)"
      onClick={(event) => {
        menus.openMenu(menuBelow(event.currentTarget, target));
      }}
    >
      ⋯
    </button>
  );
}

/** Large enough to read at the zoom that fits the whole graph. */
export function StoppedBadge() {
  return <span className="arch-stopped-badge">Stopped</span>;
}
