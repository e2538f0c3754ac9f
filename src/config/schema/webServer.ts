/**
 * The typed system.webServer configuration that applies to one URL, read from the merged section
 * elements (see effective.ts). Defaults: IIS 10 schema (IIS_schema.xml).
 */
import type { DiagnosticSink } from '../diagnostics.ts';
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { bool, enumOf, flags, int, readFields, str, timeSpan, uint, type FieldSpecs, type FieldValues } from './fields.ts';

const moduleFields = { name: str('name'), type: str('type'), preCondition: str('preCondition'), lockItem: bool('lockItem', false) };
const globalModuleFields = { name: str('name'), image: str('image'), preCondition: str('preCondition') };
const handlerFields = {
  name: str('name'),
  path: str('path'),
  verb: str('verb'),
  type: str('type'),
  modules: str('modules', 'ManagedPipelineHandler'),
  scriptProcessor: str('scriptProcessor'),
  resourceType: enumOf('resourceType', ['File', 'Directory', 'Either', 'Unspecified'], 'Unspecified'),
  requireAccess: enumOf('requireAccess', ['None', 'Read', 'Write', 'Script', 'Execute'], 'Script'),
  allowPathInfo: bool('allowPathInfo', false),
  preCondition: str('preCondition'),
  responseBufferLimit: uint('responseBufferLimit', 4194304),
};
const ACCESS_POLICY = ['None', 'Read', 'Write', 'Execute', 'Source', 'Script', 'NoRemoteRead', 'NoRemoteWrite', 'NoRemoteExecute', 'NoRemoteScript'];

