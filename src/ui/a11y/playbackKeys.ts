/**
 * The page-wide playback keys (Space plays or pauses, the left and right arrows step one event) and
 * the elements that keep those keys for themselves: a focused button's Space presses the button, a
 * field's arrows move its caret, a tab list's or the graph's arrows move between their items. WAI-ARIA
 * Authoring Practices: a key an element handles must not also trigger a page shortcut.
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

/**
 * Elements that handle Space or the arrows themselves: controls, text, editable content, the XML
 * editor (CodeMirror), composite widgets (tabs, menus, trees, lists, sliders), dialogs, and the graph's
 * nodes (arrows move between them, Space opens one in the Inspector).
 */
export const OWNS_KEYS_SELECTOR = [
  'button',
  'input',
  'select',
  'textarea',
  'a[href]',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '.cm-editor',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="menu"]',
  '[role="menuitem"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="combobox"]',
  '[role="listbox"]',
  '[role="option"]',
  '[role="tree"]',
  '[role="treeitem"]',
  '[role="grid"]',
  '[role="separator"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '.react-flow__node',
].join(', ');

interface Closest {
  closest: (selector: string) => unknown;
}

const hasClosest = (target: unknown): target is Closest => typeof target === 'object' && target !== null && typeof (target as Partial<Closest>).closest === 'function';

/** True when the focused element (or a widget around it) handles the key itself. */
export function ownsKeys(target: unknown): boolean {
  if (!hasClosest(target)) return false;
  const found = target.closest(OWNS_KEYS_SELECTOR);
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
  return ownsKeys(event.target) ? undefined : action;
}
