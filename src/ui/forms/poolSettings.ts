/**
 * The application pool settings the pool form shows, in the groups of IIS Manager's Advanced Settings
 * dialog, each labelled with its attribute name in applicationHost.config and read and checked with the
 * schema's own field spec (IIS_schema.xml ranges, enums and time spans), so the form never writes a
 * value the configuration would reject. Pure: no React.
 */
import {
  applicationPoolFields,
  failureFields,
  formatField,
  parseField,
  periodicRestartFields,
  processModelFields,
  recyclingFields,
  setPoolAttributes,
  type ApplicationPool,
  type ConfigEdit,
  type Field,
} from '../../config/index.ts';

export interface PoolSetting {
  /** A stable key, also used in element ids. */
  key: string;
  /** The label: the attribute's name as applicationHost.config writes it. */
  label: string;
  /** The attribute itself. */
  attribute: string;
  field: Field;
  /** The child element of the pool's `<add>` that holds it (setPoolAttributes' `child`). */
  element: 'processModel' | 'recycling' | 'recycling/periodicRestart' | 'failure' | undefined;
  read: (pool: ApplicationPool) => Field['default'];
  /** The choices of a select, when they are not the field's enum (managedRuntimeVersion is a string). */
  choices?: readonly { value: string; text: string }[];
  /** IIS Manager's name for it and what it does, one line. */
  help: string;
}

export interface PoolSettingGroup {
  title: string;
  settings: readonly PoolSetting[];
}

/** ".NET CLR version" in IIS Manager: v4.0, v2.0, or "" for No Managed Code (no CLR is loaded). */
export const RUNTIME_VERSIONS: readonly { value: string; text: string }[] = [
  { value: 'v4.0', text: 'v4.0' },
  { value: 'v2.0', text: 'v2.0' },
  { value: '', text: 'No Managed Code' },
];

