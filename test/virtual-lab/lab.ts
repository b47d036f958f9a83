/**
 * VirtualLab: a set of virtual phones (adbd servers over a DeviceBackend) registered with a real
 * adb server through `host:connect`, which can be unplugged, replugged and authorized live.
 */
import type { VirtualLabStatus, VirtualPhoneView } from '../../shared/domain/lab';
import type { DeviceBackend } from './adbd/backend';
import { startAdbd, type Adbd } from './adbd/adbd';
import { createVirtualAndroid } from './android';
import { adbHost, type AdbHostClient, type HostDevice } from './harness/adb-host';
import { DeviceListWatcher } from './harness/device-list-watcher';
import { isReservedAdbPort } from './harness/free-port';
import { assertProfile, createProfileSimpleBackend } from './harness/profiles';

/** What addPhone needs: a getprop fixture basename and optional id/auth/port. */
export interface VirtualPhoneSpec {
  profile: string;
  id?: string;
  /** false: the phone shows the "Allow USB debugging?" prompt until authorize(). */
  authorized?: boolean;
  /** Default: a free port chosen by the OS (never in adb's 5554-5585 emulator range). */
  port?: number;
}

/** A live view of a phone (fields change on unplug/plug/authorize) and its backend. */
export interface VirtualPhoneHandle extends VirtualPhoneView {
  readonly backend: DeviceBackend;
}

/** Makes the DeviceBackend behind a phone. */
export type BackendFactory = (profile: string, id: string) => DeviceBackend;

/** Options for VirtualLab.start. */
export interface VirtualLabOptions {
  readonly adbPort: number;
  readonly adbHost?: string;
  /** Seam for tests; defaults to defaultBackendFactory. */
  readonly createBackend?: BackendFactory;
  /** How long to wait for adb to list (or drop) a phone. */
  readonly timeoutMs?: number;
  /** Models each phone's cable speed, host to phone (see USB2_LINK_BYTES_PER_SECOND). */
  readonly linkBytesPerSecond?: number;
}

/**
 * A USB 2.0 High-Speed cable as adb push sees it: ~480 Mbit/s on the wire, of which adb's sync
 * protocol typically gets 30-40 MB/s on real phones. Used by the demo and the install benchmark.
 */
export const USB2_LINK_BYTES_PER_SECOND = 35 * 1024 * 1024;

/** Phones run the Android emulation (test/virtual-lab/android) wearing the profile's identity. */
export const defaultBackendFactory: BackendFactory = (profile) => createVirtualAndroid(profile);

/** Lighter phones: adbd/simple-backend with the profile's banner and getprop (protocol tests). */
export const simpleBackendFactory: BackendFactory = (profile) => createProfileSimpleBackend(profile);

const PHONE_HOST = '127.0.0.1';
const ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

class Phone implements VirtualPhoneHandle {
  public adbd: Adbd | null = null;
  public authorized: boolean;

  public constructor(
    public readonly id: string,
    public readonly profile: string,
    public port: number,
    public readonly backend: DeviceBackend,
    authorized: boolean,
  ) {
    this.authorized = authorized;
  }

  public get serial(): string {
    return `${PHONE_HOST}:${this.port}`;
  }

  public get plugged(): boolean {
    return this.adbd !== null;
  }

  public view(): VirtualPhoneView {
    const { id, profile, port, serial, plugged, authorized } = this;
    return { id, profile, port, serial, plugged, authorized };
  }
}

/** Virtual phones registered with one adb server. */
export class VirtualLab {
  private readonly phoneMap = new Map<string, Phone>();
  private readonly reserved = new Set<string>();
  private running = true;

  private constructor(
    private readonly host: AdbHostClient,
    private readonly watcher: DeviceListWatcher,
    private readonly createBackend: BackendFactory,
    private readonly timeoutMs: number,
    private readonly linkBytesPerSecond: number | undefined,
  ) {}

  /** Connects to the adb server at adbHost:adbPort (it must be running). */
  public static async start(options: VirtualLabOptions): Promise<VirtualLab> {
    const host = adbHost(options.adbPort, options.adbHost ?? '127.0.0.1');
    try {
      await host.version();
    } catch (error) {
      throw new Error(
        `No adb server on ${options.adbHost ?? '127.0.0.1'}:${options.adbPort} (${(error as Error).message}). Start one first, e.g. startAdbServer().`,
      );
    }
    return new VirtualLab(
      host,
      new DeviceListWatcher(host),
      options.createBackend ?? defaultBackendFactory,
      options.timeoutMs ?? 20_000,
      options.linkBytesPerSecond,
    );
  }