const requestFilteringFields = {
  allowDoubleEscaping: bool('allowDoubleEscaping', false),
  allowHighBitCharacters: bool('allowHighBitCharacters', true),
  unescapeQueryString: bool('unescapeQueryString', true),
  removeServerHeader: bool('removeServerHeader', false),
};
const listFields = { allowUnlisted: bool('allowUnlisted', true), applyToWebDAV: bool('applyToWebDAV', true) };
const requestLimitsFields = {
  maxAllowedContentLength: uint('maxAllowedContentLength', 30000000),
  maxUrl: uint('maxUrl', 4096),
  maxQueryString: uint('maxQueryString', 2048),
};
const ipSecurityFields = {
  enableReverseDns: bool('enableReverseDns', false),
  allowUnlisted: bool('allowUnlisted', true),
  enableProxyMode: bool('enableProxyMode', false),
  denyAction: enumOf('denyAction', ['Unauthorized', 'Forbidden', 'NotFound', 'AbortRequest'], 'Forbidden'),
};
const ipRuleFields = { ipAddress: str('ipAddress'), subnetMask: str('subnetMask', '255.255.255.255'), domainName: str('domainName'), allowed: bool('allowed', false) };
const authorizationRuleFields = {
  accessType: enumOf('accessType', ['Allow', 'Deny'], 'Allow'),
  users: str('users'),
  roles: str('roles'),
  verbs: str('verbs'),
};
const enabledOnly = (fallback: boolean): { enabled: ReturnType<typeof bool> } => ({ enabled: bool('enabled', fallback) });
const anonymousFields = { enabled: bool('enabled', true), userName: str('userName', 'IUSR') };
const basicFields = { enabled: bool('enabled', false), realm: str('realm'), defaultLogonDomain: str('defaultLogonDomain') };
const windowsFields = { enabled: bool('enabled', false), useKernelMode: bool('useKernelMode', true) };
const digestFields = { enabled: bool('enabled', false), realm: str('realm') };
const httpRedirectFields = {
  enabled: bool('enabled', false),
  destination: str('destination'),
  exactDestination: bool('exactDestination', false),
  childOnly: bool('childOnly', false),
  httpResponseStatus: enumOf('httpResponseStatus', ['Permanent', 'Found', 'Temporary', 'PermRedirect'], 'Found'),
};
const httpErrorsFields = {
  errorMode: enumOf('errorMode', ['DetailedLocalOnly', 'Custom', 'Detailed'], 'DetailedLocalOnly'),
  existingResponse: enumOf('existingResponse', ['Auto', 'Replace', 'PassThrough'], 'Auto'),
  defaultPath: str('defaultPath'),
  defaultResponseMode: enumOf('defaultResponseMode', ['File', 'ExecuteURL', 'Redirect'], 'File'),
};
const errorFields = {
  statusCode: uint('statusCode', 0, 400, 999),
  subStatusCode: int('subStatusCode', -1, -1, 999),
  prefixLanguageFilePath: str('prefixLanguageFilePath'),
  path: str('path'),
  responseMode: enumOf('responseMode', ['File', 'ExecuteURL', 'Redirect'], 'File'),
};
const urlCompressionFields = {
  doStaticCompression: bool('doStaticCompression', true),
  doDynamicCompression: bool('doDynamicCompression', true),
  dynamicCompressionBeforeCache: bool('dynamicCompressionBeforeCache', false),
};
const httpCompressionFields = {
  minFileSizeForComp: uint('minFileSizeForComp', 2700),
  noCompressionForHttp10: bool('noCompressionForHttp10', true),
  noCompressionForProxies: bool('noCompressionForProxies', true),
  noCompressionForRange: bool('noCompressionForRange', true),
  staticCompressionIgnoreHitFrequency: bool('staticCompressionIgnoreHitFrequency', false),
};
const cachingFields = {
  enabled: bool('enabled', true),
  enableKernelCache: bool('enableKernelCache', true),
  maxCacheSize: uint('maxCacheSize', 0),
  maxResponseSize: uint('maxResponseSize', 262144),
};
const CACHE_POLICIES = ['DontCache', 'CacheUntilChange', 'CacheForTimePeriod', 'DisableCache'] as const;
const cachingProfileFields = {
  extension: str('extension'),
  policy: enumOf('policy', CACHE_POLICIES, 'DontCache'),
  kernelCachePolicy: enumOf('kernelCachePolicy', CACHE_POLICIES, 'DontCache'),
  duration: timeSpan('duration', '00:00:30'),
  location: enumOf('location', ['Any', 'Client', 'Downstream', 'Server', 'None', 'ServerAndClient'], 'Server'),
  varyByHeaders: str('varyByHeaders'),
  varyByQueryString: str('varyByQueryString'),
};
const serverRuntimeFields = {
  enabled: bool('enabled', true),
  appConcurrentRequestLimit: uint('appConcurrentRequestLimit', 5000),
  maxRequestEntityAllowed: uint('maxRequestEntityAllowed', 4294967295),
  uploadReadAheadSize: uint('uploadReadAheadSize', 49152, 0, 2147483647),
  frequentHitThreshold: uint('frequentHitThreshold', 2, 1, 2147483647),
  frequentHitTimePeriod: timeSpan('frequentHitTimePeriod', '00:00:10'),
};
const traceRuleFields = { path: str('path'), customActionTriggerLimit: uint('customActionTriggerLimit', 1, 0, 10000) };
const VERBOSITY = ['General', 'CriticalError', 'Error', 'Warning', 'Information', 'Verbose'] as const;
const traceAreaFields = { provider: str('provider'), areas: str('areas'), verbosity: enumOf('verbosity', VERBOSITY, 'Warning') };
const failureDefinitionFields = {
  timeTaken: timeSpan('timeTaken', '00:00:00'),
  traceAllAfterTimeout: bool('traceAllAfterTimeout', false),
  statusCodes: str('statusCodes'),
  verbosity: enumOf('verbosity', ['Ignore', 'CriticalError', 'Error', 'Warning'], 'Ignore'),
};

export type ModuleEntry = FieldValues<typeof moduleFields>;
export type GlobalModuleEntry = FieldValues<typeof globalModuleFields>;
export type HandlerEntry = FieldValues<typeof handlerFields>;
export type HttpErrorEntry = FieldValues<typeof errorFields>;
export type CachingProfile = FieldValues<typeof cachingProfileFields>;
export type IpSecurityRule = FieldValues<typeof ipRuleFields>;
export type AuthorizationRule = FieldValues<typeof authorizationRuleFields>;

