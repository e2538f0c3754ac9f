import { describe, expect, it } from 'vitest';
import { loadWorkspace, normalizePhysicalPath, type Workspace } from '../workspace.ts';
import { applyEdit, type ConfigEdit } from './edits.ts';

const ROOT = '%SystemDrive%\\inetpub\\wwwroot';
const start = (): Workspace => ({ applicationHostConfig: '<configuration />', content: { [ROOT]: { 'a.htm': 'A', 'shop/b.htm': { text: 'B', readers: ['Administrators'] } } } });

function apply(workspace: Workspace, edit: ConfigEdit): Workspace {
  const result = applyEdit(workspace, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

const attributesOf = (workspace: Workspace, file: string) => loadWorkspace(workspace).fileAttributes.get(normalizePhysicalPath(ROOT))?.get(file);

describe('setFileAttributes', () => {
  it('sets the hidden attribute on a plain file, keeping its text, and the loaded workspace sees it', () => {
    const ws = apply(start(), { op: 'setFileAttributes', physicalPath: 'C:\\inetpub\\wwwroot', relativePath: 'A.HTM', hidden: true });
    expect(ws.content[ROOT]?.['a.htm']).toEqual({ text: 'A', hidden: true });
    expect(attributesOf(ws, 'a.htm')).toEqual({ hidden: true, readers: undefined });
  });

  it('changes readers without touching hidden, and clears them back to a bare text file', () => {
    let ws = apply(start(), { op: 'setFileAttributes', physicalPath: ROOT, relativePath: 'shop/b.htm', hidden: true });
    expect(ws.content[ROOT]?.['shop/b.htm']).toEqual({ text: 'B', hidden: true, readers: ['Administrators'] });
    ws = apply(ws, { op: 'setFileAttributes', physicalPath: ROOT, relativePath: 'shop/b.htm', readers: ['IUSR', 'Users'] });
    expect(attributesOf(ws, 'shop/b.htm')).toEqual({ hidden: true, readers: ['IUSR', 'Users'] });
    ws = apply(ws, { op: 'setFileAttributes', physicalPath: ROOT, relativePath: 'shop/b.htm', hidden: false, readers: null });
    expect(ws.content[ROOT]?.['shop/b.htm']).toBe('B');
    expect(attributesOf(ws, 'shop/b.htm')).toBeUndefined();
  });

  it('keeps attributes through a text write and a rename', () => {
    let ws = apply(start(), { op: 'writeFile', physicalPath: ROOT, relativePath: 'shop/b.htm', text: 'B2' });
    ws = apply(ws, { op: 'renameFile', physicalPath: ROOT, from: 'shop/b.htm', to: 'shop/c.htm' });
    expect(ws.content[ROOT]?.['shop/c.htm']).toEqual({ text: 'B2', readers: ['Administrators'] });
  });

  it('says when the file does not exist, and changes nothing', () => {
    const before = start();
    const result = applyEdit(before, { op: 'setFileAttributes', physicalPath: ROOT, relativePath: 'missing.htm', hidden: true });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no file missing\.htm/) as unknown });
    expect(before.content[ROOT]?.['a.htm']).toBe('A');
  });
});
