/**
 * Diagnostics: what is wrong with a configuration file, where, and in words a person understands.
 * Codes are stable (tests assert on them); messages may be reworded.
 */
import { positionAt } from './xml/position.ts';
import type { XmlDocument, XmlElement } from './xml/xmlTree.ts';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** The catalogue of diagnostic codes. */
export const DiagnosticCode = {
  /** The XML is not well formed. */
  notWellFormed: 'IISF0001',
  /** The root element is not `<configuration>`. */
  wrongRoot: 'IISF0002',
  /** A DOCTYPE was ignored. */
  doctypeIgnored: 'IISF0003',
  /** An entity other than the five predefined ones: expansion refused. */
  entityRefused: 'IISF0004',
  /** The file is larger than the 20 MB limit. */
  tooLarge: 'IISF0005',
  /** Elements nest deeper than 256. */
  tooDeep: 'IISF0006',
  /** A value outside its schema: enum, number range, boolean, timespan, flags. */
  invalidValue: 'IISF0010',
  /** A required attribute is missing. */
  missingAttribute: 'IISF0011',
  /** A bindingInformation that does not parse for its protocol. */
  bindingSyntax: 'IISF0020',
  /** Two sites with one id. */
  duplicateSiteId: 'IISF0021',
  /** Two sites with one name. */
  duplicateSiteName: 'IISF0022',
  /** The same protocol and bindingInformation on two bindings. */
  duplicateBinding: 'IISF0023',
  /** An application names an application pool that is not defined. */
  missingApplicationPool: 'IISF0024',
  /** A handler names a module that is neither a global module nor a managed one. */
  unknownHandlerModule: 'IISF0025',
  /** Two entries with the same key in one collection. */
  duplicateCollectionEntry: 'IISF0026',
  /** A site without a root application, or an application without a root virtual directory. */
  missingRoot: 'IISF0027',
  /** A web.config sets a section or item that is locked above it (IIS answers 500.19). */
  lockedSection: 'IISF0030',
  /** A web.config defines a section where allowDefinition forbids it. */
  sectionNotAllowedHere: 'IISF0031',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export interface Diagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  message: string;
  /** 1-based; 0 when the problem has no place in a file (e.g. a missing element). */
  line: number;
  column: number;
  /** Where in the configuration, e.g. `sites/site[@name='Shop']/bindings/binding[2]`. */
  path: string;
  /** The file the diagnostic is about, when it is not applicationHost.config. */
  file?: string;
}

/** Elements whose identity in a path is an attribute rather than a position. */
const IDENTITY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  site: ['name'],
  application: ['path'],
  virtualDirectory: ['path'],
  location: ['path'],
  add: ['name', 'fileExtension', 'segment', 'sequence', 'verb', 'value', 'mimeType', 'statusCode', 'path', 'ipAddress', 'url', 'extension'],
  remove: ['name', 'fileExtension', 'segment', 'sequence', 'verb', 'value', 'mimeType', 'statusCode'],
  error: ['statusCode'],
  mimeMap: ['fileExtension'],
  section: ['name'],
  sectionGroup: ['name'],
};

/** Section-group wrappers left out of paths: a path starts at the section. */
const SKIPPED_IN_PATH = new Set(['configuration', 'system.applicationHost', 'system.webServer', 'configSections']);

function segmentOf(element: XmlElement): string {
  for (const attributeName of IDENTITY_ATTRIBUTES[element.name] ?? []) {
    for (const attribute of element.attributes) {
      if (attribute.name === attributeName) return `${element.name}[@${attributeName}='${attribute.value}']`;
    }
  }
  const parent = element.parent;
  if (parent === undefined) return element.name;
  let index = 0;
  let count = 0;
  for (const sibling of parent.children) {
    if (sibling.kind !== 'element' || sibling.name !== element.name) continue;
    count++;
    if (sibling === element) index = count;
  }
  return count > 1 ? `${element.name}[${String(index)}]` : element.name;
}

/** The readable path of an element inside its configuration file. */
export function configPath(element: XmlElement | undefined): string {
  const segments: string[] = [];
  for (let current = element; current !== undefined; current = current.parent) {
    if (!SKIPPED_IN_PATH.has(current.name)) segments.push(segmentOf(current));
  }
  return segments.reverse().join('/');
}

/** Builds diagnostics against one document. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly document: XmlDocument,
    private readonly file?: string,
  ) {}

  /** Reports at an offset; `element` gives the path. */
  at(
    code: DiagnosticCode,
    severity: DiagnosticSeverity,
    message: string,
    offset: number,
    element: XmlElement | undefined,
  ): void {
    const { line, column } = positionAt(this.document.source, offset, this.document);
    const diagnostic: Diagnostic = { code, severity, message, line, column, path: configPath(element) };
    if (this.file !== undefined) diagnostic.file = this.file;
    this.diagnostics.push(diagnostic);
  }

  /** Reports at an element, or at one of its attributes when it has it. */
  element(
    code: DiagnosticCode,
    severity: DiagnosticSeverity,
    message: string,
    element: XmlElement,
    attributeName?: string,
  ): void {
    let offset = element.start;
    if (attributeName !== undefined) {
      for (const attribute of element.attributes) {
        if (attribute.name === attributeName && attribute.start >= 0) offset = attribute.start;
      }
    }
    this.at(code, severity, message, offset, element);
  }
}
