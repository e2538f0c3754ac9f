import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { defaultWorkspace, type Workspace } from '../config/index.ts';
import { checkSavedWorkspace, DATABASE_NAME, openSavedWorkspace, openWorkspaceDatabase, SAVED_WORKSPACE_VERSION, type SavedWorkspace } from './persistence.ts';

const record = (workspace: Workspace, extra: Partial<SavedWorkspace> = {}): Omit<SavedWorkspace, 'revision'> => ({
  version: SAVED_WORKSPACE_VERSION,
  savedAt: 1,
  tabId: 'tab-a',
  sourceName: 'shop.config',
  workspace,
  ...extra,
});

/** Puts a value under the current key as another program (or a damaged disk) might have. */
async function putRaw(factory: IDBFactory, value: unknown): Promise<void> {
  const db = await openWorkspaceDatabase(factory);
  db.close();
  await new Promise<void>((resolve, reject) => {
    const open = factory.open(DATABASE_NAME, 1);
    open.onsuccess = () => {
      const transaction = open.result.transaction('workspace', 'readwrite');
      transaction.objectStore('workspace').put(value, 'current');
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => { reject(new Error('put failed')); };
    };
  });
}

describe('the saved workspace', () => {
  it('reads nothing from an empty database, then what was written, with its revision', async () => {
    const db = await openWorkspaceDatabase(new IDBFactory());
    expect(await db.read()).toEqual({ kind: 'none' });
    const workspace: Workspace = { ...defaultWorkspace(), users: [{ name: 'alice', password: 'x', groups: [] }] };
    workspace.content['D:\\shop'] = { 'secret.txt': { text: 's', hidden: true, readers: ['Administrators'] } };
    expect(await db.write(record(workspace), 0)).toEqual({ kind: 'saved', revision: 1 });
    const read = await db.read();
    expect(read.kind === 'ok' && read.record.workspace).toEqual(workspace);
    expect(read.kind === 'ok' && read.record.revision).toBe(1);
    expect(read.kind === 'ok' && read.record.sourceName).toBe('shop.config');
    expect(await db.write(record(workspace), 1)).toEqual({ kind: 'saved', revision: 2 });
  });

  it('keeps the last good workspace and the original when they differ from the one edited', async () => {
    const db = await openWorkspaceDatabase(new IDBFactory());
    const applied = defaultWorkspace();
    const edited = { ...applied, applicationHostConfig: '<configuration><broken' };
    await db.write(record(edited, { applied, original: applied }), 0);
    const read = await db.read();
    expect(read.kind === 'ok' && read.record.applied).toEqual(applied);
    expect(read.kind === 'ok' && read.record.original).toEqual(applied);
    expect(read.kind === 'ok' && read.record.workspace.applicationHostConfig).toBe('<configuration><broken');
  });

  it('refuses to write over a revision it has not seen (another tab saved since)', async () => {
    const factory = new IDBFactory();
    const tabA = await openWorkspaceDatabase(factory);
    const tabB = await openWorkspaceDatabase(factory);
    const a = { ...defaultWorkspace(), applicationHostConfig: '<configuration>A</configuration>' };
    const b = { ...defaultWorkspace(), applicationHostConfig: '<configuration>B</configuration>' };
    expect(await tabA.write(record(a), 0)).toEqual({ kind: 'saved', revision: 1 });
    // Tab B started before A saved (base revision 0).
    expect(await tabB.write(record(b), 0)).toEqual({ kind: 'conflict', revision: 1 });
    const read = await tabB.read();
    expect(read.kind === 'ok' && read.record.workspace.applicationHostConfig).toBe('<configuration>A</configuration>');
  });

  it('checks the revision of a record saved before the revision had a key of its own', async () => {
    const factory = new IDBFactory();
    const older = { ...record(defaultWorkspace()), revision: 4 };
    await putRaw(factory, older);
    const db = await openWorkspaceDatabase(factory);
    expect(await db.write(record(defaultWorkspace()), 3)).toEqual({ kind: 'conflict', revision: 4 });
    expect(await db.write(record(defaultWorkspace()), 4)).toEqual({ kind: 'saved', revision: 5 });
    // From then on the revision's own key answers, and a stale base is still refused.
    expect(await db.write(record(defaultWorkspace()), 4)).toEqual({ kind: 'conflict', revision: 5 });
    expect(await db.write(record(defaultWorkspace()), 5)).toEqual({ kind: 'saved', revision: 6 });
  });

  it('keeps the original workspace under its own key, written when it changes, and reads it back with the record', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    const original = { ...defaultWorkspace(), applicationHostConfig: '<configuration>O</configuration>' };
    const edited = (n: number): Workspace => ({ ...defaultWorkspace(), applicationHostConfig: `<configuration>${String(n)}</configuration>` });
    expect(await db.write(record(edited(1), { original }), 0)).toEqual({ kind: 'saved', revision: 1 });
    expect(await db.write(record(edited(2), { original }), 1)).toEqual({ kind: 'saved', revision: 2 });
    const again = await openWorkspaceDatabase(factory);
    const read = await again.read();
    expect(read.kind === 'ok' && read.record.workspace.applicationHostConfig).toBe('<configuration>2</configuration>');
    expect(read.kind === 'ok' && read.record.original?.applicationHostConfig).toBe('<configuration>O</configuration>');
    const next = { ...defaultWorkspace(), applicationHostConfig: '<configuration>P</configuration>' };
    expect(await again.write(record(edited(3), { original: next }), 2)).toEqual({ kind: 'saved', revision: 3 });
    const third = await (await openWorkspaceDatabase(factory)).read();
    expect(third.kind === 'ok' && third.record.original?.applicationHostConfig).toBe('<configuration>P</configuration>');
    expect(await again.write(record(edited(4)), 3)).toEqual({ kind: 'saved', revision: 4 });
    const fourth = await (await openWorkspaceDatabase(factory)).read();
    expect(fourth.kind === 'ok' && fourth.record.original).toBeUndefined();
  });

  it('keeps the files under their own key, written only when they change or another tab has saved, and reads them back whole', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    const base = defaultWorkspace();
    const edited = (n: number, content = base.content): Workspace => ({ ...base, content, applicationHostConfig: `<configuration>${String(n)}</configuration>`, iisVersion: '8.5' });
    // Which keys each save puts: the files only when their object changed.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const keys = (): unknown[] => {
      const taken = put.mock.calls.map((call) => call[1]);
      put.mockClear();
      return taken;
    };
    try {
      expect(await db.write(record(edited(1), { applied: edited(0) }), 0)).toEqual({ kind: 'saved', revision: 1 });
      expect(keys()).toContain('content');
      expect(await db.write(record(edited(2), { applied: edited(1) }), 1)).toEqual({ kind: 'saved', revision: 2 });
      expect(keys()).not.toContain('content');
      const files = { ...base.content, 'D:\\shop': { 'index.htm': 'shop' } };
      expect(await db.write(record(edited(3, files), { applied: edited(2) }), 2)).toEqual({ kind: 'saved', revision: 3 });
      expect(keys()).toContain('content');
      // Another tab saves its own files; this tab, keeping its workspace, must write its files again.
      const other = await openWorkspaceDatabase(factory);
      await other.read();
      expect(await other.write(record(edited(9)), 3)).toEqual({ kind: 'saved', revision: 4 });
      keys();
      expect(await db.write(record(edited(4, files)), 4)).toEqual({ kind: 'saved', revision: 5 });
      expect(keys()).toContain('content');
    } finally {
      put.mockRestore();
    }
    const read = await (await openWorkspaceDatabase(factory)).read();
    expect(read.kind === 'ok' && read.record.workspace.content['D:\\shop']).toEqual({ 'index.htm': 'shop' });
    expect(read.kind === 'ok' && read.record.workspace.iisVersion).toBe('8.5');
    expect(read).toMatchObject({ kind: 'ok', record: { revision: 5 } });
  });

  it('reads the last good workspace back with the files it shares with the one edited, or its own', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    const edited = { ...defaultWorkspace(), applicationHostConfig: '<configuration>broken' };
    const applied = { ...edited, applicationHostConfig: '<configuration/>' };
    await db.write(record(edited, { applied }), 0);
    const shared = await (await openWorkspaceDatabase(factory)).read();
    expect(shared.kind === 'ok' && shared.record.applied).toEqual(applied);
    const own = { ...applied, content: { 'D:\\other': { 'a.htm': 'a' } } };
    await db.write(record(edited, { applied: own }), 1);
    const separate = await (await openWorkspaceDatabase(factory)).read();
    expect(separate.kind === 'ok' && separate.record.applied).toEqual(own);
    expect(separate.kind === 'ok' && separate.record.workspace.content).toEqual(edited.content);
  });

  it('moves an unreadable record aside, keeps it to export, and discards it when asked', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, { version: 1, revision: 3, workspace: { applicationHostConfig: 42 } });
    const db = await openWorkspaceDatabase(factory);
    const read = await db.read();
    expect(read.kind).toBe('unreadable');
    expect(read.kind === 'unreadable' && read.reason).toContain('no applicationHost.config text');
    await db.setAside();
    expect(await db.read()).toEqual({ kind: 'none' });
    expect(await db.readUnreadable()).toEqual({ version: 1, revision: 3, workspace: { applicationHostConfig: 42 } });
    await db.discardUnreadable();
    expect(await db.readUnreadable()).toBeUndefined();
  });

  it('tells a record from an older version, a newer one and a damaged one', () => {
    expect(checkSavedWorkspace({ workspace: defaultWorkspace() })).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('older version') as unknown });
    expect(checkSavedWorkspace({ version: 9, revision: 4 })).toMatchObject({ kind: 'newer', version: 9, revision: 4 });
    expect(checkSavedWorkspace('text')).toMatchObject({ kind: 'unreadable' });
    expect(checkSavedWorkspace({ version: 1, revision: 2, workspace: { applicationHostConfig: '', content: { x: 'y' } } })).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('files') as unknown });
    expect(checkSavedWorkspace({ version: 1, revision: 2, workspace: defaultWorkspace(), original: 5 })).toMatchObject({ kind: 'unreadable', reason: 'its original is missing' });
  });

  it('says why when there is no IndexedDB', async () => {
    await expect(openWorkspaceDatabase(undefined)).rejects.toThrow('this browser has no IndexedDB');
  });

  it('gives up opening after its time-out', async () => {
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    await expect(openWorkspaceDatabase(hanging, 20)).rejects.toThrow('did not answer in time');
  });
});

describe('start-up', () => {
  it('opens the database and reads the saved workspace', async () => {
    const factory = new IDBFactory();
    const db = await openWorkspaceDatabase(factory);
    await db.write(record(defaultWorkspace()), 0);
    const opened = await openSavedWorkspace(factory);
    expect(typeof opened.database).not.toBe('string');
    expect(opened.initial.kind).toBe('ok');
  });

  it('sets an unreadable record aside, so that the next save does not lose it', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, { version: 1, revision: 'x' });
    const opened = await openSavedWorkspace(factory);
    expect(opened.initial).toMatchObject({ kind: 'unreadable', reason: 'its revision is missing' });
    if (typeof opened.database === 'string') throw new Error(opened.database);
    expect(await opened.database.read()).toEqual({ kind: 'none' });
    expect(await opened.database.readUnreadable()).toEqual({ version: 1, revision: 'x' });
  });

  it('without IndexedDB, says why and starts with nothing', async () => {
    const opened = await openSavedWorkspace({ open: () => { throw new Error('SecurityError: storage is disabled'); } } as unknown as IDBFactory);
    expect(opened).toEqual({ database: 'SecurityError: storage is disabled', initial: { kind: 'none' } });
  });
});
