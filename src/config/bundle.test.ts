import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test-support/sharedFixtures.ts';
import { parseWorkspaceBundle, readWorkspaceBundle, serializeWorkspaceBundle, WORKSPACE_BUNDLE_FORMAT } from './bundle.ts';
import { defaultWorkspace } from './defaults/defaultWorkspace.ts';
import type { Workspace } from './workspace.ts';

const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

describe('the workspace file', () => {
  it('round-trips a workspace with attributed files, web.config files and users', () => {
    const workspace: Workspace = {
      applicationHostConfig: readFixture(FIXTURE_01),
      content: {
        '%SystemDrive%\\inetpub\\wwwroot': {
          'iisstart.htm': '<!DOCTYPE html><p>hi</p>',
          'web.config': '<?xml version="1.0"?>\r\n<configuration>\r\n  <!-- kept -->\r\n</configuration>\r\n',
          'secret.txt': { text: 'no', hidden: true },
          'shop/web.config': { text: '<configuration/>', readers: ['Administrators', 'IIS AppPool\\Shop'] },
        },
        'D:\\sites\\ünïcode': { 'index.html': 'é\u0000\u2028' },
      },
      users: [{ name: 'alice', password: 'p<a>ss"', groups: ['Users'] }],
    };
    const text = serializeWorkspaceBundle(workspace, 'fixture 01.config');
    const read = parseWorkspaceBundle(text);
    expect(read).toEqual({ ok: true, workspace, sourceName: 'fixture 01.config' });
  });

  it('round-trips the default workspace, and one without users or source name', () => {
    const workspace = defaultWorkspace();
    const read = parseWorkspaceBundle(serializeWorkspaceBundle(workspace));
    expect(read.ok && read.workspace).toEqual(workspace);
    expect(read.ok && read.sourceName).toBeUndefined();
    expect(read.ok && 'users' in read.workspace).toBe(false);
  });

  it('names its format and version', () => {
    const json = JSON.parse(serializeWorkspaceBundle(defaultWorkspace())) as Record<string, unknown>;
    expect(json.format).toBe(WORKSPACE_BUNDLE_FORMAT);
    expect(json.version).toBe(1);
  });

  it('ignores fields it does not know, so a later version can add some', () => {
    const read = readWorkspaceBundle({ format: WORKSPACE_BUNDLE_FORMAT, version: 1, applicationHostConfig: '<configuration/>', content: {}, comment: 'x' });
    expect(read.ok).toBe(true);
  });

  it.each([
    ['not JSON', '<configuration/>', 'not valid JSON'],
    ['an array', '[]', 'is a JSON object'],
    ['another JSON document', '{"name":"package"}', 'not an IIS Flow workspace'],
    ['no version', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","applicationHostConfig":""}`, 'no valid "version"'],
    ['a newer version', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":7,"applicationHostConfig":""}`, 'version 7, written by a newer IIS Flow'],
    ['no applicationHostConfig', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":1}`, 'no "applicationHostConfig"'],
    ['content that is not a map', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":1,"applicationHostConfig":"","content":[]}`, '"content": Site content must be a JSON object'],
    ['a file with a bad field', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":1,"applicationHostConfig":"","content":{"C:\\\\w":{"a":{"txt":"x"}}}}`, 'unknown field "txt"'],
    ['users without passwords', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":1,"applicationHostConfig":"","users":[{"name":"a"}]}`, '"users": User 1 needs a "name" and a "password"'],
    ['a sourceName that is not text', `{"format":"${WORKSPACE_BUNDLE_FORMAT}","version":1,"applicationHostConfig":"","sourceName":3}`, '"sourceName" must be a string'],
  ])('refuses %s with a message', (_name, text, message) => {
    const read = parseWorkspaceBundle(text);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(message);
  });
});
