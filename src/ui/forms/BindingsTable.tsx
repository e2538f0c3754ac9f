/**
 * A site's bindings: each with Edit and Remove, and "Add binding". A request reaches the site when
 * HTTP.sys matches one of them (host name, then IP, then wildcard).
 */
import { useState } from 'react';
import { removeBinding, type Site } from '../../config/index.ts';
import { BindingForm } from './BindingForm.tsx';
import { describeBinding, draftFromBinding, newBindingDraft } from './bindingDraft.ts';
import { useConfigEdit } from './useConfigEdit.ts';

/** Which binding form is open: a new binding, or the binding at an index. */
type Open = { kind: 'add' } | { kind: 'edit'; index: number } | undefined;

export function BindingsTable({ site }: { site: Site }) {
  const run = useConfigEdit();
  const [open, setOpen] = useState<Open>();
  const [failure, setFailure] = useState<string | undefined>();
  const close = (): void => { setOpen(undefined); };
  const editing = open?.kind === 'edit' ? site.bindings[open.index] : undefined;

  return (
    <div className="server-subsection" role="group" aria-labelledby="server-bindings-title">
      <h4 id="server-bindings-title">Bindings</h4>
      {site.bindings.length === 0 ? <p className="hint">No binding: HTTP.sys sends this site no request.</p> : null}
      <table className="props bindings-table" aria-label={`Bindings of ${site.name}`}>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Binding information</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {site.bindings.map((binding, index) => {
            const text = describeBinding(binding);
            return (
              <tr key={`${String(index)}|${binding.protocol}|${binding.bindingInformation}`}>
                <td>{binding.protocol}</td>
                <td className="mono">{text.slice(binding.protocol.length + 1)}</td>
                <td className="row-actions">
                  <button type="button" aria-label={`Edit binding ${text}`} onClick={() => { setOpen({ kind: 'edit', index }); setFailure(undefined); }}>
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove binding ${text}`}
                    onClick={() => {
                      setOpen(undefined);
                      setFailure(run(removeBinding(site.name, index), `Remove binding ${text} from ${site.name}`));
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      {open?.kind === 'edit' && editing !== undefined ? (
        <BindingForm key={`edit-${String(open.index)}`} site={site.name} index={open.index} initial={draftFromBinding(editing)} onDone={close} />
      ) : null}
      {open?.kind === 'add' ? (
        <BindingForm key="add" site={site.name} initial={newBindingDraft()} onDone={close} />
      ) : (
        <button type="button" onClick={() => { setOpen({ kind: 'add' }); setFailure(undefined); }}>
          Add binding…
        </button>
      )}
    </div>
  );
}
