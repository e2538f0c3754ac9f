/**
 * The incremental reader (ApplicationHostReader: xml/rereadChanged.ts and schema/elementMemo.ts) must
 * give what a full read gives, for every text in a sequence: the same model, the same diagnostics at the
 * same lines, and the same document down to every offset. The sequences mix the edits forms make with
 * arbitrary typing, which may break the XML and mend it again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateApplicationHostConfig } from '../../bench/generateConfig.ts';
import { applicationHostFixtures, readFixture } from '../../test-support/sharedFixtures.ts';
import { defaultWorkspace } from './defaults/defaultWorkspace.ts';
import { addApplicationPool, addBinding, applyEdit, removeSite, setPoolAttributes, setSiteAttributes } from './edit/index.ts';
import { ApplicationHostReader, parseApplicationHost, type ParseResult } from './parse.ts';
import type { XmlDocument } from './xml/xmlTree.ts';

/** The document as data: every field but the parent links and the re-read counters. */
function documentData(document: XmlDocument): string {
  return JSON.stringify(document, (key, value: unknown) => (key === 'parent' || key === 'revision' ? undefined : value));
}

function expectSameRead(incremental: ParseResult, full: ParseResult): void {
  expect(incremental.wellFormed).toBe(full.wellFormed);
  expect(incremental.diagnostics).toEqual(full.diagnostics);
  expect({ ...incremental.model, document: undefined }).toEqual({ ...full.model, document: undefined });
  if (full.wellFormed) expect(documentData(incremental.model.document)).toBe(documentData(full.model.document));
}

type Step =
  | { kind: 'pool'; pool: number; queueLength: number }
  | { kind: 'binding'; site: number; host: string }
  | { kind: 'stopSite'; site: number }
  | { kind: 'addPool'; name: string }
  | { kind: 'removeSite'; site: number }
  | { kind: 'type'; at: number; remove: number; insert: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pool' as const), pool: fc.nat(), queueLength: fc.integer({ min: 10, max: 65535 }) }),
  fc.record({ kind: fc.constant('binding' as const), site: fc.nat(), host: fc.stringMatching(/^[a-z]{1,8}\.example$/) }),
  fc.record({ kind: fc.constant('stopSite' as const), site: fc.nat() }),
  fc.record({ kind: fc.constant('addPool' as const), name: fc.stringMatching(/^Pool[A-Z][a-z]{0,6}$/) }),
  fc.record({ kind: fc.constant('removeSite' as const), site: fc.nat() }),
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 12 }),
    insert: fc.constantFrom('', 'a', '"', '<', '/>', ' x="1"', '<!-- c -->', '</site>', '&amp;', '\n    ', 'Site1', '<binding protocol="http" bindingInformation="*:80:t" />'),
  }),
);

/** The text after a step, or the same text when the step does not apply to it. */
function apply(text: string, read: ParseResult, s: Step): string {
  const { model } = read;
  const pools = model.applicationPools.pools;
  const sites = model.sites.sites;
  let edit;
  switch (s.kind) {
    case 'pool': {
      const pool = pools[s.pool % Math.max(1, pools.length)];
      if (pool === undefined) return text;
      edit = setPoolAttributes(pool.name, { queueLength: String(s.queueLength) });
      break;
    }
    case 'binding': {
      const site = sites[s.site % Math.max(1, sites.length)];
      if (site === undefined) return text;
      edit = addBinding(model, site.name, 'http', `*:80:${s.host}`);
      break;
    }
    case 'stopSite': {
      const site = sites[s.site % Math.max(1, sites.length)];
      if (site === undefined) return text;
      edit = setSiteAttributes(site.name, { serverAutoStart: 'false' });
      break;
    }
    case 'addPool':
      edit = addApplicationPool(model, s.name);
      break;
    case 'removeSite': {
      const site = sites[s.site % Math.max(1, sites.length)];
      if (site === undefined) return text;
      edit = removeSite(model, site.name);
      break;
    }
    case 'type': {
      const at = Math.floor(s.at * text.length);
      return text.slice(0, at) + s.insert + text.slice(Math.min(text.length, at + s.remove));
    }
  }
  if (typeof edit === 'string' || !read.wellFormed) return text;
  const result = applyEdit({ applicationHostConfig: text, content: {} }, edit);
  return result.ok ? result.workspace.applicationHostConfig : text;
}

