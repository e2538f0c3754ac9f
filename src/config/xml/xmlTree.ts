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
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: XmlAttribute[];
  /** Child nodes. White space between them is not a node: it is kept in `spaces`. */
  children: XmlNode[];
  /**
   * The white space before each child and, last, before the end tag: `spaces[i]` precedes
   * `children[i]`, `spaces[children.length]` precedes `</name>`. Keeping it out of `children` saves an
   * object per element in large files; undefined on elements built in memory (merged sections).
   */
  spaces?: string[];
  /** Offset of the `<` of the start tag, -1 for an element added by an edit. */
  start: number;
  /** Offset just after the element's end in the source, -1 for an element added by an edit. */
  end: number;
  /** Set on an element and its ancestors when an edit changes it: it can no longer be copied from the source. */
  dirty?: boolean;
  /**
   * Counts the incremental re-reads below this element (rereadChanged.ts replaces a changed element and
   * bumps its ancestors): a model read of an element is reusable while its revision stays the same.
   */
  revision?: number;
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
  /** The white space between target and body, when it is not the usual single space (none without a body). */
  gap?: string;
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

/**
 * The children of every element read as `<name ... />`: one shared, frozen empty list instead of an
 * array per empty element (large files have tens of thousands). appendElement replaces it.
 */
export const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

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

/** Marks an element and its ancestors as changed, so the writer rebuilds them instead of copying source text. */
export function markDirty(element: XmlElement | undefined): void {
  for (let current = element; current !== undefined && current.dirty !== true; current = current.parent) current.dirty = true;
}

/** Sets an attribute, keeping its place when it exists and appending it otherwise. */
export function setAttribute(element: XmlElement, name: string, value: string): void {
  const existing = findAttribute(element, name);
  if (existing !== undefined) {
    if (existing.value !== value) {
      existing.value = value;
      delete existing.raw;
      markDirty(element);
    }
    return;
  }
  markDirty(element);
  element.attributes.push({ name, value, quote: '"', start: -1 });
  if (element.attributeGaps !== undefined) element.attributeGaps.push(' ');
}

export function removeAttribute(element: XmlElement, name: string): void {
  const index = element.attributes.findIndex((a) => a.name === name);
  if (index < 0) return;
  markDirty(element);
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
    })),
    children: [],
    start: -1,
    end: -1,
    selfClosing: true,
    parent: undefined,
  };
}

/** The indentation of an element's line in the source, used to indent children added by edits. */
function indentOf(element: XmlElement): string {
  const parent = element.parent;
  if (parent === undefined) return '';
  const before = parent.spaces?.[parent.children.indexOf(element)];
  if (before !== undefined) {
    const newline = before.lastIndexOf('\n');
    if (newline >= 0) return before.slice(newline + 1);
  }
  return indentOf(parent) + '    ';
}

/**
 * The line break the file uses around an element, from the white space of it and its ancestors: a file
 * with CRLF line ends gets CRLF in the lines an edit adds (IIS's own files are CRLF).
 */
function newlineOf(element: XmlElement | undefined): string {
  for (let at = element; at !== undefined; at = at.parent) {
    for (const space of at.spaces ?? []) {
      const lf = space.indexOf('\n');
      if (lf >= 0) return lf > 0 && space.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
    }
  }
  return '\n';
}

/** Appends a child element, indented like its siblings. */
export function appendElement(parent: XmlElement, child: XmlElement): void {
  const parentIndent = indentOf(parent);
  const childIndent = parentIndent + '    ';
  const newline = newlineOf(parent);
  child.parent = parent;
  markDirty(parent);
  const spaces = parent.spaces ?? parent.children.map(() => '').concat('');
  if (parent.children.length === 0) spaces.splice(0, spaces.length, newline + childIndent, newline + parentIndent);
  else spaces.splice(parent.children.length, 0, newline + childIndent);
  if (parent.children === NO_CHILDREN) parent.children = [];
  parent.children.push(child);
  parent.spaces = spaces;
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
  markDirty(parent);
  parent.children.splice(index, 1);
  parent.spaces?.splice(index, 1);
  child.parent = undefined;
}

/**
 * Inserts a child element before the `before`-th element child (after the last when out of range),
 * indented like its siblings. Used to reorder collections (modules, handlers, default documents).
 */
export function insertElementBefore(parent: XmlElement, child: XmlElement, before: number): void {
  const elements = childElements(parent);
  const anchor = elements[before];
  if (anchor === undefined) {
    appendElement(parent, child);
    return;
  }
  const index = parent.children.indexOf(anchor);
  const spaces = parent.spaces ?? parent.children.map(() => '').concat('');
  const indent = spaces[index] ?? '';
  child.parent = parent;
  markDirty(parent);
  if (parent.children === NO_CHILDREN) parent.children = [];
  parent.children.splice(index, 0, child);
  spaces.splice(index, 0, indent);
  parent.spaces = spaces;
}
