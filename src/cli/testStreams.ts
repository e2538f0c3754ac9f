/**
 * Streams for the CLI's tests: a standard output that keeps what is written, optionally slowly (each
 * chunk taken after a delay, with a small buffer, so write() returns false and the CLI must wait for
 * 'drain'), or one whose reader has gone away (EPIPE).
 */
import { Writable } from 'node:stream';
import { runCli } from './main.ts';

export class CapturedOutput extends Writable {
  readonly chunks: string[] = [];
  /** How many times write() returned false (the writer was asked to wait). */
  refusals = 0;
  /** The most bytes held by the stream at once: what the writer let pile up. */
  peakBuffered = 0;

  constructor(private readonly delayMs = 0, highWaterMark = 16 * 1024) {
    super({ highWaterMark, decodeStrings: false });
  }

  override write(chunk: string): boolean {
    const ok = super.write(chunk);
    this.peakBuffered = Math.max(this.peakBuffered, this.writableLength);
    if (!ok) this.refusals++;
    return ok;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    if (this.delayMs > 0) setTimeout(callback, this.delayMs);
    else callback();
  }

  text(): string {
    return this.chunks.join('');
  }

  lines(): string[] {
    return this.text().split('\n').filter((line) => line !== '');
  }
}

/** A standard output whose reader closed after `acceptChunks` chunks: later writes fail with EPIPE. */
export class ClosedPipe extends Writable {
  written = 0;
  constructor(private readonly acceptChunks: number) {
    super({ highWaterMark: 16 * 1024, decodeStrings: false });
  }

  override _write(_chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.written >= this.acceptChunks) {
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      return;
    }
    this.written++;
    callback();
  }
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  stdout: CapturedOutput;
}

/** Runs the CLI with captured streams. */
export async function runCaptured(args: string[], stdout: Writable = new CapturedOutput()): Promise<CliRun> {
  const err: string[] = [];
  const code = await runCli(args, { stdout, err: (line) => err.push(line) });
  const captured = stdout instanceof CapturedOutput ? stdout : new CapturedOutput();
  return { code, out: captured.lines(), err, stdout: captured };
}