/**
 * Reads each text of the sequence; `reverts[i]` takes step i's read back (as the workspace store does with
 * a text it does not apply) and checks that the model kept from before is whole again.
 */
function checkSequence(start: string, steps: readonly Step[], reverts: readonly boolean[] = []): void {
  const reader = new ApplicationHostReader();
  let text = start;
  let read = reader.read(text);
  expectSameRead(read, parseApplicationHost(text));
  for (const [i, s] of steps.entries()) {
    const next = apply(text, read, s);
    const nextRead = reader.read(next);
    expectSameRead(nextRead, parseApplicationHost(next));
    if (reverts[i] === true) {
      reader.revertLastRead();
      if (read.wellFormed) expect(documentData(read.model.document)).toBe(documentData(parseApplicationHost(text).model.document));
      continue;
    }
    text = next;
    read = nextRead;
  }
}

describe('ApplicationHostReader', () => {
  it('reads each text of a sequence of edits and typing as a full read does (default workspace)', () => {
    const start = defaultWorkspace().applicationHostConfig;
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => { checkSequence(start, steps); }), { numRuns: 60 });
  });

  it('takes a read back: the model read before it keeps its document, and the next read is right', () => {
    const start = generateApplicationHostConfig(12);
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (steps, reverts) => {
        checkSequence(start, steps, reverts);
      }),
      { numRuns: 60 },
    );
  });

  it('reads each text of a sequence as a full read does (a generated 40-site file)', () => {
    const start = generateApplicationHostConfig(40);
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => { checkSequence(start, steps); }), { numRuns: 30 });
  });

  it.each(applicationHostFixtures())('reads edits of fixture %s as a full read does', (name) => {
    const start = readFixture(name);
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => { checkSequence(start, steps); }), { numRuns: 8 });
  });

  it('re-reads only the changed pool: the other pools and the sites are the objects of the last read', () => {
    const reader = new ApplicationHostReader();
    const text = generateApplicationHostConfig(50);
    const before = reader.read(text).model;
    const first = before.applicationPools.pools[0];
    if (first === undefined) throw new Error('no pool');
    const edit = applyEdit({ applicationHostConfig: text, content: {} }, setPoolAttributes(first.name, { queueLength: '2000' }));
    if (!edit.ok) throw new Error(edit.message);
    const after = reader.read(edit.workspace.applicationHostConfig).model;
    expect(after.applicationPools.pools[0]?.queueLength).toBe(2000);
    expect(after.applicationPools.pools[0]).not.toBe(first);
    expect(after.applicationPools.pools.slice(1)).toEqual(before.applicationPools.pools.slice(1));
    after.applicationPools.pools.slice(1).forEach((pool, i) => { expect(pool).toBe(before.applicationPools.pools[i + 1]); });
    after.sites.sites.forEach((site, i) => { expect(site).toBe(before.sites.sites[i]); });
  });

  it('reports a diagnostic of an unchanged site again, at its new line, after a change above it', () => {
    const reader = new ApplicationHostReader();
    const text = defaultWorkspace().applicationHostConfig.replace('<site name="Default Web Site" id="1"', '<site name="Default Web Site" id="1" serverAutoStart="maybe"');
    const first = reader.read(text).diagnostics.find((d) => d.message.includes('serverAutoStart'));
    expect(first).toBeDefined();
    // Two new lines inside the first pool: the site's element is untouched, its line moves by two.
    const poolAt = text.indexOf('<add name="DefaultAppPool"');
    const moved = text.slice(0, poolAt) + '<add name="DefaultAppPool"\n\n' + text.slice(poolAt + '<add name="DefaultAppPool"'.length);
    const second = reader.read(moved).diagnostics.find((d) => d.message.includes('serverAutoStart'));
    expect(second?.line).toBe((first?.line ?? 0) + 2);
    expect(reader.read(moved).diagnostics).toEqual(parseApplicationHost(moved).diagnostics);
  });
});
