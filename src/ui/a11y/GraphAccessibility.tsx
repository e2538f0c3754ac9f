/**
 * The graph for keyboard and screen-reader users, and its explanations for everyone:
 * - one tab stop (the node last focused or selected; ArchitectureView gives it tabIndex 0, the others
 *   -1); the arrow keys move to the nearest node that way, Enter or Space shows the node in the
 *   Inspector, Escape leaves the graph for its container; the camera keeps the focused node in view;
 * - a tooltip with the description of the part under the pointer or with keyboard focus (a node, or a
 *   module in a notification);
 * - each node's description as hidden text its aria-describedby names, and a live line that says what
 *   Enter did.
 * Wraps the graph inside the React Flow provider; its state changes re-render only itself (the graph is
 * its `children`, an element made by ArchitectureView).
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import type { ArchitectureNode } from '../graph/architecture.ts';
import { useStores } from '../hooks/stores.ts';
import { describeModule, describeNode, summary } from '../descriptions/describe.ts';
import { DescriptionTooltip, type AnchorRect, type TooltipContent } from '../descriptions/DescriptionTooltip.tsx';
import { isNavigable, navigationBoxes } from './graphNavigation.ts';
import { anchorOf, directionOf, nearestInDirection, TITLE_STRIP } from './spatialNavigation.ts';
import './a11y.css';

/** The hidden text every node's aria-describedby ends with: how to move around the graph. */
export const KEYS_HINT_ID = 'graph-keys-hint';
const TOOLTIP_ID = 'graph-tooltip';
/** How long the pointer rests on a part before its tooltip shows, and lingers after it leaves. */
const SHOW_AFTER_MS = 350;
const HIDE_AFTER_MS = 200;
/** Space kept between a focused node and the edge of the graph when the camera follows it, in pixels. */
const VIEW_MARGIN = 24;

