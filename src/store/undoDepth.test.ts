import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../config/index.ts';
import { readFixture } from '../../test-support/sharedFixtures.ts';
import { readImport } from './workspaceBundle.ts';
import { createWorkspaceStore } from './workspaceStore.ts';

const WWWROOT = '%SystemDrive%\\inetpub\\wwwroot';

describe('Undo and Redo over a long session', () => {
  it('go back and forth across 250 steps, imports among them, to the first workspace and back', () => {
    const store = createWorkspaceStore();
    const first = store.getState().workspace;
    const fixture = readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config');
    const imported = readImport('01.config', fixture);
    if (imported.kind !== 'workspace') throw new Error('fixture 01 did not import');
    const seen = [first];
    for (let i = 0; i < 250; i++) {
      if (i % 50 === 25) store.getState().replaceWorkspace(i % 100 === 25 ? imported.workspace : defaultWorkspace(), `import ${String(i)}`);
      else {
        const folder = Object.keys(store.getState().workspace.content)[0] ?? WWWROOT;
        expect(store.getState().edit({ op: 'writeFile', physicalPath: folder, relativePath: `f${String(i)}.txt`, text: String(i) }, `Add f${String(i)}.txt`)).toBeUndefined();
      }
      seen.push(store.getState().workspace);
    }
    expect(store.getState().past).toHaveLength(250);
    for (let i = 249; i >= 0; i--) {
      store.getState().undo();
      expect(store.getState().workspace).toBe(seen[i]);
    }
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().model.sites.sites).toHaveLength(1);
    for (let i = 1; i <= 250; i++) {
      store.getState().redo();
      expect(store.getState().workspace).toBe(seen[i]);
    }
    expect(store.getState().sourceName).toBe('import 225');
  });
});
