/**
 * system.applicationHost/sites: sites with their bindings, applications and virtual directories, and
 * siteDefaults, applicationDefaults and virtualDirectoryDefaults. Defaults: IIS 10 schema.
 */
import { DiagnosticCode, type DiagnosticSink } from '../diagnostics.ts';
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { parseBindingInformation, type Binding } from './bindings.ts';
import { ElementMemo } from './elementMemo.ts';
import { bool, enumOf, readFields, readOwnFields, str, timeSpan, uint, type FieldValues } from './fields.ts';

export const siteFields = {
  serverAutoStart: bool('serverAutoStart', true),
} as const;

export const limitsFields = {
  maxBandwidth: uint('maxBandwidth', 4294967295),
  maxConnections: uint('maxConnections', 4294967295),
  connectionTimeout: timeSpan('connectionTimeout', '00:02:00'),
  maxUrlSegments: uint('maxUrlSegments', 32, 0, 16383),
} as const;

export const logFileFields = {
  logFormat: enumOf('logFormat', ['IIS', 'NCSA', 'W3C', 'Custom'], 'W3C'),
  directory: str('directory', '%SystemDrive%\\inetpub\\logs\\LogFiles'),
  period: enumOf('period', ['MaxSize', 'Daily', 'Weekly', 'Monthly', 'Hourly'], 'Daily'),
  enabled: bool('enabled', true),
} as const;

export const traceFailedRequestsLoggingFields = {
  enabled: bool('enabled', false),
  directory: str('directory', '%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles'),
  maxLogFiles: uint('maxLogFiles', 50, 1, 10000),
  maxLogFileSizeKB: uint('maxLogFileSizeKB', 1024, 0, 1048576),
} as const;

export const applicationFields = {
  applicationPool: str('applicationPool', ''),
  enabledProtocols: str('enabledProtocols', 'http'),
  serviceAutoStartEnabled: bool('serviceAutoStartEnabled', false),
  preloadEnabled: bool('preloadEnabled', false),
} as const;

export const virtualDirectoryFields = {
  physicalPath: str('physicalPath', ''),
  userName: str('userName', ''),
  logonMethod: enumOf('logonMethod', ['Interactive', 'Batch', 'Network', 'ClearText'], 'ClearText'),
  allowSubDirConfig: bool('allowSubDirConfig', true),
} as const;

const bindingFields = { sslFlags: uint('sslFlags', 0) } as const;
const siteIdFields = { id: uint('id', 0) } as const;

export type SiteLimits = FieldValues<typeof limitsFields>;
export type LogFile = FieldValues<typeof logFileFields>;
export type TraceFailedRequestsLogging = FieldValues<typeof traceFailedRequestsLoggingFields>;
export type ApplicationSettings = FieldValues<typeof applicationFields>;
export type VirtualDirectorySettings = FieldValues<typeof virtualDirectoryFields>;

export interface SiteSettings {
  serverAutoStart: boolean;
  limits: SiteLimits;
  logFile: LogFile;
  traceFailedRequestsLogging: TraceFailedRequestsLogging;
}

export interface VirtualDirectory extends VirtualDirectorySettings {
  /** Relative to its application, e.g. `/` or `/images`. */
  path: string;
}

export interface Application extends ApplicationSettings {
  /** Relative to the site, e.g. `/` or `/shop`. */
  path: string;
  virtualDirectories: VirtualDirectory[];
  /**
   * Where `applicationPool` comes from when the <application> sets none: the site's own
   * <applicationDefaults>, or the server's (<sites><applicationDefaults>), as IIS takes it (schema:
   * collection defaults). Absent: the application names its pool itself.
   */
  applicationPoolFrom?: 'site' | 'server';
}

export type SiteName = string & { readonly __brand: 'SiteName' };

export interface Site extends SiteSettings {
  name: SiteName;
  id: number;
  bindings: Binding[];
  applications: Application[];
}

export interface Sites {
  siteDefaults: SiteSettings;
  applicationDefaults: ApplicationSettings;
  virtualDirectoryDefaults: VirtualDirectorySettings;
  sites: Site[];
}

