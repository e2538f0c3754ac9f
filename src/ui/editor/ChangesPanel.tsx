/** TEMPORARY until the editor helper lands it. */
export function ChangesPanel() {
  return <p className="hint">ChangesPanel is being built.</p>;
}
