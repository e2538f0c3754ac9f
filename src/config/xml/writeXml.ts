/**
 * Writes an XML tree back to text. Nodes read from a file keep their source form (attribute quoting,
 * white space inside tags, escapes), so an untouched file comes back byte for byte; nodes and values
 * changed by edits are written in IIS's style (double quotes, `/>` for empty elements).
 */
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './xmlTree.ts';

const NEEDS_ESCAPE = /[&<>"'\t\n\r]/;

function escapeAttribute(value: string, quote: '"' | "'"): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&apos;');
  return out.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function escapeText(value: string): string {
  if (!/[&<>]/.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function writeAttribute(attribute: XmlAttribute): string {
  const value = attribute.raw ?? escapeAttribute(attribute.value, attribute.quote);
  return `${attribute.name}${attribute.equals ?? '='}${attribute.quote}${value}${attribute.quote}`;
}

function writeNode(node: XmlNode, source: string): string {
  switch (node.kind) {
    case 'element':
      return writeElement(node, source);
    case 'text':
      return node.raw ?? escapeText(node.value);
    case 'comment':
      return `<!--${node.value}-->`;
    case 'cdata':
      return `<![CDATA[${node.value}]]>`;
    case 'pi':
      return `<?${node.target}${node.gap ?? (node.body === '' ? '' : ' ')}${node.body}?>`;
  }
}

function writeElement(element: XmlElement, source: string): string {
  // An element no edit has touched is copied from the source text: exact, and one slice instead of a
  // rebuild (serializing an untouched 5,000-site file would otherwise spend most of its time here).
  if (element.dirty !== true && element.start >= 0 && element.end > element.start) return source.slice(element.start, element.end);
  let out = '<' + element.name;
  const gaps = element.attributeGaps;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i];
    if (attribute === undefined) continue;
    out += (gaps?.[i] ?? ' ') + writeAttribute(attribute);
  }
  const children = element.children;
  const tail = element.tagTail ?? (children.length === 0 ? ' ' : '');
  if (element.selfClosing && children.length === 0) return out + tail + '/>';
  out += tail + '>';
  const spaces = element.spaces;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child !== undefined) out += (spaces?.[i] ?? '') + writeNode(child, source);
  }
  out += spaces?.[children.length] ?? '';
  return out + '</' + element.name + (element.endTagTail ?? '') + '>';
}

/** Serializes a document. Nothing is added: text nodes carry all the white space. */
export function writeXml(document: XmlDocument): string {
  let out = '';
  for (const node of document.prolog) out += writeNode(node, document.source);
  if (document.root !== undefined) out += writeElement(document.root, document.source);
  for (const node of document.epilog) out += writeNode(node, document.source);
  return out;
}
