import { describe, expect, it } from 'vitest';
import { addBinding, APPLICATION_HOST, defaultWorkspace, parseApplicationHost, readWorkspaceFile, setPoolAttributes } from '../config/index.ts';
import { createWorkspaceStore, HISTORY_LIMIT } from './workspaceStore.ts';

const bindingsOf = (store: ReturnType<typeof createWorkspaceStore>): string[] =>
  store.getState().model.sites.sites.find((s) => s.name === 'Default Web Site')?.bindings.map((b) => b.bindingInformation) ?? [];

function addHost(store: ReturnType<typeof createWorkspaceStore>, host: string): void {
  const edit = addBinding(store.getState().model, 'Default Web Site', 'http', `*:80:${host}`);
  if (typeof edit === 'string') throw new Error(edit);
  expect(store.getState().edit(edit, `Add binding ${host}`)).toBeUndefined();
}

describe('workspace store', () => {
  it('applies a good edit, and undo and redo move between workspaces', () => {
    const store = createWorkspaceStore();
    const before = store.getState().applied;
    addHost(store, 'shop.example');
    expect(bindingsOf(store)).toContain('*:80:shop.example');
    expect(store.getState().applied).toBe(store.getState().workspace);
    expect(store.getState().lastLabel).toBe('Add binding shop.example');
    store.getState().undo();
    expect(bindingsOf(store)).not.toContain('*:80:shop.example');
    expect(store.getState().applied.applicationHostConfig).toBe(before.applicationHostConfig);
    store.getState().redo();
    expect(bindingsOf(store)).toContain('*:80:shop.example');
  });

  it('keeps XML that is not well formed in the document, flagged, and runs the last good configuration', () => {
    const store = createWorkspaceStore();
    addHost(store, 'a.example');
    const good = store.getState().applied;
    const broken = good.applicationHostConfig.replace('</sites>', '');
    store.getState().setText(APPLICATION_HOST, broken);
    const state = store.getState();
    expect(state.workspace.applicationHostConfig).toBe(broken);
    expect(state.applied).toBe(good);
    expect(state.diagnostics.some((d) => d.severity === 'error' && d.line > 1)).toBe(true);
    expect(bindingsOf(store)).toContain('*:80:a.example');
    // A form edit on text that is not XML is refused with a message, and changes nothing.
    expect(store.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '10' }), 'x')).toMatch(/not well-formed/);
    expect(store.getState().workspace.applicationHostConfig).toBe(broken);
  });

  it('does not apply an edit that adds an error (a value outside the schema), but applies its fix', () => {
    const store = createWorkspaceStore();
    const good = store.getState().applied;
    expect(store.getState().edit(setPoolAttributes('DefaultAppPool', { managedPipelineMode: 'Fast' }), 'bad')).toBeUndefined();
    expect(store.getState().applied).toBe(good);
    expect(store.getState().diagnostics.some((d) => d.severity === 'error' && /managedPipelineMode|Fast/.test(d.message))).toBe(true);
    store.getState().edit(setPoolAttributes('DefaultAppPool', { managedPipelineMode: 'Classic' }), 'fix');
    expect(store.getState().applied).toBe(store.getState().workspace);
    expect(store.getState().model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool')?.managedPipelineMode).toBe('Classic');
  });

  it('keeps the document of the model in force whole while an edit that is not applied is read (the reader re-reads in place)', () => {
    const store = createWorkspaceStore();
    addHost(store, 'a.example');
    const applied = store.getState().applied.applicationHostConfig;
    const documentText = (): string => JSON.stringify(store.getState().model.document, (key, value: unknown) => (key === 'parent' || key === 'revision' ? undefined : value));
    const expected = JSON.stringify(parseApplicationHost(applied).model.document, (key, value: unknown) => (key === 'parent' || key === 'revision' ? undefined : value));
    expect(documentText()).toBe(expected);
    // Well-formed, inside one element, with a new error: read incrementally, then not applied.
    expect(store.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: 'lots' }), 'bad')).toBeUndefined();
    expect(store.getState().applied.applicationHostConfig).toBe(applied);
    expect(store.getState().diagnostics.some((d) => d.severity === 'error' && d.message.includes('queueLength'))).toBe(true);
    expect(documentText()).toBe(expected);
    expect(store.getState().model.document.source).toBe(applied);
    // The fix applies, read from where the document stands.
    store.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '2000' }), 'fix');
    expect(store.getState().model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool')?.queueLength).toBe(2000);
    expect(store.getState().diagnostics).toEqual(parseApplicationHost(store.getState().applied.applicationHostConfig).diagnostics);
  });

  it('joins typing in one file into one undo step', () => {
    const store = createWorkspaceStore();
    const text = store.getState().workspace.applicationHostConfig;
    store.getState().setText(APPLICATION_HOST, text.replace('<sites>', '<sites >'));
    store.getState().setText(APPLICATION_HOST, text.replace('<sites>', '<sites  >'));
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().workspace.applicationHostConfig).toBe(text);
  });

  it(`undoes at least 200 edits, an import among them`, () => {
    const store = createWorkspaceStore();
    const first = store.getState().workspace;
    store.getState().replaceWorkspace({ ...defaultWorkspace(), applicationHostConfig: first.applicationHostConfig.replace('queueLength="1000"', '') }, 'imported.config');
    expect(store.getState().generation).toBe(1);
    for (let i = 0; i < 210; i++) store.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: String(100 + i) }), `queueLength ${String(i)}`);
    expect(store.getState().model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool')?.queueLength).toBe(309);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 211; i++) store.getState().undo();
    expect(store.getState().workspace).toBe(first);
    expect(store.getState().sourceName).toMatch(/default workspace/);
    expect(store.getState().past).toHaveLength(0);
    for (let i = 0; i < 211; i++) store.getState().redo();
    expect(store.getState().sourceName).toBe('imported.config');
    expect(store.getState().model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool')?.queueLength).toBe(309);
  });

  it('an import with errors replaces the workspace when asked to (the page asks first), and Reset goes back to the default', () => {
    const store = createWorkspaceStore();
    const text = '<configuration><system.applicationHost><applicationPools><add name="P" managedPipelineMode="Fast" /></applicationPools><sites /></system.applicationHost></configuration>';
    store.getState().replaceWorkspace({ applicationHostConfig: text, content: {} }, 'odd.config');
    expect(store.getState().applied.applicationHostConfig).toBe(text);
    expect(store.getState().original.applicationHostConfig).toBe(text);
    expect(parseApplicationHost(text).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    store.getState().resetToDefault();
    expect(store.getState().model.sites.sites.map((s) => s.name)).toEqual(['Default Web Site']);
    expect(store.getState().generation).toBe(2);
  });

  it('lists a web.config that is not XML as a problem of its file, and does not apply it until it is fixed', () => {
    const store = createWorkspaceStore();
    const good = store.getState().applied;
    const file = { kind: 'content', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', relativePath: 'web.config' } as const;
    store.getState().setText(file, '<configuration><system.webServer>');
    expect(store.getState().applied).toBe(good);
    const problems = [...store.getState().fileProblems.entries()];
    expect(problems).toHaveLength(1);
    expect(problems[0]?.[0]).toMatch(/wwwroot\\web\.config$/);
    // Another file's edit still applies; the broken web.config stays out of the applied workspace.
    store.getState().edit(setPoolAttributes('DefaultAppPool', { queueLength: '77' }), 'queueLength 77');
    expect(store.getState().applied.applicationHostConfig).toContain('queueLength="77"');
    expect(readWorkspaceFile(store.getState().applied, file)).toBeUndefined();
    expect(readWorkspaceFile(store.getState().workspace, file)).toBe('<configuration><system.webServer>');
    store.getState().setText(file, '<configuration><system.webServer><directoryBrowse enabled="true" /></system.webServer></configuration>');
    expect(store.getState().fileProblems.size).toBe(0);
    expect(store.getState().applied).toBe(store.getState().workspace);
  });
});
