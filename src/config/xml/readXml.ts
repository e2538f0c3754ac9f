/**
 * A strict, non-validating XML 1.0 reader for configuration files.
 *
 * Why not a general XML library: diagnostics need the line and column of every element and attribute,
 * the round trip needs comments, order and the exact source form, and hostile input must be refused
 * cheaply. fast-xml-parser 5 (measured on the 5,000-site benchmark file: ~150 ms to parse plus ~65 ms to
 * validate, with no attribute positions) could not meet the 150 ms budget for parse + validate + model.
 *
 * Safety: a DOCTYPE is skipped and never honoured, so no entity is ever declared; only the five
 * predefined entities and character references are resolved, and any other reference is an error
 * ("entity expansion refused"). Size and nesting depth are bounded.
 */
import { NO_CHILDREN, type XmlAttribute, type XmlDocument, type XmlElement, type XmlNode, type XmlProcessingInstruction } from './xmlTree.ts';

export const MAX_CONFIG_CHARS = 20 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 256;

export type XmlProblemKind =
  | 'not-well-formed'
  | 'doctype-ignored'
  | 'entity-refused'
  | 'too-large'
  | 'too-deep';

export interface XmlProblem {
  kind: XmlProblemKind;
  message: string;
  offset: number;
}

export interface ReadXmlResult {
  document: XmlDocument;
  /** Problems in reading order. When one is fatal (`not-well-formed`, `too-*`), the tree is partial. */
  problems: XmlProblem[];
  wellFormed: boolean;
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

class XmlFatal extends Error {
  constructor(
    readonly kind: XmlProblemKind,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isNameStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    code === 58 ||
    code >= 0xc0
  );
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 0xb7;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * A character XML 1.0 does not allow anywhere (the Char production, XML 1.0 §2.2): C0 controls but tab,
 * LF and CR; U+FFFE and U+FFFF; a surrogate not in a pair. One native scan of the text, linear.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's job
const NOT_A_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where in `text` (from `from`, before `to`) the first character XML does not allow is, or -1. */
export function firstInvalidChar(text: string, from = 0, to = text.length): number {
  const found = NOT_A_CHAR.exec(from === 0 && to === text.length ? text : text.slice(from, to));
  return found === null ? -1 : from + found.index;
}

/** The message for a character XML does not allow, naming it as U+XXXX. */
export function invalidCharMessage(code: number): string {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0xffff) return 'Bytes here are not valid in the file\'s encoding (UTF-8 unless it starts with a UTF-16 byte order mark), or the character U+FFFF, which XML does not allow: a file in another encoding (Windows-1252, Latin-1) must be saved as UTF-8.';
  if (code >= 0xd800 && code <= 0xdfff) return `${name} is half of a surrogate pair without its other half: the text is not valid UTF-16.`;
  return `The character ${name} is not allowed in XML 1.0 (a control character or a noncharacter); remove it or write it as text.`;
}

/** A character reference's code point is a Char (XML 1.0 §4.1, well-formedness constraint Legal Character). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Reads XML text into a tree. Never throws; problems come back as data. */
export function readXml(input: string): ReadXmlResult {
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const document: XmlDocument = { prolog: [], root: undefined, epilog: [], source };
  const problems: XmlProblem[] = [];
  if (source.length > MAX_CONFIG_CHARS) {
    problems.push({
      kind: 'too-large',
      message: `The file is ${String(Math.round(source.length / 1048576))} MB; configuration files over 20 MB are refused.`,
      offset: 0,
    });
    return { document, problems, wellFormed: false };
  }
  if (source.charCodeAt(0) === 0xfeff) {
    problems.push({ kind: 'not-well-formed', message: 'The file starts with a second byte order mark (U+FEFF): it was saved twice with a BOM; remove one.', offset: 0 });
    return { document, problems, wellFormed: false };
  }
  const invalid = firstInvalidChar(source);
  if (invalid >= 0) {
    problems.push({ kind: 'not-well-formed', message: invalidCharMessage(source.charCodeAt(invalid)), offset: invalid });
    return { document, problems, wellFormed: false };
  }
  const reader = new Reader(source, document, problems);
  try {
    reader.readDocument();
    return { document, problems, wellFormed: true };
  } catch (error) {
    if (error instanceof XmlFatal) {
      problems.push({ kind: error.kind, message: error.message, offset: error.offset });
      return { document, problems, wellFormed: false };
    }
    throw error;
  }
}

/**
 * Reads one element of `source` that starts at `start` (a `<`), as a child of `parent` at `depth`
 * elements below the document: the incremental re-read of a changed element (rereadChanged.ts) reads
 * only that element of the new text. Undefined when it does not read cleanly (not well formed, or any
 * problem): the caller then reads the whole text, which reports the problem where it is.
 */
export function readElementAt(source: string, start: number, parent: XmlElement | undefined, depth: number): { element: XmlElement; end: number } | undefined {
  if (source.charCodeAt(start) !== 60 /* < */ || source.length > MAX_CONFIG_CHARS) return undefined;
  const problems: XmlProblem[] = [];
  const reader = new Reader(source, { prolog: [], root: undefined, epilog: [], source }, problems, start, depth);
  try {
    const read = reader.readElementHere(parent);
    return problems.length === 0 ? read : undefined;
  } catch (error) {
    if (error instanceof XmlFatal) return undefined;
    throw error;
  }
}

class Reader {
  constructor(
    private readonly s: string,
    private readonly document: XmlDocument,
    private readonly problems: XmlProblem[],
    private pos = 0,
    private depth = 0,
  ) {}

