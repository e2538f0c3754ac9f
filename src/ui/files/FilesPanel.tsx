/** TEMPORARY until the files helper lands it. */
export function FilesPanel() {
  return <p className="hint">The Files view is being built.</p>;
}
