import { describe, expect, it } from 'vitest';
import { ARROW_OWNERS_SELECTOR, ownsKey, playbackKeyAction, SPACE_OWNERS_SELECTOR, type PlaybackKey } from './playbackKeys.ts';

/**
 * A stand-in for a focused element: `closest` answers as the DOM would for an element that matches
 * (or sits inside) one of `matches`, a list of simple selectors.
 */
function element(...matches: string[]) {
  return {
    closest: (selector: string) => (selector.split(', ').some((s) => matches.includes(s)) ? {} : null),
  };
}

const press = (key: string, target: unknown, extra: Partial<PlaybackKey> = {}): PlaybackKey => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target, ...extra });

describe('the playback keys', () => {
  it('Space plays or pauses and the arrows step, when the page itself has focus', () => {
    const body = element();
    expect(playbackKeyAction(press(' ', body))).toBe('toggle');
    expect(playbackKeyAction(press('ArrowLeft', body))).toBe('back');
    expect(playbackKeyAction(press('ArrowRight', body))).toBe('forward');
    expect(playbackKeyAction(press('Enter', body))).toBeUndefined();
  });

  it("leave a focused button its Space (it presses the button), and step on its arrows", () => {
    const button = element('button');
    expect(playbackKeyAction(press(' ', button))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowRight', button))).toBe('forward');
  });

  it('leave fields, the XML editor, editable text, tabs, menus, sliders and graph nodes both keys', () => {
    for (const owner of ['input', 'select', 'textarea', '.cm-editor', '[contenteditable]:not([contenteditable="false"])', '[role="tab"]', '[role="menuitem"]', '[role="slider"]', '[role="treeitem"]', '.react-flow__node']) {
      const focused = element(owner);
      expect(playbackKeyAction(press(' ', focused)), owner).toBeUndefined();
      expect(playbackKeyAction(press('ArrowLeft', focused)), owner).toBeUndefined();
      expect(ownsKey(focused, SPACE_OWNERS_SELECTOR)).toBe(true);
      expect(ownsKey(focused, ARROW_OWNERS_SELECTOR)).toBe(true);
    }
  });

  it('ignore keys already handled, keys with Ctrl, Alt or Meta, and events without an element', () => {
    const body = element();
    expect(playbackKeyAction(press(' ', body, { defaultPrevented: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { ctrlKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { altKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press('ArrowLeft', body, { metaKey: true }))).toBeUndefined();
    expect(playbackKeyAction(press(' ', null))).toBe('toggle');
    expect(ownsKey(null, SPACE_OWNERS_SELECTOR)).toBe(false);
  });
});
