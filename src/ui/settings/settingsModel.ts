/**
 * What the Settings tab reads at a level: the effective settings with their origins and the section
 * locks, computed from the applied workspace (the one the simulation runs) and memoized per change.
 */
import { createContext, useContext, useMemo } from 'react';
import {
  defaultPlacement,
  describeLevel,
  isSettingSetAt,
  levelSettings,
  loadWorkspace,
  sectionLocks,
  type ApplicationHostConfig,
  type ConfigEdit,
  type ConfigLevel,
  type LevelSettings,
  type LoadedWorkspace,
  type Placement,
  type SectionLock,
  type Workspace,
} from '../../config/index.ts';
import { useStores, useWorkspaceState } from '../hooks/stores.ts';
import { ALL_SECTIONS } from './featureGroups.ts';

/** The person's placement choice: IIS Manager's per section, or one for all. */
export type PlacementChoice = 'auto' | Placement;

const EMPTY_CONFIGURATION = '<configuration />';

/** A LoadedWorkspace from the model already parsed by the store (parsing applicationHost.config again costs up to 150 ms). */
function loadedWith(workspace: Workspace, model: ApplicationHostConfig): LoadedWorkspace {
  return { ...loadWorkspace({ ...workspace, applicationHostConfig: EMPTY_CONFIGURATION }), model, wellFormed: true };
}

export interface SettingsModel {
  level: ConfigLevel;
  levelName: string;
  settings: LevelSettings | string;
  model: ApplicationHostConfig;
  /** Where a section is written with the person's choice. */
  placementOf: (section: string) => Placement;
  /** The lock a section has where it would be written now. */
  lockOf: (section: string) => SectionLock;
  /** Makes an edit (one undo step); asks first when it writes `section` where it is locked (undefined: writes no section). Returns a problem. */
  run: (edit: ConfigEdit | string, label: string, section: string | undefined) => string | undefined;
  /** True when this level sets the section where it is written now (Revert to parent has something to do). */
  isSetHere: (section: string) => boolean;
  /** The edited workspace, for edits that read the file they change. */
  currentWorkspace: () => Workspace;
}

export function useSettingsModel(level: ConfigLevel, choice: PlacementChoice): SettingsModel {
  const stores = useStores();
  const applied = useWorkspaceState((s) => s.applied);
  const model = useWorkspaceState((s) => s.model);
  const loaded = useMemo(() => loadedWith(applied, model), [applied, model]);
  const settings = useMemo(() => levelSettings(loaded, level), [loaded, level]);
  const webConfigLocks = useMemo(() => sectionLocks(loaded, level, 'webConfig', ALL_SECTIONS), [loaded, level]);
  return useMemo((): SettingsModel => {
    const placementOf = (section: string): Placement => {
      if (level.site === undefined) return 'applicationHost';
      if (section.startsWith('system.web/')) return 'webConfig';
      if (choice !== 'auto') return choice;
      return defaultPlacement(level, section, webConfigLocks.get(section) ?? { state: 'open' });
    };
    const lockOf = (section: string): SectionLock => (placementOf(section) === 'webConfig' ? (webConfigLocks.get(section) ?? { state: 'open' }) : { state: 'open' });
    return {
      level,
      levelName: describeLevel(level),
      settings,
      model,
      placementOf,
      lockOf,
      isSetHere: (section) => isSettingSetAt(loaded, level, placementOf(section), section),
      currentWorkspace: () => stores.workspace.getState().workspace,
      run: (edit, label, section) => {
        if (typeof edit === 'string') return edit;
        const lock = section === undefined ? undefined : lockOf(section);
        // IIS Manager warns before writing a locked section; the person may still write it, to see the 500.19.
        if (lock?.state === 'locked' && !window.confirm(`${lock.reason}\n\nWrite it to web.config anyway?`)) return undefined;
        return stores.workspace.getState().edit(edit, label);
      },
    };
  }, [level, choice, settings, model, webConfigLocks, stores, loaded]);
}

export const SettingsModelContext = createContext<SettingsModel | null>(null);

export function useSettings(): SettingsModel {
  const value = useContext(SettingsModelContext);
  if (value === null) throw new Error('The settings model is not provided');
  return value;
}
