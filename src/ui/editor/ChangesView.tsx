/**
 * The difference between the workspace as loaded (or imported) and as it is now, file by file and line
 * by line, with both line numbers. Added and removed lines carry a sign and a word, not only a colour.
 * Values from the configuration are React text, never HTML.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import type { FileRef } from '../../config/index.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { workspaceChanges, type DiffCache, type DiffHunk, type DiffLine, type FileChange } from './fileChanges.ts';

/** Lines drawn per file before a "Show all" button: a file rewritten whole stays quick to show. */
const LINES_SHOWN = 400;

const SIGN: Readonly<Record<DiffLine['kind'], { mark: string; word: string }>> = {
  added: { mark: '+', word: 'added' },
  removed: { mark: '−', word: 'removed' },
  context: { mark: ' ', word: 'unchanged' },
};

/** The diffs made, kept while the tab is hidden: showing it again diffs only the files that changed since. */
const diffCache: DiffCache = new Map();

const KIND_TEXT: Readonly<Record<FileChange['kind'], string>> = { changed: 'changed', added: 'added', removed: 'removed' };

function Line({ line }: { line: DiffLine }) {
  const sign = SIGN[line.kind];
  return (
    <tr className={`diff-line diff-${line.kind}`}>
      <td className="diff-number">{line.oldLine ?? ''}</td>
      <td className="diff-number">{line.newLine ?? ''}</td>
      <td className="diff-sign">
        <span aria-hidden="true">{sign.mark}</span>
        <span className="visually-hidden">{sign.word}</span>
      </td>
      <td className="diff-text">{line.kind === 'added' ? <ins>{line.text}</ins> : line.kind === 'removed' ? <del>{line.text}</del> : line.text}</td>
    </tr>
  );
}

function Hunk({ hunk, lines, onOpen }: { hunk: DiffHunk; lines: readonly DiffLine[]; onOpen: ((line: number) => void) | undefined }) {
  const at = `@@ −${String(hunk.oldStart)},${String(hunk.oldLines)} +${String(hunk.newStart)},${String(hunk.newLines)} @@`;
  const firstChange = hunk.lines.find((l) => l.kind !== 'context');
  const openAt = firstChange?.newLine ?? firstChange?.oldLine ?? hunk.newStart;
  return (
    <tbody>
      <tr className="diff-hunk">
        <td colSpan={4}>
          <span>{at}</span>
          {onOpen !== undefined && (
            <button type="button" onClick={() => { onOpen(Math.max(1, openAt)); }}>
              Open at line {Math.max(1, openAt)}
            </button>
          )}
        </td>
      </tr>
      {lines.map((line, i) => (
        <Line key={i} line={line} />
      ))}
    </tbody>
  );
}

const FileDiff = memo(function FileDiff({ change, onOpen }: { change: FileChange; onOpen: (file: FileRef, line?: number) => void }) {
  const [all, setAll] = useState(false);
  const { diff } = change;
  const open = change.isConfiguration && change.file !== undefined ? change.file : undefined;
  const total = diff.hunks?.reduce((n, h) => n + h.lines.length, 0) ?? 0;
  let budget = all ? Infinity : LINES_SHOWN;
  const shown: { hunk: DiffHunk; lines: DiffLine[] }[] = [];
  for (const hunk of diff.hunks ?? []) {
    if (budget <= 0) break;
    const lines = hunk.lines.slice(0, budget);
    budget -= lines.length;
    shown.push({ hunk, lines });
  }
  return (
    <section className="changes-file" aria-label={`${change.label} (${KIND_TEXT[change.kind]})`}>
      <h3 className="changes-file-head">
        <span className={`changes-kind changes-kind-${change.kind}`}>{KIND_TEXT[change.kind]}</span>
        <span className="changes-file-name">{change.label}</span>
        <span className="changes-counts">
          <span className="changes-added">+{diff.added}</span> <span className="changes-removed">−{diff.removed}</span>
          <span className="visually-hidden">
            {' '}
            ({diff.added} added, {diff.removed} removed)
          </span>
        </span>
        {open !== undefined && (
          <button type="button" onClick={() => { onOpen(open); }}>
            Open in XML editor
          </button>
        )}
      </h3>
      {change.attributes !== undefined && (
        <p className="changes-attributes">
          File attributes: {change.attributes.before} → {change.attributes.after}
        </p>
      )}
      {diff.hunks === undefined ? (
        <p className="hint">
          Too many changes to list line by line: {diff.oldLineCount} lines before, {diff.newLineCount} now.
        </p>
      ) : (
        diff.hunks.length > 0 && (
          <table className="diff" aria-label={`Changes to ${change.label}`}>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Line before</th>
                <th scope="col">Line now</th>
                <th scope="col">Change</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            {shown.map(({ hunk, lines }, i) => (
              <Hunk key={i} hunk={hunk} lines={lines} onOpen={open === undefined ? undefined : (line) => { onOpen(open, line); }} />
            ))}
          </table>
        )
      )}
      {!all && total > LINES_SHOWN && (
        <button type="button" className="changes-more" onClick={() => { setAll(true); }}>
          Show all {total} lines
        </button>
      )}
    </section>
  );
});

export default function ChangesView() {
  const { ui } = useStores();
  const original = useWorkspaceState((s) => s.original);
  const workspace = useWorkspaceState((s) => s.workspace);
  const sourceName = useWorkspaceState((s) => s.sourceName);
  const changes = useMemo(() => workspaceChanges(original, workspace, diffCache), [original, workspace]);
  const onOpen = useCallback((file: FileRef, line?: number) => { ui.getState().openInEditor(file, line); }, [ui]);

  if (changes.files.length === 0 && !changes.usersChanged) {
    return <p className="changes-empty">No changes since {sourceName} was loaded.</p>;
  }
  const count = changes.files.length;
  return (
    <div className="changes-panel">
      <h2 className="changes-summary">
        {count === 1 ? '1 file' : `${String(count)} files`} changed since {sourceName} was loaded
      </h2>
      {changes.usersChanged && <p className="changes-attributes">The server&apos;s simulated users changed.</p>}
      {changes.files.map((change) => (
        <FileDiff key={change.key} change={change} onOpen={onOpen} />
      ))}
    </div>
  );
}
