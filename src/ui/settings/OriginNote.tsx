/** Where a value comes from, with a button that opens that file in the XML editor at its line. */
import { memo } from 'react';
import type { SettingOrigin } from '../../config/index.ts';
import { useStores } from '../hooks/stores.ts';

export const OriginNote = memo(function OriginNote({ origin, what }: { origin: SettingOrigin; what: string }) {
  const { ui } = useStores();
  const { file, line } = origin;
  return (
    <span className="setting-origin">
      <span className="setting-origin-label">from {origin.label}</span>
      {file === undefined ? null : (
        <button
          type="button"
          className="link-button"
          aria-label={`Open where ${what} is set: ${origin.label}${line === undefined ? '' : `, line ${String(line)}`}`}
          onClick={() => { ui.getState().openInEditor(file, line); }}
        >
          Open
        </button>
      )}
    </span>
  );
});