export interface WebServerConfig {
  globalModules: GlobalModuleEntry[];
  modules: { runAllManagedModulesForAllRequests: boolean; entries: ModuleEntry[] };
  handlers: { accessPolicy: readonly string[]; entries: HandlerEntry[] };
  defaultDocument: { enabled: boolean; files: string[] };
  directoryBrowse: { enabled: boolean };
  staticContent: { mimeMaps: { fileExtension: string; mimeType: string }[] };
  requestFiltering: FieldValues<typeof requestFilteringFields> & {
    fileExtensions: FieldValues<typeof listFields> & { entries: { fileExtension: string; allowed: boolean }[] };
    verbs: FieldValues<typeof listFields> & { entries: { verb: string; allowed: boolean }[] };
    hiddenSegments: string[];
    denyUrlSequences: string[];
    denyQueryStringSequences: string[];
    alwaysAllowedUrls: string[];
    /** filteringRules: deny strings in the URL, query string or headers, for some extensions (404.19). */
    filteringRules: { name: string; scanUrl: boolean; scanQueryString: boolean; scanHeaders: string[]; appliesTo: string[]; denyStrings: string[] }[];
    requestLimits: FieldValues<typeof requestLimitsFields> & { headerLimits: { header: string; sizeLimit: number }[] };
  };
  ipSecurity: FieldValues<typeof ipSecurityFields> & { rules: IpSecurityRule[] };
  access: { sslFlags: readonly string[] };
  authentication: {
    anonymous: FieldValues<typeof anonymousFields>;
    basic: FieldValues<typeof basicFields>;
    windows: FieldValues<typeof windowsFields> & { providers: string[] };
    digest: FieldValues<typeof digestFields>;
    clientCertificateMapping: { enabled: boolean };
    iisClientCertificateMapping: { enabled: boolean };
  };
  authorization: { rules: AuthorizationRule[] };
  httpRedirect: FieldValues<typeof httpRedirectFields>;
  httpErrors: FieldValues<typeof httpErrorsFields> & { errors: HttpErrorEntry[] };
  httpProtocol: { allowKeepAlive: boolean; customHeaders: { name: string; value: string }[] };
  urlCompression: FieldValues<typeof urlCompressionFields>;
  httpCompression: FieldValues<typeof httpCompressionFields> & {
    schemes: string[];
    staticTypes: { mimeType: string; enabled: boolean }[];
    dynamicTypes: { mimeType: string; enabled: boolean }[];
  };
  caching: FieldValues<typeof cachingFields> & { profiles: CachingProfile[] };
  serverRuntime: FieldValues<typeof serverRuntimeFields>;
  validation: { validateIntegratedModeConfiguration: boolean };
  /** isapiFilters: the ISAPI filter DLLs IsapiFilterModule loads into a worker (server and site level). */
  isapiFilters: { name: string; path: string; enabled: boolean; preCondition: string }[];
  /** security/isapiCgiRestriction: which ISAPI DLLs and CGI programs may run (else 404.2). */
  isapiCgiRestriction: { notListedIsapisAllowed: boolean; notListedCgisAllowed: boolean; entries: { path: string; allowed: boolean }[] };
  traceFailedRequests: (FieldValues<typeof traceRuleFields> & {
    traceAreas: FieldValues<typeof traceAreaFields>[];
    failureDefinitions: FieldValues<typeof failureDefinitionFields>;
  })[];
}

/** The merged section elements, keyed by their path below system.webServer. */
export type SectionElements = ReadonlyMap<string, XmlElement>;

function entries<S extends FieldSpecs>(specs: S, element: XmlElement | undefined, add: string, sink: DiagnosticSink | undefined): FieldValues<S>[] {
  const out: FieldValues<S>[] = [];
  for (const child of element === undefined ? [] : childElements(element)) {
    if (child.name === add) out.push(readFields(specs, child, sink));
  }
  return out;
}

function values(element: XmlElement | undefined, attribute: string): string[] {
  const out: string[] = [];
  for (const child of element === undefined ? [] : childElements(element)) {
    const value = child.name === 'add' ? getAttribute(child, attribute) : undefined;
    if (value !== undefined) out.push(value);
  }
  return out;
}

const children = (element: XmlElement | undefined): XmlElement[] => (element === undefined ? [] : childElements(element));

const sub = (element: XmlElement | undefined, path: string): XmlElement | undefined => {
  let current = element;
  for (const name of path.split('/')) current = current === undefined ? undefined : childElement(current, name);
  return current;
};

