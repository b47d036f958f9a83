/**
 * A single-consumer async byte pipe with a high-water mark. The producer (packet handler) pushes
 * chunks; the consumer reads exact counts or whatever is there. `wantsMore` lets the producer
 * hold back flow-control acknowledgements while the consumer lags, without ever deadlocking a
 * reader that waits for more than the high-water mark.
 */
import { ByteQueue } from './byte-queue';

/** Async single-reader byte pipe with a high-water mark. */
export class ByteChannel implements AsyncIterable<Buffer> {
  private readonly queue = new ByteQueue();
  private ended = false;
  private waiter: (() => void) | null = null;
  private readonly listeners: Array<() => void> = [];
  private once: Array<() => void> = [];

  /** @param highWater bytes buffered above which the channel stops asking for more. */
  public constructor(private readonly highWater: number = 1024 * 1024) {}

  /** Bytes pushed but not yet read. */
  public get buffered(): number {
    return this.queue.length;
  }

  /** True once end() was called (data may still be buffered). */
  public get isEnded(): boolean {
    return this.ended;
  }

  /** True while the producer should keep the data coming: below the mark, or a reader is starved. */
  public get wantsMore(): boolean {
    return !this.ended && (this.queue.length < this.highWater || this.waiter !== null);
  }

  /** Calls `listener` whenever wantsMore may have turned true (after reads, while waiting). */
  public onWantsMore(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once wantsMore is true (or the channel ended). */
  public whenWantsMore(): Promise<void> {
    if (this.wantsMore || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      this.once.push(resolve);
    });
  }

  /** Appends bytes; ignored after end(). */
  public push(chunk: Buffer): void {
    if (this.ended || chunk.length === 0) return;
    this.queue.push(chunk);
    this.wake();
  }

  /** Marks end of input; readers get the rest, then null. */
  public end(): void {
    if (this.ended) return;
    this.ended = true;
    this.wake();
    this.flushOnce();
  }

  /** Ends and drops anything buffered (stream aborted). */
  public destroy(): void {
    this.queue.clear();
    this.end();
  }

  /** Resolves exactly n bytes, or null when input ends first. */
  public async read(n: number): Promise<Buffer | null> {
    while (this.queue.length < n) {
      if (this.ended) return null;
      await this.wait();
    }
    const out = this.queue.take(n);
    this.notify();
    return out;
  }

  /** Resolves whatever is buffered (at least one byte, at most `max`), or null at end of input. */
  public async readSome(max: number = Number.MAX_SAFE_INTEGER): Promise<Buffer | null> {
    while (this.queue.length === 0) {
      if (this.ended) return null;
      await this.wait();
    }
    const out = this.queue.take(Math.min(max, this.queue.length));
    this.notify();
    return out;
  }

  public async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const chunk = await this.readSome();
      if (chunk === null) return;
      yield chunk;
    }
  }

  private wait(): Promise<void> {
    if (this.waiter !== null) throw new Error('ByteChannel supports one reader at a time');
    const promise = new Promise<void>((resolve) => {
      this.waiter = resolve;
    });
    // A starved reader needs more data even above the mark.
    this.notify();
    return promise;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private notify(): void {
    if (!this.wantsMore) return;
    for (const listener of this.listeners) listener();
    this.flushOnce();
  }

  private flushOnce(): void {
    const waiting = this.once;
    this.once = [];
    for (const resolve of waiting) resolve();
  }
}
