import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost } from '../../config/index.ts';
import { listPhysicalRoots, treeOf } from './fileTree.ts';
import { MAX_UPLOAD_BYTES, planUpload, type PickedFile } from './uploadFiles.ts';

const text = (name: string, body: string): PickedFile => ({ name, size: body.length, head: new TextEncoder().encode(body.slice(0, 8000)), text: body });

describe('planUpload', () => {
  const workspace = { ...defaultWorkspace(), content: { '%SystemDrive%\\inetpub\\wwwroot': { 'iisstart.htm': 'old', 'shop/a.htm': 'a' } } };
  const root = listPhysicalRoots(parseApplicationHost(workspace.applicationHostConfig).model, workspace.content)[0];
  if (root === undefined) throw new Error('no wwwroot');

  it('writes the files in one step, replacing one of the same name ignoring case, and keeps a binary file as a line saying what it is', () => {
    const png: PickedFile = { name: 'logo.png', size: 5, head: new Uint8Array([0x89, 0x50, 0x00, 0x47, 0x0a]), text: '\u0089P\u0000G\n' };
    const plan = planUpload(root, treeOf(root), [text('IISSTART.HTM', 'new'), text('about.htm', '<p>About</p>'), png]);
    expect(plan.skipped).toEqual([]);
    expect(plan.change?.label).toBe('Upload 3 files to %SystemDrive%\\inetpub\\wwwroot, replacing 1');
    if (plan.change === undefined) throw new Error('no change');
    const result = applyEdit(workspace, plan.change.edit);
    if (!result.ok) throw new Error(result.message);
    expect(result.workspace.content['%SystemDrive%\\inetpub\\wwwroot']).toEqual({
      'iisstart.htm': 'new',
      'shop/a.htm': 'a',
      'about.htm': '<p>About</p>',
      'logo.png': '(binary file logo.png, 5 bytes)',
    });
  });

  it('leaves out, saying why, a name Windows refuses, a file over the limit, and a name a folder has', () => {
    const big: PickedFile = { name: 'big.iso', size: MAX_UPLOAD_BYTES + 1, head: new Uint8Array(), text: '' };
    const plan = planUpload(root, treeOf(root), [text('con.txt', 'x'), big, text('Shop', 'x')]);
    expect(plan.change).toBeUndefined();
    expect(plan.skipped).toEqual(['con.txt: con is a reserved device name in Windows.', 'big.iso: larger than 5 MB.', 'Shop: a folder of that name is already here.']);
  });
});
