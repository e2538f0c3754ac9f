/**
 * Looks up the description of a graph node, a notification or a module, and names each node for
 * screen readers (its name, as the graph shows it, and its kind). Pure: no React, tested in Node.
 */
import type { ArchitectureNodeData, ArchitectureNodeKind } from '../graph/architecture.ts';
import { ACTIVATOR_PROTOCOLS, COMPONENT_DESCRIPTIONS, type ComponentKey } from './components.ts';
import type { Description } from './description.ts';
import { MANAGED_MODULE_DESCRIPTIONS } from './managedModules.ts';
import { NATIVE_MODULE_DESCRIPTIONS } from './nativeModules.ts';
import { NOTIFICATION_DESCRIPTIONS, POST_NOTIFICATION_DESCRIPTIONS, type DeterministicNotification, type PipelineStageName } from './notifications.ts';

/** What describeNode needs of a graph node. */
export interface DescribableNode {
  id: string;
  type: ArchitectureNodeKind;
  data: ArchitectureNodeData;
}

export interface NodeDescription {
  /** A stable key per distinct description (all pools share one): for element ids. */
  key: string;
  /** The heading: "WAS", "Application pool DefaultAppPool", "BeginRequest notification". */
  title: string;
  /** What kind of part it is, in a few words ("Windows service", "application pool"): for aria-roledescription. */
  kind: string;
  description: Description;
}

const COMPONENT_KINDS: Readonly<Record<ComponentKey, string>> = {
  'band:user': 'processor mode',
  'band:kernel': 'processor mode',
  client: 'client',
  httpsys: 'kernel-mode driver',
  'httpsys:listener': 'HTTP.sys listener',
  'httpsys:urlgroups': 'HTTP.sys URL groups',
  'httpsys:cache': 'HTTP.sys kernel cache',
  queue: 'HTTP.sys request queue',
  svchost: 'service host process',
  was: 'Windows service',
  w3svc: 'Windows service',
  config: 'configuration file',
  adapter: 'listener adapter',
  pool: 'application pool',
  'pools:more': 'collapsed application pools',
  worker: 'worker process',
  appDomain: 'ASP.NET application domain',
};

const STAGES = new Set<string>(Object.keys(NOTIFICATION_DESCRIPTIONS));

const isStage = (name: string): name is PipelineStageName => STAGES.has(name);

/** The component a node id stands for (the layout's ids: `was`, `pool:X`, `queue:X`, `worker:123`…). */
function componentKeyOf(id: string): ComponentKey | undefined {
  if (id in COMPONENT_DESCRIPTIONS) return id as ComponentKey;
  switch (id.slice(0, Math.max(0, id.indexOf(':')))) {
    case 'adapter':
      return 'adapter';
    case 'pool':
      return 'pool';
    case 'queue':
      return 'queue';
    case 'worker':
      return 'worker';
    case 'appdomain':
      return 'appDomain';
    default:
      return undefined;
  }
}

/** The stage a notification node shows: the last part of its id (`notification:<pid>:BEGIN_REQUEST`). */
export function stageOfId(id: string): PipelineStageName | undefined {
  if (!id.startsWith('notification:')) return undefined;
  const stage = id.slice(id.lastIndexOf(':') + 1);
  return isStage(stage) ? stage : undefined;
}

/** The stage a notification node shows. */
export function stageOf(node: DescribableNode): PipelineStageName | undefined {
  return node.type === 'notification' ? stageOfId(node.id) : undefined;
}

/** The name a person (and a screen reader) knows the node by, as the node itself shows it. */
export function accessibleName(node: DescribableNode): string {
  switch (node.type) {
    case 'pool':
      return `Application pool ${node.data.label}`;
    case 'notification':
      return `${node.data.label} notification`;
    default:
      return node.data.label;
  }
}

/** A node's kind and description by its id alone (the Inspector knows the selected node by its id). */
export function describeId(id: string): Omit<NodeDescription, 'title'> | undefined {
  const stage = stageOfId(id);
  if (stage !== undefined) return { key: `notification-${stage}`, kind: 'pipeline notification', description: NOTIFICATION_DESCRIPTIONS[stage] };
  const component = componentKeyOf(id);
  if (component === undefined) return undefined;
  const kind = COMPONENT_KINDS[component];
  if (component === 'adapter') {
    const activator = id.slice('adapter:'.length);
    const general = COMPONENT_DESCRIPTIONS.adapter;
    const protocol = ACTIVATOR_PROTOCOLS[activator];
    return { key: `adapter-${activator}`, kind, description: protocol === undefined ? general : { ...general, what: `${general.what} ${protocol}` } };
  }
  return { key: component, kind, description: COMPONENT_DESCRIPTIONS[component] };
}

/** The description of a graph node, or undefined for a node IIS Flow does not know. */
export function describeNode(node: DescribableNode): NodeDescription | undefined {
  const described = describeId(node.id);
  return described === undefined ? undefined : { ...described, title: accessibleName(node) };
}

/** The description of a notification's post-event (PostAuthenticateRequest…), where it has one. */
export function postEventDescription(stage: PipelineStageName): Description | undefined {
  return stage in POST_NOTIFICATION_DESCRIPTIONS ? POST_NOTIFICATION_DESCRIPTIONS[stage as DeterministicNotification] : undefined;
}

/** The description of a module by its name in <globalModules> or <modules>; the four ManagedEngine entries share one. */
export function moduleDescription(name: string): Description | undefined {
  const known = NATIVE_MODULE_DESCRIPTIONS[name] ?? MANAGED_MODULE_DESCRIPTIONS[name];
  if (known !== undefined) return known;
  if (/^ManagedEngine/i.test(name)) return NATIVE_MODULE_DESCRIPTIONS.ManagedEngine;
  return undefined;
}

/** A module's description, or, for a module IIS Flow does not know (a custom one), what can be said of it. */
export function describeModule(name: string, managed: boolean): Description {
  return (
    moduleDescription(name) ?? {
      what: managed ? `${name}: a managed module this configuration adds (a .NET IHttpModule).` : `${name}: a native module this configuration adds.`,
      request: 'IIS Flow does not know what it does; it runs in the notifications the graph shows it in.',
      configuredBy: managed ? 'Its <add name type> in <modules>.' : 'Its <add name image> in <globalModules> and its entry in <modules>.',
    }
  );
}

/** The sentence a screen reader hears after a node's name, and the tooltip's short text. */
export function summary(description: Description): string {
  return `${description.what} ${description.request}`;
}