function readSiteSettings(element: XmlElement | undefined, sink: DiagnosticSink | undefined, inherited?: SiteSettings): SiteSettings {
  const child = (name: string): XmlElement | undefined => (element === undefined ? undefined : childElement(element, name));
  return Object.assign(readOwnFields(siteFields, element, sink, inherited), {
    limits: readFields(limitsFields, child('limits'), sink, inherited?.limits),
    logFile: readFields(logFileFields, child('logFile'), sink, inherited?.logFile),
    traceFailedRequestsLogging: readFields(
      traceFailedRequestsLoggingFields,
      child('traceFailedRequestsLogging'),
      sink,
      inherited?.traceFailedRequestsLogging,
    ),
  });
}

function readBindings(site: XmlElement, sink: DiagnosticSink | undefined): Binding[] {
  const bindingsElement = childElement(site, 'bindings');
  const bindings: Binding[] = [];
  for (const element of bindingsElement === undefined ? [] : childElements(bindingsElement)) {
    if (element.name === 'clear') bindings.length = 0;
    if (element.name !== 'binding') continue;
    const protocol = getAttribute(element, 'protocol') ?? '';
    const bindingInformation = getAttribute(element, 'bindingInformation') ?? '';
    if (protocol === '') sink?.element(DiagnosticCode.missingAttribute, 'error', 'A binding needs a protocol.', element);
    const { sslFlags } = readFields(bindingFields, element, sink);
    const parsed = parseBindingInformation(protocol, bindingInformation);
    if (!parsed.ok) {
      sink?.element(
        DiagnosticCode.bindingSyntax,
        'error',
        `The ${protocol} binding "${bindingInformation}" does not parse: ${parsed.reason}.`,
        element,
        'bindingInformation',
      );
    }
    bindings.push({ protocol, bindingInformation, sslFlags, endpoint: parsed.ok ? parsed.endpoint : undefined });
  }
  return bindings;
}

function readApplications(
  site: XmlElement,
  sink: DiagnosticSink | undefined,
  applicationDefaults: ApplicationSettings,
  virtualDirectoryDefaults: VirtualDirectorySettings,
): Application[] {
  // A site may carry its own applicationDefaults and virtualDirectoryDefaults (schema: collection defaults).
  const siteApplicationDefaults = readFields(applicationFields, childElement(site, 'applicationDefaults'), sink, applicationDefaults);
  const siteVirtualDirectoryDefaults = readFields(virtualDirectoryFields, childElement(site, 'virtualDirectoryDefaults'), sink, virtualDirectoryDefaults);
  const siteDefaultsElement = childElement(site, 'applicationDefaults');
  const inheritedPoolFrom = siteDefaultsElement !== undefined && getAttribute(siteDefaultsElement, 'applicationPool') !== undefined ? 'site' : 'server';
  const applications: Application[] = [];
  for (const element of childElements(site)) {
    if (element.name !== 'application') continue;
    const path = getAttribute(element, 'path') ?? '';
    if (path === '') sink?.element(DiagnosticCode.missingAttribute, 'error', 'An application needs a path, such as "/".', element);
    const applicationVirtualDirectoryDefaults = readFields(
      virtualDirectoryFields,
      childElement(element, 'virtualDirectoryDefaults'),
      sink,
      siteVirtualDirectoryDefaults,
    );
    const virtualDirectories: VirtualDirectory[] = [];
    for (const child of childElements(element)) {
      if (child.name !== 'virtualDirectory') continue;
      // path is the collection's key, required as an application's is: not invented as "/" when missing.
      const directoryPath = getAttribute(child, 'path') ?? '';
      if (directoryPath === '') sink?.element(DiagnosticCode.missingAttribute, 'error', 'A virtual directory needs a path, such as "/".', child);
      virtualDirectories.push(Object.assign(readFields(virtualDirectoryFields, child, sink, applicationVirtualDirectoryDefaults), { path: directoryPath }));
    }
    const application: Application = Object.assign(readFields(applicationFields, element, sink, siteApplicationDefaults), { path, virtualDirectories });
    if (getAttribute(element, 'applicationPool') === undefined) application.applicationPoolFrom = inheritedPoolFrom;
    applications.push(application);
  }
  return applications;
}

