/**
 * system.applicationHost/applicationPools: the pools, their applicationPoolDefaults, and the
 * processModel, recycling, failure and cpu settings WAS acts on. Defaults: IIS 10 schema
 * (IIS_schema.xml, sectionSchema system.applicationHost/applicationPools).
 */
import type { DiagnosticSink } from '../diagnostics.ts';
import { DiagnosticCode } from '../diagnostics.ts';
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { ElementMemo } from './elementMemo.ts';
import { bool, enumOf, flags, readFields, readOwnFields, str, timeSpan, uint, type FieldValues } from './fields.ts';

const RECYCLE_EVENTS = ['Time', 'Requests', 'Schedule', 'Memory', 'IsapiUnhealthy', 'OnDemand', 'ConfigChange', 'PrivateMemory'];
const MINUTE = 60_000;

export const applicationPoolFields = {
  autoStart: bool('autoStart', true),
  enable32BitAppOnWin64: bool('enable32BitAppOnWin64', false),
  managedRuntimeVersion: str('managedRuntimeVersion', ''),
  managedRuntimeLoader: str('managedRuntimeLoader', 'webengine4.dll'),
  enableConfigurationOverride: bool('enableConfigurationOverride', true),
  managedPipelineMode: enumOf('managedPipelineMode', ['Integrated', 'Classic'], 'Integrated'),
  passAnonymousToken: bool('passAnonymousToken', true),
  startMode: enumOf('startMode', ['OnDemand', 'AlwaysRunning'], 'OnDemand'),
  queueLength: uint('queueLength', 1000, 10, 65535),
  clrConfigFile: str('CLRConfigFile', ''),
} as const;

export const processModelFields = {
  identityType: enumOf(
    'identityType',
    ['LocalSystem', 'LocalService', 'NetworkService', 'SpecificUser', 'ApplicationPoolIdentity'],
    'ApplicationPoolIdentity',
  ),
  userName: str('userName', ''),
  loadUserProfile: bool('loadUserProfile', false),
  setProfileEnvironment: bool('setProfileEnvironment', true),
  logonType: enumOf('logonType', ['LogonBatch', 'LogonService'], 'LogonBatch'),
  manualGroupMembership: bool('manualGroupMembership', false),
  idleTimeout: timeSpan('idleTimeout', '00:20:00', 0, 43200 * MINUTE),
  idleTimeoutAction: enumOf('idleTimeoutAction', ['Terminate', 'Suspend'], 'Terminate'),
  maxProcesses: uint('maxProcesses', 1, 0, 2147483647),
  shutdownTimeLimit: timeSpan('shutdownTimeLimit', '00:01:30', 1000, 4294967 * 1000),
  startupTimeLimit: timeSpan('startupTimeLimit', '00:01:30', 1000, 4294967 * 1000),
  pingingEnabled: bool('pingingEnabled', true),
  pingInterval: timeSpan('pingInterval', '00:00:30', 1000, 4294967 * 1000),
  pingResponseTime: timeSpan('pingResponseTime', '00:01:30', 1000, 4294967 * 1000),
  logEventOnProcessModel: flags('logEventOnProcessModel', ['None', 'IdleTimeout'], ['IdleTimeout']),
} as const;

export const recyclingFields = {
  disallowOverlappingRotation: bool('disallowOverlappingRotation', false),
  disallowRotationOnConfigChange: bool('disallowRotationOnConfigChange', false),
  logEventOnRecycle: flags('logEventOnRecycle', ['None', ...RECYCLE_EVENTS], RECYCLE_EVENTS),
} as const;

export const periodicRestartFields = {
  memory: uint('memory', 0),
  privateMemory: uint('privateMemory', 0),
  requests: uint('requests', 0),
  time: timeSpan('time', '1.05:00:00', 0, 432000 * MINUTE),
} as const;

export const failureFields = {
  loadBalancerCapabilities: enumOf('loadBalancerCapabilities', ['TcpLevel', 'HttpLevel'], 'HttpLevel'),
  orphanWorkerProcess: bool('orphanWorkerProcess', false),
  orphanActionExe: str('orphanActionExe', ''),
  orphanActionParams: str('orphanActionParams', ''),
  rapidFailProtection: bool('rapidFailProtection', true),
  rapidFailProtectionInterval: timeSpan('rapidFailProtectionInterval', '00:05:00', MINUTE, 144000 * MINUTE),
  rapidFailProtectionMaxCrashes: uint('rapidFailProtectionMaxCrashes', 5, 1, 2147483647),
  autoShutdownExe: str('autoShutdownExe', ''),
  autoShutdownParams: str('autoShutdownParams', ''),
} as const;

export const cpuFields = {
  limit: uint('limit', 0, 0, 100000),
  action: enumOf('action', ['NoAction', 'KillW3wp', 'Throttle', 'ThrottleUnderLoad'], 'NoAction'),
  resetInterval: timeSpan('resetInterval', '00:05:00', 0, 1440 * MINUTE),
  smpAffinitized: bool('smpAffinitized', false),
} as const;

