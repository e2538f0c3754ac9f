/**
 * The Settings tab: the features of system.webServer (and ASP.NET's authentication mode) at a level,
 * server, site, application or folder, each value with where it comes from, locked sections marked,
 * and every change written where IIS writes it: a `<location>` tag in applicationHost.config or the
 * folder's web.config (as IIS Manager chooses, or as the person chooses). Only the open feature's form
 * is rendered.
 */
import { useState } from 'react';
import { useStores, useUi } from '../hooks/stores.ts';
import { FEATURE_GROUPS } from './featureGroups.ts';
import { FeatureGroupView } from './FeatureGroupView.tsx';
import { LevelPicker } from './LevelPicker.tsx';
import { SettingsModelContext, useSettingsModel, type PlacementChoice } from './settingsModel.ts';

const PLACEMENTS: ReadonlyArray<{ value: PlacementChoice; label: string }> = [
  { value: 'auto', label: 'As IIS Manager does (web.config; a <location> tag for locked sections)' },
  { value: 'applicationHost', label: 'applicationHost.config (<location> tag)' },
  { value: 'webConfig', label: 'web.config' },
];

export function SettingsPanel() {
  const { ui } = useStores();
  const level = useUi((s) => s.settingsLevel);
  const [choice, setChoice] = useState<PlacementChoice>('auto');
  const [openGroup, setOpenGroup] = useState<string | undefined>(undefined);
  const model = useSettingsModel(level, choice);
  const { settings } = model;
  return (
    <SettingsModelContext.Provider value={model}>
      <div className="panel settings-panel">
        <h2>Settings at {level.site === undefined ? 'the server' : model.levelName}</h2>
        <LevelPicker level={level} />
        {level.site === undefined ? null : (
          <fieldset className="placement">
            <legend>Write settings to</legend>
            {PLACEMENTS.map((p) => (
              <label key={p.value} className="setting-check">
                <input type="radio" name="settings-placement" value={p.value} checked={choice === p.value} onChange={() => { setChoice(p.value); }} />
                {p.label}
              </label>
            ))}
          </fieldset>
        )}
        {typeof settings === 'string' ? <p className="setting-problem">{settings}</p> : null}
        {typeof settings === 'string' || settings.errors.length === 0 ? null : (
          <div className="setting-errors" role="alert">
            <p>IIS answers 500.19 (configuration error) at {model.levelName}:</p>
            <ul>
              {settings.errors.map((error, i) => (
                <li key={i}>
                  {error.message}{' '}
                  {error.origin.file === undefined ? null : (
                    <button type="button" className="link-button" onClick={() => { if (error.origin.file !== undefined) ui.getState().openInEditor(error.origin.file, error.origin.line, error.origin.column); }}>
                      Open {error.origin.label}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {typeof settings === 'string' ? null : FEATURE_GROUPS.map((group) => (
          <FeatureGroupView key={group.id} group={group} open={openGroup === group.id} onToggle={(open) => { setOpenGroup(open ? group.id : undefined); }} />
        ))}
      </div>
    </SettingsModelContext.Provider>
  );
}
