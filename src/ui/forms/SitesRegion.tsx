/**
 * The Server tab's Sites: every site with its state and bindings (only the rows in view are drawn, so a
 * 5,000-site configuration stays quick), a filter, "Add site", and the selected site's form.
 */
import { useMemo, useState } from 'react';
import type { ApplicationHostConfig, Site } from '../../config/index.ts';
import { useWorkspaceState } from '../hooks/stores.ts';
import { AddSiteForm } from './AddSiteForm.tsx';
import { describeBinding } from './bindingDraft.ts';
import { filterByText } from './listWindow.ts';
import { SiteForm } from './SiteForm.tsx';
import { serverSelection, useServerSelection } from './serverSelection.ts';
import { VirtualList } from './VirtualList.tsx';

const selectSites = (s: { model: ApplicationHostConfig }): readonly Site[] => s.model.sites.sites;
/** Above this many sites the list gets a filter box. */
const FILTER_FROM = 8;
const ROW_HEIGHT = 40;

const bindingSummary = (site: Site): string => (site.bindings.length === 0 ? 'no binding' : site.bindings.map(describeBinding).join(', '));
const siteText = (site: Site): string => `${site.name} ${bindingSummary(site)}`;
const siteKey = (site: Site): string => site.name;

function SiteRow(site: Site) {
  return (
    <>
      <span className="vlist-title">
        <span className="vlist-name">{site.name}</span>
        <span className={site.serverAutoStart ? 'state state-started' : 'state state-stopped'}>{site.serverAutoStart ? 'Started' : 'Stopped'}</span>
      </span>
      <span className="vlist-detail">{bindingSummary(site)}</span>
    </>
  );
}

export function SitesRegion() {
  const sites = useWorkspaceState(selectSites);
  const selected = useServerSelection((s) => s.site);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const shown = useMemo(() => filterByText(sites, query, siteText), [sites, query]);
  const site = selected === undefined ? undefined : sites.find((s) => s.name === selected);

  return (
    <section className="panel server-region" aria-labelledby="server-sites-heading">
      <div className="region-head">
        <h2 id="server-sites-heading">Sites</h2>
        <span className="hint">{sites.length === shown.length ? String(sites.length) : `${String(shown.length)} of ${String(sites.length)}`}</span>
        <button type="button" className="region-add" aria-expanded={adding} onClick={() => { setAdding(!adding); }}>
          Add site…
        </button>
      </div>
      {adding ? <AddSiteForm onDone={() => { setAdding(false); }} /> : null}
      {sites.length > FILTER_FROM ? (
        <input type="search" className="list-filter" aria-label="Filter sites" placeholder="Filter by name or binding" value={query} onChange={(e) => { setQuery(e.target.value); }} />
      ) : null}
      {shown.length === 0 ? (
        <p className="hint">{sites.length === 0 ? 'No site: add one.' : 'No site matches the filter.'}</p>
      ) : (
        <VirtualList label="Sites" items={shown} selected={selected} keyOf={siteKey} onSelect={(name) => { serverSelection.getState().selectSite(name); }} renderRow={SiteRow} rowHeight={ROW_HEIGHT} maxHeight={6.5 * ROW_HEIGHT} idPrefix="server-site" />
      )}
      {site === undefined ? <p className="hint">Select a site to change its state, name, bindings and applications.</p> : <SiteForm key={site.name} site={site} />}
    </section>
  );
}
