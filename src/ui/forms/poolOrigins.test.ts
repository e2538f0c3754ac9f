import { describe, expect, it } from 'vitest';
import { parseApplicationHost } from '../../config/index.ts';
import { poolSettingOrigins } from './poolOrigins.ts';
import { POOL_SETTING_GROUPS } from './poolSettings.ts';

const CONFIG = `<configuration><system.applicationHost><applicationPools>
  <add name="Shop" queueLength="2000"><processModel idleTimeout="00:05:00" /><recycling><periodicRestart requests="100" /></recycling></add>
  <applicationPoolDefaults managedRuntimeVersion="v4.0"><processModel identityType="NetworkService" /></applicationPoolDefaults>
</applicationPools></system.applicationHost></configuration>`;

describe('pool setting origins', () => {
  it('tell the pool\'s own attributes from applicationPoolDefaults and the schema default', () => {
    const origins = poolSettingOrigins(parseApplicationHost(CONFIG).model, 'shop', POOL_SETTING_GROUPS.flatMap((g) => g.settings));
    expect(origins.get('queueLength')).toBe('pool');
    expect(origins.get('idleTimeout')).toBe('pool');
    expect(origins.get('periodicRestart.requests')).toBe('pool');
    expect(origins.get('periodicRestart.time')).toBe('schema');
    expect(origins.get('managedRuntimeVersion')).toBe('applicationPoolDefaults');
    expect(origins.get('identityType')).toBe('applicationPoolDefaults');
    expect(origins.get('startMode')).toBe('schema');
  });
});
