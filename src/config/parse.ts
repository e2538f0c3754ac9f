/**
 * parseApplicationHost: applicationHost.config text -> typed model + diagnostics. Never throws on user
 * input: a file that is not well formed gives a diagnostic and an empty model.
 */
import { DiagnosticCode, DiagnosticSink, type Diagnostic } from './diagnostics.ts';
import { readApplicationPools, type ApplicationPools } from './schema/applicationPools.ts';
import { readSites, type Sites } from './schema/sites.ts';
import {
  readConfigSections,
  readListenerAdapters,
  readWebLimits,
  type ListenerAdapter,
  type SectionDefinition,
  type WebLimits,
} from './schema/serverSettings.ts';
import { validateApplicationHost } from './validate.ts';
import { readXml, type ReadXmlResult, type XmlProblem, type XmlProblemKind } from './xml/readXml.ts';
import { rereadChanged, type Reread } from './xml/rereadChanged.ts';
import { childElement, type XmlDocument, type XmlElement } from './xml/xmlTree.ts';

/** The configuration of one IIS server, as read from applicationHost.config. */
export interface ApplicationHostConfig {
  /** The XML the model was read from: the source of truth for everything the model does not type. */
  document: XmlDocument;
  applicationPools: ApplicationPools;
  sites: Sites;
  listenerAdapters: ListenerAdapter[];
  webLimits: WebLimits;
  /** Section path (e.g. `system.webServer/handlers`) -> its delegation settings. */
  configSections: Map<string, SectionDefinition>;
}

export interface ParseResult {
  model: ApplicationHostConfig;
  diagnostics: Diagnostic[];
  /** False when the text could not be read as XML at all (the model is then empty). */
  wellFormed: boolean;
}

const PROBLEM_CODES: Readonly<Record<XmlProblemKind, DiagnosticCode>> = {
  'not-well-formed': DiagnosticCode.notWellFormed,
  'doctype-ignored': DiagnosticCode.doctypeIgnored,
  'entity-refused': DiagnosticCode.entityRefused,
  'too-large': DiagnosticCode.tooLarge,
  'too-deep': DiagnosticCode.tooDeep,
};

/** The model read from a document whose root is `<configuration>` (or nothing, for an empty model). */
export function readApplicationHostModel(document: XmlDocument, sink: DiagnosticSink | undefined): ApplicationHostConfig {
  const root = document.root?.name === 'configuration' ? document.root : undefined;
  const applicationHost = root === undefined ? undefined : childElement(root, 'system.applicationHost');
  const section = (name: string): XmlElement | undefined =>
    applicationHost === undefined ? undefined : childElement(applicationHost, name);
  return {
    document,
    applicationPools: readApplicationPools(section('applicationPools'), sink),
    sites: readSites(section('sites'), sink),
    listenerAdapters: readListenerAdapters(section('listenerAdapters')),
    webLimits: readWebLimits(section('webLimits'), sink),
    configSections: readConfigSections(root === undefined ? undefined : childElement(root, 'configSections'), sink),
  };
}

/**
 * Reads applicationHost.config text (a UTF-8 BOM is skipped; decode bytes with `decodeConfigBytes`).
 *
 * @example
 * const { model, diagnostics } = parseApplicationHost(text);
 * model.sites.sites.map((site) => site.name);
 */
export function parseApplicationHost(text: string): ParseResult {
  return parseRead(readXml(text));
}

function parseRead(read: ReadXmlResult): ParseResult {
  const sink = new DiagnosticSink(read.document);
  for (const problem of read.problems) {
    const severity = problem.kind === 'doctype-ignored' ? 'warning' : 'error';
    sink.at(PROBLEM_CODES[problem.kind], severity, problem.message, problem.offset, undefined);
  }
  if (!read.wellFormed) {
    const empty = readApplicationHostModel({ prolog: [], root: undefined, epilog: [], source: read.document.source }, undefined);
    return { model: empty, diagnostics: sink.diagnostics, wellFormed: false };
  }
  return readWellFormed(read.document, sink);
}

function readWellFormed(document: XmlDocument, sink: DiagnosticSink): ParseResult {
  const root = document.root;
  if (root !== undefined && root.name !== 'configuration') {
    sink.element(
      DiagnosticCode.wrongRoot,
      'error',
      `The root element is <${root.name}>; an IIS configuration file starts with <configuration>.`,
      root,
    );
  }
  const model = readApplicationHostModel(document, sink);
  validateApplicationHost(model, sink);
  return { model, diagnostics: sink.diagnostics, wellFormed: true };
}

/**
 * Reads successive versions of one applicationHost.config, each from the document of the last, when
 * they differ inside one element (xml/rereadChanged.ts): a form edit, a keystroke or an Undo on a
 * 5,000-site file reads one element instead of 3.6 MB, and reuses the model of every untouched site
 * and pool (schema/elementMemo.ts). What it returns equals `parseApplicationHost(text)`.
 *
 * The document of a result is the reader's own and changes in place with the next read: a caller that
 * keeps a model while reading a text it may not apply (the workspace store) takes that read back with
 * `revertLastRead`.
 */
export class ApplicationHostReader {
  private last: { document: XmlDocument; problems: readonly XmlProblem[] } | undefined;
  private lastReread: Reread | undefined;

  read(text: string): ParseResult {
    const last = this.last;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.lastReread = last === undefined ? undefined : rereadChanged(last.document, body);
    if (last !== undefined && this.lastReread !== undefined) {
      const sink = new DiagnosticSink(last.document);
      // Only an ignored DOCTYPE, before the root, can be kept: the change is inside the root.
      for (const problem of last.problems) sink.at(PROBLEM_CODES[problem.kind], 'warning', problem.message, problem.offset, undefined);
      return readWellFormed(last.document, sink);
    }
    const read = readXml(body);
    const rootStart = read.document.root?.start ?? 0;
    const kept = read.wellFormed && read.problems.every((problem) => problem.kind === 'doctype-ignored' && problem.offset < rootStart);
    if (kept) this.last = { document: read.document, problems: read.problems };
    else if (read.wellFormed) this.last = undefined;
    return parseRead(read);
  }

  /**
   * Takes back the last read when it changed the document in place, so that a model read before it
   * keeps its document: the workspace store calls it when a text is not applied.
   */
  revertLastRead(): void {
    this.lastReread?.revert();
    this.lastReread = undefined;
  }
}
