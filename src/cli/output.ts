/**
 * Writing the CLI's output to a stream as a Unix tool does: lines are gathered into chunks of about
 * 64 KB (one write call per chunk, not per line), the caller waits for 'drain' when write() returns
 * false (so a slow reader holds the run back instead of the output piling up in memory), and a reader
 * that goes away (EPIPE: `iis-flow ... | head`) ends the run quietly.
 */

/** What the CLI needs of its standard output: process.stdout, or any Writable in tests. */
export interface OutputStream {
  write(chunk: string): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener(event: 'drain' | 'close' | 'error', listener: (...args: never[]) => void): unknown;
}

const CHUNK = 64 * 1024;

export class LineWriter {
  private pending = '';
  private full = false;
  /** The stream failed or its reader went away: nothing more is written. */
  closed = false;
  /** Why, when it is not EPIPE (the reader closing is the normal end of `| head`). */
  failure: Error | undefined = undefined;

  constructor(private readonly stream: OutputStream) {
    stream.on('error', (error: Error & { code?: string }) => {
      this.closed = true;
      this.pending = '';
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') this.failure ??= error;
    });
  }

  /** Adds one line (without its newline). */
  line(text: string): void {
    if (this.closed) return;
    this.pending += text + '\n';
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** Adds text as it is (format's output: the file's own line ends, no newline added). */
  text(text: string): void {
    if (this.closed) return;
    this.pending += text;
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** Writes what is gathered; afterwards `mustWait` says whether the stream asked to wait for 'drain'. */
  flush(): void {
    if (this.closed || this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) this.full = true;
  }

  /** True when the stream's buffer is full: call drained() before producing more. */
  get mustWait(): boolean {
    return this.full && !this.closed;
  }

  /** Resolves when the stream has drained, failed or closed. */
  drained(): Promise<void> {
    if (!this.full || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.full = false;
        this.stream.removeListener('drain', done);
        this.stream.removeListener('close', done);
        this.stream.removeListener('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('close', done);
      // An error also ends the wait (the listener in the constructor records it).
      this.stream.on('error', done);
    });
  }

  /** Writes the rest and waits until the stream has taken it. */
  async end(): Promise<void> {
    this.flush();
    await this.drained();
  }
}