/** The id of the hidden element holding a description (one per distinct description, shared by all pools). */
export function descriptionElementId(key: string): string {
  return `graph-description-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

interface Hint {
  content: TooltipContent;
  anchor: AnchorRect;
  /** The graph's box: the tooltip stays inside it when it fits. */
  bounds: AnchorRect;
  element: HTMLElement;
  source: 'focus' | 'pointer';
}

/** The part of the graph an event is about: a module chip, else a navigable node's wrapper. */
function hintTarget(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  return target.closest<HTMLElement>('[data-module], .react-flow__node');
}

const nodeElementOf = (target: EventTarget | null): HTMLElement | null => (target instanceof HTMLElement && target.classList.contains('react-flow__node') ? target : null);

/** A tall container is explained from its title strip, so the tooltip sits by its name, not below the whole pool. */
function anchorRect(element: HTMLElement, zoom: number, container: boolean): AnchorRect {
  const box = element.getBoundingClientRect();
  const bottom = container ? Math.min(box.bottom, box.top + TITLE_STRIP * zoom) : box.bottom;
  return { left: box.left, top: box.top, right: box.right, bottom };
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function GraphAccessibility({ nodes, onTabStop, container, children }: { nodes: readonly ArchitectureNode[]; onTabStop: (id: string) => void; container: RefObject<HTMLElement | null>; children: ReactNode }) {
  const { ui } = useStores();
  const { getViewport, setViewport } = useReactFlow();
  const store = useStoreApi();
  const wrapper = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState<Hint | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const boxes = useMemo(() => navigationBoxes(nodes), [nodes]);
  const containers = useMemo(() => new Set(boxes.filter((b) => b.container).map((b) => b.id)), [boxes]);
  // One hidden text per distinct description in the graph, for the nodes' aria-describedby.
  const descriptions = useMemo(() => {
    const texts = new Map<string, string>();
    for (const node of nodes) {
      if (!isNavigable(node)) continue;
      const described = describeNode(node);
      if (described !== undefined && !texts.has(described.key)) texts.set(described.key, summary(described.description));
    }
    return [...texts];
  }, [nodes]);

  // The pointer's pending tooltip (shown once the pointer rests) and the shown one's pending hide.
  const showTimer = useRef<number | undefined>(undefined);
  const hideTimer = useRef<number | undefined>(undefined);
  const pending = useRef<HTMLElement | null>(null);
  const panning = useRef(false);
  const cancel = (timer: { current: number | undefined }): void => {
    if (timer.current !== undefined) window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(
    () => () => {
      cancel(showTimer);
      cancel(hideTimer);
    },
    [],
  );

  const contentFor = useCallback(
    (element: HTMLElement): { content: TooltipContent; container: boolean } | undefined => {
      const module = element.dataset.module;
      if (module !== undefined) {
        const managed = element.dataset.managed === 'true';
        return { content: { title: module, kind: `${managed ? 'managed' : 'native'} module${element.dataset.post === 'true' ? ', in the post-event' : ''}`, description: describeModule(module, managed) }, container: false };
      }
      const node = byId.get(element.dataset.id ?? '');
      if (node === undefined || !isNavigable(node)) return undefined;
      const described = describeNode(node);
      return described === undefined ? undefined : { content: described, container: containers.has(node.id) };
    },
    [byId, containers],
  );

  const show = useCallback(
    (element: HTMLElement, source: Hint['source']): void => {
      cancel(showTimer);
      cancel(hideTimer);
      pending.current = null;
      const found = contentFor(element);
      if (found === undefined) {
        setHint(undefined);
        return;
      }
      const box = (container.current ?? element).getBoundingClientRect();
      setHint({ content: found.content, anchor: anchorRect(element, getViewport().zoom, found.container), bounds: { left: box.left, top: box.top, right: box.right, bottom: box.bottom }, element, source });
    },
    [contentFor, getViewport, container],
  );
  /** Whether the pointer is over the tooltip (it lets the pointer through, so that it never blocks a click). */
  const pointer = useRef({ x: -1, y: -1 });
  const overTooltip = (): boolean => {
    const box = document.getElementById(TOOLTIP_ID)?.getBoundingClientRect();
    return box !== undefined && pointer.current.x >= box.left && pointer.current.x <= box.right && pointer.current.y >= box.top && pointer.current.y <= box.bottom;
  };
  const hideLater = (): void => {
    cancel(hideTimer);
    const check = (): void => {
      // The tooltip stays while the pointer rests on it, so it can be read under a magnifier (WCAG 1.4.13).
      if (overTooltip()) hideTimer.current = window.setTimeout(check, HIDE_AFTER_MS);
      else {
        hideTimer.current = undefined;
        setHint(undefined);
      }
    };
    hideTimer.current = window.setTimeout(check, HIDE_AFTER_MS);
  };

  // Escape dismisses a tooltip wherever focus is (WCAG 1.4.13), a press anywhere does (the person acts on
  // something), and a pan or zoom by the person does (below).
  useEffect(() => {
    if (hint === undefined) return;
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape') setHint(undefined);
    };
    const onMove = (event: globalThis.PointerEvent): void => {
      pointer.current = { x: event.clientX, y: event.clientY };
    };
    const onDown = (): void => {
      cancel(hideTimer);
      setHint(undefined);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointermove', onMove, { passive: true });
    window.addEventListener('pointerdown', onDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onDown, { capture: true });
    };
  }, [hint]);
  // The focus ring is as wide on screen at every zoom: its CSS divides by --graph-zoom (set here, not by a render).
  useEffect(() => {
    let zoom = store.getState().transform[2];
    wrapper.current?.style.setProperty('--graph-zoom', String(zoom));
    let transform = store.getState().transform;
    return store.subscribe((state) => {
      if (state.transform === transform) return;
      transform = state.transform;
      if (!panning.current) setHint((h) => (h === undefined ? h : undefined));
      if (state.transform[2] !== zoom) {
        zoom = state.transform[2];
        wrapper.current?.style.setProperty('--graph-zoom', String(zoom));
      }
    });
  }, [store]);

  /** Pans (never zooms) so the node, or a container's title strip, is inside the graph's box. */
  const keepInView = useCallback(
    async (id: string): Promise<void> => {
      const box = boxes.find((b) => b.id === id);
      if (box === undefined) return;
      const { width, height } = store.getState();
      const { x, y, zoom } = getViewport();
      const rect = anchorOf(box);
      // How far to pan so [from, to] (screen pixels) fits in [margin, size - margin]; the start wins when it cannot.
      const shift = (from: number, to: number, size: number): number => {
        if (from < VIEW_MARGIN) return VIEW_MARGIN - from;
        if (to > size - VIEW_MARGIN) return Math.max(VIEW_MARGIN - from, size - VIEW_MARGIN - to);
        return 0;
      };
      const dx = shift(rect.left * zoom + x, rect.right * zoom + x, width);
      const dy = shift(rect.top * zoom + y, rect.bottom * zoom + y, height);
      if (dx === 0 && dy === 0) return;
      ui.getState().setViewHeld(true);
      panning.current = true;
      try {
        await setViewport({ x: x + dx, y: y + dy, zoom }, { duration: reducedMotion() ? 0 : 200 });
      } finally {
        panning.current = false;
      }
    },
    [boxes, store, getViewport, setViewport, ui],
  );

  const moveTo = (id: string): void => {
    const element = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    onTabStop(id);
    if (element !== null && element !== undefined) element.focus({ preventScroll: true });
    else void keepInView(id); // not drawn (a very large graph draws only what is in view): bring it in view first
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const element = nodeElementOf(event.target);
    const id = element?.dataset.id;
    if (element === null || id === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = directionOf(event.key);
    if (direction !== undefined) {
      event.preventDefault();
      const next = nearestInDirection(boxes, id, direction);
      if (next !== undefined) moveTo(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      ui.getState().selectNode(id);
      const node = byId.get(id);
      setAnnouncement(`${node === undefined ? id : (describeNode(node)?.title ?? id)}: shown in the Inspector.`);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setHint(undefined);
      container.current?.focus();
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const element = nodeElementOf(event.target);
    const id = element?.dataset.id;
    if (element === null || id === undefined) return;
    onTabStop(id);
    // A click focuses a node too; only keyboard focus brings the camera and the tooltip.
    if (!element.matches(':focus-visible')) return;
    void keepInView(id).then(() => {
      if (document.activeElement === element) show(element, 'focus');
    });
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (hint?.source !== 'focus' || hint.element !== event.target) return;
    const next = event.relatedTarget;
    if (next instanceof Node && document.getElementById(TOOLTIP_ID)?.contains(next) === true) return;
    setHint(undefined);
  };

  const onPointerOver = (event: PointerEvent<HTMLDivElement>): void => {
    const element = hintTarget(event.target);
    pointer.current = { x: event.clientX, y: event.clientY };
    if (element === null || element === pending.current || (hint?.element === element && hideTimer.current === undefined)) return;
    // Under the tooltip: the person is reading it, not pointing at what it covers.
    if (hint !== undefined && overTooltip()) return;
    cancel(showTimer);
    pending.current = element;
    showTimer.current = window.setTimeout(() => {
      show(element, 'pointer');
    }, SHOW_AFTER_MS);
  };
  const onPointerOut = (event: PointerEvent<HTMLDivElement>): void => {
    const element = hintTarget(event.target);
    if (element === null) return;
    const next = event.relatedTarget;
    if (next instanceof Node && element.contains(next)) return;
    if (pending.current === element) {
      cancel(showTimer);
      pending.current = null;
    }
    if (hint?.element === element && hint.source === 'pointer') hideLater();
  };
  const onPointerLeave = (): void => {
    cancel(showTimer);
    pending.current = null;
    if (hint?.source === 'pointer') hideLater();
  };

  return (
    <div ref={wrapper} className="graph-a11y" onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur} onPointerOver={onPointerOver} onPointerOut={onPointerOut} onPointerLeave={onPointerLeave}>
      {children}
      <div hidden>
        <span id={KEYS_HINT_ID}>Arrow keys move to the nearest part of the server that way; Enter shows it in the Inspector; Shift+F10 opens its menu, where it has one; Escape leaves the graph.</span>
        {descriptions.map(([key, text]) => (
          <span key={key} id={descriptionElementId(key)}>
            {text}
          </span>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {hint !== undefined && (
        <DescriptionTooltip id={TOOLTIP_ID} content={hint.content} anchor={hint.anchor} bounds={hint.bounds} />
      )}
    </div>
  );
}
