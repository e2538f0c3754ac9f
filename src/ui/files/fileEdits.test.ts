import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, loadWorkspace, normalizePhysicalPath, parseApplicationHost, type Workspace } from '../../config/index.ts';
import { addFile, parseReaders, removeFile, removeFolder, renameFile, renameFolder, saveText, setHidden, setReaders, type LabelledEdit } from './fileEdits.ts';
import { findItem, itemId, listPhysicalRoots, type PhysicalRoot } from './fileTree.ts';

const WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';

function apply(workspace: Workspace, change: LabelledEdit): Workspace {
  const result = applyEdit(workspace, change.edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

function rootOf(workspace: Workspace): PhysicalRoot {
  const root = listPhysicalRoots(parseApplicationHost(workspace.applicationHostConfig).model, workspace.content)[0];
  if (root === undefined) throw new Error('no physical path');
  return root;
}

const files = (workspace: Workspace): string[] => Object.keys(workspace.content[WWWROOT] ?? {}).sort();

describe('file edits', () => {
  it('adds, edits, renames and removes a file, each labelled as Undo shows it', () => {
    let ws = defaultWorkspace();
    const add = addFile(rootOf(ws), 'shop', 'index.htm', '<h1>Shop</h1>');
    expect(add.label).toBe('Add file shop/index.htm to %SystemDrive%\\inetpub\\wwwroot');
    ws = apply(ws, add);
    expect(ws.content[WWWROOT]?.['shop/index.htm']).toBe('<h1>Shop</h1>');
    ws = apply(ws, saveText(rootOf(ws), 'shop/index.htm', 'v2'));
    expect(ws.content[WWWROOT]?.['shop/index.htm']).toBe('v2');
    const rename = renameFile(rootOf(ws), 'shop/index.htm', 'default.htm');
    expect(rename.label).toBe('Rename %SystemDrive%\\inetpub\\wwwroot\\shop\\index.htm to default.htm');
    ws = apply(ws, rename);
    expect(files(ws)).toContain('shop/default.htm');
    expect(files(ws)).not.toContain('shop/index.htm');
    ws = apply(ws, removeFile(rootOf(ws), 'shop/default.htm'));
    expect(files(ws)).toEqual(['hello.aspx', 'iisstart.htm', 'iisstart.png']);
  });

  it('writes into a physical path the content does not have yet, under the name the configuration gives it', () => {
    const ws = apply({ ...defaultWorkspace(), content: {} }, addFile(rootOf({ ...defaultWorkspace(), content: {} }), '', 'a.htm', 'a'));
    expect(ws.content).toEqual({ [WWWROOT]: { 'a.htm': 'a' } });
  });

  it('renames and removes a folder with all its files in one step', () => {
    let ws = defaultWorkspace();
    ws = apply(ws, addFile(rootOf(ws), 'shop', 'a.htm', 'a'));
    ws = apply(ws, addFile(rootOf(ws), 'shop/img', 'b.png', 'b'));
    ws = apply(ws, setHidden(rootOf(ws), 'shop/img/b.png', true));
    let item = findItem([rootOf(ws)], itemId(rootOf(ws), 'shop'));
    if (item?.kind !== 'folder') throw new Error('no folder');
    const rename = renameFolder(rootOf(ws), item.folder, 'store');
    expect(rename.edit.op).toBe('batch');
    ws = apply(ws, rename);
    expect(files(ws)).toEqual(['hello.aspx', 'iisstart.htm', 'iisstart.png', 'store/a.htm', 'store/img/b.png']);
    // The hidden attribute goes with the file.
    expect(loadWorkspace(ws).fileAttributes.get(normalizePhysicalPath(WWWROOT))?.get('store/img/b.png')?.hidden).toBe(true);
    item = findItem([rootOf(ws)], itemId(rootOf(ws), 'store'));
    if (item?.kind !== 'folder') throw new Error('no folder');
    const remove = removeFolder(rootOf(ws), item.folder);
    expect(remove.label).toBe('Remove folder %SystemDrive%\\inetpub\\wwwroot\\store and its 2 files');
    ws = apply(ws, remove);
    expect(files(ws)).toEqual(['hello.aspx', 'iisstart.htm', 'iisstart.png']);
  });

  it('sets and clears who may read a file', () => {
    let ws = defaultWorkspace();
    ws = apply(ws, setReaders(rootOf(ws), 'iisstart.htm', ['Administrators']));
    expect(ws.content[WWWROOT]?.['iisstart.htm']).toMatchObject({ readers: ['Administrators'] });
    const everyone = setReaders(rootOf(ws), 'iisstart.htm', undefined);
    expect(everyone.label).toBe('Let everyone read %SystemDrive%\\inetpub\\wwwroot\\iisstart.htm');
    ws = apply(ws, everyone);
    expect(typeof ws.content[WWWROOT]?.['iisstart.htm']).toBe('string');
  });
});

describe('parseReaders', () => {
  it('splits on commas and lines, keeps names with spaces and backslashes, drops repeats ignoring case', () => {
    expect(parseReaders('IUSR, Administrators\nIIS AppPool\\DefaultAppPool,\n iusr ,Authenticated Users')).toEqual(['IUSR', 'Administrators', 'IIS AppPool\\DefaultAppPool', 'Authenticated Users']);
    expect(parseReaders(' , \n')).toEqual([]);
  });
});
