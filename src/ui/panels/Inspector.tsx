import type { ReactNode } from 'react';
import { NOTIFICATION_LABELS } from '../graph/architecture.ts';
import { PoolForm } from '../forms/PoolForm.tsx';
import { KernelCacheLiveState, PoolLiveState, WorkerLiveState } from './LiveState.tsx';
import { serverSelection } from '../forms/serverSelection.ts';
import { useSimulation, useStores, useUi, useWorkspaceState } from '../hooks/stores.ts';
import { describeId, describeModule, postEventDescription, stageOfId } from '../descriptions/describe.ts';
import type { Description } from '../descriptions/description.ts';
import { postEventName } from '../descriptions/notifications.ts';
import '../a11y/a11y.css';

/** Titles of the parts whose id says nothing a person reads. */
const TITLES: Readonly<Record<string, string>> = {
  client: 'Client',
  svchost: 'svchost.exe',
  was: 'WAS',
  w3svc: 'W3SVC',
  config: 'applicationHost.config',
  httpsys: 'HTTP.sys',
  'httpsys:listener': 'HTTP.sys listener',
  'pools:more': 'More application pools',
};

/** What the selected part is, what it does to a request, and what configures it (src/ui/descriptions). */
function About({ description, label = 'About' }: { description: Description; label?: string }) {
  return (
    <dl className="about" aria-label={label}>
      <dt>What it is</dt>
      <dd>{description.what}</dd>
      <dt>What it does to a request</dt>
      <dd>{description.request}</dd>
      <dt>Configured in</dt>
      <dd>{description.configuredBy}</dd>
    </dl>
  );
}

/** A notification's modules, in the order they run, each with what it does (the chips on the graph, for the keyboard). */
function NotificationModules({ stage, pid }: { stage: string; pid: number }) {
  const pipelines = useSimulation((s) => s.pipelines);
  const snapshot = useSimulation((s) => s.snapshot);
  const pool = snapshot?.applicationPools.find((p) => p.workers.some((w) => w.pid === pid))?.name;
  const pipeline = pool === undefined ? (pipelines.size === 1 ? [...pipelines.values()][0] : undefined) : pipelines.get(pool);
  const modules = pipeline?.stages.find((s) => s.notification === stage)?.modules;
  if (modules === undefined) return null;
  if (modules.length === 0) return <p className="hint">No module of this URL's pipeline subscribes to it.</p>;
  return (
    <>
      <h4>Its modules, in the order they run</h4>
      <ul className="module-descriptions" aria-label="Modules">
        {modules.map((m) => {
          const description = describeModule(m.name, m.managed);
          return (
            <li key={`${m.name}${m.isPost ? '+post' : ''}`}>
              <strong>{m.name}</strong> <span className="module-kind">{m.managed ? 'managed' : 'native'}{m.isPost ? ', post-event' : ''}</span>
              <div>{description.what}</div>
              <div>{description.request}</div>
              <div>
                <span className="module-kind">Configured in: </span>
                {description.configuredBy}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

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
    if (pool !== undefined) {
      title = kind === 'pool' ? `Application pool ${pool.name}` : `Request queue ${pool.name}`;
      const poolName = pool.name;
      body = (
        <>
          <PoolLiveState pool={pool} />
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
    title = `w3wp.exe ${rest}`;
    body = <WorkerLiveState pid={pid} />;
  } else if (kind === 'notification') {
    const stage = stageOfId(id);
    const name = stage === undefined ? (id.split(':')[2] ?? '') : (NOTIFICATION_LABELS[stage] ?? stage);
    const post = stage === undefined ? undefined : postEventDescription(stage);
    title = `${name} notification`;
    body = (
      <>
        <p className="hint">Each module subscribed to this notification runs in the order of the effective &lt;modules&gt; list (AnonymousAuthenticationModule last in AuthenticateRequest; SendResponse in reverse). Managed modules are purple; a * marks a post-event.</p>
        {post !== undefined && (
          <>
            <h4>{postEventName(name)}</h4>
            <p>{post.what} {post.request}</p>
          </>
        )}
        {stage !== undefined && <NotificationModules stage={stage} pid={Number(id.split(':')[1])} />}
      </>
    );
  } else if (id === 'httpsys:urlgroups') {
    title = 'URL groups';
    body = (
      <>
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
        <KernelCacheLiveState />
        <h4>Entries at the end of the run</h4>
        <table className="props">
          <tbody>
            {(snapshot?.kernelCache ?? []).map((entry) => (
              <Row key={entry.url} name={entry.url} value={`${String(entry.status)}, ${String(entry.bytes)} bytes, ${String(entry.hits)} hits`} />
            ))}
          </tbody>
        </table>
      </>
    );
  } else if (id === 'pools:more') {
    title = TITLES[id] ?? id;
    body = (
      <button type="button" onClick={() => { ui.getState().toggleExpanded('pools'); }}>
        {expanded.has('pools') ? 'Show fewer pools' : 'Show all application pools'}
      </button>
    );
  } else if (kind === 'adapter') {
    title = rest;
    body = null;
  } else if (kind === 'appdomain') {
    title = `AppDomain in w3wp.exe ${rest}`;
    body = null;
  } else if (TITLES[id] !== undefined) {
    title = TITLES[id];
    body = null;
  }
  const described = selected === undefined ? undefined : describeId(selected);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">Inspector</h2>
      <h3>{title}</h3>
      {described !== undefined && <About description={described.description} label={`About ${title}`} />}
      {body}
    </section>
  );
}
