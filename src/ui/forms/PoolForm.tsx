/**
 * One application pool: its state (Start and Stop write autoStart, as IIS Manager does; a stopped pool's
 * queue answers 503 at HTTP.sys), the applications it serves, its removal (refused while applications
 * use it), and its settings in IIS Manager's Advanced Settings groups. Used by the Server tab and the
 * Inspector alike.
 */
import { useMemo, useState } from 'react';
import { removeApplicationPool, setPoolAttributes, type ApplicationHostConfig, type ApplicationPool } from '../../config/index.ts';
import { useSimulation, useStores, useWorkspaceState } from '../hooks/stores.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { PoolSettingField } from './PoolSettingField.tsx';
import { poolSettingOrigins } from './poolOrigins.ts';
import { POOL_SETTING_GROUPS } from './poolSettings.ts';
import { serverSelection } from './serverSelection.ts';
import { useConfigEdit } from './useConfigEdit.ts';

const selectModel = (s: { model: ApplicationHostConfig }): ApplicationHostConfig => s.model;
const ALL_SETTINGS = POOL_SETTING_GROUPS.flatMap((g) => g.settings);

/** The applications a pool serves, as "Site/path". */
function applicationsOf(model: ApplicationHostConfig, pool: string): string[] {
  const wanted = pool.toLowerCase();
  const found: string[] = [];
  for (const site of model.sites.sites) {
    for (const application of site.applications) {
      if (application.applicationPool.toLowerCase() === wanted) found.push(application.path === '/' ? site.name : `${site.name}${application.path}`);
    }
  }
  return found;
}

export function PoolForm({ pool, headingLevel = 3 }: { pool: ApplicationPool; headingLevel?: 3 | 4 }) {
  const model = useWorkspaceState(selectModel);
  const live = useSimulation((s) => s.snapshot?.applicationPools.find((p) => p.name === pool.name));
  const run = useConfigEdit();
  const { simulation } = useStores();
  const [failure, setFailure] = useState<string | undefined>();
  const [recycled, setRecycled] = useState<string | undefined>();
  const applications = useMemo(() => applicationsOf(model, pool.name), [model, pool.name]);
  const origins = useMemo(() => poolSettingOrigins(model, pool.name, ALL_SETTINGS), [model, pool.name]);
  const started = pool.autoStart;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const titleId = `server-pool-title-${String(headingLevel)}`;
  // WAS may hold a pool stopped that the configuration starts (rapid-fail protection).
  const liveNote = live !== undefined && live.state !== (started ? 'Started' : 'Stopped') ? `WAS: ${live.state}${live.stoppedReason === undefined ? '' : ` (${live.stoppedReason})`}` : undefined;

  return (
    <section className="server-form" aria-labelledby={titleId}>
      <Heading id={titleId}>
        <span className="form-kind">Application pool</span> {pool.name}
      </Heading>
      <p className="state-line">
        <span className={started ? 'state state-started' : 'state state-stopped'}>{started ? 'Started' : 'Stopped'}</span>
        <span className="hint">autoStart=&quot;{started ? 'true' : 'false'}&quot;{liveNote === undefined ? '' : ` · ${liveNote}`}</span>
      </p>
      <p className="hint pool-apps">
        {applications.length === 0 ? 'Serves no application.' : `Serves ${applications.slice(0, 3).join(', ')}${applications.length > 3 ? ` and ${String(applications.length - 3)} more` : ''}.`}
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => { setFailure(run(setPoolAttributes(pool.name, { autoStart: started ? 'false' : 'true' }), `${started ? 'Stop' : 'Start'} application pool ${pool.name}`)); }}>
          {started ? 'Stop pool' : 'Start pool'}
        </button>
        <button
          type="button"
          disabled={!started}
          title={started ? 'WAS starts a new w3wp.exe and drains the old one (overlapped recycling)' : 'A stopped pool has no worker to recycle'}
          onClick={() => {
            // A recycle is something WAS does, not a configuration change: it is not an undoable edit.
            void simulation.getState().recyclePool(pool.name).then(
              () => { setRecycled(`Asked WAS to recycle ${pool.name}: see WAS_RECYCLE in the trace.`); },
              (error: unknown) => { setRecycled(error instanceof Error ? error.message : String(error)); },
            );
          }}
        >
          Recycle
        </button>
        <ConfirmButton
          label="Remove pool"
          question={`Remove the application pool ${pool.name}?`}
          onConfirm={() => {
            const message = run(removeApplicationPool(model, pool.name), `Remove application pool ${pool.name}`);
            setFailure(message);
            if (message === undefined) serverSelection.getState().selectPool(undefined);
          }}
        />
      </div>
      {failure === undefined ? null : <p className="field-problem" role="alert">{failure}</p>}
      <p className="hint" role="status">{recycled}</p>
      {POOL_SETTING_GROUPS.map((group) => (
        <fieldset key={group.title} className="settings-group">
          <legend>{group.title}</legend>
          {group.settings.map((setting) => (
            <PoolSettingField key={`${pool.name}|${setting.key}`} pool={pool} setting={setting} origin={origins.get(setting.key) ?? 'schema'} />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
