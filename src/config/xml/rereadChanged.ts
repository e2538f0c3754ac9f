/**
 * Incremental re-reading: brings a document read from one text up to date with a new text that differs
 * from it inside one element, by reading only that element of the new text.
 *
 * Why: a form edit on the 5,000-site benchmark file changes one attribute of 3.6 MB, and reading the
 * whole text again (readXml, then the model) takes hundreds of milliseconds, well over the 100 ms an
 * edit may take to reach the graph and the simulation (DESIGN.md). The changed span is found from the
 * texts alone (common prefix and suffix), so the XML editor's typing, Undo and a change sent to the
 * engine's worker get the same benefit as a form edit, without being told what changed.
 *
 * The document is changed in place: the innermost element that holds the change is replaced by a new
 * one read from the new text, the offsets after it move by the change in length, and each ancestor's
 * `revision` goes up (model reads of untouched elements stay valid; schema/elementMemo.ts). The result
 * is the document readXml would give for the new text (rereadChanged.test.ts checks this).
 */
import { MAX_NESTING_DEPTH, readElementAt } from './readXml.ts';
import type { XmlDocument, XmlElement, XmlNode } from './xmlTree.ts';

/** Compares this many characters at a time before narrowing down: substring equality is a memory compare. */
const CHUNK = 4096;

/** The length of the longest common prefix of two texts. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= limit && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the longest common suffix of two texts that does not reach into their first `floor` characters. */
export function commonSuffixLength(a: string, b: string, floor: number): number {
  const limit = Math.min(a.length, b.length) - floor;
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

/** The child elements that hold [from, to) of the old text, outermost first: the root, then down. */
function holders(root: XmlElement, from: number, to: number): XmlElement[] {
  const chain = [root];
  let current = root;
  for (;;) {
    const children = current.children;
    // Children are in source order: a binary search for the last one starting at or before `from`.
    let low = 0;
    let high = children.length - 1;
    let found: XmlNode | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const child = children[mid];
      if (child === undefined) break;
      if (child.start <= from) {
        found = child;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found?.kind !== 'element' || found.start < 0 || to > found.end) return chain;
    chain.push(found);
    current = found;
  }
}

/** Moves the offsets of a node and everything inside it by `delta`. */
function shift(node: XmlNode, delta: number): void {
  node.start += delta;
  if (node.kind !== 'element') return;
  node.end += delta;
  for (const attribute of node.attributes) attribute.start += delta;
  for (const child of node.children) shift(child, delta);
}

/** A re-read that can be taken back, leaving the document as it was before it. */
export interface Reread {
  revert: () => void;
}

const UNCHANGED: Reread = { revert: () => undefined };

/** Moves the offsets of everything after `chain`'s innermost element (at `child`) by `delta`. */
function shiftAfter(document: XmlDocument, chain: readonly XmlElement[], depth: number, child: XmlElement, delta: number): void {
  if (delta === 0) return;
  let below = child;
  for (let level = depth - 1; level >= 0; level--) {
    const ancestor = chain[level];
    if (ancestor === undefined) continue;
    ancestor.end += delta;
    const children = ancestor.children;
    for (let i = children.indexOf(below) + 1; i < children.length; i++) {
      const next = children[i];
      if (next !== undefined) shift(next, delta);
    }
    below = ancestor;
  }
  for (const node of document.epilog) shift(node, delta);
}

function bumpRevisions(chain: readonly XmlElement[], depth: number): void {
  for (let level = depth - 1; level >= 0; level--) {
    const ancestor = chain[level];
    if (ancestor !== undefined) ancestor.revision = (ancestor.revision ?? 0) + 1;
  }
}

/**
 * Makes `document` (read from `document.source`, untouched by edits since) the document of `next`, when
 * the two texts differ inside one element below the root, and says how to take that back. Undefined,
 * with the document as it was, when they do not (or the element does not read cleanly): the caller
 * then reads `next` whole.
 */
export function rereadChanged(document: XmlDocument, next: string): Reread | undefined {
  const previous = document.source;
  const root = document.root;
  if (root === undefined || next.charCodeAt(0) === 0xfeff) return undefined;
  if (next === previous) return UNCHANGED;
  const from = commonPrefixLength(previous, next);
  const suffix = commonSuffixLength(previous, next, from);
  const to = previous.length - suffix;
  const delta = next.length - previous.length;
  const chain = holders(root, from, to);
  // From the innermost holder outwards: a change that ends at an element's end may belong after it.
  for (let depth = chain.length - 1; depth >= 1; depth--) {
    const old = chain[depth];
    const parent = old?.parent;
    if (old === undefined || parent === undefined || depth > MAX_NESTING_DEPTH) continue;
    const read = readElementAt(next, old.start, parent, depth);
    if (read?.end !== old.end + delta) continue;
    const index = parent.children.indexOf(old);
    if (index < 0) return undefined;
    const replacement = read.element;
    parent.children[index] = replacement;
    shiftAfter(document, chain, depth, replacement, delta);
    bumpRevisions(chain, depth);
    document.source = next;
    return {
      revert: () => {
        parent.children[index] = old;
        shiftAfter(document, chain, depth, old, -delta);
        bumpRevisions(chain, depth);
        document.source = previous;
      },
    };
  }
  return undefined;
}
