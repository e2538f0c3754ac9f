/**
 * "Import configuration" and "Export": the header's file controls. An import (the file input, or a file
 * dropped anywhere on the page) replaces the workspace when it is one; a configuration with errors is
 * shown and asked about before it replaces a good workspace; a web.config asks which folder it goes in;
 * anything else replaces nothing and says why. Export downloads the workspace file, applicationHost.config
 * or a web.config.
 */
import { useCallback, useEffect, useEffectEvent, useState, type ChangeEvent } from 'react';
import { selectSummary } from '../../store/index.ts';
import { MAX_IMPORT_BYTES, readImportBytes, tooLarge, type ImportReading } from '../../store/workspaceBundle.ts';
import { useStores } from '../hooks/stores.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportErrorsDialog, WebConfigDialog } from './ImportDialogs.tsx';

type WorkspaceReading = Extract<ImportReading, { kind: 'workspace' }>;
type Pending = { kind: 'errors'; reading: WorkspaceReading } | { kind: 'webConfig'; text: string; fileName: string } | { kind: 'export' };

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** Reads one file and acts on it; returns what needs the person's answer, if anything. */
function useImport(): { importFile: (file: File) => Promise<void>; pending: Pending | undefined; setPending: (p: Pending | undefined) => void; take: (reading: WorkspaceReading) => void } {
  const { workspace, ui } = useStores();
  const [pending, setPending] = useState<Pending | undefined>();

  const take = useCallback(
    (reading: WorkspaceReading) => {
      setPending(undefined);
      workspace.getState().replaceWorkspace(reading.workspace, reading.sourceName);
      ui.getState().selectNode(undefined);
      if (reading.errors.length > 0) {
        ui.getState().setWorkbenchTab('problems');
        workspace.getState().setNotice({ kind: 'error', text: `Imported ${reading.sourceName}, which has ${plural(reading.errors.length, 'error')}: they are listed in Problems.` });
      } else {
        workspace.getState().setNotice({ kind: 'info', text: `Imported ${reading.sourceName}. Undo brings back the workspace before it.` });
      }
    },
    [workspace, ui],
  );

  const importFile = useCallback(
    async (file: File) => {
      const say = (text: string): void => { workspace.getState().setNotice({ kind: 'error', text }); };
      if (file.size > MAX_IMPORT_BYTES) {
        say(tooLarge(file.name, file.size));
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        say(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}.`);
        return;
      }
      const reading = readImportBytes(file.name, bytes, workspace.getState().workspace);
      switch (reading.kind) {
        case 'refused':
          say(reading.message);
          return;
        case 'webConfig':
          setPending({ kind: 'webConfig', text: reading.text, fileName: reading.fileName });
          return;
        case 'workspace':
          // A configuration with errors does not replace a good workspace without asking.
          if (reading.errors.length > 0 && selectSummary(workspace.getState()).errors === 0) setPending({ kind: 'errors', reading });
          else take(reading);
          return;
      }
    },
    [workspace, take],
  );
  return { importFile, pending, setPending, take };
}

/** While files are dragged over the page, a sign that dropping imports them; dropping one imports it. */
function useFileDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onDroppedFile = useEffectEvent(onFile);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      // Without this the browser opens the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) onDroppedFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return dragging;
}

export function ImportExport() {
  const { importFile, pending, setPending, take } = useImport();
  const dragging = useFileDrop((file) => void importFile(file));
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again imports it again.
    event.target.value = '';
    if (file !== undefined) void importFile(file);
  };
  const cancel = (): void => { setPending(undefined); };
  return (
    <>
      <label className="file-button" title="An applicationHost.config (.config, .xml) or an IIS Flow workspace file (.json); or drop a file anywhere on the page">
        Import configuration
        <input type="file" className="visually-hidden" accept=".config,.xml,.json,text/xml,application/xml,application/json" onChange={onChange} />
      </label>
      <button type="button" onClick={() => { setPending({ kind: 'export' }); }}>
        Export
      </button>
      {pending?.kind === 'export' && <ExportDialog onClose={cancel} />}
      {pending?.kind === 'errors' && <ImportErrorsDialog reading={pending.reading} onReplace={() => { take(pending.reading); }} onCancel={cancel} />}
      {pending?.kind === 'webConfig' && <WebConfigDialog fileName={pending.fileName} text={pending.text} onDone={cancel} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop an applicationHost.config or a workspace file to import it</p>
        </div>
      )}
    </>
  );
}
