/**
 * The XML editor outside React: one CodeMirror view, the file it shows, and its two-way link with the
 * stores. Typing reaches the workspace 300 ms after the last keystroke (or when the editor loses focus),
 * so a keystroke costs only the editor's own work; the store parses the text and keeps it unapplied when
 * it is not good. A change from elsewhere (a form, Undo, an import) comes back as the smallest change,
 * so the cursor stays where it was. Each file keeps its own state (cursor, folds, history) while another
 * is shown.
 */
import { setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorState, Transaction, type ChangeSet, type Extension, type Text } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { readWorkspaceFile, type FileRef, type Workspace } from '../../config/index.ts';
import type { EditorTarget, UiStore, WorkspaceState, WorkspaceStore } from '../../store/index.ts';
import { editableFiles, fileKey } from './editorFiles.ts';
import { fileExtensions, sharedExtensions } from './editorSetup.ts';
import { isLargeFile, largeFileMode } from './largeFile.ts';
import { toLintDiagnostics } from './lintDiagnostics.ts';
import { diagnosticsOfFile } from './problems.ts';
import { indentationOf, lineSeparatorOf, smallestChange } from './textSync.ts';

/** How long typing rests before the text goes to the workspace (and is parsed there). */
export const TYPING_DEBOUNCE_MS = 300;

/** Marks the editor's own transactions that bring in a change made elsewhere. */
const fromStore = Annotation.define<boolean>();

export interface OpenFile {
  file: FileRef;
  /** False for a web.config that does not exist yet: typing creates it. */
  exists: boolean;
  /** Shown in the lighter mode for large files (largeFile.ts). */
  large: boolean;
}

export class XmlEditorSession {
  private readonly view: EditorView;
  private readonly shared: Extension;
  private file: FileRef;
  private key: string;
  private exists: boolean;
  private readonly saved = new Map<string, EditorState>();
  /** The text the workspace has for the file, and the editor document it was. */
  private synced: { text: string; doc: Text };
  /** What was typed since `synced`, not yet sent. */
  private pending: ChangeSet | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Where to scroll and focus once the editor is on screen (a problem clicked while its tab was hidden). */
  private reveal: number | undefined;
  private visible = false;
  private lintInputs: readonly unknown[] = [];
  private readonly unsubscribe: (() => void)[];

  constructor(
    parent: HTMLElement,
    private readonly stores: { workspace: WorkspaceStore; ui: UiStore },
    private readonly onOpen: (open: OpenFile) => void,
  ) {
    this.shared = sharedExtensions([
      EditorView.updateListener.of((update) => { this.onUpdate(update); }),
      EditorView.domEventHandlers({ blur: () => { this.flush(); } }),
    ]);
    const target = stores.ui.getState().editorTarget;
    this.file = target.file;
    this.key = fileKey(target.file);
    const text = this.storeText();
    this.exists = text !== undefined;
    const state = this.createState(text ?? '');
    this.synced = { text: text ?? '', doc: state.doc };
    this.view = new EditorView({ state, parent });
    this.refreshLint();
    this.goTo(target);
    this.announce();
    this.unsubscribe = [
      stores.ui.subscribe((s, previous) => {
        if (s.editorTarget !== previous.editorTarget) this.open(s.editorTarget);
      }),
      stores.workspace.subscribe((s, previous) => {
        if (s.workspace !== previous.workspace) this.syncFromStore(s);
        if (s.diagnostics !== previous.diagnostics || s.fileProblems !== previous.fileProblems || s.workspace.content !== previous.workspace.content) this.refreshLint();
      }),
    ];
  }

