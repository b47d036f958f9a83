/**
 * Several lab hosts, each an adb server with its own gateway and tracker, seen as one tracker:
 * the registry gets one device list whose phones are keyed by host and serial
 * (shared/domain/lab-host.ts), and a phone's transport is reached through its own host. Every
 * host connects, fails and recovers on its own: a dead host empties only its own phones and never
 * holds up the others.
 */
import { EventEmitter } from 'node:events';
import type { AdbStatus } from '../../../shared/domain/device';
import { deviceKey, splitDeviceKey, type HostStatus, type LabHost } from '../../../shared/domain/lab-host';
import { LabError } from '../errors';
import { sameHost } from './hosts-change';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { AdbConfig } from './adb-config';
import { AdbGateway } from './adb-gateway';
import type { AdbDeviceIo } from './device-io';
import {
  DeviceTracker,
  type DeviceTracking,
  type DeviceTrackerEvents,
  type TrackedDevice,
} from './device-tracker';

interface Member {
  readonly host: LabHost;
  readonly gateway: AdbGateway;
  readonly tracker: DeviceTracker;
  /** Network phones (`address:port`) this host listed while it was up, and those listed at its outage. */
  known: Set<string>;
  atOutage: Set<string>;
}

/** A network phone's serial as adb prints it after `adb connect`. */
const NETWORK_SERIAL = /^(.+):(\d{1,5})$/;

export class LabHosts extends EventEmitter<DeviceTrackerEvents> implements DeviceTracking {
  private members: readonly Member[];
  private started = false;

  /** `base` gives the adb binary and whether a local server may be started (loopback hosts only). */
  public constructor(
    hosts: readonly LabHost[],
    private readonly base: Pick<AdbConfig, 'bin' | 'startServer'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    super();
    if (hosts.length === 0) throw new Error('LabHosts needs at least one host');
    this.members = hosts.map((host, index) => this.join(host, index === 0));
    this.first.gateway.routeHosts((name) => this.members.find((m) => m.host.name === name)?.gateway);
  }

  public get primary(): AdbGateway {
    return this.first.gateway;
  }

  public get primaryTracker(): DeviceTracker {
    return this.first.tracker;
  }

  public get hostNames(): readonly string[] {
    return this.members.map((m) => m.host.name);
  }

  public start(): void {
    this.started = true;
    for (const m of this.members) m.tracker.start();
  }

  public stop(): void {
    this.started = false;
    for (const m of this.members) m.tracker.stop();
  }

  /** Each host as listed, with its adb server's status and how many phones it lists now. */
  public entries(): ReadonlyArray<{
    readonly host: LabHost;
    readonly status: AdbStatus;
    readonly phones: number;
  }> {
    return this.members.map((m) => ({
      host: m.host,
      status: m.tracker.status(),
      phones: m.tracker.list().length,
    }));
  }

  /**
   * Makes `others` the hosts after the primary, while running: a host no longer listed (or now at
   * another address) stops being tracked and its phones leave the list; a new one is tracked from
   * now on, its phones joining as they are listed. The primary never changes here.
   */
  public setOthers(others: readonly LabHost[]): void {
    const current = new Map(this.members.slice(1).map((m) => [m.host.name, m]));
    const next: Member[] = [this.first];
    for (const host of others) {
      const kept = current.get(host.name);
      if (kept && sameHost(kept.host, host)) {
        current.delete(host.name);
        next.push(kept);
      } else next.push(this.join(host, false));
    }
    for (const gone of current.values()) {
      gone.tracker.stop();
      gone.tracker.removeAllListeners();
      this.logger.info('lab host removed', { host: gone.host.name });
    }
    this.members = next;
    if (this.started) for (const m of next) m.tracker.start();
    this.emit('devices', this.list());
    this.emit('hosts', this.hosts());
  }

  /** The primary host's status: the board's adb banner. */
  public status(): AdbStatus {
    return this.first.tracker.status();
  }

  public hosts(): readonly HostStatus[] {
    return this.members.map((m) => ({ name: m.host.name, ...m.tracker.status() }));
  }

  /** Every host's phones, keyed by host and serial. */
  public list(): readonly TrackedDevice[] {
    return this.members.flatMap((m) =>
      m.tracker.list().map((d) => ({ ...d, serial: deviceKey(m.host.name, d.serial, this.first.host.name) })),
    );
  }

  /** A one-shot list of every answering host's phones, keyed; a dead host lists nothing. */
  public async listDevices(): Promise<Array<{ id: string; type: string }>> {
    const lists = await Promise.all(
      this.members.map(async (m) => {
        const listed = await m.gateway.listDevices().catch(() => []);
        return listed.map((d) => ({ id: deviceKey(m.host.name, d.id, this.first.host.name), type: d.type }));
      }),
    );
    return lists.flat();
  }

