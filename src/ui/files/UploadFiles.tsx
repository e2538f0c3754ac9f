/** "Upload files": copies files from the person's disk into the folder, in one undoable edit. */
import { useState, type ChangeEvent } from 'react';
import type { LabelledEdit } from './fileEdits.ts';
import type { FolderNode, PhysicalRoot } from './fileTree.ts';
import { MAX_UPLOAD_BYTES, planUpload, type PickedFile } from './uploadFiles.ts';

async function read(file: File): Promise<PickedFile> {
  if (file.size > MAX_UPLOAD_BYTES) return { name: file.name, size: file.size, head: new Uint8Array(), text: '' };
  const [head, text] = await Promise.all([file.slice(0, 8000).arrayBuffer(), file.text()]);
  return { name: file.name, size: file.size, head: new Uint8Array(head), text };
}

export function UploadFiles({ root, folder, onEdit, onUploaded }: { root: PhysicalRoot; folder: FolderNode; onEdit: (change: LabelledEdit) => string | undefined; onUploaded: () => void }) {
  const [report, setReport] = useState<{ text: string; problems: string[] } | undefined>();
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.target;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    void Promise.all(files.map(read)).then((picked) => {
      const plan = planUpload(root, folder, picked);
      const failure = plan.change === undefined ? undefined : onEdit(plan.change);
      const text = failure ?? (plan.change === undefined ? 'No file was added.' : `${plan.change.label}.`);
      setReport({ text, problems: plan.skipped });
      // The folder stays selected, opened, so its report stays in view beside its new files.
      if (failure === undefined && plan.change !== undefined) onUploaded();
    });
  };
  return (
    <div className="files-upload">
      <label className="files-upload-button">
        Upload files…
        <input type="file" multiple className="visually-hidden" onChange={onChange} />
      </label>
      <span className="hint">from your disk into this folder; a file of the same name is replaced.</span>
      {report !== undefined && (
        <div aria-live="polite" className="files-upload-report">
          <p>{report.text}</p>
          {report.problems.length > 0 && (
            <ul className="problem">
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
