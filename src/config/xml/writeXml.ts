/**
 * Writes an XML tree back to text. Nodes read from a file keep their source form (attribute quoting,
 * white space inside tags, escapes), so an untouched file comes back byte for byte; nodes and values
 * changed by edits are written in IIS's style (double quotes, `/>` for empty elements).
 */
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './xmlTree.ts';

function escapeAttribute(value: string, quote: '"' | "'"): string {
  let out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&apos;');
  return out.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function writeAttribute(attribute: XmlAttribute): string {
  const value = attribute.raw ?? escapeAttribute(attribute.value, attribute.quote);
  return `${attribute.name}${attribute.equals ?? '='}${attribute.quote}${value}${attribute.quote}`;
}

function writeNode(node: XmlNode, out: string[]): void {
  switch (node.kind) {
    case 'element':
      writeElement(node, out);
      return;
    case 'text':
      out.push(node.raw ?? escapeText(node.value));
      return;
    case 'comment':
      out.push(`<!--${node.value}-->`);
      return;
    case 'cdata':
      out.push(`<![CDATA[${node.value}]]>`);
      return;
    case 'pi':
      out.push(node.body === '' ? `<?${node.target}?>` : `<?${node.target} ${node.body}?>`);
      return;
  }
}

function writeElement(element: XmlElement, out: string[]): void {
  let tag = '<' + element.name;
  const gaps = element.attributeGaps;
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes[i];
    if (attribute === undefined) continue;
    tag += (gaps?.[i] ?? ' ') + writeAttribute(attribute);
  }
  const tail = element.tagTail ?? (element.children.length === 0 ? ' ' : '');
  if (element.children.length === 0 && element.selfClosing) {
    out.push(tag + tail + '/>');
    return;
  }
  out.push(tag + tail + '>');
  for (const child of element.children) writeNode(child, out);
  out.push(`</${element.name}${element.endTagTail ?? ''}>`);
}

/** Serializes a document. With `indent` false, nothing is added: text nodes carry all white space. */
export function writeXml(document: XmlDocument): string {
  const out: string[] = [];
  for (const node of document.prolog) writeNode(node, out);
  if (document.root !== undefined) writeElement(document.root, out);
  for (const node of document.epilog) writeNode(node, out);
  return out.join('');
}
