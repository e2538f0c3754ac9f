import { describe, expect, it } from 'vitest';
import { parseApplicationHost, type Diagnostic, type Workspace } from '../../config/index.ts';
import { editableFiles, fileKey, fileNamed } from './editorFiles.ts';
import { collectProblems, countProblems, describeCounts, describePlace, diagnosticsOfFile, fileHasErrors } from './problems.ts';

const workspace: Workspace = {
  applicationHostConfig: '<configuration />',
  content: {
    '%SystemDrive%\\inetpub\\wwwroot': { 'web.config': '<configuration>', 'iisstart.htm': '<html/>', 'shop/Web.config': '<configuration />' },
    'D:\\sites\\blog': { 'web.config': '<configuration />' },
  },
};

const diagnostic = (severity: Diagnostic['severity'], line: number, message = `${severity} at ${String(line)}`): Diagnostic => ({ code: 'IISF0010', severity, message, line, column: 5, path: '' });

describe('editableFiles', () => {
  it('lists applicationHost.config, then every web.config at any depth, by path', () => {
    expect(editableFiles(workspace).map((f) => f.label)).toEqual([
      'applicationHost.config',
      '%SystemDrive%\\inetpub\\wwwroot\\shop\\Web.config',
      '%SystemDrive%\\inetpub\\wwwroot\\web.config',
      'D:\\sites\\blog\\web.config',
    ]);
  });
  it('knows a file whatever the spelling of its path', () => {
    expect(fileKey({ kind: 'content', physicalPath: 'C:/inetpub/wwwroot/', relativePath: '\\Shop\\web.config' })).toBe(
      fileKey({ kind: 'content', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'shop/Web.config' }),
    );
    expect(fileNamed(editableFiles(workspace), 'd:/sites/blog/web.config')?.label).toBe('D:\\sites\\blog\\web.config');
  });
});

describe('collectProblems', () => {
  const webConfigProblem = parseApplicationHost('<configuration>').diagnostics.map((d) => ({ ...d, file: '%SystemDrive%\\inetpub\\wwwroot\\web.config' }));
  const fileProblems = new Map([['%SystemDrive%\\inetpub\\wwwroot\\web.config', webConfigProblem]]);
  const problems = collectProblems([diagnostic('warning', 3), diagnostic('error', 9), diagnostic('info', 1)], fileProblems, editableFiles(workspace));

  it('orders them file by file, errors first, then by line', () => {
    expect(problems.map((p) => `${p.fileLabel.split('\\').pop() ?? ''} ${p.diagnostic.severity} ${String(p.diagnostic.line)}`)).toEqual([
      'applicationHost.config error 9',
      'applicationHost.config warning 3',
      'applicationHost.config info 1',
      `web.config error ${String(webConfigProblem[0]?.line)}`,
    ]);
  });
  it('gives each the file to open, as the workspace spells it', () => {
    expect(problems[0]?.file).toEqual({ kind: 'applicationHost' });
    expect(problems[3]?.file).toEqual({ kind: 'content', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'web.config' });
    expect(new Set(problems.map((p) => p.id)).size).toBe(problems.length);
  });
  it('counts them by severity, in words', () => {
    expect(countProblems(problems)).toEqual({ error: 2, warning: 1, info: 1 });
    expect(describeCounts(countProblems(problems))).toBe('2 errors, 1 warning, 1 message');
    expect(describeCounts({ error: 0, warning: 0, info: 0 })).toBe('No problems');
  });
  it('tells where a problem is, or a dash when it has no place', () => {
    expect(describePlace(diagnostic('error', 12))).toBe('12:5');
    expect(describePlace({ ...diagnostic('error', 0), column: 0 })).toBe('–');
  });
  it('finds one file’s diagnostics for the editor and its bar', () => {
    const wwwroot = { kind: 'content' as const, physicalPath: 'C:\\inetpub\\wwwroot', relativePath: 'web.config' };
    expect(diagnosticsOfFile([], fileProblems, workspace, wwwroot)).toBe(webConfigProblem);
    expect(fileHasErrors([], fileProblems, workspace, wwwroot)).toBe(true);
    expect(fileHasErrors([diagnostic('warning', 1)], fileProblems, workspace, { kind: 'applicationHost' })).toBe(false);
    expect(fileHasErrors([], fileProblems, workspace, { kind: 'content', physicalPath: 'D:\\sites\\blog', relativePath: 'web.config' })).toBe(false);
  });
});
