/**
 * Waits for conditions on adb's device list. One shared poll of `host:devices-l` serves every
 * waiter (20 phones connecting at once cost one request per tick, not twenty). Polling rather
 * than host:track-devices because adb 29.0.6 does not report every transition there (a TCP
 * device dropping to `offline` goes unreported).
 */
import type { AdbHostClient, HostDevice } from './adb-host';

interface Waiter {
  readonly predicate: (devices: readonly HostDevice[]) => boolean;
  readonly resolve: (devices: readonly HostDevice[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Shared poller of adb's device list. */
export class DeviceListWatcher {
  private readonly waiters = new Set<Waiter>();
  private polling = false;
  private closed = false;
  private lastError: Error | null = null;

  public constructor(
    private readonly host: AdbHostClient,
    private readonly intervalMs = 20,
  ) {}

  /** Resolves with the list once `predicate` holds; rejects after timeoutMs. */
  public waitFor(
    predicate: (devices: readonly HostDevice[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<readonly HostDevice[]> {
    if (this.closed) return Promise.reject(new Error('device list watcher is closed'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const cause = this.lastError === null ? '' : ` (last error: ${this.lastError.message})`;
          reject(new Error(`timed out after ${timeoutMs} ms waiting for adb's device list${cause}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  /** Rejects pending waits and stops polling. */
  public close(): void {
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('device list watcher closed'));
    }
    this.waiters.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0 && !this.closed) {
        try {
          const devices = await this.host.devices();
          this.lastError = null;
          for (const waiter of [...this.waiters]) {
            if (!waiter.predicate(devices)) continue;
            clearTimeout(waiter.timer);
            this.waiters.delete(waiter);
            waiter.resolve(devices);
          }
        } catch (error) {
          this.lastError = error instanceof Error ? error : new Error(String(error));
        }
        if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
      }
    } finally {
      this.polling = false;
    }
  }
}
