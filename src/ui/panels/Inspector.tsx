import type { ReactNode } from 'react';
import { PoolForm } from '../forms/PoolForm.tsx';
import { serverSelection } from '../forms/serverSelection.ts';
import { useSimulation, useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';

const ABOUT: Readonly<Record<string, string>> = {
  client: 'The browser. It opens a connection to the server and sends the HTTP request; the response comes back to it.',
  was: 'Windows Process Activation Service reads applicationHost.config, passes it to the listener adapters, and starts, monitors, recycles and stops w3wp.exe worker processes for each application pool.',
  w3svc: 'The World Wide Web Publishing Service is the HTTP listener adapter: it configures HTTP.sys (URL groups, request queues) from WAS\'s configuration, updates it when the configuration changes, and tells WAS when a request waits in a queue with no worker. It keeps the Web Service counters.',
  svchost: 'WAS and W3SVC run as LocalSystem in the same svchost.exe process and share the same binaries.',
  config: 'applicationHost.config holds the sites, bindings, application pools, listener adapters, global modules and the server-level system.webServer settings. WAS reads it at start and on every change.',
  httpsys: 'HTTP.sys is the kernel-mode HTTP listener: it parses requests, routes them by URL group to a request queue, answers from its kernel response cache, and sends the responses.',
  'httpsys:listener': 'The listener receives requests on the ports of the sites\' bindings. Bad requests get 400 here, without user mode ever seeing them.',
  'httpsys:urlgroups': 'One URL group per site, built from its bindings. A host-name binding beats an IP-bound one, which beats a wildcard *:port. No match: 400 Bad Request - Invalid Hostname.',
  'httpsys:cache': 'The kernel response cache answers frequently hit, anonymous, static GET requests without a query string straight from kernel mode.',
};

function Row({ name, value }: { name: string; value: ReactNode }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{value}</td>
    </tr>
  );
}

export function Inspector() {
  const { ui } = useStores();
  const selected = useUi((s) => s.selectedNode);
  const expanded = useUi((s) => s.expanded);
  const model = useWorkspaceState((s) => s.model);
  const snapshot = useSimulation((s) => s.snapshot);
  const id = selected ?? '';
  const [kind, rest = ''] = id.split(':', 2) as [string, string?];
  let title = 'Inspector';
  let body: ReactNode = <p className="hint">Click a part of the graph to see its configuration and its live state.</p>;

  if (kind === 'pool' || kind === 'queue') {
    const pool = model.applicationPools.pools.find((p) => p.name === id.slice(kind.length + 1));
    const live = snapshot?.applicationPools.find((p) => p.name === pool?.name);
    if (pool !== undefined) {
      title = kind === 'pool' ? `Application pool ${pool.name}` : `Request queue ${pool.name}`;
      const poolName = pool.name;
      body = (
        <>
          <table className="props">
            <tbody>
              <Row name="State" value={live?.state ?? (pool.autoStart ? 'Started' : 'Stopped')} />
              <Row name="Requests waiting" value={`${String(live?.queueDepth ?? 0)} of queueLength ${String(pool.queueLength)}`} />
              <Row name="Worker processes" value={live === undefined || live.workers.length === 0 ? 'none' : live.workers.map((w) => `${String(w.pid)} (${w.state}, ${String(w.requestsServed)} served)`).join(', ')} />
              <Row name="Recycles" value={live?.recycles ?? 0} />
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => {
              serverSelection.getState().selectPool(poolName);
              ui.getState().setSideTab('server');
            }}
          >
            Edit in Server tab
          </button>
          <PoolForm key={pool.name} pool={pool} headingLevel={4} />
        </>
      );
    }
  } else if (kind === 'worker') {
    const pid = Number(rest);
    const pool = snapshot?.applicationPools.find((p) => p.workers.some((w) => w.pid === pid));
    const worker = pool?.workers.find((w) => w.pid === pid);
    title = `w3wp.exe ${rest}`;
    body =
      worker === undefined ? (
        <p className="hint">This worker process is not running at the end of the simulation (it may have been shut down after being idle, recycled or crashed).</p>
      ) : (
        <table className="props">
          <tbody>
            <Row name="Application pool" value={pool?.name ?? ''} />
            <Row name="State" value={worker.state} />
            <Row name="Uptime" value={`${(worker.uptime / 1000).toFixed(1)} s`} />
            <Row name="Requests in flight" value={worker.requestsInFlight} />
            <Row name="Requests served" value={worker.requestsServed} />
            <Row name="AppDomains" value={worker.appDomains.length === 0 ? 'none (no managed request yet)' : worker.appDomains.join(', ')} />
          </tbody>
        </table>
      );
  } else if (kind === 'notification') {
    title = `${id.split(':')[2] ?? ''} notification`;
    body = <p className="hint">Each module subscribed to this notification runs in the order of the effective &lt;modules&gt; list (AnonymousAuthenticationModule last in AuthenticateRequest; SendResponse in reverse). Managed modules are purple; a * marks a post-event.</p>;
  } else if (id === 'httpsys:urlgroups') {
    title = 'URL groups';
    body = (
      <>
        <p>{ABOUT[id]}</p>
        <button type="button" onClick={() => { ui.getState().toggleExpanded('urlGroups'); }}>
          {expanded.has('urlGroups') ? 'Show fewer sites' : 'Show all sites'}
        </button>
        <button type="button" onClick={() => { ui.getState().toggleExpanded('queues'); }}>
          {expanded.has('queues') ? 'Show fewer queues' : 'Show all request queues'}
        </button>
        <button type="button" onClick={() => { ui.getState().toggleExpanded('pools'); }}>
          {expanded.has('pools') ? 'Show fewer pools' : 'Show all application pools'}
        </button>
        <table className="props">
          <tbody>
            {model.sites.sites.map((site) => (
              <Row key={site.name} name={site.name} value={site.bindings.map((b) => `${b.protocol} ${b.bindingInformation}`).join(', ')} />
            ))}
          </tbody>
        </table>
      </>
    );
  } else if (id === 'httpsys:cache') {
    title = 'Kernel response cache';
    body = (
      <>
        <p>{ABOUT[id]}</p>
        <table className="props">
          <tbody>
            {(snapshot?.kernelCache ?? []).map((entry) => (
              <Row key={entry.url} name={entry.url} value={`${String(entry.status)}, ${String(entry.bytes)} bytes, ${String(entry.hits)} hits`} />
            ))}
            <Row name="Hits / misses" value={`${String(snapshot?.counters.kernelUriCacheHits ?? 0)} / ${String(snapshot?.counters.kernelUriCacheMisses ?? 0)}`} />
          </tbody>
        </table>
      </>
    );
  } else if (ABOUT[id] !== undefined) {
    title = id === 'httpsys:listener' ? 'HTTP.sys listener' : id === 'config' ? 'applicationHost.config' : id.toUpperCase();
    body = <p>{ABOUT[id]}</p>;
  } else if (kind === 'adapter') {
    title = rest;
    body = <p>{rest} is a WCF listener adapter: it listens for its protocol itself and asks WAS to activate the application pool, without W3SVC or HTTP.sys.</p>;
  }
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">Inspector</h2>
      <h3>{title}</h3>
      {body}
    </section>
  );
}
