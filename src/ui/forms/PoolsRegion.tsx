/** The Server tab's Application pools: each pool with its state, "Add application pool", and the selected pool's form. */
import { useMemo, useState } from 'react';
import type { ApplicationHostConfig, ApplicationPool } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { AddPoolForm } from './AddPoolForm.tsx';
import { filterByText } from './listWindow.ts';
import { PoolForm } from './PoolForm.tsx';
import { serverSelection, useServerSelection } from './serverSelection.ts';
import { VirtualList } from './VirtualList.tsx';

const selectPools = (s: { model: ApplicationHostConfig }): readonly ApplicationPool[] => s.model.applicationPools.pools;
const FILTER_FROM = 8;
const ROW_HEIGHT = 40;
const poolKey = (pool: ApplicationPool): string => pool.name;
const runtime = (pool: ApplicationPool): string => (pool.managedRuntimeVersion === '' ? 'No Managed Code' : pool.managedRuntimeVersion);
const poolText = (pool: ApplicationPool): string => `${pool.name} ${pool.managedPipelineMode} ${runtime(pool)}`;

function PoolRow(pool: ApplicationPool) {
  return (
    <>
      <span className="vlist-title">
        <span className="vlist-name">{pool.name}</span>
        <span className={pool.autoStart ? 'state state-started' : 'state state-stopped'}>{pool.autoStart ? 'Started' : 'Stopped'}</span>
      </span>
      <span className="vlist-detail">
        {pool.managedPipelineMode} · {runtime(pool)}
        {pool.processModel.maxProcesses > 1 ? ` · web garden of ${String(pool.processModel.maxProcesses)}` : ''}
      </span>
    </>
  );
}

export function PoolsRegion() {
  const pools = useWorkspaceState(selectPools);
  const selected = useServerSelection((s) => s.pool);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const shown = useMemo(() => filterByText(pools, query, poolText), [pools, query]);
  const pool = selected === undefined ? undefined : pools.find((p) => p.name === selected);

  return (
    <section className="panel server-region" aria-labelledby="server-pools-heading">
      <div className="region-head">
        <h2 id="server-pools-heading">Application pools</h2>
        <span className="hint">{pools.length === shown.length ? String(pools.length) : `${String(shown.length)} of ${String(pools.length)}`}</span>
        <button type="button" className="region-add" aria-expanded={adding} onClick={() => { setAdding(!adding); }}>
          Add application pool…
        </button>
      </div>
      {adding ? <AddPoolForm onDone={() => { setAdding(false); }} /> : null}
      {pools.length > FILTER_FROM ? (
        <input type="search" className="list-filter" aria-label="Filter application pools" placeholder="Filter by name" value={query} onChange={(e) => { setQuery(e.target.value); }} />
      ) : null}
      {shown.length === 0 ? (
        <p className="hint">{pools.length === 0 ? 'No application pool: add one.' : 'No application pool matches the filter.'}</p>
      ) : (
        <VirtualList label="Application pools" items={shown} selected={selected} keyOf={poolKey} onSelect={(name) => { serverSelection.getState().selectPool(name); }} renderRow={PoolRow} rowHeight={ROW_HEIGHT} maxHeight={6.5 * ROW_HEIGHT} idPrefix="server-pool" />
      )}
      {pool === undefined ? <p className="hint">Select a pool to start, stop or remove it and change its settings.</p> : <PoolForm key={pool.name} pool={pool} />}
    </section>
  );
}
