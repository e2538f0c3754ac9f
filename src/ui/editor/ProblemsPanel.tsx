/** TEMPORARY until the editor helper lands it. */
export function ProblemsPanel() {
  return <p className="hint">ProblemsPanel is being built.</p>;
}
