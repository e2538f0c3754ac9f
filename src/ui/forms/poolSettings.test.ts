import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, parseApplicationHost, type ApplicationPool, type ConfigEdit } from '../../config/index.ts';
import { POOL_SETTING_GROUPS, changePoolSetting, checkSettingText, settingText, type PoolSetting } from './poolSettings.ts';

const settings = POOL_SETTING_GROUPS.flatMap((g) => g.settings);
const setting = (key: string): PoolSetting => {
  const found = settings.find((s) => s.key === key);
  if (found === undefined) throw new Error(key);
  return found;
};
const firstPool = (text: string): ApplicationPool => {
  const pool = parseApplicationHost(text).model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool');
  if (pool === undefined) throw new Error('no DefaultAppPool');
  return pool;
};

function applied(edit: ConfigEdit): string {
  const result = applyEdit(defaultWorkspace(), edit);
  if (!result.ok) throw new Error(result.message);
  return result.workspace.applicationHostConfig;
}

describe('pool settings', () => {
  it('cover what the issue lists, labelled with IIS attribute names', () => {
    expect(settings.map((s) => s.label)).toEqual([
      'managedRuntimeVersion', 'managedPipelineMode', 'enable32BitAppOnWin64', 'queueLength', 'startMode',
      'identityType', 'idleTimeout', 'maxProcesses',
      'periodicRestart time', 'periodicRestart requests', 'disallowRotationOnConfigChange',
      'rapidFailProtection', 'rapidFailProtectionInterval', 'rapidFailProtectionMaxCrashes',
    ]);
  });

  it('refuse what the schema refuses, saying what it takes', () => {
    expect(checkSettingText(setting('queueLength'), '5')).toBe('queueLength takes a whole number from 10 to 65535.');
    expect(checkSettingText(setting('queueLength'), '2000')).toBeUndefined();
    expect(checkSettingText(setting('idleTimeout'), '20')).toMatch(/time span/);
    expect(checkSettingText(setting('idleTimeout'), '31.00:00:00')).toMatch(/from 00:00:00 to 30\.00:00:00/);
    expect(checkSettingText(setting('rapidFailProtectionMaxCrashes'), '0')).toMatch(/from 1 to/);
    expect(checkSettingText(setting('managedPipelineMode'), 'Fast')).toMatch(/Integrated, Classic/);
    const pool = firstPool(defaultWorkspace().applicationHostConfig);
    expect(changePoolSetting(pool, setting('queueLength'), '-3')).toEqual({ kind: 'problem', message: 'queueLength takes a whole number from 10 to 65535.' });
  });

  it('write one attribute on the pool or its child element, with a label that says so', () => {
    const pool = firstPool(defaultWorkspace().applicationHostConfig);
    const queue = changePoolSetting(pool, setting('queueLength'), '2000');
    if (queue.kind !== 'edit') throw new Error(queue.kind);
    expect(queue.label).toBe('Set queueLength of DefaultAppPool to 2000');
    expect(firstPool(applied(queue.edit)).queueLength).toBe(2000);

    const time = changePoolSetting(pool, setting('periodicRestart.time'), '02:00:00');
    if (time.kind !== 'edit') throw new Error(time.kind);
    const text = applied(time.edit);
    expect(text).toMatch(/<periodicRestart time="02:00:00" \/>/);
    expect(firstPool(text).recycling.periodicRestart.time).toBe(2 * 3600_000);

    const runtime = changePoolSetting(pool, setting('managedRuntimeVersion'), '');
    if (runtime.kind !== 'edit') throw new Error(runtime.kind);
    expect(runtime.label).toBe('Set managedRuntimeVersion of DefaultAppPool to No Managed Code');
    expect(firstPool(applied(runtime.edit)).managedRuntimeVersion).toBe('');
  });

  it('make no edit when the value is what the pool has (inherited included)', () => {
    const pool = firstPool(defaultWorkspace().applicationHostConfig);
    expect(changePoolSetting(pool, setting('queueLength'), settingText(setting('queueLength'), pool.queueLength))).toEqual({ kind: 'unchanged' });
    expect(changePoolSetting(pool, setting('idleTimeout'), '0.00:20:00')).toEqual({ kind: 'unchanged' });
  });
});
