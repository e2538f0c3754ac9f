/** The workspace's IIS version: kept by the workspace file, checked, and 10.0 when absent. */
import { describe, expect, it } from 'vitest';
import { parseWorkspaceBundle, serializeWorkspaceBundle } from './bundle.ts';
import { iisAtLeast, loadWorkspace } from './index.ts';

const CONFIG = '<configuration><system.applicationHost><sites /></system.applicationHost></configuration>';

describe('iisVersion', () => {
  it('round-trips through the workspace file', () => {
    const text = serializeWorkspaceBundle({ applicationHostConfig: CONFIG, content: {}, iisVersion: '8.5' });
    const read = parseWorkspaceBundle(text);
    expect(read.ok && read.workspace.iisVersion).toBe('8.5');
  });

  it('refuses a version IIS never had, naming the ones it has', () => {
    const read = parseWorkspaceBundle(JSON.stringify({ format: 'iis-flow-workspace', version: 1, applicationHostConfig: CONFIG, iisVersion: '9.0' }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('7.0, 7.5, 8.0, 8.5, 10.0');
  });

  it('is 10.0 when the workspace names none, and orders versions', () => {
    expect(loadWorkspace({ applicationHostConfig: CONFIG, content: {} }).iisVersion).toBe('10.0');
    expect(iisAtLeast('8.5', '8.0')).toBe(true);
    expect(iisAtLeast('7.5', '8.0')).toBe(false);
  });
});
