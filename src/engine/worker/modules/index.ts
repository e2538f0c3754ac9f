/** Module name -> behaviour. Modules with no behaviour here run (and are traced) but decide nothing. */
import type { ModuleBehaviour } from '../environment.ts';
import { anonymousAuthenticationModule, basicAuthenticationModule, certificateMappingModule, digestAuthenticationModule, windowsAuthenticationModule } from './authentication.ts';
import { configurationValidationModule, urlAuthorizationModule } from './authorization.ts';
import { defaultDocumentModule, directoryListingModule, protocolSupportHandler, protocolSupportSendResponse, staticFileModule } from './content.ts';
import { ipRestrictionModule } from './ipRestriction.ts';
import { externalHandler, formsAuthenticationModule, isapiHandler, managedPipelineHandler, managedUrlAuthorizationModule, webDavHandler } from './managed.ts';
import { httpRedirectionModule } from './redirection.ts';
import { requestFilteringModule } from './requestFiltering.ts';
import { customErrorModule, dynamicCompressionModule, httpLoggingModule, staticCompressionModule } from './responses.ts';

/** Behaviours at the request notifications (not as a handler). */
export const MODULE_BEHAVIOURS: ReadonlyMap<string, ModuleBehaviour> = new Map<string, ModuleBehaviour>([
  ['RequestFilteringModule', requestFilteringModule],
  ['IpRestrictionModule', ipRestrictionModule],
  ['ConfigurationValidationModule', configurationValidationModule],
  ['BasicAuthenticationModule', basicAuthenticationModule],
  ['WindowsAuthenticationModule', windowsAuthenticationModule],
  ['DigestAuthenticationModule', digestAuthenticationModule],
  ['CertificateMappingAuthenticationModule', certificateMappingModule('CertificateMappingAuthenticationModule')],
  ['IISCertificateMappingAuthenticationModule', certificateMappingModule('IISCertificateMappingAuthenticationModule')],
  ['AnonymousAuthenticationModule', anonymousAuthenticationModule],
  ['UrlAuthorizationModule', urlAuthorizationModule],
  ['HttpRedirectionModule', httpRedirectionModule],
  ['StaticCompressionModule', staticCompressionModule],
  ['DynamicCompressionModule', dynamicCompressionModule],
  ['CustomErrorModule', customErrorModule],
  ['HttpLoggingModule', httpLoggingModule],
  ['ProtocolSupportModule', protocolSupportSendResponse],
  ['FormsAuthentication', formsAuthenticationModule],
  ['UrlAuthorization', managedUrlAuthorizationModule],
  ['ManagedPipelineHandler', managedPipelineHandler],
]);

/** Behaviours of handler modules at ExecuteRequestHandler. */
export const HANDLER_BEHAVIOURS: ReadonlyMap<string, ModuleBehaviour> = new Map<string, ModuleBehaviour>([
  ['StaticFileModule', staticFileModule],
  ['DefaultDocumentModule', defaultDocumentModule],
  ['DirectoryListingModule', directoryListingModule],
  ['ProtocolSupportModule', protocolSupportHandler],
  ['ManagedPipelineHandler', managedPipelineHandler],
  ['IsapiModule', isapiHandler],
  ['CgiModule', externalHandler('CgiModule')],
  ['FastCgiModule', externalHandler('FastCgiModule')],
  ['ServerSideIncludeModule', externalHandler('ServerSideIncludeModule')],
  ['AspNetCoreModuleV2', externalHandler('AspNetCoreModuleV2')],
  ['AspNetCoreModule', externalHandler('AspNetCoreModule')],
  ['WebDAVModule', webDavHandler],
]);