export const POOL_SETTING_GROUPS: readonly PoolSettingGroup[] = [
  {
    title: 'General',
    settings: [
      { key: 'managedRuntimeVersion', label: 'managedRuntimeVersion', attribute: 'managedRuntimeVersion', field: applicationPoolFields.managedRuntimeVersion, element: undefined, read: (p) => p.managedRuntimeVersion, choices: RUNTIME_VERSIONS, help: '.NET CLR Version: the CLR w3wp.exe loads for managed code.' },
      { key: 'managedPipelineMode', label: 'managedPipelineMode', attribute: 'managedPipelineMode', field: applicationPoolFields.managedPipelineMode, element: undefined, read: (p) => p.managedPipelineMode, help: 'Integrated: one pipeline for native and managed modules; Classic: ASP.NET runs as an ISAPI extension.' },
      { key: 'enable32BitAppOnWin64', label: 'enable32BitAppOnWin64', attribute: 'enable32BitAppOnWin64', field: applicationPoolFields.enable32BitAppOnWin64, element: undefined, read: (p) => p.enable32BitAppOnWin64, help: 'Enable 32-Bit Applications: the workers run as 32-bit processes (WoW64).' },
      { key: 'queueLength', label: 'queueLength', attribute: 'queueLength', field: applicationPoolFields.queueLength, element: undefined, read: (p) => p.queueLength, help: 'Queue Length: requests HTTP.sys holds for the pool; one more gets 503 (QueueFull).' },
      { key: 'startMode', label: 'startMode', attribute: 'startMode', field: applicationPoolFields.startMode, element: undefined, read: (p) => p.startMode, help: 'Start Mode: OnDemand starts w3wp.exe at the first request; AlwaysRunning when WAS starts.' },
    ],
  },
  {
    title: 'Process Model',
    settings: [
      { key: 'identityType', label: 'identityType', attribute: 'identityType', field: processModelFields.identityType, element: 'processModel', read: (p) => p.processModel.identityType, help: 'Identity: the account w3wp.exe runs as (ApplicationPoolIdentity is IIS AppPool\\<pool>).' },
      { key: 'idleTimeout', label: 'idleTimeout', attribute: 'idleTimeout', field: processModelFields.idleTimeout, element: 'processModel', read: (p) => p.processModel.idleTimeout, help: 'Idle Time-out: WAS shuts an idle worker down after this long ([d.]hh:mm:ss; 00:00:00 never).' },
      { key: 'maxProcesses', label: 'maxProcesses', attribute: 'maxProcesses', field: processModelFields.maxProcesses, element: 'processModel', read: (p) => p.processModel.maxProcesses, help: 'Maximum Worker Processes: more than 1 is a web garden.' },
    ],
  },
  {
    title: 'Recycling',
    settings: [
      { key: 'periodicRestart.time', label: 'periodicRestart time', attribute: 'time', field: periodicRestartFields.time, element: 'recycling/periodicRestart', read: (p) => p.recycling.periodicRestart.time, help: 'Regular Time Interval: recycle after this uptime ([d.]hh:mm:ss; 00:00:00 never).' },
      { key: 'periodicRestart.requests', label: 'periodicRestart requests', attribute: 'requests', field: periodicRestartFields.requests, element: 'recycling/periodicRestart', read: (p) => p.recycling.periodicRestart.requests, help: 'Request Limit: recycle after this many requests (0 never).' },
      { key: 'disallowRotationOnConfigChange', label: 'disallowRotationOnConfigChange', attribute: 'disallowRotationOnConfigChange', field: recyclingFields.disallowRotationOnConfigChange, element: 'recycling', read: (p) => p.recycling.disallowRotationOnConfigChange, help: 'Disable Recycling for Configuration Changes.' },
    ],
  },
  {
    title: 'Rapid-Fail Protection',
    settings: [
      { key: 'rapidFailProtection', label: 'rapidFailProtection', attribute: 'rapidFailProtection', field: failureFields.rapidFailProtection, element: 'failure', read: (p) => p.failure.rapidFailProtection, help: 'Enabled: WAS stops the pool after too many worker crashes; HTTP.sys then answers 503.' },
      { key: 'rapidFailProtectionInterval', label: 'rapidFailProtectionInterval', attribute: 'rapidFailProtectionInterval', field: failureFields.rapidFailProtectionInterval, element: 'failure', read: (p) => p.failure.rapidFailProtectionInterval, help: 'Failure Interval: the window the crashes are counted in.' },
      { key: 'rapidFailProtectionMaxCrashes', label: 'rapidFailProtectionMaxCrashes', attribute: 'rapidFailProtectionMaxCrashes', field: failureFields.rapidFailProtectionMaxCrashes, element: 'failure', read: (p) => p.failure.rapidFailProtectionMaxCrashes, help: 'Maximum Failures: crashes within the interval that stop the pool.' },
    ],
  },
];

/** The text a setting's control shows for a value. */
export function settingText(setting: PoolSetting, value: Field['default']): string {
  return formatField(setting.field, value);
}

/** Why a typed value is refused, as said beside the field; undefined when the schema takes it. */
export function checkSettingText(setting: PoolSetting, text: string): string | undefined {
  const parsed = parseField(setting.field, text);
  return parsed.ok ? undefined : `${setting.attribute} takes ${parsed.expected}.`;
}

export type SettingChange = { kind: 'edit'; edit: ConfigEdit; label: string } | { kind: 'problem'; message: string } | { kind: 'unchanged' };

/**
 * The edit that sets a pool's setting to the typed text, written on the pool's own `<add>` (or its
 * child element), as IIS Manager writes it: "Set queueLength of DefaultAppPool to 2000".
 */
export function changePoolSetting(pool: ApplicationPool, setting: PoolSetting, text: string): SettingChange {
  const parsed = parseField(setting.field, text);
  if (!parsed.ok) return { kind: 'problem', message: `${setting.attribute} takes ${parsed.expected}.` };
  const written = formatField(setting.field, parsed.value);
  if (written === formatField(setting.field, setting.read(pool))) return { kind: 'unchanged' };
  const shown = setting.choices?.find((c) => c.value === written)?.text ?? written;
  return {
    kind: 'edit',
    edit: setPoolAttributes(pool.name, { [setting.attribute]: written }, setting.element),
    label: `Set ${setting.label} of ${pool.name} to ${shown}`,
  };
}
