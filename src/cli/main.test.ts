import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES, applicationHostFixtures, readFixture } from '../../test-support/sharedFixtures.ts';
import { runCaptured } from './testStreams.ts';

const run = runCaptured;

describe('iis-flow CLI', () => {
  it.each(applicationHostFixtures())('validate %s exits 0 with no error lines', async (name) => {
    const result = (await run(['validate', '--config', join(SHARED_FIXTURES, name)]));
    expect(result.out.filter((l) => / error /.test(l))).toEqual([]);
    expect(result.code).toBe(0);
  });

  it.each(applicationHostFixtures())('format %s prints the file unchanged', async (name) => {
    const result = (await run(['format', '--config', join(SHARED_FIXTURES, name)]));
    expect(result.code).toBe(0);
    expect(result.stdout.text()).toBe(readFixture(name).replace(/^\uFEFF/, ''));
  });

  it('validate prints FILE:LINE:COL severity message and exits 1 on an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iisflow-'));
    const file = join(dir, 'bad.config');
    writeFileSync(file, '<configuration>\n<system.applicationHost>\n<applicationPools>\n  <add name="P" managedPipelineMode="Fast" />\n</applicationPools>\n</system.applicationHost>\n</configuration>\n');
    const result = (await run(['validate', '--config', file]));
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:17 error managedPipelineMode="Fast"`));
  });

  it('explains its usage and exits 2 on a wrong call', async () => {
    const result = (await run(['simulate-everything']));
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('validate --config FILE');
  });

  it('says when the file cannot be read', async () => {
    const result = (await run(['validate', '--config', '/nonexistent/applicationHost.config']));
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain('cannot read the file');
  });
});
