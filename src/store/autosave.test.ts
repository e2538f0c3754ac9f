import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_HOST, defaultWorkspace, type ConfigEdit } from '../config/index.ts';
import { restoreSaved, startAutosave, unreadableRecordJson, type AutosaveOptions, type PersistenceStore } from './autosave.ts';
import { readImport } from './workspaceBundle.ts';
import { openWorkspaceDatabase, type SaveResult, type WorkspaceDatabase } from './persistence.ts';
import { createWorkspaceStore, type WorkspaceStore } from './workspaceStore.ts';

const WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';
const addFile = (name: string, text = name): ConfigEdit => ({ op: 'writeFile', physicalPath: WWWROOT, relativePath: name, text });

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A tab: a workspace store built from what the database holds, saving itself. */
async function openTab(factory: IDBFactory, tabId: string, extra: Partial<AutosaveOptions> = {}): Promise<{ workspace: WorkspaceStore; persistence: PersistenceStore; db: WorkspaceDatabase }> {
  const db = await openWorkspaceDatabase(factory);
  const initial = await db.read();
  const start = initial.kind === 'ok' ? initial.record : undefined;
  const workspace = createWorkspaceStore(start?.applied ?? start?.workspace ?? defaultWorkspace());
  if (start !== undefined) restoreSaved(workspace, start);
  const { store, stop } = startAutosave(workspace, { database: db, initial, tabId, debounceMs: 10, ...extra });
  stops.push(stop);
  return { workspace, persistence: store, db };
}

