/**
 * The adb phones of the device registry: fed by the tracker's events, enriched with identity read
 * once per connection (and again on request), persisted as they change. The registry merges them
 * with the other platforms' devices and publishes the snapshots.
 */
import { EventEmitter } from 'node:events';
import type { DeviceIdentity, DeviceSnapshot, DeviceView } from '../../../shared/domain/device';
import type { AdbGateway } from '../adb/adb-gateway';
import type { DeviceTracking, TrackedDevice } from '../adb/device-tracker';
import { splitDeviceKey } from '../../../shared/domain/lab-host';
import { withTimeout } from '../util/timeout';
import { normaliseAdbState, transportOf } from '../android/parsers/adb-devices';
import { LabError, toErrorInfo } from '../errors';
import type { DeviceSource } from '../platform/device-platform';
import type { DeviceRepository } from '../store/device-repository';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { createLimiter } from '../devices/concurrency';
import { readIdentity } from './identity-reader';

export interface AdbDevicesDeps {
  readonly tracker: DeviceTracking;
  readonly gateway: AdbGateway;
  readonly repo: DeviceRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly identityTimeoutMs?: number;
  readonly readIdentity?: typeof readIdentity;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The lab host a phone's key names (absent for the primary host's bare serials). */
function hostOf(key: string): { host?: string } {
  const { host } = splitDeviceKey(key);
  return host === null ? {} : { host };
}

export class AdbDevices extends EventEmitter<{ changed: [] }> implements DeviceSource {
  private readonly views_ = new Map<string, Mutable<DeviceView>>();
  /** Bumped per serial on every (re)connection, so a late identity read for an old one is dropped. */
  private readonly generation = new Map<string, number>();
  private readonly limit = createLimiter(16);
  private readonly knownTcp = new Set<string>();
  private tcpAtOutage = new Set<string>();
  private wasConnected = false;

  public constructor(private readonly deps: AdbDevicesDeps) {
    super();
  }

  public start(): void {
    this.deps.tracker.on('devices', (list) => this.apply(list));
    this.deps.tracker.on('status', (status) => {
      const connected = status.state === 'connected';
      if (this.wasConnected && !connected) this.tcpAtOutage = new Set(this.knownTcp);
      this.wasConnected = connected;
      this.scheduleEmit();
    });
    this.deps.tracker.on('recovered', () => void this.reconnectNetworkPhones());
    // Several lab hosts: any host's status is part of the snapshot.
    this.deps.tracker.on('hosts', () => this.scheduleEmit());
  }

  public track(): void {
    this.deps.tracker.start();
  }

  public untrack(): void {
    this.deps.tracker.stop();
  }

  public views(): readonly DeviceView[] {
    return [...this.views_.values()];
  }

  public statusPart(): Pick<DeviceSnapshot, 'adb' | 'hosts'> {
    const hosts = this.deps.tracker.hosts?.();
    return { adb: this.deps.tracker.status(), ...(hosts ? { hosts } : {}) };
  }

  public get(serial: string): DeviceView | undefined {
    return this.views_.get(serial);
  }

  public async refreshIdentity(serial: string): Promise<DeviceView> {
    const view = this.views_.get(serial);
    if (!view) {
      throw new LabError('DEVICE_NOT_FOUND', `No phone ${serial} is connected.`, {
        hint: 'Plug it in and allow USB debugging.',
        zh: { message: `没有连接手机 ${serial}。`, hint: '请插上手机并允许 USB 调试。' },
      });
    }
    if (view.state !== 'device') {
      throw new LabError(
        'DEVICE_NOT_READY',
        `Phone ${serial} is ${view.state}; its identity can't be read now.`,
        {
          zh: { message: `手机 ${serial} 处于 ${view.state} 状态；现在无法读取它的身份信息。` },
        },
      );
    }
    await this.loadIdentity(serial);
    return this.views_.get(serial) ?? view;
  }

