/**
 * The side panel's Server tab: the server's sites and application pools, added, changed and removed in
 * forms as IIS Manager does. Each change is one workspace edit with a label (undoable), written into
 * applicationHost.config where IIS writes it, and reaches the simulation as a configuration change.
 */
import { PoolsRegion } from './PoolsRegion.tsx';
import { SitesRegion } from './SitesRegion.tsx';

export function ServerPanel() {
  return (
    <div className="server-panel">
      <SitesRegion />
      <PoolsRegion />
    </div>
  );
}
