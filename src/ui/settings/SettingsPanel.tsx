/** TEMPORARY until the settings helper lands it. */
export function SettingsPanel() {
  return <p className="hint">Feature settings are being built.</p>;
}
