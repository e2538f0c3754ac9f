import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES, applicationHostFixtures } from '../../test-support/sharedFixtures.ts';
import { runCaptured } from './testStreams.ts';

const run = runCaptured;

describe('iis-flow CLI', () => {
  it.each(applicationHostFixtures())('validate %s exits 0 with no error lines', async (name) => {
    const result = (await run(['validate', '--config', join(SHARED_FIXTURES, name)]));
    expect(result.out.filter((l) => / error /.test(l))).toEqual([]);
    expect(result.code).toBe(0);
  });

  it.each(applicationHostFixtures())('format %s prints the file unchanged, byte for byte (a BOM, no final newline, CRLF)', async (name) => {
    const result = (await run(['format', '--config', join(SHARED_FIXTURES, name)]));
    expect(result.code).toBe(0);
    expect(Buffer.from(result.stdout.text(), 'utf8').equals(readFileSync(join(SHARED_FIXTURES, name)))).toBe(true);
  });

  it.each([
    ['another case', '<Configuration><system.applicationHost><sites><site name="a" id="1" /></sites></system.applicationHost></Configuration>'],
    ['a namespace', '<x:configuration xmlns:x="urn:x"><system.applicationHost /></x:configuration>'],
    ['another element', '<failedRequest url="http://localhost/" />'],
  ])('format refuses a file whose root is not <configuration> (%s): the error, nothing on stdout, exit 1', async (_, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'iisflow-'));
    const file = join(dir, 'root.config');
    writeFileSync(file, text);
    const result = await run(['format', '--config', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.text()).toBe('');
    expect(result.err.join('\n')).toMatch(/root element is <.+>; an IIS configuration file starts with <configuration>/);
  });

  it('format refuses a UTF-16 file rather than writing it back as UTF-8, and validate still reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iisflow-'));
    const file = join(dir, 'utf16.config');
    const text = '<configuration>\r\n</configuration>\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await run(['format', '--config', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.text()).toBe('');
    expect(result.err.join('\n')).toMatch(/UTF-16LE, and format writes UTF-8/);
    expect((await run(['validate', '--config', file])).code).toBe(0);
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
