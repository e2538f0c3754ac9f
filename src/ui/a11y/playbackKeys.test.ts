import { describe, expect, it } from 'vitest';
import { OWNS_KEYS_SELECTOR, ownsKeys, playbackKeyAction, type PlaybackKey } from './playbackKeys.ts';

/** A stand-in for an element: `closest` answers as the DOM would for an element matching `matches` (or inside one). */
function element(inside: boolean) {
  const asked: string[] = [];
  return {
    asked,
    closest: (selector: string) => {
      asked.push(selector);
      return inside ? {} : null;
    },
  };
}

const press = (key: string, target: unknown, extra: Partial<PlaybackKey> = {}): PlaybackKey => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target, ...extra });

describe('the playback keys', () => {
  it('Space plays or pauses and the arrows step, when the page itself has focus', () => {
    const body = element(false);
    expect(playbackKeyAction(press(' ', body))).toBe('toggle');
    expect(playbackKeyAction(press('ArrowLeft', body))).toBe('back');
    expect(playbackKeyAction(press('ArrowRight', body))).toBe('forward');
    expect(playbackKeyAction(press('Enter', body))).toBeUndefined();
    expect(body.asked).toEqual([OWNS_KEYS_SELECTOR, OWNS_KEYS_SELECTOR, OWNS_KEYS_SELECTOR]);
  });

  it('leave a focused button, field, editor, tab or graph node its own keys', () => {
    const button = element(true);
    expect(playbackKeyAction(press(' ', button))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowRight', button))).toBeUndefined();
    expect(ownsKeys(button)).toBe(true);
  });

  it('ignore keys already handled, keys with Ctrl, Alt or Meta, and events without an element', () => {
    const body = element(false);
    expect(playbackKeyAction(press(' ', body, { defaultPrevented: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { ctrlKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { altKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { metaKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press(' ', null))).toBe('toggle');
    expect(ownsKeys(null)).toBe(false);
  });

  it('name every control the brief lists: buttons, inputs, selects, text areas, editable content and CodeMirror', () => {
    for (const selector of ['button', 'input', 'select', 'textarea', '[contenteditable]', '.cm-editor', '.react-flow__node', '[role="tab"]']) expect(OWNS_KEYS_SELECTOR).toContain(selector);
  });
});