  /** The editor is on screen (its tab shown): a pending move to a problem happens now. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.revealPending();
  }

  /** Sends what was typed to the workspace now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === undefined) return;
    const text = this.view.state.sliceDoc();
    this.synced = { text, doc: this.view.state.doc };
    this.pending = undefined;
    this.exists = true;
    this.stores.workspace.getState().setText(this.file, text);
  }

  destroy(): void {
    this.flush();
    for (const u of this.unsubscribe) u();
    this.view.destroy();
  }

  private announce(): void {
    this.onOpen({ file: this.file, exists: this.exists, large: this.view.state.facet(largeFileMode) });
  }

  private storeText(): string | undefined {
    return textOf(this.stores.workspace.getState().workspace, this.file);
  }

  private createState(text: string): EditorState {
    const name = this.file.kind === 'applicationHost' ? 'applicationHost.config' : this.labelOf(this.file);
    return EditorState.create({ doc: text, extensions: [this.shared, fileExtensionsFor(name, text)] });
  }

  private labelOf(file: FileRef): string {
    const key = fileKey(file);
    return editableFiles(this.stores.workspace.getState().workspace).find((f) => f.key === key)?.label ?? (file.kind === 'content' ? `${file.physicalPath}\\${file.relativePath.replace(/\//g, '\\')}` : 'applicationHost.config');
  }

  private onUpdate(update: ViewUpdate): void {
    if (!update.docChanged) return;
    for (const tr of update.transactions) {
      if (!tr.docChanged || tr.annotation(fromStore) === true) continue;
      this.pending = this.pending === undefined ? tr.changes : this.pending.compose(tr.changes);
    }
    if (this.pending === undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.flush(); }, TYPING_DEBOUNCE_MS);
  }

  /** Shows another file (keeping this one's state), and moves to the target's line and column. */
  private open(target: EditorTarget): void {
    const key = fileKey(target.file);
    if (key !== this.key) {
      this.flush();
      this.saved.set(this.key, this.view.state);
      this.file = target.file;
      this.key = key;
      const text = this.storeText();
      this.exists = text !== undefined;
      const wanted = text ?? '';
      let state = this.saved.get(key);
      if (state !== undefined && fitsState(state, wanted)) {
        const change = smallestChange(state.sliceDoc(), wanted, state.lineBreak === '\r\n' ? '\r\n' : '\n');
        if (change !== undefined) state = state.update({ changes: change, annotations: [fromStore.of(true), Transaction.addToHistory.of(false)] }).state;
      } else state = this.createState(wanted);
      this.view.setState(state);
      this.synced = { text: wanted, doc: state.doc };
      this.lintInputs = [];
      this.refreshLint();
      this.announce();
    }
    this.goTo(target);
  }

  private goTo(target: EditorTarget): void {
    if (target.line === undefined) return;
    const doc = this.view.state.doc;
    const line = doc.line(Math.min(Math.max(1, target.line), doc.lines));
    const pos = line.from + Math.min(Math.max(0, (target.column ?? 1) - 1), line.length);
    this.view.dispatch({ selection: { anchor: pos } });
    this.reveal = pos;
    if (this.visible) this.revealPending();
  }

  private revealPending(): void {
    if (this.reveal === undefined) return;
    const pos = Math.min(this.reveal, this.view.state.doc.length);
    this.reveal = undefined;
    this.view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    this.view.focus();
  }

  /** A change to the workspace: when it changed this file's text, the editor takes it. */
  private syncFromStore(state: WorkspaceState): void {
    const text = textOf(state.workspace, this.file);
    if (text === undefined && this.exists) {
      // The open web.config was removed (the Files view, Undo): show applicationHost.config instead,
      // without taking the person to the XML tab.
      this.pending = undefined;
      this.open({ file: { kind: 'applicationHost' }, seq: -1 });
      return;
    }
    const wanted = text ?? '';
    if (wanted === this.synced.text) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.exists = text !== undefined;
    const current = this.view.state;
    if (!fitsState(current, wanted)) {
      this.view.setState(this.createState(wanted));
      this.announce();
    } else {
      const change = smallestChange(current.sliceDoc(), wanted, current.lineBreak === '\r\n' ? '\r\n' : '\n');
      if (change !== undefined) this.view.dispatch({ changes: change, annotations: [fromStore.of(true), Transaction.addToHistory.of(false)] });
    }
    this.synced = { text: wanted, doc: this.view.state.doc };
    this.lintInputs = [];
    this.refreshLint();
  }

  /** Shows the file's diagnostics inline, when they (or the file) changed. */
  private refreshLint(): void {
    const s = this.stores.workspace.getState();
    const inputs = [this.key, s.diagnostics, s.fileProblems, s.workspace.content];
    if (inputs.length === this.lintInputs.length && inputs.every((v, i) => v === this.lintInputs[i])) return;
    this.lintInputs = inputs;
    const own = diagnosticsOfFile(s.diagnostics, s.fileProblems, s.workspace, this.file);
    this.view.dispatch(setDiagnostics(this.view.state, toLintDiagnostics(own, this.synced.doc, this.pending)));
  }
}

/** A file's text; applicationHost.config's read directly (this runs after every change to the workspace). */
function textOf(workspace: Workspace, file: FileRef): string | undefined {
  return file.kind === 'applicationHost' ? workspace.applicationHostConfig : readWorkspaceFile(workspace, file);
}

function fileExtensionsFor(name: string, text: string): Extension {
  return fileExtensions(name, lineSeparatorOf(text), indentationOf(text), isLargeFile(text));
}

/** A state keeps its line separator and its mode: a text that needs others gets a new state. */
function fitsState(state: EditorState, text: string): boolean {
  return lineSeparatorOf(text) === state.lineBreak && isLargeFile(text) === state.facet(largeFileMode);
}