  /** Reads the element at the current position; for readElementAt. */
  readElementHere(parent: XmlElement | undefined): { element: XmlElement; end: number } {
    const element = this.readElement(parent);
    return { element, end: this.pos };
  }

  private fail(message: string, offset = this.pos, kind: XmlProblemKind = 'not-well-formed'): never {
    throw new XmlFatal(kind, message, offset);
  }

  readDocument(): void {
    const s = this.s;
    let target: XmlNode[] = this.document.prolog;
    while (this.pos < s.length) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) {
        this.readOutsideText(s.length, target);
        break;
      }
      if (lt > this.pos) this.readOutsideText(lt, target);
      this.pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 63 /* ? */) target.push(this.readProcessingInstruction());
      else if (s.startsWith('<!--', lt)) target.push(this.readComment());
      else if (s.startsWith('<!DOCTYPE', lt)) this.skipDoctype();
      else if (next === 33 /* ! */) this.fail('Only comments may appear outside the root element here.');
      else if (next === 47 /* / */) this.fail(`An end tag with no start tag.`);
      else {
        if (this.document.root !== undefined) this.fail('A configuration file has one root element; this is a second one.');
        this.document.root = this.readElement(undefined);
        target = this.document.epilog;
      }
    }
    if (this.document.root === undefined) this.fail('The file has no root element.', s.length);
  }

  private readOutsideText(end: number, target: XmlNode[]): void {
    const text = this.s.slice(this.pos, end);
    for (let i = 0; i < text.length; i++) {
      if (!isSpace(text.charCodeAt(i))) this.fail('Text is not allowed outside the root element.', this.pos + i);
    }
    target.push({ kind: 'text', value: text, start: this.pos });
    this.pos = end;
  }

  private readProcessingInstruction(): XmlNode {
    const start = this.pos;
    const end = this.s.indexOf('?>', start + 2);
    if (end < 0) this.fail('A processing instruction (<?...) is never closed with ?>.', start);
    const content = this.s.slice(start + 2, end);
    // PITarget is a Name, and white space separates it from the rest (XML 1.0 §2.6).
    let nameEnd = 0;
    if (content.length > 0 && isNameStart(content.charCodeAt(0))) {
      nameEnd = 1;
      while (nameEnd < content.length && isNameChar(content.charCodeAt(nameEnd))) nameEnd++;
    }
    const targetName = content.slice(0, nameEnd);
    if (targetName === '') this.fail('A processing instruction (<?...) must start with a target name.', start);
    let bodyStart = nameEnd;
    while (bodyStart < content.length && isSpace(content.charCodeAt(bodyStart))) bodyStart++;
    if (bodyStart === nameEnd && nameEnd < content.length) this.fail(`The processing instruction's target "${targetName}" must be followed by white space.`, start + 2 + nameEnd);
    if (targetName.toLowerCase() === 'xml' && start !== 0) {
      this.fail('The XML declaration (<?xml ...?>) must be the very first thing in the file.', start);
    }
    const gap = content.slice(nameEnd, bodyStart);
    const body = content.slice(bodyStart);
    this.pos = end + 2;
    const node: XmlProcessingInstruction = { kind: 'pi', target: targetName, body, start };
    // The usual single space (none without a body) is implied; any other is kept, to write it back.
    if (gap !== (body === '' ? '' : ' ')) node.gap = gap;
    return node;
  }

  private readComment(): XmlNode {
    const start = this.pos;
    const end = this.s.indexOf('-->', start + 4);
    if (end < 0) this.fail('A comment (<!--) is never closed with -->.', start);
    const value = this.s.slice(start + 4, end);
    const doubleDash = value.indexOf('--');
    if (doubleDash >= 0) this.fail('A comment may not contain "--".', start + 4 + doubleDash);
    // "--->" ends a comment whose text ends with "-" (XML 1.0 §2.5).
    if (value.endsWith('-')) this.fail('A comment may not end with "--->": its text may not end with "-".', end - 1);
    this.pos = end + 3;
    return { kind: 'comment', value, start };
  }

  /** A DOCTYPE is skipped, never honoured: entities it declares stay undefined. */
  private skipDoctype(): void {
    const start = this.pos;
    let i = start + 9;
    let bracket = 0;
    const s = this.s;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 91 /* [ */) bracket++;
      else if (c === 93 /* ] */) bracket--;
      else if (c === 62 /* > */ && bracket <= 0) break;
      else if (c === 34 || c === 39) {
        const close = s.indexOf(String.fromCharCode(c), i + 1);
        if (close < 0) break;
        i = close;
      }
    }
    if (i >= s.length) this.fail('A DOCTYPE is never closed.', start);
    this.problems.push({
      kind: 'doctype-ignored',
      message: 'The DOCTYPE is ignored: IIS configuration has no DTD, and entities it declares are not expanded.',
      offset: start,
    });
    this.pos = i + 1;
  }

  private readName(what: string): string {
    const s = this.s;
    const start = this.pos;
    if (!isNameStart(s.charCodeAt(start))) this.fail(`Expected ${what} here.`);
    let i = start + 1;
    while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
    this.pos = i;
    return s.slice(start, i);
  }

  private skipSpaces(): string {
    const s = this.s;
    const start = this.pos;
    while (this.pos < s.length && isSpace(s.charCodeAt(this.pos))) this.pos++;
    return s.slice(start, this.pos);
  }

  private readElement(parent: XmlElement | undefined): XmlElement {
    const s = this.s;
    const start = this.pos;
    if (++this.depth > MAX_NESTING_DEPTH) {
      this.fail(`Elements are nested more than ${String(MAX_NESTING_DEPTH)} deep; the file is refused.`, start, 'too-deep');
    }
    this.pos++; // <
    const name = this.readName('an element name after <');
    const attributes: XmlAttribute[] = [];
    // White space between attributes is kept only when it is not the usual single space.
    let gaps: string[] | undefined;
    let names: Set<string> | undefined;
    const element: XmlElement = {
      kind: 'element',
      name,
      attributes,
      children: [],
      start,
      end: -1,
      selfClosing: false,
      parent,
    };
    for (;;) {
      const gap = this.skipSpaces();
      const c = s.charCodeAt(this.pos);
      if (c === 62 /* > */) {
        this.pos++;
        element.tagTail = gap;
        break;
      }
      if (c === 47 /* / */) {
        if (s.charCodeAt(this.pos + 1) !== 62) this.fail('Expected "/>" to close the empty element.');
        this.pos += 2;
        element.selfClosing = true;
        element.children = NO_CHILDREN;
        element.tagTail = gap;
        break;
      }
      if (Number.isNaN(c)) this.fail(`The start tag <${name}> is never closed.`, start);
      if (gap === '') this.fail('Attributes must be separated by white space.');
      const attributeStart = this.pos;
      const attributeName = this.readName('an attribute name');
      const equalsStart = this.pos;
      this.skipSpaces();
      if (s.charCodeAt(this.pos) !== 61 /* = */) this.fail(`The attribute "${attributeName}" has no value (expected =).`);
      this.pos++;
      this.skipSpaces();
      const quote = s.charCodeAt(this.pos);
      if (quote !== 34 && quote !== 39) this.fail(`The value of "${attributeName}" must be in quotes.`);
      const valueStart = this.pos + 1;
      const equals = valueStart - 1 - equalsStart === 1 ? undefined : s.slice(equalsStart, valueStart - 1);
      const valueEnd = s.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0) this.fail(`The value of "${attributeName}" is never closed.`, valueStart - 1);
      const raw = s.slice(valueStart, valueEnd);
      const lt = raw.indexOf('<');
      if (lt >= 0) this.fail(`The value of "${attributeName}" contains "<", which must be written &lt;.`, valueStart + lt);
      // A few attributes are compared in a line; many (a hostile element of 100,000) through a set, so the
      // check stays linear in the element's size.
      if (names === undefined) {
        for (const other of attributes) {
          if (other.name === attributeName) this.fail(`The attribute "${attributeName}" appears twice.`, attributeStart);
        }
        if (attributes.length >= 16) names = new Set(attributes.map((a) => a.name));
      } else if (names.has(attributeName)) this.fail(`The attribute "${attributeName}" appears twice.`, attributeStart);
      names?.add(attributeName);
      const value = raw.includes('&') ? this.decode(raw, valueStart, true) : normalizeAttributeSpace(raw);
      const attribute: XmlAttribute = { name: attributeName, value, quote: quote === 34 ? '"' : "'", start: attributeStart };
      if (value !== raw) attribute.raw = raw;
      if (equals !== undefined) attribute.equals = equals;
      if (gap !== ' ' && gaps === undefined) gaps = attributes.map(() => ' ');
      attributes.push(attribute);
      gaps?.push(gap);
      this.pos = valueEnd + 1;
    }
    if (gaps !== undefined) element.attributeGaps = gaps;
    if (!element.selfClosing) this.readContent(element);
    element.end = this.pos;
    this.depth--;
    return element;
  }

  private readContent(element: XmlElement): void {
    const s = this.s;
    const children = element.children;
    const spaces: string[] = [];
    element.spaces = spaces;
    let space = '';
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) this.fail(`The element <${element.name}> is never closed.`, element.start);
      if (lt > this.pos) {
        const raw = s.slice(this.pos, lt);
        if (isBlank(raw)) space = raw;
        else {
          const value = raw.includes('&') ? this.decode(raw, this.pos, false) : raw;
          spaces.push(space);
          space = '';
          children.push(value === raw ? { kind: 'text', value, start: this.pos } : { kind: 'text', value, raw, start: this.pos });
        }
      }
      this.pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        spaces.push(space);
        this.pos += 2;
        const endName = this.readName('an element name after </');
        if (endName !== element.name) {
          this.fail(`The end tag </${endName}> does not match the start tag <${element.name}>.`, lt);
        }
        const endTagTail = this.skipSpaces();
        if (endTagTail !== '') element.endTagTail = endTagTail;
        if (s.charCodeAt(this.pos) !== 62) this.fail(`Expected ">" to close </${endName}>.`);
        this.pos++;
        return;
      }
      let node: XmlNode;
      if (s.startsWith('<!--', lt)) node = this.readComment();
      else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('A CDATA section is never closed with ]]>.', lt);
        this.pos = end + 3;
        node = { kind: 'cdata', value: s.slice(lt + 9, end), start: lt };
      } else if (next === 63 /* ? */) node = this.readProcessingInstruction();
      else if (next === 33 /* ! */) this.fail('A DOCTYPE or declaration is not allowed inside an element.', lt);
      else node = this.readElement(element);
      spaces.push(space);
      space = '';
      children.push(node);
    }
  }

  /** Resolves the predefined entities and character references; refuses any other entity. */
  private decode(raw: string, offset: number, isAttribute: boolean): string {
    let out = '';
    let last = 0;
    // Literal white space in a value reads as a space; a character reference to it stays itself (XML 1.0 §3.3.3).
    const literal = (text: string): string => (isAttribute ? normalizeAttributeSpace(text) : text);
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', last)) {
      out += literal(raw.slice(last, amp));
      const semicolon = raw.indexOf(';', amp);
      if (semicolon < 0 || semicolon - amp > 40) this.fail('An "&" must start a reference such as &amp;.', offset + amp);
      const name = raw.slice(amp + 1, semicolon);
      if (name.startsWith('#')) {
        const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name) || !Number.isFinite(code)) this.fail(`"&${name};" is not a valid character reference.`, offset + amp);
        if (!isXmlChar(code)) this.fail(`"&${name};" refers to a character XML 1.0 does not allow (a control character, a surrogate, a noncharacter or beyond U+10FFFF).`, offset + amp);
        out += String.fromCodePoint(code);
      } else {
        const replacement = PREDEFINED_ENTITIES[name];
        if (replacement === undefined) {
          this.fail(
            `The entity "&${name};" is not defined: configuration files may use only &lt; &gt; &amp; &quot; &apos; and character references (entity expansion is refused).`,
            offset + amp,
            'entity-refused',
          );
        }
        out += replacement;
      }
      last = semicolon + 1;
    }
    return out + literal(raw.slice(last));
  }
}

/** XML attribute-value normalisation: each literal tab, CR or LF reads as a space. */
function normalizeAttributeSpace(value: string): string {
  return /[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value;
}
