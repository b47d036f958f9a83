/**
 * One logical ADB stream on the device side: flow-controlled output (one WRTE in flight, each at
 * most the negotiated max payload, small writes coalesced while waiting for the host's OKAY) and
 * input with backpressure (the OKAY for a host WRTE is held back while the service lags).
 */
import { ByteChannel } from './byte-channel';
import { ByteQueue } from './byte-queue';
import { A_CLSE, A_OKAY, A_WRTE } from './constants';

/** What a stream needs from its connection. */
export interface StreamTransport {
  send(command: number, arg0: number, arg1: number, data?: Buffer): void;
  /** Largest WRTE payload allowed: min(our max payload, the host's). */
  readonly writeLimit: number;
  /** Forget the stream (after CLSE either way). */
  release(stream: AdbStream): void;
  /** Calls `done` once the modelled cable has carried `bytes` (at once when unthrottled). */
  afterLink(bytes: number, done: () => void): void;
}

/** Incoming bytes buffered before OKAYs are held back. */
const INPUT_HIGH_WATER = 1024 * 1024;

/** One device-side stream: ids, flow-controlled output, backpressured input. */
export class AdbStream {
  /** Bytes the host wrote (WRTE payloads). Ends when the host closes the stream. */
  public readonly input = new ByteChannel(INPUT_HIGH_WATER);
  private readonly out = new ByteQueue();
  private readonly aborter = new AbortController();
  private inFlight = false;
  private okayOwed = false;
  private closedFlag = false;
  private writers: Array<() => void> = [];
  private flushers: Array<() => void> = [];

  public constructor(
    private readonly transport: StreamTransport,
    /** Our id (arg0 of what we send). */
    public readonly localId: number,
    /** The host's id for this stream. */
    public readonly remoteId: number,
  ) {
    this.input.onWantsMore(() => {
      if (this.okayOwed && !this.closedFlag) {
        this.okayOwed = false;
        this.transport.send(A_OKAY, this.localId, this.remoteId);
      }
    });
  }

  /** Aborted when the stream closes for any reason. */
  public get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** Largest WRTE payload on this connection. */
  public get writeLimit(): number {
    return this.transport.writeLimit;
  }

  public get closed(): boolean {
    return this.closedFlag;
  }

  /**
   * Queues bytes for the host. Resolves once no more than one max payload is waiting behind the
   * WRTE in flight; after close it resolves at once and the bytes are dropped.
   */
  public write(data: Buffer): Promise<void> {
    if (this.closedFlag || data.length === 0) return Promise.resolve();
    this.out.push(data);
    this.pump();
    if (this.out.length <= this.transport.writeLimit) return Promise.resolve();
    return new Promise((resolve) => {
      this.writers.push(resolve);
    });
  }

  /** Sends everything queued, then CLSE. Safe to call more than once. */
  public async end(): Promise<void> {
    if (this.closedFlag) return;
    if (this.out.length > 0) {
      await new Promise<void>((resolve) => {
        this.flushers.push(resolve);
      });
    }
    if (this.closedFlag) return;
    this.transport.send(A_CLSE, this.localId, this.remoteId);
    this.shutdown('closed by device');
  }

  /** The host's OKAY for our last WRTE. */
  public handleOkay(): void {
    this.inFlight = false;
    this.pump();
  }

  /** A host WRTE: queue it and OKAY unless the service is lagging. */
  public handleWrite(data: Buffer): void {
    if (this.closedFlag) return;
    this.input.push(data);
    // The OKAY is what lets the host send more: holding it models both a lagging service and
    // the phone's link speed.
    this.transport.afterLink(data.length, () => {
      if (this.closedFlag) return;
      if (this.input.wantsMore) this.transport.send(A_OKAY, this.localId, this.remoteId);
      else this.okayOwed = true;
    });
  }

  /** The host closed the stream, or the connection went away. */
  public handleClose(reason = 'closed by host'): void {
    if (this.closedFlag) return;
    this.shutdown(reason);
  }

  private pump(): void {
    if (this.inFlight || this.closedFlag) return;
    if (this.out.length > 0) {
      const chunk = this.out.take(Math.min(this.out.length, this.transport.writeLimit));
      this.inFlight = true;
      this.transport.send(A_WRTE, this.localId, this.remoteId, chunk);
    }
    if (this.out.length <= this.transport.writeLimit) this.resolveAll('writers');
    if (this.out.length === 0) this.resolveAll('flushers');
  }

  private shutdown(reason: string): void {
    this.closedFlag = true;
    this.out.clear();
    this.input.end();
    this.transport.release(this);
    this.resolveAll('writers');
    this.resolveAll('flushers');
    this.aborter.abort(new Error(reason));
  }

  private resolveAll(which: 'writers' | 'flushers'): void {
    const waiting = this[which];
    if (waiting.length === 0) return;
    this[which] = [];
    for (const resolve of waiting) resolve();
  }
}
