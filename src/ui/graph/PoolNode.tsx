/**
 * An application pool: its settings, its state (a stopped pool is greyed and says so), and the
 * applications it serves. An application row can be dragged onto another pool's node to move it there
 * (its applicationPool attribute changes); "Move to pool…" in its menu does the same from the keyboard.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useState, type DragEvent } from 'react';
import type { PoolApplication } from './architecture.ts';
import { menuHandlers, useGraphMenus } from './graphMenuContext.ts';
import { ActionsButton, Handles, StoppedBadge, type ArchitectureFlowNode } from './NodeParts.tsx';

/** The drag's data type: an application, as `{ site, path, pool }`. */
export const APPLICATION_DRAG_TYPE = 'application/x-iis-application';

/** The graph's section shows every pool as a drop target while an application is dragged. */
const DRAGGING_CLASS = 'graph-dragging-application';

interface DraggedApplication {
  site: string;
  path: string;
  pool: string;
}

function readDragged(event: DragEvent): DraggedApplication | undefined {
  let value: unknown;
  try {
    value = JSON.parse(event.dataTransfer.getData(APPLICATION_DRAG_TYPE));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { site, path, pool } = value as Record<string, unknown>;
  return typeof site === 'string' && typeof path === 'string' && typeof pool === 'string' ? { site, path, pool } : undefined;
}

const isApplicationDrag = (event: DragEvent): boolean => event.dataTransfer.types.includes(APPLICATION_DRAG_TYPE);

function ApplicationRow({ application, pool }: { application: PoolApplication; pool: string }) {
  const menus = useGraphMenus();
  const handlers = menuHandlers(menus, { kind: 'application', site: application.site, path: application.path });
  return (
    <li
      className="arch-application nodrag nopan"
      draggable
      tabIndex={-1}
      aria-label={`Application ${application.label}`}
      aria-description="Drag onto another pool to move it there, or open its menu (Shift+F10) and choose Move to pool"
      onDragStart={(event) => {
        event.dataTransfer.setData(APPLICATION_DRAG_TYPE, JSON.stringify({ site: application.site, path: application.path, pool }));
        event.dataTransfer.effectAllowed = 'move';
        event.currentTarget.closest('.graph')?.classList.add(DRAGGING_CLASS);
      }}
      onDragEnd={(event) => {
        event.currentTarget.closest('.graph')?.classList.remove(DRAGGING_CLASS);
      }}
      {...handlers}
    >
      {application.label}
    </li>
  );
}

export const PoolNode = memo(function PoolNode({ data, selected }: NodeProps<ArchitectureFlowNode>) {
  const menus = useGraphMenus();
  const [over, setOver] = useState(false);
  const pool = data.pool ?? data.label;
  const applications = data.applications ?? [];
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!isApplicationDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>): void => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    setOver(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    setOver(false);
    event.currentTarget.closest('.graph')?.classList.remove(DRAGGING_CLASS);
    const dragged = readDragged(event);
    if (dragged === undefined) return;
    event.preventDefault();
    if (dragged.pool.toLowerCase() === pool.toLowerCase()) return;
    menus.moveApplication(dragged.site, dragged.path, pool);
  };
  const classes = ['arch-pool'];
  if (selected) classes.push('arch-selected');
  if (data.stopped === true) classes.push('arch-stopped');
  if (over) classes.push('arch-drop-over');
  return (
    <div className={classes.join(' ')} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <Handles />
      <div className="arch-group-title">
        <span className="arch-name">{data.label}</span>
        <ActionsButton target={{ kind: 'pool', pool }} name={`Application pool ${data.label}`} />
      </div>
      {data.status !== undefined && <div className="arch-status">{data.status}</div>}
      <div className="arch-caption arch-detail">{data.caption}</div>
      <div className="arch-caption arch-detail">{data.lines.join(' · ')}</div>
      {applications.length > 0 && (
        <ul className="arch-applications arch-detail" aria-label={`Applications in ${data.label}`}>
          {applications.map((application) => (
            <ApplicationRow key={`${application.site}\n${application.path}`} application={application} pool={pool} />
          ))}
          {data.moreApplications !== undefined && data.moreApplications > 0 && <li className="arch-more">and {data.moreApplications} more</li>}
        </ul>
      )}
      {data.stopped === true && <StoppedBadge />}
      {over && <div className="arch-drop-hint">Drop to move the application to {data.label}</div>}
    </div>
  );
});
