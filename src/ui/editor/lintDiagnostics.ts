/**
 * The parser's diagnostics as CodeMirror lint diagnostics: at their line and column (1-based, counted in
 * the text the store parsed), moved through what was typed since, and spanning the name they point at.
 */
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { ChangeDesc, Text } from '@codemirror/state';
import type { Diagnostic } from '../../config/index.ts';

const NAME_CHAR = /[\w.:-]/;

/** The end of the element or attribute name at `from` (after a `<` or `</`), or one character on. */
function tokenEnd(lineText: string, column: number): number {
  let i = column;
  if (lineText[i] === '<') i++;
  if (lineText[i] === '/') i++;
  let end = i;
  while (end < lineText.length && NAME_CHAR.test(lineText.charAt(end))) end++;
  if (end === i) return Math.min(lineText.length, column + 1);
  return end;
}

/**
 * `parsed`: the document the diagnostics were computed on; `since`: the changes typed after it (not
 * yet parsed), through which each position is mapped. Diagnostics with no place in the file (line 0)
 * are left to the Problems panel.
 */
export function toLintDiagnostics(diagnostics: readonly Diagnostic[], parsed: Text, since?: ChangeDesc): LintDiagnostic[] {
  const result: LintDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.line < 1 || d.line > parsed.lines) continue;
    const line = parsed.line(d.line);
    const column = Math.min(Math.max(0, d.column - 1), line.length);
    let from = line.from + column;
    let to = line.from + tokenEnd(line.text, column);
    if (since !== undefined) {
      from = since.mapPos(from, 1);
      to = Math.max(from, since.mapPos(to, -1));
    }
    result.push({ from, to, severity: d.severity, message: `${d.message} (${d.code})`, source: 'IIS Flow' });
  }
  return result;
}
