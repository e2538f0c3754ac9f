import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost, type ConfigEdit, type Workspace } from '../../config/index.ts';
import { buildArchitecture } from './architecture.ts';
import { poolStartStopEdit } from './nodeActions.ts';
import { EMPTY_RUNTIME } from './runtime.ts';
import { sameData, shareUnchanged } from './stableGraph.ts';

const options = { expanded: new Set<string>(), pipelines: new Map() };
const graphOf = (workspace: Workspace) => buildArchitecture(parseApplicationHost(workspace.applicationHostConfig).model, EMPTY_RUNTIME, options);

function apply(workspace: Workspace, edit: ConfigEdit): Workspace {
  const result = applyEdit(workspace, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace;
}

describe('a rebuilt graph keeps the objects of what did not change', () => {
  it('stopping a pool changes its node and its queue only', () => {
    const before = graphOf(defaultWorkspace());
    const after = shareUnchanged(before, graphOf(apply(defaultWorkspace(), poolStartStopEdit('DefaultAppPool', false))));
    const changed = after.nodes.filter((n) => !before.nodes.includes(n)).map((n) => n.id);
    expect(changed.sort()).toEqual(['pool:DefaultAppPool', 'queue:DefaultAppPool']);
    expect(after.edges.every((e) => before.edges.includes(e))).toBe(true);
  });

  it('gives back the previous graph itself when nothing changed', () => {
    const before = graphOf(defaultWorkspace());
    expect(shareUnchanged(before, graphOf(defaultWorkspace()))).toBe(before);
  });

  it('compares node data deeply', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });
});