  private apply(list: readonly TrackedDevice[]): void {
    const at = this.deps.clock.iso();
    const present = new Set(list.map((d) => d.serial));
    // Remember network phones only while the server is up: an outage empties the list.
    if (this.deps.tracker.status().state === 'connected') {
      this.knownTcp.clear();
      for (const d of list) if (transportOf(d.serial) === 'tcp') this.knownTcp.add(d.serial);
    }
    for (const serial of [...this.views_.keys()]) {
      if (present.has(serial)) continue;
      this.views_.delete(serial);
      this.generation.set(serial, (this.generation.get(serial) ?? 0) + 1);
    }
    for (const tracked of list) this.applyOne(tracked, at);
    this.scheduleEmit();
  }

  private applyOne(tracked: TrackedDevice, at: string): void {
    const state = normaliseAdbState(tracked.rawState);
    const transport = transportOf(tracked.serial);
    const existing = this.views_.get(tracked.serial);
    if (existing && existing.state === state) return;
    const view: Mutable<DeviceView> = existing ?? {
      serial: tracked.serial,
      ...hostOf(tracked.serial),
      platform: 'android',
      state,
      transport,
      identity: null,
      identityStatus: 'not-applicable',
      identityError: null,
      firstSeen: at,
      lastSeen: at,
    };
    view.state = state;
    view.lastSeen = at;
    this.views_.set(tracked.serial, view);
    this.persistSeen(view, at);
    if (state === 'device') {
      view.identityStatus = 'pending';
      view.identityError = null;
      void this.loadIdentity(tracked.serial);
    } else if (!view.identity) {
      view.identityStatus = 'not-applicable';
    }
  }

  private async loadIdentity(serial: string): Promise<void> {
    const generation = (this.generation.get(serial) ?? 0) + 1;
    this.generation.set(serial, generation);
    const read = this.deps.readIdentity ?? readIdentity;
    const io = this.deps.gateway.device(serial);
    let identity: DeviceIdentity | null = null;
    let error: unknown = null;
    try {
      identity = await this.limit(() =>
        withTimeout(read(io), this.deps.identityTimeoutMs ?? 20_000, {
          en: `Reading ${serial}`,
          zh: `读取手机 ${serial}`,
        }),
      );
    } catch (e) {
      error = e;
    }
    const view = this.views_.get(serial);
    if (!view || this.generation.get(serial) !== generation) return;
    const at = this.deps.clock.iso();
    view.lastSeen = at;
    if (identity) {
      view.identity = identity;
      view.identityStatus = 'ready';
      view.identityError = null;
      this.persist(() => this.deps.repo.recordIdentity(serial, identity, at));
    } else {
      view.identityStatus = 'failed';
      view.identityError = toErrorInfo(error);
      this.deps.logger.warn('identity read failed', { serial, error: view.identityError.message });
    }
    this.scheduleEmit();
  }

  /** A restarted adb server forgets `adb connect` phones; reconnect the ones we knew. */
  private async reconnectNetworkPhones(): Promise<void> {
    await new Promise((r) => setTimeout(r, 200));
    const missing = [...this.tcpAtOutage].filter((serial) => !this.views_.has(serial));
    await Promise.all(
      missing.map(async (serial) => {
        const match = /^(.*):(\d+)$/.exec(serial);
        if (!match?.[1] || !match[2]) return;
        await this.deps.gateway.connect(match[1], Number(match[2])).catch((error: unknown) => {
          this.deps.logger.info('network phone not back yet', { serial, error: String(error) });
        });
      }),
    );
  }

  private persistSeen(view: DeviceView, at: string): void {
    this.persist(() =>
      this.deps.repo.recordSeen(
        view.serial,
        { platform: 'android', state: view.state, transport: view.transport },
        at,
      ),
    );
  }

  private persist(write: () => unknown): void {
    try {
      write();
    } catch (error) {
      this.deps.logger.error('could not store device', { error: String(error) });
    }
  }

  private scheduleEmit(): void {
    this.emit('changed');
  }
}
