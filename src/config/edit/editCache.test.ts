/**
 * applyEdit keeps the document of applicationHost.config the last edit wrote, and edits it again when the
 * next edit starts from that text (edits.ts, `lastApplicationHost`). These tests check that a chain of
 * edits on the kept document writes exactly the text that reading each intermediate text afresh does.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { defaultWorkspace, workspaceForApplicationHost } from '../defaults/defaultWorkspace.ts';
import { parseApplicationHost } from '../parse.ts';
import type { Workspace } from '../workspace.ts';
import { applyEdit, APPLICATION_HOST, type ConfigEdit } from './edits.ts';
import { addCollectionItem, removeCollectionItem, setSectionAttributes } from './levels.ts';
import { addApplication, addApplicationPool, addBinding, removeBinding, renameSite, setPoolAttributes, setSiteAttributes } from './serverEdits.ts';

/** An edit that leaves the kept document for another text, so the next edit reads its text afresh. */
const OTHER: Workspace = { applicationHostConfig: '<configuration><system.applicationHost><sites /></system.applicationHost></configuration>', content: {} };
const evictCache = (): void => {
  const result = applyEdit(OTHER, setSiteAttributes('x', { id: '1' }));
  if (!result.ok) throw new Error(result.message);
};

type Step = (workspace: Workspace) => ConfigEdit | string;

const poolOf = (w: Workspace): string => parseApplicationHost(w.applicationHostConfig).model.applicationPools.pools[0]?.name ?? 'DefaultAppPool';
const siteOf = (w: Workspace): string => parseApplicationHost(w.applicationHostConfig).model.sites.sites[0]?.name ?? 'Default Web Site';

const model = (w: Workspace) => parseApplicationHost(w.applicationHostConfig).model;
const tag = (w: Workspace, mod: number): string => String(w.applicationHostConfig.length % mod);

const STEPS: readonly Step[] = [
  (w) => setPoolAttributes(poolOf(w), { queueLength: '2000' }),
  (w) => setPoolAttributes(poolOf(w), { idleTimeout: '00:05:00' }, 'processModel'),
  (w) => setPoolAttributes(poolOf(w), { queueLength: null }),
  (w) => addBinding(model(w), siteOf(w), 'http', `*:80:h${tag(w, 997)}.example`),
  (w) => removeBinding(siteOf(w), 0),
  (w) => setSiteAttributes(siteOf(w), { serverAutoStart: 'false' }),
  (w) => addApplicationPool(model(w), `P${tag(w, 100003)}`, { managedPipelineMode: 'Classic' }),
  (w) => addApplication(model(w), siteOf(w), `/a${tag(w, 991)}`, poolOf(w), 'C:\\apps\\a'),
  (w) => renameSite(model(w), siteOf(w), `Site & <${tag(w, 983)}>`),
  (w) => setSectionAttributes(model(w), { site: siteOf(w), path: 'private' }, 'applicationHost', 'security/authentication/anonymousAuthentication', { enabled: 'false' }),
  (w) => addCollectionItem(model(w), {}, 'applicationHost', 'defaultDocument/files', { value: `d${tag(w, 977)}.htm` }),
  (w) => removeCollectionItem(w, model(w), {}, 'applicationHost', 'defaultDocument/files', 'value', 'index.htm'),
  () => ({ op: 'moveElement', file: APPLICATION_HOST, path: 'system.applicationHost/applicationPools/add[1]', before: 3 }),
  (w) => ({ op: 'batch', edits: [setPoolAttributes(poolOf(w), { autoStart: 'false' }), setSiteAttributes(siteOf(w), { id: '77' })] }),
];

/** Runs the steps as a chain; `fresh`: each edit reads its text afresh (the kept document evicted first). */
function chain(start: Workspace, steps: readonly number[], fresh: boolean): string[] {
  const texts: string[] = [];
  let workspace = start;
  for (const index of steps) {
    const step = STEPS[index % STEPS.length];
    if (step === undefined) continue;
    const edit = step(workspace);
    if (typeof edit === 'string') continue;
    if (fresh) evictCache();
    const result = applyEdit(workspace, edit);
    texts.push(result.ok ? result.workspace.applicationHostConfig : `refused: ${result.message}`);
    if (result.ok) workspace = result.workspace;
  }
  return texts;
}

describe('applyEdit on the document the last edit left', () => {
  it('writes what reading each text afresh writes, over random chains of edits on the default workspace', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: STEPS.length - 1 }), { minLength: 1, maxLength: 10 }), (steps) => {
        evictCache();
        const kept = chain(defaultWorkspace(), steps, false);
        expect(kept).toEqual(chain(defaultWorkspace(), steps, true));
      }),
      { numRuns: 15 },
    );
  });

  it('chains edits on the kept document of fixture 12 (62 sites) with the same text as fresh reads', () => {
    const start = workspaceForApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config'));
    const steps = STEPS.map((_, i) => i);
    evictCache();
    const kept = chain(start, steps, false);
    expect(kept.filter((t) => !t.startsWith('refused')).length).toBeGreaterThan(8);
    expect(kept).toEqual(chain(start, steps, true));
  });

  it('a failed edit leaves nothing half-done for the next one', () => {
    const start = defaultWorkspace();
    const first = applyEdit(start, setPoolAttributes('DefaultAppPool', { queueLength: '3000' }));
    if (!first.ok) throw new Error(first.message);
    // The batch changes a pool, then names a site that is not there: refused whole.
    const failed = applyEdit(first.workspace, { op: 'batch', edits: [setPoolAttributes('DefaultAppPool', { queueLength: '9' }), { op: 'removeElement', file: APPLICATION_HOST, path: "system.applicationHost/sites/site[@name='Nope']" }] });
    expect(failed.ok).toBe(false);
    const next = applyEdit(first.workspace, setPoolAttributes('DefaultAppPool', { startMode: 'AlwaysRunning' }));
    if (!next.ok) throw new Error(next.message);
    const pool = parseApplicationHost(next.workspace.applicationHostConfig).model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool');
    expect(pool?.queueLength).toBe(3000);
    expect(pool?.startMode).toBe('AlwaysRunning');
  });
});