  /** The host a device key belongs to (throws a typed error for an unknown host). */
  public hostOf(key: string): {
    readonly gateway: AdbGateway;
    readonly serial: string;
    readonly name: string;
  } {
    const { host, serial } = splitDeviceKey(key);
    const member = host === null ? this.first : this.members.find((m) => m.host.name === host);
    if (!member) {
      throw new LabError('DEVICE_NOT_FOUND', `No lab host is named "${host}" (phone ${key}).`, {
        hint: `Known hosts: ${this.hostNames.join(', ')}. Add it with --adb-host or in the hosts list.`,
        zh: {
          message: `没有名为“${host}”的实验室主机（手机 ${key}）。`,
          hint: `已知主机：${this.hostNames.join('、')}。请用 --adb-host 或在主机列表中添加它。`,
        },
      });
    }
    return { gateway: member.gateway, serial, name: member.host.name };
  }

  /** The phone's transport on its own host; its `serial` is the device key. */
  public device(key: string): AdbDeviceIo {
    const { gateway, serial } = this.hostOf(key);
    return gateway.device(serial, key);
  }

  /** The primary must answer; the other hosts get the same time to connect but never fail the wait. */
  public async waitUntilConnected(timeoutMs: number): Promise<void> {
    const others = this.waitUntilSettled(timeoutMs);
    await this.first.tracker.waitUntilConnected(timeoutMs);
    await others;
  }

  /**
   * Resolves once every host has connected or failed once (its error known), or after `timeoutMs`:
   * a dead host costs one refused connection, not the whole timeout.
   */
  public waitUntilSettled(timeoutMs: number): Promise<void> {
    const settled = (s: AdbStatus): boolean => s.state === 'connected' || s.error !== null;
    return Promise.all(
      this.members.map(
        (m) =>
          new Promise<void>((resolve) => {
            if (settled(m.tracker.status())) return resolve();
            const timer = setTimeout(done, timeoutMs);
            function done(): void {
              clearTimeout(timer);
              m.tracker.off('status', onStatus);
              resolve();
            }
            const onStatus = (s: AdbStatus): void => {
              if (settled(s)) done();
            };
            m.tracker.on('status', onStatus);
          }),
      ),
    ).then(() => undefined);
  }

  /** Stops the servers PushLab started itself (only ever the primary's). */
  public async stopOwnedServers(): Promise<void> {
    await Promise.all(this.members.map((m) => m.gateway.stopOwnedServer()));
  }

  private get first(): Member {
    return this.members[0] as Member;
  }

  /** A host's own gateway and tracker, followed (not started). Only the primary may start a server. */
  private join(host: LabHost, primary: boolean): Member {
    const config: AdbConfig = {
      host: host.address,
      port: host.port,
      bin: this.base.bin,
      // Another host's server is that computer's to run.
      startServer: primary && this.base.startServer,
    };
    const gateway = new AdbGateway(config, this.logger.child(`adb:${host.name}`));
    const tracker = new DeviceTracker(gateway, this.clock, this.logger.child(`tracker:${host.name}`));
    const member: Member = { host, gateway, tracker, known: new Set<string>(), atOutage: new Set<string>() };
    this.follow(member);
    return member;
  }

  private follow(member: Member): void {
    member.tracker.on('devices', (list) => {
      // Remember network phones only while the host is up: an outage empties the list.
      if (member.tracker.status().state === 'connected')
        member.known = new Set(list.map((d) => d.serial).filter((s) => NETWORK_SERIAL.test(s)));
      this.emit('devices', this.list());
    });
    let wasConnected = false;
    member.tracker.on('status', (status) => {
      const connected = status.state === 'connected';
      if (wasConnected && !connected) member.atOutage = new Set(member.known);
      wasConnected = connected;
      if (member === this.first) this.emit('status', member.tracker.status());
      this.emit('hosts', this.hosts());
    });
    member.tracker.on('recovered', () => {
      // The primary's Wi-Fi phones are reconnected by the registry's adb source, as with one server.
      if (member === this.first) this.emit('recovered');
      else void this.reconnectNetworkPhones(member);
    });
  }

  /** A restarted adb server forgets `adb connect` phones: ask that host's server to connect them again. */
  private async reconnectNetworkPhones(member: Member): Promise<void> {
    await new Promise((r) => setTimeout(r, 200));
    const listed = new Set(member.tracker.list().map((d) => d.serial));
    const missing = [...member.atOutage].filter((serial) => !listed.has(serial));
    await Promise.all(
      missing.map(async (serial) => {
        const match = NETWORK_SERIAL.exec(serial);
        if (!match?.[1] || !match[2]) return;
        await member.gateway.connect(match[1], Number(match[2])).catch(() => undefined);
      }),
    );
  }
}
