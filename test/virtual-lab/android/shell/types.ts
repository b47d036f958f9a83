/**
 * What a shell command sees: its argv, the three streams and the phone. Commands write through
 * `out`/`err` (already redirected by the interpreter) and return their exit status.
 */
import type { MemoryFs } from '../fs';
import type { PhoneState } from '../state';

export type Write = (chunk: Buffer | string) => Promise<void>;

/** Stdin as a byte stream that several commands of one script share, like fd 0. */
export class StdinReader {
  private readonly iterator: AsyncIterator<Buffer> | null;
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;

  public constructor(source: AsyncIterable<Buffer> | Buffer | null) {
    if (source === null || Buffer.isBuffer(source)) {
      this.pending = source ?? Buffer.alloc(0);
      this.ended = true;
      this.iterator = null;
    } else {
      this.iterator = source[Symbol.asyncIterator]();
    }
  }

  private async pull(): Promise<boolean> {
    if (this.ended || !this.iterator) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.pending = this.pending.length === 0 ? next.value : Buffer.concat([this.pending, next.value]);
    return true;
  }

  /** Up to `n` bytes (fewer only at end of input). */
  public async readExactly(n: number): Promise<Buffer> {
    while (this.pending.length < n && (await this.pull())) {
      /* keep reading */
    }
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(out.length);
    return out;
  }

  /** Everything until end of input. */
  public async readAll(): Promise<Buffer> {
    while (await this.pull()) {
      /* keep reading */
    }
    const out = this.pending;
    this.pending = Buffer.alloc(0);
    return out;
  }
}

export interface CommandEnv {
  readonly phone: PhoneState;
  readonly fs: MemoryFs;
  readonly now: () => number;
  /** Waits like the real operation would take (aborts with the stream). */
  readonly delay: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface CommandContext {
  /** argv[0] as typed (path stripped). */
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin: StdinReader;
  readonly out: Write;
  readonly err: Write;
  readonly signal: AbortSignal;
  readonly env: CommandEnv;
  /** Runs another command line with the same streams (for `sh -c`). */
  readonly runScript: (source: string) => Promise<number>;
}

export type CommandHandler = (ctx: CommandContext) => Promise<number>;

/** Java-style exit status of a ShellCommand returning -1. */
export const EXIT_MINUS_ONE = 255;
