/**
 * The page-wide playback keys (Space plays or pauses, the left and right arrows step one event) and
 * the elements that keep those keys for themselves: a focused button's Space presses the button (its
 * arrows still step), a field's arrows move its caret, a tab list's or the graph's arrows move between
 * their items. WAI-ARIA Authoring Practices: a key an element handles must not also trigger a page
 * shortcut.
 */

export type PlaybackKeyAction = 'toggle' | 'back' | 'forward';

/** What of a keyboard event this needs (a KeyboardEvent has it). */
export interface PlaybackKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: unknown;
}

/** Widgets that move among their items (or their value) with the arrow keys, and Space too. */
const COMPOSITE = [
  '[role="tab"]',
  '[role="tablist"]',
  '[role="menu"]',
  '[role="menuitem"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="combobox"]',
  '[role="listbox"]',
  '[role="option"]',
  '[role="radiogroup"]',
  '[role="radio"]',
  '[role="tree"]',
  '[role="treeitem"]',
  '[role="grid"]',
  '[role="separator"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  // The graph's nodes: arrows move between them, Space and Enter open one in the Inspector.
  '.react-flow__node',
];

/** Elements that keep Space: controls it presses or types into, editable text, the XML editor, composites. */
export const SPACE_OWNERS_SELECTOR = ['button', 'input', 'select', 'textarea', 'a[href]', 'summary', '[contenteditable]:not([contenteditable="false"])', '.cm-editor', '[role="button"]', '[role="checkbox"]', '[role="switch"]', '[role="link"]', ...COMPOSITE].join(', ');

/** Elements that keep the arrows: fields (their caret or value), editable text, the XML editor, composites. A button does not. */
export const ARROW_OWNERS_SELECTOR = ['input', 'select', 'textarea', '[contenteditable]:not([contenteditable="false"])', '.cm-editor', ...COMPOSITE].join(', ');

interface Closest {
  closest: (selector: string) => unknown;
}

const hasClosest = (target: unknown): target is Closest => typeof target === 'object' && target !== null && typeof (target as Partial<Closest>).closest === 'function';

/** True when the focused element (or a widget around it) matches `selector`: it handles the key itself. */
export function ownsKey(target: unknown, selector: string): boolean {
  if (!hasClosest(target)) return false;
  const found = target.closest(selector);
  return found !== null && found !== undefined;
}

/** The playback action of a key press, or undefined when the key belongs to someone else. */
export function playbackKeyAction(event: PlaybackKey): PlaybackKeyAction | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  let action: PlaybackKeyAction;
  switch (event.key) {
    case ' ':
      action = 'toggle';
      break;
    case 'ArrowLeft':
      action = 'back';
      break;
    case 'ArrowRight':
      action = 'forward';
      break;
    default:
      return undefined;
  }
  return ownsKey(event.target, action === 'toggle' ? SPACE_OWNERS_SELECTOR : ARROW_OWNERS_SELECTOR) ? undefined : action;
}
