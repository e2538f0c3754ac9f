/**
 * A collection at the chosen level (default documents, modules, handler mappings, rules...): the
 * effective entries in IIS's order, each with where it comes from; add, change and remove; and for
 * ordered lists, reorder by drag, by the Move up / Move down buttons, or with Alt+Arrow keys.
 * Removing an inherited entry writes `<remove>`, as IIS Manager does.
 */
import { memo, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  WEB_SERVER_COLLECTIONS,
  addSettingEntry,
  moveSettingEntry,
  removeSettingEntry,
  setSettingEntry,
  type EffectiveEntry,
} from '../../config/index.ts';
import type { CollectionForm } from './featureGroups.ts';
import { EntryForm, keyText } from './EntryForm.tsx';
import { OriginNote } from './OriginNote.tsx';
import { useSettings } from './settingsModel.ts';

const EMPTY: readonly EffectiveEntry[] = [];

/** The name an entry goes by in labels: its key values ("Default.htm", "Deny *"). */
function entryName(entry: EffectiveEntry, keys: readonly string[]): string {
  return keys.map((k) => entry.attributes[k] ?? '').filter((v) => v !== '').join(' ') || '(empty)';
}

interface Props {
  section: string;
  form: CollectionForm;
}

export const EntryList = memo(function EntryList({ section, form }: Props) {
  const model = useSettings();
  const { settings, levelName, level } = model;
  const path = form.sub === '' ? section : `${section}/${form.sub}`;
  const keys = WEB_SERVER_COLLECTIONS.get(path.slice('system.webServer/'.length))?.keys ?? [form.fields[0]?.attribute ?? 'name'];
  const entries = typeof settings === 'string' ? EMPTY : settings.entries(path, form.addName);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [dragFrom, setDragFrom] = useState<number | undefined>(undefined);
  const buttons = useRef(new Map<string, HTMLElement>());
  const [focusAfter, setFocusAfter] = useState<string | undefined>(undefined);
  const placement = model.placementOf(section);
  const taken = new Set(entries.map((e) => keyText(e.attributes, keys)));

  useEffect(() => {
    if (focusAfter === undefined) return;
    buttons.current.get(focusAfter)?.focus();
    setFocusAfter(undefined);
  }, [focusAfter, entries]);

  const move = (from: number, to: number, focus: string | undefined): void => {
    const entry = entries[from];
    if (entry === undefined || to < 0 || to >= entries.length) return;
    const edit = moveSettingEntry(model.currentWorkspace(), model.model, level, placement, section, form.sub, form.addName, keys, entries, from, to);
    const direction = to < from ? (to === from - 1 ? 'up' : `to position ${String(to + 1)}`) : to === from + 1 ? 'down' : `to position ${String(to + 1)}`;
    const result = model.run(edit, `Move ${form.noun} ${entryName(entry, keys)} ${direction} at ${levelName}`, section);
    setProblem(result);
    if (result === undefined && focus !== undefined) setFocusAfter(focus);
  };

  const remove = (entry: EffectiveEntry): void => {
    if (entry.lockItem && placement === 'webConfig' && !window.confirm(`${entryName(entry, keys)} is locked (lockItem="true") at a parent level: removing it in a web.config makes IIS answer 500.19. Remove it anyway?`)) return;
    const keyed = Object.fromEntries(keys.map((k) => [k, entry.attributes[k] ?? '']));
    const edit = removeSettingEntry(model.currentWorkspace(), model.model, level, placement, section, form.sub, form.addName, keyed);
    setProblem(model.run(edit, `Remove ${form.noun} ${entryName(entry, keys)} at ${levelName}`, section));
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, index: number, key: string): void => {
    if (!form.ordered || !event.altKey) return;
    if (event.key === 'ArrowUp') move(index, index - 1, `${key}|item`);
    else if (event.key === 'ArrowDown') move(index, index + 1, `${key}|item`);
    else return;
    event.preventDefault();
  };

  const onDrop = (event: DragEvent<HTMLLIElement>, index: number): void => {
    event.preventDefault();
    if (dragFrom !== undefined && dragFrom !== index) move(dragFrom, index, undefined);
    setDragFrom(undefined);
  };

  const List = form.ordered ? 'ol' : 'ul';
  return (
    <div className="entry-list">
      <h4>{form.label}</h4>
      {form.ordered ? <p className="setting-hint">In the order IIS uses them. Drag an entry, or focus it and press Alt+Up or Alt+Down.</p> : null}
      {entries.length === 0 ? <p className="setting-hint">None at this level.</p> : null}
      <List aria-label={form.label} className="entries">
        {entries.map((entry, index) => {
          const key = keyText(entry.attributes, keys);
          const name = entryName(entry, keys);
          const details = form.fields.filter((f) => !keys.includes(f.attribute) && (entry.attributes[f.attribute] ?? '') !== '');
          const register = (which: string) => (element: HTMLElement | null): void => {
            if (element === null) buttons.current.delete(`${key}|${which}`);
            else buttons.current.set(`${key}|${which}`, element);
          };
          return (
            <li
              key={key}
              ref={register('item')}
              tabIndex={form.ordered ? 0 : undefined}
              aria-label={form.ordered ? `${name}, ${String(index + 1)} of ${String(entries.length)}` : undefined}
              draggable={form.ordered}
              className={dragFrom === index ? 'entry dragging' : 'entry'}
              onKeyDown={(e) => { onItemKey(e, index, key); }}
              onDragStart={(e) => { setDragFrom(index); e.dataTransfer.effectAllowed = 'move'; }}
              onDragOver={(e) => { if (dragFrom !== undefined) e.preventDefault(); }}
              onDrop={(e) => { onDrop(e, index); }}
              onDragEnd={() => { setDragFrom(undefined); }}
            >
              <div className="entry-head">
                <span className="entry-name">{name}</span>
                {entry.lockItem && placement === 'webConfig' ? <span className="setting-locked" title='lockItem="true" at a parent level'>Locked</span> : null}
              </div>
              {details.length === 0 ? null : (
                <div className="entry-details">
                  {details.map((f) => <span key={f.attribute}>{f.label}: {entry.attributes[f.attribute]}</span>)}
                </div>
              )}
              <div className="entry-foot">
                <OriginNote origin={entry.origin} what={`${form.noun} ${name}`} />
                <span className="entry-actions">
                  {form.ordered ? (
                    <>
                      <button type="button" ref={register('up')} aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => { move(index, index - 1, `${key}|up`); }}>↑</button>
                      <button type="button" ref={register('down')} aria-label={`Move ${name} down`} disabled={index === entries.length - 1} onClick={() => { move(index, index + 1, `${key}|down`); }}>↓</button>
                    </>
                  ) : null}
                  <button type="button" aria-label={`Change ${name}`} aria-expanded={editing === key} onClick={() => { setEditing(editing === key ? undefined : key); }}>Edit</button>
                  <button type="button" aria-label={`Remove ${name}`} onClick={() => { remove(entry); }}>Remove</button>
                </span>
              </div>
              {editing === key ? (
                <EntryForm
                  form={form}
                  initial={entry.attributes}
                  keys={keys}
                  taken={taken}
                  submitLabel="Save"
                  onCancel={() => { setEditing(undefined); }}
                  onSubmit={(attributes) => {
                    const edit = setSettingEntry(model.currentWorkspace(), model.model, level, placement, section, form.sub, form.addName, keys, entry.attributes, attributes);
                    const result = model.run(edit, `Change ${form.noun} ${name} at ${levelName}`, section);
                    if (result === undefined) setEditing(undefined);
                    return result;
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </List>
      {problem === undefined ? null : <p className="setting-problem" role="alert">{problem}</p>}
      {adding ? (
        <EntryForm
          form={form}
          initial={undefined}
          keys={keys}
          taken={taken}
          submitLabel="Add"
          onCancel={() => { setAdding(false); }}
          onSubmit={(attributes) => {
            const edit = addSettingEntry(model.model, level, placement, section, form.sub, form.addName, attributes);
            const name = keys.map((k) => attributes[k] ?? '').filter((v) => v !== '').join(' ');
            const result = model.run(edit, `Add ${form.noun} ${name} at ${levelName}`, section);
            if (result === undefined) setAdding(false);
            return result;
          }}
        />
      ) : (
        <button type="button" className="entry-add" onClick={() => { setAdding(true); }}>Add {form.noun}…</button>
      )}
    </div>
  );
});