function readSite(
  element: XmlElement,
  sink: DiagnosticSink,
  siteDefaults: SiteSettings,
  applicationDefaults: FieldValues<typeof applicationFields>,
  virtualDirectoryDefaults: FieldValues<typeof virtualDirectoryFields>,
): Site {
  const name = getAttribute(element, 'name') ?? '';
  if (name === '') sink.element(DiagnosticCode.missingAttribute, 'error', 'A site needs a name.', element);
  const { id } = readFields(siteIdFields, element, sink);
  if (getAttribute(element, 'id') === undefined) {
    sink.element(DiagnosticCode.missingAttribute, 'error', `The site "${name}" needs an id.`, element);
  }
  return Object.assign(readSiteSettings(element, sink, siteDefaults), {
    name: name as SiteName,
    id,
    bindings: readBindings(element, sink),
    applications: readApplications(element, sink, applicationDefaults, virtualDirectoryDefaults),
  });
}

/** Reads of unchanged elements are reused across incremental re-reads (elementMemo.ts). */
const siteMemo = new ElementMemo<Site>();
const siteDefaultsMemo = new ElementMemo<SiteSettings>();
const applicationDefaultsMemo = new ElementMemo<FieldValues<typeof applicationFields>>();
const virtualDirectoryDefaultsMemo = new ElementMemo<FieldValues<typeof virtualDirectoryFields>>();
/** The defaults when a file has no siteDefaults (etc.) element: one object, so that the sites read with them can be reused. */
let schemaDefaults: Pick<Sites, 'siteDefaults' | 'applicationDefaults' | 'virtualDirectoryDefaults'> | undefined;

function defaultsOf(section: XmlElement | undefined, sink: DiagnosticSink | undefined): Pick<Sites, 'siteDefaults' | 'applicationDefaults' | 'virtualDirectoryDefaults'> {
  schemaDefaults ??= {
    siteDefaults: readSiteSettings(undefined, undefined),
    applicationDefaults: readFields(applicationFields, undefined, undefined),
    virtualDirectoryDefaults: readFields(virtualDirectoryFields, undefined, undefined),
  };
  const child = (name: string): XmlElement | undefined => (section === undefined ? undefined : childElement(section, name));
  const siteDefaults = child('siteDefaults');
  const applicationDefaults = child('applicationDefaults');
  const virtualDirectoryDefaults = child('virtualDirectoryDefaults');
  return {
    siteDefaults: siteDefaults === undefined ? schemaDefaults.siteDefaults : siteDefaultsMemo.read(siteDefaults, [], sink, (e, s) => readSiteSettings(e, s)),
    applicationDefaults:
      applicationDefaults === undefined ? schemaDefaults.applicationDefaults : applicationDefaultsMemo.read(applicationDefaults, [], sink, (e, s) => readFields(applicationFields, e, s)),
    virtualDirectoryDefaults:
      virtualDirectoryDefaults === undefined
        ? schemaDefaults.virtualDirectoryDefaults
        : virtualDirectoryDefaultsMemo.read(virtualDirectoryDefaults, [], sink, (e, s) => readFields(virtualDirectoryFields, e, s)),
  };
}

/** Reads `<sites>`. */
export function readSites(section: XmlElement | undefined, sink: DiagnosticSink | undefined): Sites {
  const { siteDefaults, applicationDefaults, virtualDirectoryDefaults } = defaultsOf(section, sink);
  const context = [siteDefaults, applicationDefaults, virtualDirectoryDefaults];
  const sites: Site[] = [];
  for (const element of section === undefined ? [] : section.children) {
    if (element.kind !== 'element' || element.name !== 'site') continue;
    sites.push(siteMemo.read(element, context, sink, (e, s) => readSite(e, s, siteDefaults, applicationDefaults, virtualDirectoryDefaults)));
  }
  return { siteDefaults, applicationDefaults, virtualDirectoryDefaults, sites };
}
