import { describe, expect, it } from 'vitest';
import { historyShortcut, type HistoryKey } from './historyKeys.ts';

const key = (k: string, mods: Partial<HistoryKey> = {}): HistoryKey => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false, ...mods });

describe('the keys of Undo and Redo', () => {
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; Cmd does as Ctrl', () => {
    expect(historyShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(historyShortcut(key('z', { metaKey: true }))).toBe('undo');
  });

  it('leaves other keys and handled events alone', () => {
    expect(historyShortcut(key('z'))).toBeUndefined();
    expect(historyShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(historyShortcut(key('y', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(historyShortcut(key('x', { ctrlKey: true }))).toBeUndefined();
    expect(historyShortcut(key('z', { ctrlKey: true, defaultPrevented: true }))).toBeUndefined();
  });
});