describe('autosave', () => {
  it('saves an edit, and a new page comes back with the workspace, its origin and its name', async () => {
    const factory = new IDBFactory();
    const first = await openTab(factory, 'a');
    first.workspace.getState().replaceWorkspace({ ...defaultWorkspace(), users: [{ name: 'bob', password: 'x', groups: [] }] }, 'shop.json');
    expect(first.workspace.getState().edit(addFile('hello.txt'), 'Add hello.txt')).toBeUndefined();
    expect(first.persistence.getState()).toMatchObject({ status: 'pending', dirty: true });
    await until(() => first.persistence.getState().status === 'saved', 'the save');
    expect(first.persistence.getState().dirty).toBe(false);

    const second = await openTab(factory, 'b');
    const state = second.workspace.getState();
    expect(state.workspace).toEqual(first.workspace.getState().workspace);
    expect(state.original).toEqual(first.workspace.getState().original);
    expect(state.original.content[WWWROOT]?.['hello.txt']).toBeUndefined();
    expect(state.sourceName).toBe('shop.json');
    expect(state.past).toEqual([]);
  });

  it('saves a burst of edits once, after the last', async () => {
    const factory = new IDBFactory();
    const tab = await openTab(factory, 'a');
    const writes: number[] = [];
    const write = tab.db.write;
    tab.db.write = async (record, base): Promise<SaveResult> => {
      writes.push(base);
      return write(record, base);
    };
    for (let i = 0; i < 5; i++) tab.workspace.getState().edit(addFile(`f${String(i)}.txt`), `Add f${String(i)}`);
    await until(() => tab.persistence.getState().status === 'saved', 'the save');
    expect(writes).toEqual([0]);
  });

  it('brings back an edit with errors as edited and not applied, the last good configuration in force', async () => {
    const factory = new IDBFactory();
    const first = await openTab(factory, 'a');
    const good = first.workspace.getState().workspace.applicationHostConfig;
    first.workspace.getState().setText(APPLICATION_HOST, good.replace('<sites>', '<sites><broken'));
    expect(first.workspace.getState().applied.applicationHostConfig).toBe(good);
    await until(() => first.persistence.getState().status === 'saved', 'the save');

    const second = await openTab(factory, 'b');
    const state = second.workspace.getState();
    expect(state.workspace.applicationHostConfig).toContain('<sites><broken');
    expect(state.applied.applicationHostConfig).toBe(good);
    expect(state.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(state.model.sites.sites.map((s) => s.name)).toEqual(['Default Web Site']);
  });

  it('two tabs: a save in one stops the other from saving and offers the choice', async () => {
    const factory = new IDBFactory();
    const channelName = `iis-flow-test-${String(Math.random())}`;
    const a = await openTab(factory, 'a', { channel: new BroadcastChannel(channelName) });
    const b = await openTab(factory, 'b', { channel: new BroadcastChannel(channelName) });
    a.workspace.getState().edit(addFile('from-a.txt'), 'Add from-a.txt');
    await until(() => b.persistence.getState().status === 'conflict', 'tab b to hear of the save');
    expect(b.persistence.getState().problem).toContain('Another tab saved a newer workspace');

    // Tab b's own edit is kept in the tab, and not written over a's.
    b.workspace.getState().edit(addFile('from-b.txt'), 'Add from-b.txt');
    await new Promise((resolve) => setTimeout(resolve, 40));
    const stored = await a.db.read();
    expect(stored.kind === 'ok' && Object.keys(stored.record.workspace.content[WWWROOT] ?? {})).toContain('from-a.txt');
    expect(stored.kind === 'ok' && Object.keys(stored.record.workspace.content[WWWROOT] ?? {})).not.toContain('from-b.txt');

    // "Keep this one": b's workspace is saved, and now a hears of it.
    b.persistence.getState().keepThis();
    await until(() => a.persistence.getState().status === 'conflict', 'tab a to hear of b\'s save');
    expect(b.persistence.getState().status).toBe('saved');

    // "Load the newer workspace": a takes b's, and does not save it again.
    await a.persistence.getState().loadNewer();
    expect(Object.keys(a.workspace.getState().workspace.content[WWWROOT] ?? {})).toEqual(expect.arrayContaining(['from-b.txt']));
    expect(Object.keys(a.workspace.getState().workspace.content[WWWROOT] ?? {})).not.toContain('from-a.txt');
    expect(a.persistence.getState().status).toBe('saved');
    expect(a.workspace.getState().lastLabel).toBe('Load the workspace saved in another tab');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(b.persistence.getState().status).toBe('saved');
  });

  it('"Keep this one" writes this tab\'s workspace even when it has not changed since its own last save', async () => {
    const factory = new IDBFactory();
    const channelName = `iis-flow-test-${String(Math.random())}`;
    const a = await openTab(factory, 'a', { channel: new BroadcastChannel(channelName) });
    const b = await openTab(factory, 'b', { channel: new BroadcastChannel(channelName) });
    a.workspace.getState().edit(addFile('from-a.txt'), 'Add');
    await until(() => a.persistence.getState().status === 'saved' && b.persistence.getState().status === 'conflict', 'a\'s save heard by b');
    b.workspace.getState().edit(addFile('from-b.txt'), 'Add');
    await b.persistence.getState().loadNewer();
    expect(b.workspace.getState().workspace.content[WWWROOT]?.['from-a.txt']).toBe('from-a.txt');
    b.workspace.getState().edit(addFile('later-b.txt'), 'Add');
    await until(() => a.persistence.getState().status === 'conflict', 'b\'s save heard by a');
    a.persistence.getState().keepThis();
    await until(() => b.persistence.getState().status === 'conflict', 'a\'s kept workspace heard by b');
    const stored = await a.db.read();
    expect(stored.kind === 'ok' && stored.record.workspace.content[WWWROOT]?.['later-b.txt']).toBeUndefined();
    expect(stored.kind === 'ok' && stored.record.workspace.content[WWWROOT]?.['from-a.txt']).toBe('from-a.txt');
  });

  it('without a channel, the revision check finds the other tab\'s save', async () => {
    const factory = new IDBFactory();
    const a = await openTab(factory, 'a');
    const b = await openTab(factory, 'b');
    a.workspace.getState().edit(addFile('from-a.txt'), 'Add');
    await until(() => a.persistence.getState().status === 'saved', 'a\'s save');
    b.workspace.getState().edit(addFile('from-b.txt'), 'Add');
    await until(() => b.persistence.getState().status === 'conflict', 'b to find the newer save');
    const stored = await a.db.read();
    expect(stored.kind === 'ok' && stored.record.workspace.content[WWWROOT]?.['from-b.txt']).toBeUndefined();
  });

  it('storage full: says the edits are not saved, keeps trying, and the page asks before closing', async () => {
    const factory = new IDBFactory();
    const lifecycle = new EventTarget();
    const tab = await openTab(factory, 'a', { lifecycle });
    const write = tab.db.write;
    let full = true;
    tab.db.write = async (record, base): Promise<SaveResult> => (full ? { kind: 'failed', quota: true, message: 'QuotaExceededError' } : write(record, base));
    tab.workspace.getState().edit(addFile('big.bin'), 'Add big.bin');
    await until(() => tab.persistence.getState().status === 'failed', 'the failed save');
    expect(tab.persistence.getState().problem).toContain('storage for this page is full');
    expect(tab.persistence.getState().dirty).toBe(true);
    const close = new Event('beforeunload', { cancelable: true });
    lifecycle.dispatchEvent(close);
    expect(close.defaultPrevented).toBe(true);

    full = false;
    tab.persistence.getState().retry();
    await until(() => tab.persistence.getState().status === 'saved', 'the retried save');
    const stored = await tab.db.read();
    expect(stored.kind === 'ok' && stored.record.workspace.content[WWWROOT]?.['big.bin']).toBe('big.bin');
  });

  it('no storage: says so, and edits go on in the page', () => {
    const workspace = createWorkspaceStore();
    const { store, stop } = startAutosave(workspace, { database: 'this browser has no IndexedDB', initial: { kind: 'none' }, tabId: 'a', debounceMs: 10 });
    stops.push(stop);
    expect(store.getState().status).toBe('unavailable');
    expect(store.getState().problem).toContain('Edits are not being saved: export the workspace');
    workspace.getState().edit(addFile('x.txt'), 'Add');
    expect(store.getState()).toMatchObject({ status: 'unavailable', dirty: true });
  });

  it('saves at once when the page is hidden', async () => {
    const factory = new IDBFactory();
    const lifecycle = new EventTarget();
    const tab = await openTab(factory, 'a', { lifecycle, debounceMs: 60_000 });
    tab.workspace.getState().edit(addFile('late.txt'), 'Add');
    lifecycle.dispatchEvent(new Event('pagehide'));
    await until(() => tab.persistence.getState().status === 'saved', 'the save on pagehide');
  });

  it('a record of a newer format is neither read nor written over until the person keeps this workspace', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    const workspace = createWorkspaceStore();
    const raw = { version: 2, revision: 7, somethingNew: true };
    const { store, stop } = startAutosave(workspace, { database: db, initial: { kind: 'newer', version: 2, revision: 7, raw }, tabId: 'a', debounceMs: 10 });
    stops.push(stop);
    expect(store.getState().status).toBe('newer');
    workspace.getState().edit(addFile('x.txt'), 'Add');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await db.read()).toEqual({ kind: 'none' });
    store.getState().keepThis();
    await until(() => store.getState().status === 'saved', 'the save over the newer record');
    const stored = await db.read();
    expect(stored.kind === 'ok' && stored.record.workspace.content[WWWROOT]?.['x.txt']).toBe('x.txt');
  });

  it('keeps an unreadable record to export, as JSON, and forgets it when discarded', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    const workspace = createWorkspaceStore();
    const { store, stop } = startAutosave(workspace, { database: db, initial: { kind: 'unreadable', reason: 'its revision is missing', raw: { version: 1, workspace: 'x' } }, tabId: 'a' });
    stops.push(stop);
    expect(store.getState().unreadable?.reason).toBe('its revision is missing');
    expect(JSON.parse(store.getState().unreadable?.json ?? '')).toEqual({ version: 1, workspace: 'x' });
    await store.getState().discardUnreadable();
    expect(store.getState().unreadable).toBeUndefined();
  });

  it('exports an unreadable record that still has a workspace as a workspace file, which imports once mended', () => {
    const raw = { version: 1, revision: 2, sourceName: 'shop.config', workspace: { applicationHostConfig: 12, content: { 'D:\\shop': { 'a.htm': 'a' } } } };
    const text = unreadableRecordJson(raw);
    const refused = readImport('unreadable.json', text);
    expect(refused.kind === 'refused' && refused.message).toContain('no "applicationHostConfig"');
    const mended = text.replace('"applicationHostConfig": 12', '"applicationHostConfig": "<configuration/>"');
    const reading = readImport('unreadable.json', mended);
    expect(reading.kind === 'workspace' && reading.workspace.content).toEqual({ 'D:\\shop': { 'a.htm': 'a' } });
    expect(JSON.parse(text)).toMatchObject({ savedRecord: { revision: 2, sourceName: 'shop.config' } });
  });
});
