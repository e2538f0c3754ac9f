/**
 * The collections of the system.webServer sections IIS Flow merges, as IIS_schema.xml declares them:
 * the add/remove/clear element names, the key attributes, and mergeAppend (false means entries added
 * lower in the hierarchy go before the inherited ones, as for handlers and default documents).
 * Keys are matched case-insensitively unless the schema marks them caseSensitive.
 */

export interface CollectionSchema {
  add: string;
  remove: string;
  clear: string;
  keys: readonly string[];
  mergeAppend: boolean;
  caseSensitiveKeys: boolean;
}

const collection = (
  keys: readonly string[],
  options: Partial<Omit<CollectionSchema, 'keys'>> = {},
): CollectionSchema => ({
  add: 'add',
  remove: 'remove',
  clear: 'clear',
  mergeAppend: true,
  caseSensitiveKeys: false,
  ...options,
  keys,
});

/** Section path (below system.webServer) + `/` + element path inside it -> its collection. */
export const WEB_SERVER_COLLECTIONS: ReadonlyMap<string, CollectionSchema> = new Map([
  ['globalModules', collection(['name'], { caseSensitiveKeys: true })],
  ['modules', collection(['name'], { caseSensitiveKeys: true })],
  ['handlers', collection(['name'], { mergeAppend: false, caseSensitiveKeys: true })],
  ['defaultDocument/files', collection(['value'], { mergeAppend: false })],
  ['staticContent', collection(['fileExtension'], { add: 'mimeMap' })],
  ['security/requestFiltering/fileExtensions', collection(['fileExtension'])],
  ['security/requestFiltering/requestLimits/headerLimits', collection(['header'])],
  ['security/requestFiltering/verbs', collection(['verb'], { caseSensitiveKeys: true })],
  ['security/requestFiltering/hiddenSegments', collection(['segment'])],
  ['security/requestFiltering/alwaysAllowedUrls', collection(['url'])],
  ['security/requestFiltering/alwaysAllowedQueryStrings', collection(['queryString'])],
  ['security/requestFiltering/denyUrlSequences', collection(['sequence'])],
  ['security/requestFiltering/denyQueryStringSequences', collection(['sequence'])],
  ['security/requestFiltering/filteringRules', collection(['name'], { add: 'filteringRule' })],
  ['security/ipSecurity', collection(['ipAddress', 'subnetMask', 'domainName'])],
  ['security/authorization', collection(['accessType', 'users', 'roles', 'verbs'])],
  ['security/authentication/windowsAuthentication/providers', collection(['value'])],
  ['security/authentication/basicAuthentication', collection(['name'])],
  ['httpErrors', collection(['statusCode', 'subStatusCode'], { add: 'error' })],
  ['httpProtocol/customHeaders', collection(['name'])],
  ['httpProtocol/redirectHeaders', collection(['name'])],
  ['httpRedirect', collection(['wildcard'])],
  ['httpCompression', collection(['name'], { add: 'scheme' })],
  ['httpCompression/staticTypes', collection(['mimeType'])],
  ['httpCompression/dynamicTypes', collection(['mimeType'])],
  ['caching/profiles', collection(['extension'], { mergeAppend: false })],
  ['tracing/traceFailedRequests', collection(['path'])],
  ['tracing/traceFailedRequests/add/traceAreas', collection(['provider'])],
  ['isapiFilters', collection(['name'], { add: 'filter' })],
  ['security/isapiCgiRestriction', collection(['path'])],
  ['fastCgi', collection(['fullPath', 'arguments'], { add: 'application' })],
]);

/** Sections (below system.webServer) whose typed form IIS Flow reads and the engine honours. */
export const SIMULATED_WEB_SERVER_SECTIONS: ReadonlySet<string> = new Set([
  'globalModules',
  'modules',
  'handlers',
  'defaultDocument',
  'directoryBrowse',
  'staticContent',
  'security/requestFiltering',
  'security/ipSecurity',
  'security/access',
  'security/authentication/anonymousAuthentication',
  'security/authentication/basicAuthentication',
  'security/authentication/windowsAuthentication',
  'security/authentication/digestAuthentication',
  'security/authentication/clientCertificateMappingAuthentication',
  'security/authentication/iisClientCertificateMappingAuthentication',
  'security/authorization',
  'httpRedirect',
  'httpErrors',
  'httpProtocol',
  'urlCompression',
  'httpCompression',
  'caching',
  'serverRuntime',
  'validation',
  'tracing/traceFailedRequests',
  'security/isapiCgiRestriction',
]);
