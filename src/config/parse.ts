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
import { readXml, type XmlProblemKind } from './xml/readXml.ts';
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
  const read = readXml(text);
  const sink = new DiagnosticSink(read.document);
  for (const problem of read.problems) {
    const severity = problem.kind === 'doctype-ignored' ? 'warning' : 'error';
    sink.at(PROBLEM_CODES[problem.kind], severity, problem.message, problem.offset, undefined);
  }
  if (!read.wellFormed) {
    const empty = readApplicationHostModel({ prolog: [], root: undefined, epilog: [], source: read.document.source }, undefined);
    return { model: empty, diagnostics: sink.diagnostics, wellFormed: false };
  }
  const root = read.document.root;
  if (root !== undefined && root.name !== 'configuration') {
    sink.element(
      DiagnosticCode.wrongRoot,
      'error',
      `The root element is <${root.name}>; an IIS configuration file starts with <configuration>.`,
      root,
    );
  }
  const model = readApplicationHostModel(read.document, sink);
  validateApplicationHost(model, sink);
  return { model, diagnostics: sink.diagnostics, wellFormed: true };
}
