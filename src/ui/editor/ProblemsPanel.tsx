/**
 * The Problems panel: every diagnostic of applicationHost.config and of the web.config files, with its
 * severity, message, file and line:column. Clicking one (or Enter on it) opens the XML editor there.
 * Loaded with the page (it is small); the editor it opens loads on demand.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import type { DiagnosticSeverity } from '../../config/index.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { editableFiles } from './editorFiles.ts';
import { collectProblems, countProblems, describeCounts, describePlace, SEVERITY_LABEL, type Problem } from './problems.ts';

/** Past this many rows the list says how many more there are, so a file with thousands of problems stays quick to show. */
const MAX_ROWS = 500;

const SEVERITIES: readonly DiagnosticSeverity[] = ['error', 'warning', 'info'];
const ICON: Readonly<Record<DiagnosticSeverity, string>> = { error: '✖', warning: '▲', info: 'ℹ' };

const ProblemRow = memo(function ProblemRow({ problem, onOpen }: { problem: Problem; onOpen: (problem: Problem) => void }) {
  const d = problem.diagnostic;
  return (
    <li className={`problem-row problem-${d.severity}`}>
      <button type="button" onClick={() => { onOpen(problem); }} disabled={problem.file === undefined}>
        <span className="problem-severity">
          <span aria-hidden="true">{ICON[d.severity]} </span>
          {SEVERITY_LABEL[d.severity]}
        </span>
        <span className="problem-message">
          {d.message} <span className="problem-code">{d.code}</span>
        </span>
        <span className="problem-file">{problem.fileLabel}</span>
        <span className="problem-place">{describePlace(d)}</span>
      </button>
    </li>
  );
});

export function ProblemsPanel() {
  const { ui } = useStores();
  const diagnostics = useWorkspaceState((s) => s.diagnostics);
  const fileProblems = useWorkspaceState((s) => s.fileProblems);
  const content = useWorkspaceState((s) => s.workspace.content);
  const [hidden, setHidden] = useState<ReadonlySet<DiagnosticSeverity>>(() => new Set());

  const files = useMemo(() => editableFiles({ applicationHostConfig: '', content }), [content]);
  const problems = useMemo(() => collectProblems(diagnostics, fileProblems, files), [diagnostics, fileProblems, files]);
  const counts = useMemo(() => countProblems(problems), [problems]);
  const shown = useMemo(() => problems.filter((p) => !hidden.has(p.diagnostic.severity)), [problems, hidden]);
  const onOpen = useCallback(
    (problem: Problem) => {
      if (problem.file === undefined) return;
      const d = problem.diagnostic;
      if (d.line > 0) ui.getState().openInEditor(problem.file, d.line, Math.max(1, d.column));
      else ui.getState().openInEditor(problem.file);
    },
    [ui],
  );
  const toggle = (severity: DiagnosticSeverity): void => {
    const next = new Set(hidden);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    setHidden(next);
  };

  return (
    <div className="problems-panel">
      <div className="problems-head">
        <h2 className="problems-summary">{describeCounts(counts)}</h2>
        {problems.length > 0 && (
          <div className="problems-filters" role="group" aria-label="Show problems by severity">
            {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
              <button key={s} type="button" aria-pressed={!hidden.has(s)} onClick={() => { toggle(s); }}>
                <span aria-hidden="true">{ICON[s]} </span>
                {SEVERITY_LABEL[s]}s ({counts[s]})
              </button>
            ))}
          </div>
        )}
      </div>
      {problems.length === 0 ? (
        <p className="problems-empty">No problems: applicationHost.config and every web.config read cleanly.</p>
      ) : (
        <>
          <div className="problem-columns" aria-hidden="true">
            <span>Severity</span>
            <span>Message</span>
            <span>File</span>
            <span>Line:Col</span>
          </div>
          <ul className="problems-list" aria-label="Problems">
            {shown.slice(0, MAX_ROWS).map((p) => (
              <ProblemRow key={p.id} problem={p} onOpen={onOpen} />
            ))}
          </ul>
          {shown.length > MAX_ROWS && <p className="hint">Showing the first {MAX_ROWS} of {shown.length} problems.</p>}
        </>
      )}
    </div>
  );
}
