/**
 * Event-driven device tracking (host:track-devices), never polling. When the adb server dies or
 * restarts, the tracker reconnects by itself with a short backoff (starting a local server when
 * allowed) and reports the outage, so the UI can say what happened meanwhile.
 */
import { EventEmitter } from 'node:events';
import type { AdbStatus, HostStatus } from '../../../shared/domain/device';

import type { ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../errors';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { AdbGateway, AdbTracker } from './adb-gateway';

export interface TrackedDevice {
  readonly serial: string;
  /** adb's state word as sent, e.g. "device", "unauthorized", "no permissions (...)". */
  readonly rawState: string;
}

interface AdbkitDevice {
  id: string;
  type: string;
}

/**
 * adb 29's track-devices stays silent when a network phone moves from `offline` to
 * `unauthorized` (the AUTH exchange) or drops abruptly. While any phone is in such an in-between
 * state we re-read the list once a second — bounded to those moments, not a general poll.
 */
const TRANSITIONAL = new Set(['offline', 'connecting', 'authorizing']);
const RECHECK_MS = 1000;

/** Backoff between reconnect attempts; short so phones are back within seconds. */
const RETRY_DELAYS_MS = [100, 250, 500, 1000];

export interface DeviceTrackerEvents {
  devices: [readonly TrackedDevice[]];
  status: [AdbStatus];
  /** The server came back after an outage (a fresh server forgets `adb connect` phones). */
  recovered: [];
  /** Any lab host's status changed (LabHosts only): every host, in order. */
  hosts: [readonly HostStatus[]];
}

/** What the registry needs of device tracking: one adb server's tracker, or several hosts' (LabHosts). */
export interface DeviceTracking extends EventEmitter<DeviceTrackerEvents> {
  status(): AdbStatus;
  list(): readonly TrackedDevice[];
  start(): void;
  stop(): void;
  waitUntilConnected(timeoutMs: number): Promise<void>;
  /** Every lab host's status (only with several hosts). */
  hosts?(): readonly HostStatus[];
  /** A one-shot list of every host's phones, keyed (only with several hosts). */
  listDevices?(): Promise<Array<{ id: string; type: string }>>;
}

export class DeviceTracker extends EventEmitter<DeviceTrackerEvents> {
  private tracker: AdbTracker | null = null;
  private readonly devices = new Map<string, TrackedDevice>();
  private current: AdbStatus;
  private stopped = true;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private outageStartedAt: string | null = null;
  private outageReason = '';
  private recheckTimer: NodeJS.Timeout | null = null;
  private generation = 0;

  public constructor(
    private readonly gateway: AdbGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    super();
    this.current = {
      state: 'connecting',
      host: gateway.config.host,
      port: gateway.config.port,
      serverVersion: null,
      since: clock.iso(),
      error: null,
      lastOutage: null,
    };
  }

  public status(): AdbStatus {
    return this.current;
  }

  public list(): readonly TrackedDevice[] {
    return [...this.devices.values()];
  }

  public start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  public stop(): void {
    this.stopped = true;
    this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.detach();
  }

  /** Follows the gateway to the server it was just retargeted to: drops the old list, reconnects. */
  public retarget(): void {
    const { host, port } = this.gateway.config;
    const wasRunning = !this.stopped;
    this.stop();
    this.attempt = 0;
    this.outageStartedAt = null;
    this.setStatus({
      state: 'connecting',
      host,
      port,
      serverVersion: null,
      since: this.clock.iso(),
      error: null,
      lastOutage: null,
    });
    if (this.devices.size > 0) {
      this.devices.clear();
      this.emit('devices', []);
    }
    if (wasRunning) this.start();
  }

  /** Resolves once the tracker is connected (or rejects with the last error after `timeoutMs`). */
  public waitUntilConnected(timeoutMs: number): Promise<void> {
    if (this.current.state === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', onStatus);
        reject(this.current.error ?? new Error('adb server not reachable'));
      }, timeoutMs);
      const onStatus = (status: AdbStatus): void => {
        if (status.state !== 'connected') return;
        clearTimeout(timer);
        this.off('status', onStatus);
        resolve();
      };
      this.on('status', onStatus);
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // A stop (or retarget) while this connect is under way makes its result stale.
    const generation = this.generation;
    try {
      const version = await this.gateway.ensureServer();
      const tracker = await this.gateway.track();
      if (this.stopped || generation !== this.generation) {
        tracker.end();
        return;
      }
      this.attach(tracker, version);
    } catch (error) {
      if (generation === this.generation) this.fail(toErrorInfo(error));
    }
  }

  private attach(tracker: AdbTracker, version: number): void {
    this.tracker = tracker;
    this.attempt = 0;
    const wasOutage = this.outageStartedAt !== null;
    this.devices.clear();
    tracker.on('add', (d: AdbkitDevice) => this.devices.set(d.id, { serial: d.id, rawState: d.type }));
    tracker.on('change', (d: AdbkitDevice) => this.devices.set(d.id, { serial: d.id, rawState: d.type }));
    tracker.on('remove', (d: AdbkitDevice) => this.devices.delete(d.id));
    tracker.on('changeSet', () => {
      this.emit('devices', this.list());
      this.scheduleRecheck();
    });
    tracker.on('error', (error: unknown) => this.logger.warn('tracker error', { error: String(error) }));
    tracker.on('end', () => {
      if (this.tracker !== tracker) return;
      this.tracker = null;
      this.fail({
        code: 'ADB_UNREACHABLE',
        message: `The adb server at ${this.gateway.config.host}:${this.gateway.config.port} went away.`,
        hint: this.gateway.canStartServer
          ? 'PushLab is restarting it and reconnecting.'
          : 'Start the adb server again; PushLab reconnects by itself.',
        zh: {
          message: `${this.gateway.config.host}:${this.gateway.config.port} 上的 adb 服务已断开。`,
          hint: this.gateway.canStartServer
            ? 'PushLab 正在重启它并重新连接。'
            : '请重新启动 adb 服务；PushLab 会自动重新连接。',
        },
      });
    });
    // adbkit starts reading in the Tracker's constructor, so the first list can be parsed (and its
    // 'add' events fired) before our listeners exist: seed from what it already holds, then
    // confirm with a one-shot list.
    const seen = (tracker as unknown as { deviceList?: AdbkitDevice[] }).deviceList;
    if (Array.isArray(seen)) for (const d of seen) this.devices.set(d.id, { serial: d.id, rawState: d.type });
    void this.recheck(true);
    const now = this.clock.iso();
    const lastOutage = wasOutage
      ? { startedAt: this.outageStartedAt ?? now, endedAt: now, reason: this.outageReason }
      : this.current.lastOutage;
    this.outageStartedAt = null;
    this.setStatus({
      ...this.current,
      state: 'connected',
      serverVersion: version,
      since: now,
      error: null,
      lastOutage,
    });
    // The first track-devices frame arrives right after OKAY; until then the list is empty.
    this.emit('devices', this.list());
    if (wasOutage) this.emit('recovered');
  }

  private fail(error: ErrorInfo): void {
    if (this.stopped) return;
    this.detach();
    if (this.outageStartedAt === null) {
      this.outageStartedAt = this.clock.iso();
      this.outageReason = error.message;
    }
    const state = this.attempt < RETRY_DELAYS_MS.length ? 'reconnecting' : 'unreachable';
    // Status first: listeners must see the outage before the list empties.
    this.setStatus({ ...this.current, state, serverVersion: null, since: this.clock.iso(), error });
    if (this.devices.size > 0) {
      this.devices.clear();
      this.emit('devices', []);
    }
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)] ?? 1000;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private scheduleRecheck(): void {
    if (this.recheckTimer || !this.tracker) return;
    if (![...this.devices.values()].some((d) => TRANSITIONAL.has(d.rawState))) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null;
      void this.recheck();
    }, RECHECK_MS);
  }

  /** Re-reads the list; `full` also adopts additions and removals (used once after attaching). */
  private async recheck(full = false): Promise<void> {
    if (!this.tracker) return;
    let listed: Array<{ id: string; type: string }>;
    try {
      listed = await this.gateway.listDevices();
    } catch {
      return; // the tracker's own end/error handling covers a dead server
    }
    let changed = false;
    for (const d of listed) {
      const known = this.devices.get(d.id);
      if ((known && known.rawState !== d.type) || (!known && full)) {
        this.devices.set(d.id, { serial: d.id, rawState: d.type });
        changed = true;
      }
    }
    if (full) {
      const ids = new Set(listed.map((d) => d.id));
      for (const serial of [...this.devices.keys()]) {
        if (ids.has(serial)) continue;
        this.devices.delete(serial);
        changed = true;
      }
    }
    if (changed) this.emit('devices', this.list());
    this.scheduleRecheck();
  }

  private detach(): void {
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    this.recheckTimer = null;
    const tracker = this.tracker;
    this.tracker = null;
    if (tracker) {
      tracker.removeAllListeners();
      tracker.on('error', () => {});
      tracker.end();
    }
  }

  private setStatus(status: AdbStatus): void {
    const changed =
      status.state !== this.current.state || status.error?.message !== this.current.error?.message;
    this.current = status;
    if (changed) this.logger.info('adb status', { state: status.state, error: status.error?.message });
    this.emit('status', status);
  }
}
