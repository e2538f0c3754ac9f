/**
 * How IIS delegates system.webServer sections when applicationHost.config has no <configSections>
 * entry for them (a fragment): the overrideModeDefault and allowDefinition a default IIS 10 install
 * declares (IIS_schema.xml and the configSections of a default applicationHost.config).
 */
import type { SectionDefinition } from './serverSettings.ts';

const DENY = new Set([
  'asp',
  'cgi',
  'handlers',
  'modules',
  'httpLogging',
  'httpTracing',
  'isapiFilters',
  'odbcLogging',
  'security/access',
  'security/applicationDependencies',
  'security/authentication/anonymousAuthentication',
  'security/authentication/basicAuthentication',
  'security/authentication/clientCertificateMappingAuthentication',
  'security/authentication/digestAuthentication',
  'security/authentication/iisClientCertificateMappingAuthentication',
  'security/authentication/windowsAuthentication',
  'security/ipSecurity',
  'security/dynamicIpSecurity',
  'serverRuntime',
  'serverSideInclude',
  'tracing/traceProviderDefinitions',
  'webdav/authoring',
  'webdav/authoringRules',
]);

const APP_HOST_ONLY = new Set(['globalModules', 'fastCgi', 'httpCompression', 'security/isapiCgiRestriction', 'webSocket']);

/** The delegation of a system.webServer section (path below system.webServer). */
export function defaultSectionDefinition(sectionPath: string): SectionDefinition {
  return {
    name: 'system.webServer/' + sectionPath,
    overrideModeDefault: DENY.has(sectionPath) || APP_HOST_ONLY.has(sectionPath) ? 'Deny' : 'Allow',
    allowDefinition: APP_HOST_ONLY.has(sectionPath) ? 'AppHostOnly' : 'Everywhere',
    allowLocation: 'true',
  };
}
