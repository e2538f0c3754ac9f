import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type Workspace } from '../../config/index.ts';
import { diffText, workspaceChanges, type DiffCache } from './fileChanges.ts';

const lines = (n: number, prefix = 'line'): string => Array.from({ length: n }, (_, i) => `${prefix} ${String(i + 1)}\n`).join('');

describe('diffText', () => {
  it('marks one changed line with both line numbers and three lines of context', () => {
    const before = lines(20);
    const after = before.replace('line 10\n', 'line ten\n');
    const diff = diffText(before, after);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const hunk = diff.hunks?.[0];
    expect(hunk).toMatchObject({ oldStart: 7, oldLines: 7, newStart: 7, newLines: 7 });
    expect(hunk?.lines.map((l) => `${l.kind[0] ?? ''}${String(l.oldLine ?? '-')}:${String(l.newLine ?? '-')} ${l.text}`)).toEqual([
      'c7:7 line 7',
      'c8:8 line 8',
      'c9:9 line 9',
      'r10:- line 10',
      'a-:10 line ten',
      'c11:11 line 11',
      'c12:12 line 12',
      'c13:13 line 13',
    ]);
  });

  it('numbers lines after an insertion in the new file', () => {
    const before = lines(10);
    const after = before.replace('line 3\n', 'line 3\ninserted a\ninserted b\n');
    const diff = diffText(before, after);
    expect(diff).toMatchObject({ added: 2, removed: 0 });
    const tail = diff.hunks?.[0]?.lines.at(-1);
    expect(tail).toEqual({ kind: 'context', oldLine: 6, newLine: 8, text: 'line 6' });
  });

  it('splits changes far apart into hunks, and joins near ones', () => {
    const before = lines(40);
    const far = before.replace('line 5\n', 'five\n').replace('line 30\n', 'thirty\n');
    expect(diffText(before, far).hunks).toHaveLength(2);
    const near = before.replace('line 5\n', 'five\n').replace('line 11\n', 'eleven\n');
    expect(diffText(before, near).hunks).toHaveLength(1);
  });

  it('shows CRLF lines without their CR, and finds no change in equal texts', () => {
    const before = 'a\r\nb\r\nc\r\n';
    const diff = diffText(before, 'a\r\nB\r\nc\r\n');
    expect(diff.hunks?.[0]?.lines.map((l) => l.text)).toEqual(['a', 'b', 'B', 'c']);
    expect(diffText(before, before)).toMatchObject({ added: 0, removed: 0, hunks: [] });
  });

  it('gives up listing lines when the texts have nothing in common past the edit limit', () => {
    const diff = diffText(lines(6000, 'old'), lines(6000, 'new'));
    expect(diff.hunks).toBeUndefined();
    expect(diff.oldLineCount).toBe(6000);
  });
});

describe('workspaceChanges', () => {
  const base = defaultWorkspace();

  it('finds nothing between a workspace and itself', () => {
    expect(workspaceChanges(base, base)).toEqual({ files: [], usersChanged: false });
  });

  it('lists applicationHost.config first, then added, changed and removed content files', () => {
    const [folder, files] = Object.entries(base.content)[0] ?? ['', {}];
    const [firstFile] = Object.keys(files);
    const content: Workspace['content'] = {
      ...base.content,
      [folder]: { ...Object.fromEntries(Object.entries(files).filter(([name]) => name !== firstFile)), 'shop/web.config': '<configuration />\n' },
    };
    const current: Workspace = { ...base, applicationHostConfig: base.applicationHostConfig.replace('<sites>', '<sites>\n<!-- edited -->'), content };
    const changes = workspaceChanges(base, current);
    expect(changes.files.map((f) => [f.label.split('\\').pop(), f.kind, f.isConfiguration])).toEqual([
      ['applicationHost.config', 'changed', true],
      ...[
        [firstFile, 'removed', false],
        ['web.config', 'added', true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    const added = changes.files.find((f) => f.kind === 'added');
    expect(added?.diff).toMatchObject({ added: 1, removed: 0 });
    expect(added?.file).toEqual({ kind: 'content', physicalPath: folder, relativePath: 'shop/web.config' });
    expect(changes.files.find((f) => f.kind === 'removed')?.file).toBeUndefined();
  });

  it('reports a change of a file attribute alone', () => {
    const [folder, files] = Object.entries(base.content)[0] ?? ['', {}];
    const [name, value] = Object.entries(files)[0] ?? ['', ''];
    const text = typeof value === 'string' ? value : (value.text ?? '');
    const current: Workspace = { ...base, content: { ...base.content, [folder]: { ...files, [name]: { text, hidden: true } } } };
    const [change] = workspaceChanges(base, current).files;
    expect(change?.attributes).toEqual({ before: 'none', after: 'hidden' });
    expect(change?.diff.hunks).toEqual([]);
  });

  it('reuses the diff of a file whose texts did not change', () => {
    const cache: DiffCache = new Map();
    const current: Workspace = { ...base, applicationHostConfig: `${base.applicationHostConfig}<!-- x -->\n` };
    const first = workspaceChanges(base, current, cache).files[0]?.diff;
    const second = workspaceChanges(base, { ...current }, cache).files[0]?.diff;
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });
});
