/** TEMPORARY until the editor helper lands it. */
export default function XmlEditorPanel() {
  return <p className="hint">The XML editor is being built.</p>;
}
