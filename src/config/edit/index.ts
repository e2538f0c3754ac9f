/** Configuration edits: data that says what changes, and the functions that make them. */
export { applyEdit, describeFile, readWorkspaceFile, APPLICATION_HOST } from './edits.ts';
export type { ConfigEdit, EditResult, FileRef } from './edits.ts';
export { keyedStep, parseElementPath, quotePathValue } from './elementPath.ts';
export {
  addCollectionItem,
  describeLevel,
  locationPath,
  physicalFolderFor,
  removeCollectionItem,
  sectionTarget,
  setSectionAttributes,
  webConfigFor,
} from './levels.ts';
export type { ConfigLevel, PhysicalFolder, Placement, SectionTarget } from './levels.ts';
export {
  addApplication,
  addApplicationPool,
  addBinding,
  addSite,
  addVirtualDirectory,
  applicationPath,
  checkBinding,
  checkPoolName,
  checkSiteName,
  editBinding,
  poolPath,
  removeApplication,
  removeApplicationPool,
  removeBinding,
  removeSite,
  removeVirtualDirectory,
  renameSite,
  setApplicationPool,
  setPoolAttributes,
  setSiteAttributes,
  sitePath,
} from './serverEdits.ts';
export type { NewSite } from './serverEdits.ts';
export { DEFAULT_ORIGIN, levelSettings } from './origins.ts';
export { defaultPlacement, sectionLocks } from './settingLocks.ts';
export { addSettingEntry, isSettingSetAt, moveSettingEntry, removeSettingEntry, revertSetting, setSettingAttributes, setSettingEntry, settingTarget } from './settingEdits.ts';
export type { EffectiveEntry, EffectiveValue, LevelSettings, SettingOrigin } from './origins.ts';
export type { SectionLock } from './settingLocks.ts';
