/**
 * The XML tree that applicationHost.config and web.config files are read into.
 *
 * It keeps everything an infoset round trip needs (element and attribute order, comments, processing
 * instructions, CDATA, the text between elements) plus each node's offset in the source text, so that
 * diagnostics can point at a line and column. Values are stored decoded; `raw` keeps the source form of
 * an attribute value or text so that an untouched file is written back byte for byte.
 */

export interface XmlAttribute {
  name: string;
  /** The decoded value (entity and character references resolved). */
  value: string;
  /** The value as written between the quotes; dropped when the value is changed. */
  raw?: string;
  quote: '"' | "'";
  /** The source text between the name and the quote when it is not just `=` (e.g. ` = `). */
  equals?: string;
  /** Offset of the attribute name in the source text, -1 for an attribute added by an edit. */
  start: number;
  /** Offset of the first character after the opening quote, -1 for an added attribute. */
  valueStart: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Offset of the `<` of the start tag, -1 for an element added by an edit. */
  start: number;
  /** Written as `<name ... />` when it has no children. */
  selfClosing: boolean;
  /** The white space before `>` or `/>` in the start tag, kept for byte-exact output. */
  tagTail?: string;
  /** White space between attributes, parallel to `attributes`, kept for byte-exact output. */
  attributeGaps?: string[];
  /** White space inside the end tag (`</name >`), kept for byte-exact output. */
  endTagTail?: string;
  parent: XmlElement | undefined;
}

export interface XmlText {
  kind: 'text';
  value: string;
  raw?: string;
  start: number;
}

export interface XmlComment {
  kind: 'comment';
  value: string;
  start: number;
}

export interface XmlCData {
  kind: 'cdata';
  value: string;
  start: number;
}

export interface XmlProcessingInstruction {
  kind: 'pi';
  target: string;
  body: string;
  start: number;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlCData | XmlProcessingInstruction;

export interface XmlDocument {
  /** Nodes before the root element: the XML declaration (as a `pi` with target `xml`), comments, white space. */
  prolog: XmlNode[];
  root: XmlElement | undefined;
  /** Nodes after the root element. */
  epilog: XmlNode[];
  /** The source text, for line and column look-ups. */
  source: string;
}

/** The element children of an element, in order. */
export function childElements(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) if (child.kind === 'element') out.push(child);
  return out;
}

/** The first child element with this name, or undefined. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.kind === 'element' && child.name === name) return child;
  }
  return undefined;
}

/** Follows a `/`-separated path of child element names. */
export function descendantElement(element: XmlElement, path: string): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path.split('/')) {
    if (current === undefined) return undefined;
    current = childElement(current, name);
  }
  return current;
}

export function getAttribute(element: XmlElement, name: string): string | undefined {
  for (const attribute of element.attributes) if (attribute.name === name) return attribute.value;
  return undefined;
}

export function findAttribute(element: XmlElement, name: string): XmlAttribute | undefined {
  for (const attribute of element.attributes) if (attribute.name === name) return attribute;
  return undefined;
}

/** Sets an attribute, keeping its place when it exists and appending it otherwise. */
export function setAttribute(element: XmlElement, name: string, value: string): void {
  const existing = findAttribute(element, name);
  if (existing !== undefined) {
    if (existing.value !== value) {
      existing.value = value;
      delete existing.raw;
    }
    return;
  }
  element.attributes.push({ name, value, quote: '"', start: -1, valueStart: -1 });
  if (element.attributeGaps !== undefined) element.attributeGaps.push(' ');
}

export function removeAttribute(element: XmlElement, name: string): void {
  const index = element.attributes.findIndex((a) => a.name === name);
  if (index < 0) return;
  element.attributes.splice(index, 1);
  element.attributeGaps?.splice(index, 1);
}

/** A new element, not yet attached, with the given attributes in order. */
export function createElement(name: string, attributes: Readonly<Record<string, string>> = {}): XmlElement {
  return {
    kind: 'element',
    name,
    attributes: Object.entries(attributes).map(([attributeName, value]) => ({
      name: attributeName,
      value,
      quote: '"',
      start: -1,
      valueStart: -1,
    })),
    children: [],
    start: -1,
    selfClosing: true,
    parent: undefined,
  };
}

/** The indentation of an element's line in the source, used to indent children added by edits. */
function indentOf(element: XmlElement): string {
  const parent = element.parent;
  if (parent === undefined) return '';
  const index = parent.children.indexOf(element);
  const before = index > 0 ? parent.children[index - 1] : undefined;
  if (before?.kind === 'text') {
    const newline = before.value.lastIndexOf('\n');
    if (newline >= 0) return before.value.slice(newline + 1);
  }
  return indentOf(parent) + '    ';
}

/** Appends a child element, indenting it like its siblings. */
export function appendElement(parent: XmlElement, child: XmlElement): void {
  const parentIndent = indentOf(parent);
  const childIndent = parentIndent + '    ';
  child.parent = parent;
  const last = parent.children[parent.children.length - 1];
  if (last?.kind === 'text' && /^\s*$/.test(last.value)) {
    // Keep the white space before `</parent>` last: the child goes in front of it.
    parent.children.splice(parent.children.length - 1, 0, { kind: 'text', value: '\n' + childIndent, start: -1 }, child);
  } else {
    parent.children.push(
      { kind: 'text', value: '\n' + childIndent, start: -1 },
      child,
      { kind: 'text', value: '\n' + parentIndent, start: -1 },
    );
  }
  if (parent.selfClosing) {
    // `<add name="x" />` becomes `<add name="x">`: drop the space that stood before `/>`.
    parent.selfClosing = false;
    if (parent.tagTail !== undefined) parent.tagTail = '';
  }
}

/** Removes a child element and the white space that indented it. */
export function removeElement(child: XmlElement): void {
  const parent = child.parent;
  if (parent === undefined) return;
  const index = parent.children.indexOf(child);
  if (index < 0) return;
  const before = parent.children[index - 1];
  if (before?.kind === 'text' && /^\s*$/.test(before.value)) parent.children.splice(index - 1, 2);
  else parent.children.splice(index, 1);
  child.parent = undefined;
}
