/**
 * The live list of devices, whatever their platform: each platform's device source (adb phones,
 * iOS simulators) tracks and identifies its own; the registry merges them into one sorted snapshot,
 * publishes it as it changes, and waits for a device's identity to settle.
 */
import { EventEmitter } from 'node:events';
import type { DeviceSnapshot, DeviceView } from '../../../shared/domain/device';
import { LabError } from '../errors';
import type { DeviceSource } from '../platform/device-platform';
import { withTimeout } from '../util/timeout';

export interface DeviceRegistryDeps {
  /** One source per platform; the first one's status line is the snapshot's `adb`. */
  readonly sources: readonly DeviceSource[];
}

/** States a phone passes through on its way to `device`. */
const HANDSHAKING: ReadonlySet<string> = new Set(['offline', 'connecting', 'authorizing']);

export class DeviceRegistry extends EventEmitter<{ changed: [DeviceSnapshot] }> {
  private emitScheduled = false;

  public constructor(private readonly deps: DeviceRegistryDeps) {
    super();
    // Every waitForIdentity() listens while it waits: one per phone in a lab of dozens.
    this.setMaxListeners(0);
  }

  public start(): void {
    for (const source of this.deps.sources) {
      source.on('changed', () => this.scheduleEmit());
      source.start();
    }
  }

  /** Starts watching for devices on every platform (adb track-devices, simctl polling). */
  public track(): void {
    for (const source of this.deps.sources) source.track();
  }

  public untrack(): void {
    for (const source of this.deps.sources) source.untrack();
  }

  public snapshot(): DeviceSnapshot {
    const devices = this.deps.sources
      .flatMap((s) => s.views())
      .sort((a, b) => a.serial.localeCompare(b.serial));
    const status = Object.assign(
      {},
      ...this.deps.sources.map((s) => s.statusPart()),
    ) as Partial<DeviceSnapshot>;
    if (!status.adb) throw new Error('No device source reports an adb status.');
    return { ...status, adb: status.adb, devices };
  }

  public get(serial: string): DeviceView | undefined {
    for (const source of this.deps.sources) {
      const view = source.get(serial);
      if (view) return view;
    }
    return undefined;
  }

  /**
   * Resolves with the device's view once its identity is settled: read or failed, or the device
   * rests in a state where it can't be read (unauthorized, recovery…). A phone still handshaking
   * (offline, connecting, authorizing) is not settled: under load `adb connect` shows it offline.
   */
  public async waitForIdentity(serial: string, timeoutMs: number): Promise<DeviceView> {
    const settled = (): DeviceView | undefined => {
      const v = this.get(serial);
      if (!v || v.identityStatus === 'pending') return undefined;
      if (v.identityStatus === 'not-applicable' && HANDSHAKING.has(v.state)) return undefined;
      return v;
    };
    const now = settled();
    if (now) return now;
    let onChange: (() => void) | null = null;
    return withTimeout(
      new Promise<DeviceView>((resolve) => {
        onChange = (): void => {
          const v = settled();
          if (!v) return;
          if (onChange) this.off('changed', onChange);
          resolve(v);
        };
        this.on('changed', onChange);
      }),
      timeoutMs,
      { en: `Identity of ${serial}`, zh: `手机 ${serial} 的身份信息` },
      () => {
        if (onChange) this.off('changed', onChange);
      },
    );
  }

  public async refreshIdentity(serial: string): Promise<DeviceView> {
    const source = this.deps.sources.find((s) => s.get(serial) !== undefined);
    if (!source) {
      throw new LabError('DEVICE_NOT_FOUND', `No phone ${serial} is connected.`, {
        hint: 'Plug it in and allow USB debugging.',
        zh: { message: `没有连接手机 ${serial}。`, hint: '请插上手机并允许 USB 调试。' },
      });
    }
    return source.refreshIdentity(serial);
  }

  private scheduleEmit(): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    setImmediate(() => {
      this.emitScheduled = false;
      this.emit('changed', this.snapshot());
    });
  }
}
