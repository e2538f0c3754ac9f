/** TEMPORARY until the forms helper lands it. */
export function ServerPanel() {
  return <p className="hint">Sites and application pools are being built.</p>;
}
