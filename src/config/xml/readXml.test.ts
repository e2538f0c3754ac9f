import { describe, expect, it } from 'vitest';
import { applicationHostFixtures, fixtureNames, readFixture } from '../../../test-support/sharedFixtures.ts';
import { MAX_NESTING_DEPTH, readXml } from './readXml.ts';
import { writeXml } from './writeXml.ts';
import type { XmlElement, XmlNode } from './xmlTree.ts';

/** The XML infoset as comparable data: elements, attributes in order, comments, non-blank text. */
function infoset(node: XmlNode | XmlElement): unknown {
  switch (node.kind) {
    case 'element':
      return [node.name, node.attributes.map((a) => [a.name, a.value]), node.children.map(infoset).filter((c) => c !== null)];
    case 'text':
      return node.value.trim() === '' ? null : ['#text', node.value];
    case 'comment':
      return ['#comment', node.value];
    case 'cdata':
      return ['#cdata', node.value];
    case 'pi':
      return ['#pi', node.target, node.body];
  }
}

function markAllDirty(element: XmlElement | undefined): void {
  if (element === undefined) return;
  element.dirty = true;
  for (const child of element.children) if (child.kind === 'element') markAllDirty(child);
}

describe('readXml and writeXml', () => {
  const files = fixtureNames((n) => n.endsWith('.config') || n.endsWith('.xml'));

  it('finds the shared fixtures', () => {
    expect(applicationHostFixtures().length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('reads %s and writes it back byte for byte, with the same infoset', (name) => {
    const text = readFixture(name);
    const { document, wellFormed, problems } = readXml(text);
    expect(wellFormed).toBe(true);
    expect(problems).toEqual([]);
    const written = writeXml(document);
    expect(written).toBe(text.replace(/^\uFEFF/, ''));
    // The same from the node-by-node writer, which edited elements go through.
    markAllDirty(document.root);
    expect(writeXml(document)).toBe(written);
    const again = readXml(written).document;
    expect(again.root && infoset(again.root)).toEqual(document.root && infoset(document.root));
  });

  it('refuses entity expansion (billion laughs) without expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<configuration><x a="&lol9;"/></configuration>`;
    const result = readXml(lol);
    expect(result.wellFormed).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(['doctype-ignored', 'entity-refused']);
    expect(result.problems[1]?.message).toContain('&lol9;');
  });

  it('does not honour a DOCTYPE, even an external one', () => {
    const result = readXml('<!DOCTYPE configuration SYSTEM "file:///etc/passwd"><configuration/>');
    expect(result.wellFormed).toBe(true);
    expect(result.problems.map((p) => p.kind)).toEqual(['doctype-ignored']);
    expect(result.document.root?.name).toBe('configuration');
  });

  it('refuses a file over 20 MB with a message', () => {
    const big = '<configuration>' + ' '.repeat(21 * 1024 * 1024) + '</configuration>';
    const result = readXml(big);
    expect(result.wellFormed).toBe(false);
    expect(result.problems[0]?.kind).toBe('too-large');
    expect(result.problems[0]?.message).toMatch(/20 MB/);
  });

  it(`refuses nesting deeper than ${String(MAX_NESTING_DEPTH)}`, () => {
    const depth = MAX_NESTING_DEPTH + 10;
    const deep = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    const result = readXml(deep);
    expect(result.wellFormed).toBe(false);
    expect(result.problems[0]?.kind).toBe('too-deep');
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_NESTING_DEPTH;
    expect(readXml('<a>'.repeat(depth) + '</a>'.repeat(depth)).wellFormed).toBe(true);
  });

  it('gives the offset of a mismatched end tag', () => {
    const text = '<configuration>\n  <sites>\n  </site>\n</configuration>';
    const result = readXml(text);
    expect(result.wellFormed).toBe(false);
    expect(result.problems[0]?.offset).toBe(text.indexOf('</site>'));
    expect(result.problems[0]?.message).toContain('</site>');
  });

  it('resolves the predefined entities and character references, and writes them back', () => {
    const text = '<configuration a="x &amp; &lt;y&gt; &#65;&#x42;" b=\'q&apos;\'>t &amp; u</configuration>';
    const { document } = readXml(text);
    expect(document.root?.attributes.map((a) => a.value)).toEqual(['x & <y> AB', "q'"]);
    expect(writeXml(document)).toBe(text);
  });
});
