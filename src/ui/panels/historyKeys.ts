/**
 * The keys of Undo and Redo, as in Windows programs: Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (Cmd on
 * a Mac). Not while typing in a field or the XML editor, which have their own undo for the text.
 */

/** What of a keyboard event this needs (a KeyboardEvent has it). */
export interface HistoryKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

export function historyShortcut(event: HistoryKey): 'undo' | 'redo' | undefined {
  if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return undefined;
}

/** Inputs whose text Ctrl+Z would undo: everything but buttons, check boxes, radios, ranges, colors and files. */
const TEXTLESS_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** True when the element keeps its own undo: a text field, a select, an editable element, the XML editor. */
export function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.cm-editor, [contenteditable=""], [contenteditable="true"], textarea, select') !== null) return true;
  return target instanceof HTMLInputElement && !TEXTLESS_INPUTS.has(target.type);
}
