/**
 * Input files are checked before they are read (issue 11): a folder, a device, a pipe and a 600 MB
 * sparse file each get one line and exit 2 within a second, in bounded memory. Before, /dev/zero or a
 * FIFO was read until memory ran out or forever.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputBytes } from './readInput.ts';
import { runCaptured } from './testStreams.ts';

const dir = mkdtempSync(join(tmpdir(), 'iisflow-input-'));

function fifo(): string | undefined {
  const path = join(dir, 'pipe.config');
  return spawnSync('mkfifo', [path]).status === 0 ? path : undefined;
}

describe('input files checked before reading', () => {
  const sparse = join(dir, 'sparse.config');
  writeFileSync(sparse, '');
  truncateSync(sparse, 600 * 1024 * 1024);
  const pipe = fifo();
  const cases: [string, string | undefined, RegExp][] = [
    ['a folder', dir, /a folder, not a file/],
    ['a device (/dev/zero)', existsSync('/dev/zero') ? '/dev/zero' : undefined, /not a regular file/],
    ['a named pipe', pipe, /not a regular file/],
    ['a 600 MB sparse file', sparse, /600 MB; input files over 20 MB are refused/],
    ['a missing file', join(dir, 'missing.config'), /cannot read the file/],
  ];
  for (const [what, path, message] of cases) {
    it(`refuses ${what} at once, with one line and exit 2 (validate, format and simulate)`, async () => {
      if (path === undefined) throw new Error(`${what} cannot be made on this machine`);
      const started = performance.now();
      for (const command of [['validate', '--config', path], ['format', '--config', path], ['simulate', '--config', path, 'GET', 'http://localhost/']]) {
        const result = await runCaptured(command);
        expect(result.code).toBe(2);
        expect(result.err.some((line) => line.startsWith(`${path}: `) && message.test(line))).toBe(true);
        expect(result.stdout.text()).toBe('');
      }
      expect(performance.now() - started).toBeLessThan(3000);
    });
  }

  it('reads a regular file under the limit', () => {
    const file = join(dir, 'small.config');
    writeFileSync(file, '<configuration/>');
    const read = readInputBytes(file);
    expect(read.ok && read.bytes.length).toBe(16);
    expect(readInputBytes(file, 10)).toMatchObject({ ok: false, message: expect.stringMatching(/refused$/) as unknown });
    expect(MAX_INPUT_BYTES).toBe(20 * 1024 * 1024);
  });
});
