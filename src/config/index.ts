/**
 * IIS Flow's configuration model: applicationHost.config and web.config, typed, validated, written back
 * losslessly, and merged into the effective configuration of a URL. Pure TypeScript: runs in Node and in
 * a Web Worker. This file is the layer's only public entry.
 */
export { DiagnosticCode, configPath } from './diagnostics.ts';
export type { Diagnostic, DiagnosticSeverity } from './diagnostics.ts';
export { ApplicationHostReader, parseApplicationHost, readApplicationHostModel } from './parse.ts';
export type { ApplicationHostConfig, ParseResult } from './parse.ts';
export { serializeApplicationHost } from './serialize.ts';
export { effectiveConfig } from './effective.ts';
export type { EffectiveConfig, EffectiveConfigResult } from './effective.ts';
export { DEFAULT_IIS_VERSION, IIS_VERSIONS, iisAtLeast, isIisVersion, type IisVersion } from './iisVersion.ts';
export { loadWorkspace, normalizePhysicalPath, normalizeRelativePath, parseSiteContent, parseWorkspaceUsers } from './workspace.ts';
export type { ContentFile, FileAttributes, LoadedWorkspace, SiteContent, Workspace, WorkspaceUser } from './workspace.ts';
export { DEFAULT_WWWROOT, defaultContentFor, defaultWorkspace, workspaceForApplicationHost } from './defaults/defaultWorkspace.ts';
export type { WorkspaceOptions } from './defaults/defaultWorkspace.ts';
export { WORKSPACE_BUNDLE_FORMAT, WORKSPACE_BUNDLE_VERSION, looksLikeWorkspaceBundle, parseWorkspaceBundle, readWorkspaceBundle, serializeWorkspaceBundle } from './bundle.ts';
export type { BundleReadResult, WorkspaceBundle } from './bundle.ts';
export { DEFAULT_APPLICATION_HOST_CONFIG, DEFAULT_SITE_CONTENT } from './defaults/defaultApplicationHostConfig.ts';
export { parseBindingInformation } from './schema/bindings.ts';
export type { Binding, BindingEndpoint } from './schema/bindings.ts';
export type {
  ApplicationPool,
  ApplicationPoolName,
  ApplicationPools,
  ApplicationPoolSettings,
  Cpu,
  Failure,
  ProcessModel,
  Recycling,
} from './schema/applicationPools.ts';
export type { Application, Site, SiteName, Sites, SiteSettings, VirtualDirectory } from './schema/sites.ts';
export type { ListenerAdapter, SectionDefinition, WebLimits } from './schema/serverSettings.ts';
export type { WebServerConfig, HandlerEntry, ModuleEntry, GlobalModuleEntry, AuthorizationRule, IpSecurityRule, HttpErrorEntry, CachingProfile } from './schema/webServer.ts';
export type { SystemWebConfig, SystemWebAuthorizationRule } from './schema/systemWeb.ts';
export { formatTimeSpan, parseTimeSpan } from './schema/fields.ts';
// Field specs and their reading, for forms that accept only what the schema accepts.
export { formatField, parseField } from './schema/fields.ts';
export type { Field, Parsed } from './schema/fields.ts';
export { applicationPoolFields, failureFields, periodicRestartFields, processModelFields, recyclingFields } from './schema/applicationPools.ts';
export { decodeConfigBytes, type TextEncodingName } from './xml/decode.ts';
export { MAX_CONFIG_CHARS, MAX_NESTING_DEPTH } from './xml/readXml.ts';
export {
  APPLICATION_HOST,
  addApplication,
  addApplicationPool,
  addBinding,
  addCollectionItem,
  addSite,
  addVirtualDirectory,
  applicationPath,
  applyEdit,
  checkBinding,
  checkPoolName,
  checkSiteName,
  describeFile,
  describeLevel,
  editBinding,
  keyedStep,
  locationPath,
  parseElementPath,
  physicalFolderFor,
  poolPath,
  quotePathValue,
  readWorkspaceFile,
  removeApplication,
  removeApplicationPool,
  removeBinding,
  removeCollectionItem,
  removeSite,
  removeVirtualDirectory,
  renameSite,
  sectionTarget,
  setApplicationPool,
  setPoolAttributes,
  setSectionAttributes,
  setSiteAttributes,
  sitePath,
  webConfigFor,
} from './edit/index.ts';
export type { ConfigEdit, ConfigLevel, EditResult, FileRef, NewSite, PhysicalFolder, Placement, SectionTarget } from './edit/index.ts';
export {
  DEFAULT_ORIGIN,
  addSettingEntry,
  defaultPlacement,
  isSettingSetAt,
  levelSettings,
  moveSettingEntry,
  removeSettingEntry,
  revertSetting,
  sectionLocks,
  setSettingAttributes,
  setSettingEntry,
  settingTarget,
} from './edit/index.ts';
export type { EffectiveEntry, EffectiveValue, LevelSettings, SectionLock, SettingOrigin } from './edit/index.ts';
export { WEB_SERVER_FIELDS } from './schema/webServer.ts';
export { WEB_SERVER_COLLECTIONS } from './schema/collections.ts';
export type { CollectionSchema } from './schema/collections.ts';
export type { FieldSpecs } from './schema/fields.ts';