/** Reads the typed system.webServer configuration from merged section elements. */
export function readWebServer(sections: SectionElements, sink: DiagnosticSink | undefined): WebServerConfig {
  const section = (name: string): XmlElement | undefined => sections.get(name);
  const requestFiltering = section('security/requestFiltering');
  const requestLimits = sub(requestFiltering, 'requestLimits');
  const httpErrors = section('httpErrors');
  const httpCompression = section('httpCompression');
  const caching = section('caching');
  const windows = section('security/authentication/windowsAuthentication');
  const ipSecurity = section('security/ipSecurity');
  const handlers = section('handlers');
  const modules = section('modules');
  const defaultDocument = section('defaultDocument');
  return {
    globalModules: entries(globalModuleFields, section('globalModules'), 'add', sink),
    modules: {
      ...readFields({ runAllManagedModulesForAllRequests: bool('runAllManagedModulesForAllRequests', false) }, modules, sink),
      entries: entries(moduleFields, modules, 'add', sink),
    },
    handlers: {
      ...readFields({ accessPolicy: flags('accessPolicy', ACCESS_POLICY, ['Read']) }, handlers, sink),
      entries: entries(handlerFields, handlers, 'add', sink),
    },
    defaultDocument: { ...readFields(enabledOnly(true), defaultDocument, sink), files: values(sub(defaultDocument, 'files'), 'value') },
    directoryBrowse: readFields(enabledOnly(false), section('directoryBrowse'), sink),
    staticContent: { mimeMaps: entries({ fileExtension: str('fileExtension'), mimeType: str('mimeType') }, section('staticContent'), 'mimeMap', sink) },
    requestFiltering: {
      ...readFields(requestFilteringFields, requestFiltering, sink),
      fileExtensions: {
        ...readFields(listFields, sub(requestFiltering, 'fileExtensions'), sink),
        entries: entries({ fileExtension: str('fileExtension'), allowed: bool('allowed', true) }, sub(requestFiltering, 'fileExtensions'), 'add', sink),
      },
      verbs: {
        ...readFields(listFields, sub(requestFiltering, 'verbs'), sink),
        entries: entries({ verb: str('verb'), allowed: bool('allowed', true) }, sub(requestFiltering, 'verbs'), 'add', sink),
      },
      hiddenSegments: values(sub(requestFiltering, 'hiddenSegments'), 'segment'),
      denyUrlSequences: values(sub(requestFiltering, 'denyUrlSequences'), 'sequence'),
      denyQueryStringSequences: values(sub(requestFiltering, 'denyQueryStringSequences'), 'sequence'),
      alwaysAllowedUrls: values(sub(requestFiltering, 'alwaysAllowedUrls'), 'url'),
      filteringRules: children(sub(requestFiltering, 'filteringRules'))
        .filter((rule) => rule.name === 'filteringRule')
        .map((rule) => ({
          ...readFields({ name: str('name'), scanUrl: bool('scanUrl', false), scanQueryString: bool('scanQueryString', false) }, rule, sink),
          scanHeaders: values(childElement(rule, 'scanHeaders'), 'requestHeader'),
          appliesTo: values(childElement(rule, 'appliesTo'), 'fileExtension'),
          denyStrings: values(childElement(rule, 'denyStrings'), 'string'),
        })),
      requestLimits: {
        ...readFields(requestLimitsFields, requestLimits, sink),
        headerLimits: entries({ header: str('header'), sizeLimit: uint('sizeLimit', 0) }, sub(requestLimits, 'headerLimits'), 'add', sink),
      },
    },
    ipSecurity: { ...readFields(ipSecurityFields, ipSecurity, sink), rules: entries(ipRuleFields, ipSecurity, 'add', sink) },
    access: readFields(
      { sslFlags: flags('sslFlags', ['None', 'Ssl', 'SslNegotiateCert', 'SslRequireCert', 'SslMapCert', 'Ssl128'], []) },
      section('security/access'),
      sink,
    ),
    authentication: {
      anonymous: readFields(anonymousFields, section('security/authentication/anonymousAuthentication'), sink),
      basic: readFields(basicFields, section('security/authentication/basicAuthentication'), sink),
      windows: { ...readFields(windowsFields, windows, sink), providers: values(sub(windows, 'providers'), 'value') },
      digest: readFields(digestFields, section('security/authentication/digestAuthentication'), sink),
      clientCertificateMapping: readFields(enabledOnly(false), section('security/authentication/clientCertificateMappingAuthentication'), sink),
      iisClientCertificateMapping: readFields(enabledOnly(false), section('security/authentication/iisClientCertificateMappingAuthentication'), sink),
    },
    authorization: { rules: entries(authorizationRuleFields, section('security/authorization'), 'add', sink) },
    httpRedirect: readFields(httpRedirectFields, section('httpRedirect'), sink),
    httpErrors: { ...readFields(httpErrorsFields, httpErrors, sink), errors: entries(errorFields, httpErrors, 'error', sink) },
    httpProtocol: {
      ...readFields({ allowKeepAlive: bool('allowKeepAlive', true) }, section('httpProtocol'), sink),
      customHeaders: entries({ name: str('name'), value: str('value') }, sub(section('httpProtocol'), 'customHeaders'), 'add', sink),
    },
    urlCompression: readFields(urlCompressionFields, section('urlCompression'), sink),
    httpCompression: {
      ...readFields(httpCompressionFields, httpCompression, sink),
      schemes: entries({ name: str('name') }, httpCompression, 'scheme', sink).map((s) => s.name),
      staticTypes: entries({ mimeType: str('mimeType'), enabled: bool('enabled', true) }, sub(httpCompression, 'staticTypes'), 'add', sink),
      dynamicTypes: entries({ mimeType: str('mimeType'), enabled: bool('enabled', true) }, sub(httpCompression, 'dynamicTypes'), 'add', sink),
    },
    caching: { ...readFields(cachingFields, caching, sink), profiles: entries(cachingProfileFields, sub(caching, 'profiles'), 'add', sink) },
    serverRuntime: readFields(serverRuntimeFields, section('serverRuntime'), sink),
    isapiFilters: entries({ name: str('name'), path: str('path'), enabled: bool('enabled', true), preCondition: str('preCondition') }, section('isapiFilters'), 'filter', sink),
    isapiCgiRestriction: {
      ...readFields(
        { notListedIsapisAllowed: bool('notListedIsapisAllowed', false), notListedCgisAllowed: bool('notListedCgisAllowed', false) },
        section('security/isapiCgiRestriction'),
        sink,
      ),
      entries: entries({ path: str('path'), allowed: bool('allowed', false) }, section('security/isapiCgiRestriction'), 'add', sink),
    },
    validation: readFields({ validateIntegratedModeConfiguration: bool('validateIntegratedModeConfiguration', true) }, section('validation'), sink),
    traceFailedRequests: children(section('tracing/traceFailedRequests'))
      .filter((rule) => rule.name === 'add')
      .map((rule) => ({
        ...readFields(traceRuleFields, rule, sink),
        traceAreas: entries(traceAreaFields, childElement(rule, 'traceAreas'), 'add', sink),
        failureDefinitions: readFields(failureDefinitionFields, childElement(rule, 'failureDefinitions'), sink),
      })),
  };
}

