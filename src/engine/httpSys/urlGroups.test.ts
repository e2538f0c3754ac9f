/**
 * The URL group table is rebuilt only when a site changed: a pool's change on a large server keeps it
 * (the re-read keeps untouched site objects), a binding's change gives a table that routes the new one.
 */
import { describe, expect, it } from 'vitest';
import { addBinding, ApplicationHostReader, applyEdit, defaultWorkspace, setPoolAttributes } from '../../config/index.ts';
import { buildUrlGroups, matchBinding } from './urlGroups.ts';

function edited(text: string, edit: ReturnType<typeof addBinding>): string {
  if (typeof edit === 'string') throw new Error(edit);
  const result = applyEdit({ ...defaultWorkspace(), applicationHostConfig: text }, edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace.applicationHostConfig;
}

describe('buildUrlGroups with the table in force', () => {
  it('keeps the table when only a pool changed, and rebuilds it when a binding was added', () => {
    const reader = new ApplicationHostReader();
    const text = defaultWorkspace().applicationHostConfig;
    const first = reader.read(text).model;
    const table = buildUrlGroups(first);
    const poolChanged = reader.read(edited(text, setPoolAttributes('DefaultAppPool', { queueLength: '2000' }))).model;
    expect(buildUrlGroups(poolChanged, table)).toBe(table);
    expect(matchBinding(table, 'http', 80, 'shop.example', '10.0.0.1')?.host).toBe('');

    const bound = reader.read(edited(text, addBinding(first, 'Default Web Site', 'http', '*:80:shop.example'))).model;
    const rebuilt = buildUrlGroups(bound, table);
    expect(rebuilt).not.toBe(table);
    expect(matchBinding(rebuilt, 'http', 80, 'shop.example', '10.0.0.1')?.host).toBe('shop.example');
    expect(rebuilt).toEqual(buildUrlGroups(bound));
  });
});