const scheduleFields = { value: timeSpan('value', '00:00:00', 0, 86_399_000) } as const;

export type ProcessModel = FieldValues<typeof processModelFields>;
export type Recycling = FieldValues<typeof recyclingFields> & {
  readonly periodicRestart: FieldValues<typeof periodicRestartFields> & { readonly schedule: readonly number[] };
};
export type Failure = FieldValues<typeof failureFields>;
export type Cpu = FieldValues<typeof cpuFields>;

export type ApplicationPoolSettings = FieldValues<typeof applicationPoolFields> & {
  processModel: ProcessModel;
  recycling: Recycling;
  failure: Failure;
  cpu: Cpu;
};

export type ApplicationPoolName = string & { readonly __brand: 'ApplicationPoolName' };

export interface ApplicationPool extends ApplicationPoolSettings {
  name: ApplicationPoolName;
}

export interface ApplicationPools {
  applicationPoolDefaults: ApplicationPoolSettings;
  pools: ApplicationPool[];
}

function readSettings(
  element: XmlElement | undefined,
  sink: DiagnosticSink | undefined,
  inherited?: ApplicationPoolSettings,
): ApplicationPoolSettings {
  const child = (name: string): XmlElement | undefined => (element === undefined ? undefined : childElement(element, name));
  const recyclingElement = child('recycling');
  const periodicRestartElement = recyclingElement === undefined ? undefined : childElement(recyclingElement, 'periodicRestart');
  const scheduleElement = periodicRestartElement === undefined ? undefined : childElement(periodicRestartElement, 'schedule');
  // Settings with no element of their own share the inherited objects (the model is immutable).
  const periodicRestart =
    periodicRestartElement === undefined && inherited !== undefined
      ? inherited.recycling.periodicRestart
      : {
          ...readFields(periodicRestartFields, periodicRestartElement, sink, inherited?.recycling.periodicRestart),
          schedule: scheduleElement === undefined ? (inherited?.recycling.periodicRestart.schedule ?? []) : readSchedule(scheduleElement, sink),
        };
  const recycling =
    recyclingElement === undefined && inherited !== undefined
      ? inherited.recycling
      : { ...readFields(recyclingFields, recyclingElement, sink, inherited?.recycling), periodicRestart };
  // Object.assign onto the new object readOwnFields returns: no second copy (parsing's hot path).
  return Object.assign(readOwnFields(applicationPoolFields, element, sink, inherited), {
    processModel: readFields(processModelFields, child('processModel'), sink, inherited?.processModel),
    recycling,
    failure: readFields(failureFields, child('failure'), sink, inherited?.failure),
    cpu: readFields(cpuFields, child('cpu'), sink, inherited?.cpu),
  });
}

function readSchedule(element: XmlElement, sink: DiagnosticSink | undefined): number[] {
  const times: number[] = [];
  for (const add of childElements(element)) {
    if (add.name !== 'add') continue;
    const { value } = readFields(scheduleFields, add, sink);
    times.push(value);
  }
  return times;
}

/** Reads `<applicationPools>`; pools inherit unset values from `<applicationPoolDefaults>`. */
/** Reads of unchanged elements are reused across incremental re-reads (elementMemo.ts). */
const poolMemo = new ElementMemo<ApplicationPool | undefined>();
const poolDefaultsMemo = new ElementMemo<ApplicationPoolSettings>();
/** The defaults when a file has no applicationPoolDefaults: one object, so that the pools read with them can be reused. */
let schemaDefaults: ApplicationPoolSettings | undefined;

export function readApplicationPools(section: XmlElement | undefined, sink: DiagnosticSink | undefined): ApplicationPools {
  const defaultsElement = section === undefined ? undefined : childElement(section, 'applicationPoolDefaults');
  schemaDefaults ??= readSettings(undefined, undefined);
  const applicationPoolDefaults = defaultsElement === undefined ? schemaDefaults : poolDefaultsMemo.read(defaultsElement, [], sink, (e, s) => readSettings(e, s));
  const context = [applicationPoolDefaults];
  const pools: ApplicationPool[] = [];
  for (const add of section === undefined ? [] : section.children) {
    if (add.kind !== 'element' || add.name !== 'add') continue;
    const pool = poolMemo.read(add, context, sink, (element, recorder) => {
      const name = getAttribute(element, 'name');
      if (name === undefined || name === '') {
        recorder.element(DiagnosticCode.missingAttribute, 'error', 'An application pool needs a name.', element);
        return undefined;
      }
      return Object.assign(readSettings(element, recorder, applicationPoolDefaults), { name: name as ApplicationPoolName });
    });
    if (pool !== undefined) pools.push(pool);
  }
  return { applicationPoolDefaults, pools };
}

/** The settings a new pool gets with no attributes of its own. */
export function defaultApplicationPoolSettings(): ApplicationPoolSettings {
  return readSettings(undefined, undefined);
}
