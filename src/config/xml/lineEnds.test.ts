/** Lines an edit adds use the file's own line ends: CRLF in a CRLF file (IIS writes CRLF), LF in an LF one. */
import { describe, expect, it } from 'vitest';
import { addBinding, applyEdit, DEFAULT_APPLICATION_HOST_CONFIG, defaultWorkspace, parseApplicationHost, serializeApplicationHost } from '../index.ts';
import type { ApplicationPoolName } from '../schema/applicationPools.ts';

const crlf = DEFAULT_APPLICATION_HOST_CONFIG.replace(/\r?\n/g, '\r\n');
const lf = DEFAULT_APPLICATION_HOST_CONFIG.replace(/\r\n/g, '\n');

describe('line ends of added lines', () => {
  for (const [name, text, lone] of [['CRLF', crlf, /[^\r]\n/], ['LF', lf, /\r/]] as const) {
    it(`${name}: an added binding and an added pool get ${name} line ends, and nothing else changes`, () => {
      const parsed = parseApplicationHost(text);
      const edit = addBinding(parsed.model, 'Default Web Site', 'http', '*:8080:');
      if (typeof edit === 'string') throw new Error(edit);
      const edited = applyEdit({ ...defaultWorkspace(), applicationHostConfig: text }, edit);
      if (!edited.ok) throw new Error(edited.message);
      expect(edited.workspace.applicationHostConfig).toContain('*:8080:');
      expect(edited.workspace.applicationHostConfig).not.toMatch(lone);
      const model = parseApplicationHost(text).model;
      const first = model.applicationPools.pools[0];
      if (first === undefined) throw new Error('no pool');
      const written = serializeApplicationHost({ ...model, applicationPools: { ...model.applicationPools, pools: [...model.applicationPools.pools, { ...first, name: 'Added' as ApplicationPoolName }] } });
      expect(written).toContain('name="Added"');
      expect(written).not.toMatch(lone);
    });
  }
});
