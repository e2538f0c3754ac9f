/**
 * The Problems list: every diagnostic of applicationHost.config and of the workspace's web.config files,
 * with the file it belongs to, in the order a person reads them (file by file, errors first, then by
 * line). Pure, so it is tested in Node.
 */
import type { Diagnostic, DiagnosticSeverity, FileRef, Workspace } from '../../config/index.ts';
import { editableFiles, fileKey, fileNamed, type EditableFile } from './editorFiles.ts';

export interface Problem {
  /** Stable among one list's problems, for React keys. */
  id: string;
  diagnostic: Diagnostic;
  /** The file's name as shown. */
  fileLabel: string;
  /** The file to open; undefined when the workspace no longer has it. */
  file: FileRef | undefined;
}

export type ProblemCounts = Record<DiagnosticSeverity, number>;

const SEVERITY_ORDER: Readonly<Record<DiagnosticSeverity, number>> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Readonly<Record<DiagnosticSeverity, string>> = { error: 'Error', warning: 'Warning', info: 'Information' };

/**
 * `diagnostics`: the edited applicationHost.config's (a diagnostic with a `file` belongs to that file);
 * `fileProblems`: web.config files' problems, by file name.
 */
export function collectProblems(diagnostics: readonly Diagnostic[], fileProblems: ReadonlyMap<string, readonly Diagnostic[]>, files: readonly EditableFile[]): Problem[] {
  const order = new Map(files.map((f, i) => [f.key, i]));
  const entries: { problem: Problem; fileOrder: number }[] = [];
  const add = (diagnostic: Diagnostic, fileName: string | undefined): void => {
    const file = fileNamed(files, fileName);
    const fileLabel = file?.label ?? fileName ?? 'applicationHost.config';
    entries.push({
      problem: { id: String(entries.length), diagnostic, fileLabel, file: file?.ref },
      fileOrder: file === undefined ? files.length : (order.get(file.key) ?? files.length),
    });
  };
  for (const d of diagnostics) add(d, d.file);
  for (const [fileName, list] of fileProblems) for (const d of list) add(d, d.file ?? fileName);
  entries.sort(
    (a, b) =>
      a.fileOrder - b.fileOrder ||
      a.problem.fileLabel.localeCompare(b.problem.fileLabel) ||
      SEVERITY_ORDER[a.problem.diagnostic.severity] - SEVERITY_ORDER[b.problem.diagnostic.severity] ||
      a.problem.diagnostic.line - b.problem.diagnostic.line ||
      a.problem.diagnostic.column - b.problem.diagnostic.column,
  );
  return entries.map((e) => e.problem);
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.diagnostic.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning", or "No problems". */
export function describeCounts(counts: ProblemCounts): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  if (counts.info > 0) parts.push(plural(counts.info, 'message'));
  return parts.length === 0 ? 'No problems' : parts.join(', ');
}

/** Where a problem is, as `line:column`, or a dash for one with no place in the file (a missing element). */
export function describePlace(diagnostic: Diagnostic): string {
  return diagnostic.line > 0 ? `${String(diagnostic.line)}:${String(Math.max(1, diagnostic.column))}` : '–';
}

/** The diagnostics of one file: applicationHost.config's own, or a web.config's from `fileProblems`. */
export function diagnosticsOfFile(diagnostics: readonly Diagnostic[], fileProblems: ReadonlyMap<string, readonly Diagnostic[]>, workspace: Workspace, file: FileRef): readonly Diagnostic[] {
  if (file.kind === 'applicationHost') return diagnostics.some((d) => d.file !== undefined) ? diagnostics.filter((d) => d.file === undefined) : diagnostics;
  // fileProblems is keyed by the file's name as the workspace spells its path: the label of its entry.
  const key = fileKey(file);
  const label = editableFiles(workspace).find((f) => f.key === key)?.label;
  return (label === undefined ? undefined : fileProblems.get(label)) ?? [];
}

/** True when the file has an error: the text the store keeps for it cannot be applied. */
export function fileHasErrors(diagnostics: readonly Diagnostic[], fileProblems: ReadonlyMap<string, readonly Diagnostic[]>, workspace: Workspace, file: FileRef): boolean {
  return diagnosticsOfFile(diagnostics, fileProblems, workspace, file).some((d) => d.severity === 'error');
}
