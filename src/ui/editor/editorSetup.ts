/**
 * The XML editor's CodeMirror set-up: line numbers, folding, search (Ctrl+F, with Go to line on Alt+G),
 * the XML language with its highlighting, inline diagnostics with a gutter, and its own undo history.
 * What changes per file (its name for assistive tech, its line breaks, its indentation) is given when a
 * file's state is made.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { largeFileExtensions } from './largeFile.ts';
import type { LineSeparator } from './textSync.ts';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f6f8fa', borderRight: '1px solid #d5dbe4', color: '#6e7781' },
  '&.cm-focused': { outline: 'none' },
  '.cm-activeLine': { backgroundColor: '#f3f6fb' },
  '.cm-activeLineGutter': { backgroundColor: '#e6ebf2' },
});

/** Undo and redo inside the editor are the editor's own: they must not also reach the page's Undo for the whole workspace. */
const keepUndoInEditor = EditorView.domEventHandlers({
  keydown: (event) => {
    if ((event.ctrlKey || event.metaKey) && /^[zy]$/i.test(event.key)) event.stopPropagation();
    return false;
  },
});

/** What every file's editor state shares; `listeners`: the session's update listener and blur handler. */
export function sharedExtensions(listeners: Extension): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    keepUndoInEditor,
    keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
    theme,
    listeners,
  ];
}

/**
 * One file's own settings: the editor is named after it, and keeps its line breaks and indentation; the
 * XML language, or for a large file the lighter mode of largeFile.ts.
 */
export function fileExtensions(label: string, separator: LineSeparator, indentation: string, large: boolean): Extension {
  return [
    large ? largeFileExtensions() : xml(),
    EditorState.lineSeparator.of(separator),
    indentUnit.of(indentation),
    // tabindex: the editable text is focusable anyway; said so, axe sees that its scroller can be reached by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label === 'applicationHost.config' ? 'applicationHost.config XML' : `${label} XML`, tabindex: '0' }),
  ];
}
