/**
 * Watches iOS simulators the way DeviceTracker watches adb: simctl has no event stream, so while
 * xcrun exists it polls `simctl list -j devices` about once a second and emits the list only when
 * a simulator appeared, went or changed state (boot / shutdown read like plug / unplug). Without
 * xcrun it only looks on PATH again now and then, and its status says what is missing.
 */
import { EventEmitter } from 'node:events';
import type { IosStatus, IosUnavailableReason } from '../../../shared/domain/device';
import { toErrorInfo } from '../errors';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { listEverything, listSimulators } from './commands/list-simulators';
import type { SimDevice, SimDeviceType, SimRuntime } from './parsers/simctl-list';
import { SimctlError, SimctlRunner } from './simctl/runner';
import { findXcrun, isMissingSimctl, missingXcrunReason } from './simctl/xcrun';

export interface SimulatorTrackerOptions {
  /** Environment for xcrun (PATH is searched for it). */
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Poll interval while xcrun answers (default 1000 ms). */
  readonly pollMs?: number;
  /** How often to look for xcrun again when it is missing or broken (default 5000 ms). */
  readonly recheckMs?: number;
  readonly platform?: NodeJS.Platform;
}

export interface SimulatorCatalog {
  readonly runtimes: readonly SimRuntime[];
  readonly deviceTypes: readonly SimDeviceType[];
}

export interface SimulatorTrackerEvents {
  devices: [readonly SimDevice[]];
  status: [IosStatus];
}

/** The full list (runtimes, device types) is re-read at most this often when something unknown shows up. */
const CATALOG_REFRESH_MS = 60_000;

const fingerprint = (list: readonly SimDevice[]): string =>
  list
    .map((d) => `${d.udid}|${d.state}|${d.available ? 1 : 0}|${d.runtime}|${d.name}|${d.dataPath ?? ''}`)
    .sort()
    .join('\n');

export class SimulatorTracker extends EventEmitter<SimulatorTrackerEvents> {
  private runnerValue: SimctlRunner | null = null;
  private devices: readonly SimDevice[] = [];
  private catalogValue: SimulatorCatalog = { runtimes: [], deviceTypes: [] };
  private catalogAt = Number.NEGATIVE_INFINITY;
  private current: IosStatus;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private lastFingerprint = '';
  private firstPoll: Promise<void>;
  private markPolled: () => void = () => undefined;
  /** Stops a list call still running when the tracker stops (no stray simctl after close). */
  private inflight = new AbortController();

  public constructor(private readonly options: SimulatorTrackerOptions) {
    super();
    this.current = {
      available: false,
      reason: missingXcrunReason(options.platform),
      detail: null,
      shutdown: 0,
    };
    this.firstPoll = new Promise((resolve) => (this.markPolled = resolve));
  }

  public status(): IosStatus {
    return this.current;
  }

  public list(): readonly SimDevice[] {
    return this.devices;
  }

  public catalog(): SimulatorCatalog {
    return this.catalogValue;
  }

  /** The runner for the xcrun found last; null while iOS is unavailable. */
  public runner(): SimctlRunner | null {
    return this.current.available ? this.runnerValue : null;
  }

  public start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.inflight = new AbortController();
    void this.tick();
  }

  public stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inflight.abort();
    this.markPolled();
  }

  /** Resolves once the first look (list or "not available") is done, or after `timeoutMs`. */
  public async settled(timeoutMs = 20_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.firstPoll,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** Polls now (after a boot or shutdown PushLab did itself) instead of waiting for the next tick. */
  public async refresh(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tick();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1000;
    const recheckMs = this.options.recheckMs ?? 5000;
    const xcrun = findXcrun(this.options.env);
    if (xcrun === null) {
      this.setUnavailable(missingXcrunReason(this.options.platform), null);
      this.markPolled();
      return this.schedule(recheckMs);
    }
    if (this.runnerValue?.xcrun !== xcrun)
      this.runnerValue = new SimctlRunner(xcrun, this.options.env, this.options.logger);
    const runner = this.runnerValue;
    try {
      const list = await listSimulators(runner, { signal: this.inflight.signal });
      if (this.stopped) return;
      await this.refreshCatalog(runner, list.devices);
      this.apply(list.devices);
      this.schedule(pollMs);
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof SimctlError && isMissingSimctl(error.stderr))
        this.setUnavailable('no-simctl', error.stderr.trim().slice(0, 300));
      else this.setUnavailable('list-failed', toErrorInfo(error).message.slice(0, 300));
      this.schedule(recheckMs);
    } finally {
      this.markPolled();
    }
  }

  /** Reads runtimes and device types when a simulator names one not seen yet (new runtime installed). */
  private async refreshCatalog(runner: SimctlRunner, devices: readonly SimDevice[]): Promise<void> {
    const known = new Set([
      ...this.catalogValue.runtimes.map((r) => r.identifier),
      ...this.catalogValue.deviceTypes.map((t) => t.identifier),
    ]);
    const unknown = devices.some(
      (d) => d.available && (!known.has(d.runtime) || (d.deviceType !== null && !known.has(d.deviceType))),
    );
    if (!unknown || this.options.clock.now() - this.catalogAt < CATALOG_REFRESH_MS) return;
    this.catalogAt = this.options.clock.now();
    try {
      const all = await listEverything(runner);
      this.catalogValue = { runtimes: all.runtimes, deviceTypes: all.deviceTypes };
    } catch (error) {
      // Names fall back to what the device list says; the next unknown entry retries later.
      this.options.logger.info('simctl catalog not read', { error: toErrorInfo(error).message });
    }
  }

  private apply(devices: readonly SimDevice[]): void {
    const shutdown = devices.filter(
      (d) => d.platform === 'iOS' && d.available && d.state === 'Shutdown',
    ).length;
    this.setStatus({ available: true, reason: null, detail: null, shutdown });
    const print = fingerprint(devices);
    this.devices = devices;
    if (print === this.lastFingerprint) return;
    this.lastFingerprint = print;
    this.emit('devices', devices);
  }

  private setUnavailable(reason: IosUnavailableReason, detail: string | null): void {
    this.setStatus({ available: false, reason, detail, shutdown: 0 });
    if (this.devices.length > 0 || this.lastFingerprint !== '') {
      this.devices = [];
      this.lastFingerprint = '';
      this.emit('devices', []);
    }
  }

  private setStatus(status: IosStatus): void {
    const c = this.current;
    if (
      c.available === status.available &&
      c.reason === status.reason &&
      c.detail === status.detail &&
      c.shutdown === status.shutdown
    )
      return;
    if (c.available !== status.available || c.reason !== status.reason)
      this.options.logger.info('ios status', { available: status.available, reason: status.reason });
    this.current = status;
    this.emit('status', status);
  }
}
