/**
 * `validate` on a production file with an application whose pool does not exist: IIS loads it (its
 * requests get 503), so the diagnostic is a warning with its line and the exit status is 0.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './testStreams.ts';

const MISSING_POOL_CONFIG = [
  '<configuration>',
  '<system.applicationHost>',
  '<applicationPools>',
  '  <add name="DefaultAppPool" />',
  '</applicationPools>',
  '<sites>',
  '<site name="Shop" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>',
  '  <application path="/" applicationPool="GonePool"><virtualDirectory path="/" physicalPath="C:\\sites\\shop" /></application>',
  '</site>',
  '</sites>',
  '</system.applicationHost>',
  '</configuration>',
  '',
].join('\n');

describe('validate: an application whose pool does not exist', () => {
  it('exits 0 and prints the warning with its line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'iisflow-pool-')), 'applicationHost.config');
    writeFileSync(file, MISSING_POOL_CONFIG);
    const result = await runCaptured(['validate', '--config', file]);
    expect(result.code).toBe(0);
    expect(result.out.some((line) => line.startsWith(`${file}:8:`) && line.includes(' warning ') && line.includes('GonePool'))).toBe(true);
  });
});