/**
 * The typed attributes of the elements the engine reads, keyed by element path below system.webServer
 * (a collection's entries by `<collection path>/add`). Forms use them (defaults, enums, ranges) so that
 * they never write a value this reader would reject.
 */
export const WEB_SERVER_FIELDS: Readonly<Record<string, FieldSpecs>> = {
  'security/authentication/anonymousAuthentication': anonymousFields,
  'security/authentication/basicAuthentication': basicFields,
  'security/authentication/windowsAuthentication': windowsFields,
  'security/authentication/digestAuthentication': digestFields,
  'security/authorization/add': authorizationRuleFields,
  'security/requestFiltering': requestFilteringFields,
  'security/requestFiltering/fileExtensions': listFields,
  'security/requestFiltering/fileExtensions/add': { fileExtension: str('fileExtension'), allowed: bool('allowed', true) },
  'security/requestFiltering/verbs': listFields,
  'security/requestFiltering/verbs/add': { verb: str('verb'), allowed: bool('allowed', true) },
  'security/requestFiltering/hiddenSegments/add': { segment: str('segment') },
  'security/requestFiltering/denyUrlSequences/add': { sequence: str('sequence') },
  'security/requestFiltering/requestLimits': requestLimitsFields,
  'security/ipSecurity': ipSecurityFields,
  'security/ipSecurity/add': ipRuleFields,
  defaultDocument: enabledOnly(true),
  'defaultDocument/files/add': { value: str('value') },
  directoryBrowse: enabledOnly(false),
  httpRedirect: httpRedirectFields,
  httpErrors: httpErrorsFields,
  'httpErrors/error': errorFields,
  urlCompression: urlCompressionFields,
  caching: cachingFields,
  'caching/profiles/add': cachingProfileFields,
  modules: { runAllManagedModulesForAllRequests: bool('runAllManagedModulesForAllRequests', false) },
  'modules/add': moduleFields,
  handlers: { accessPolicy: flags('accessPolicy', ACCESS_POLICY, ['Read']) },
  'handlers/add': handlerFields,
};
