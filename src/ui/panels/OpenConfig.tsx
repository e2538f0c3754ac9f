import { useRef, type ChangeEvent } from 'react';
import { decodeConfigBytes, MAX_CONFIG_CHARS, workspaceForApplicationHost } from '../../config/index.ts';
import { useStores } from '../hooks/stores.ts';

/** Opens an applicationHost.config from disk; the simulation restarts on it. */
export function OpenConfig() {
  const { workspace } = useStores();
  const input = useRef<HTMLInputElement>(null);
  const onChange = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    if (file.size > MAX_CONFIG_CHARS * 2) {
      workspace.getState().loadApplicationHostConfig('', `${file.name} (refused: over 20 MB)`);
      return;
    }
    const { text } = decodeConfigBytes(new Uint8Array(await file.arrayBuffer()));
    // Its sites' folders hold the default content, as the CLI gives them (one definition, in src/config).
    workspace.getState().replaceWorkspace(workspaceForApplicationHost(text), file.name);
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Open applicationHost.config…
      </button>
      <input ref={input} type="file" accept=".config,.xml,text/xml" hidden aria-label="applicationHost.config file" onChange={(e) => void onChange(e)} />
    </>
  );
}