  /** Starts a phone's adbd, connects it to adb and waits until adb lists it. */
  public async addPhone(spec: VirtualPhoneSpec): Promise<VirtualPhoneHandle> {
    const id = this.reserveId(spec);
    try {
      assertProfile(spec.profile);
      if (
        spec.port !== undefined &&
        (isReservedAdbPort(spec.port) || !Number.isInteger(spec.port) || spec.port < 0 || spec.port > 65535)
      ) {
        throw new Error(`Port ${spec.port} cannot host a virtual phone (adb reserves 5037 and 5554-5585).`);
      }
      const phone = new Phone(
        id,
        spec.profile,
        spec.port ?? 0,
        this.createBackend(spec.profile, id),
        spec.authorized ?? true,
      );
      await this.connect(phone);
      this.phoneMap.set(id, phone);
      return phone;
    } finally {
      this.reserved.delete(id);
    }
  }

  /** Adds several phones in parallel. */
  public async addPhones(specs: readonly VirtualPhoneSpec[]): Promise<VirtualPhoneHandle[]> {
    return Promise.all(specs.map((spec) => this.addPhone(spec)));
  }

  /** Like pulling the USB cable: adb forgets the phone and its adbd stops listening. */
  public async unplug(id: string): Promise<void> {
    const phone = this.get(id);
    const adbd = phone.adbd;
    if (adbd === null) return;
    phone.adbd = null;
    await this.host.disconnect(PHONE_HOST, phone.port).catch(() => undefined);
    await adbd.close();
    await this.watcher.waitFor(
      (list) => !list.some((device) => device.serial === phone.serial),
      this.timeoutMs,
    );
  }

  /** Plugs the phone back in on the same port. */
  public async plug(id: string): Promise<void> {
    const phone = this.get(id);
    if (phone.adbd !== null) return;
    await this.connect(phone);
  }

  /** The user taps "Allow" on the phone's USB debugging prompt. */
  public authorize(id: string): void {
    const phone = this.get(id);
    phone.authorized = true;
    phone.adbd?.authorize();
  }

  public phone(id: string): VirtualPhoneHandle {
    return this.get(id);
  }

  public phones(): VirtualPhoneHandle[] {
    return [...this.phoneMap.values()];
  }

  public status(): VirtualLabStatus {
    return { running: this.running, phones: [...this.phoneMap.values()].map((phone) => phone.view()) };
  }

  /** Unplugs every phone and stops their adbd servers (the adb server itself is the caller's). */
  public async close(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await Promise.allSettled([...this.phoneMap.keys()].map((id) => this.unplug(id)));
    this.watcher.close();
  }

  private get(id: string): Phone {
    const phone = this.phoneMap.get(id);
    if (phone === undefined) throw new Error(`No virtual phone "${id}" in this lab.`);
    return phone;
  }

  private reserveId(spec: VirtualPhoneSpec): string {
    if (!this.running) throw new Error('This virtual lab is closed.');
    const taken = (id: string): boolean => this.phoneMap.has(id) || this.reserved.has(id);
    let id = spec.id;
    if (id !== undefined) {
      if (!ID_PATTERN.test(id))
        throw new Error(`Invalid phone id "${id}": use letters, digits, '.', '_' or '-'.`);
      if (taken(id)) throw new Error(`A virtual phone "${id}" already exists.`);
    } else {
      id = spec.profile;
      for (let n = 2; taken(id); n += 1) id = `${spec.profile}.${n}`;
    }
    this.reserved.add(id);
    return id;
  }

  private async connect(phone: Phone): Promise<void> {
    const link = this.linkBytesPerSecond;
    const adbd = await startAdbd({
      backend: phone.backend,
      host: PHONE_HOST,
      port: phone.port,
      authorized: phone.authorized,
      ...(link ? { linkBytesPerSecond: link } : {}),
    });
    phone.port = adbd.port;
    phone.adbd = adbd;
    try {
      const message = await this.host.connect(PHONE_HOST, adbd.port);
      if (!/connected to|failed to authenticate/.test(message))
        throw new Error(`adb could not connect ${phone.serial}: ${message}`);
      const expected = (device: HostDevice): boolean =>
        device.serial === phone.serial &&
        (device.state === 'device' || (!phone.authorized && device.state === 'unauthorized'));
      await this.watcher.waitFor((list) => list.some(expected), this.timeoutMs);
    } catch (error) {
      phone.adbd = null;
      await this.host.disconnect(PHONE_HOST, adbd.port).catch(() => undefined);
      await adbd.close();
      throw error;
    }
  }
}
