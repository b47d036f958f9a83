/**
 * The one place that knows how to reach the adb server: builds the adbkit client, starts a local
 * server when none answers (if allowed), and hands out per-phone transports.
 */
import * as adbkit from '@devicefarmer/adbkit';
import type { Client, ClientOptions } from '@devicefarmer/adbkit';
import type { AdbConfig } from './adb-config';
import { splitDeviceKey } from '../../../shared/domain/lab-host';
import { LabError } from '../errors';
import type { Logger } from '../util/logger';
import { adbServerError } from './adb-errors';
import { runAdb, startAdbServer } from './adb-server';
import { AdbkitDeviceIo } from './adbkit-device-io';
import type { AdbDeviceIo } from './device-io';
import { withTimeout } from '../util/timeout';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** adbkit starts a server by itself on ECONNREFUSED; we decide that here instead. */
const NO_AUTO_START_BIN = '/nonexistent/pushlab-adb-autostart-disabled';
/** The `adb start-server` in progress per port; resolves to whether it started a new server. */
const STARTS_IN_FLIGHT = new Map<string, Promise<boolean>>();

/**
 * adbkit is CommonJS; depending on the loader (Node ESM, Vite, tsx) its entry point shows up as
 * the namespace itself or under `default`. Find `createClient` wherever it is.
 */
function createAdbClient(options: ClientOptions): Client {
  type AdbStatic = { createClient(o: ClientOptions): Client };
  const ns = adbkit as unknown as {
    Adb?: AdbStatic;
    default?: AdbStatic & { Adb?: AdbStatic; default?: AdbStatic };
  };
  const adb = ns.Adb ?? ns.default?.Adb ?? ns.default?.default ?? ns.default;
  if (!adb || typeof adb.createClient !== 'function') throw new Error('Could not load @devicefarmer/adbkit');
  return adb.createClient(options);
}

export interface AdbTracker extends NodeJS.EventEmitter {
  end(): unknown;
}

export class AdbGateway {
  private currentConfig: AdbConfig;
  private currentClient: Client;
  private readonly ios = new Map<string, AdbDeviceIo>();
  private owned = false;
  /** Other lab hosts' gateways by name (LabHosts), for phones keyed `<host>/<serial>`. */
  private hostRoute: ((name: string) => AdbGateway | undefined) | null = null;

  public constructor(
    config: AdbConfig,
    private readonly logger: Logger,
  ) {
    this.currentConfig = config;
    this.currentClient = createAdbClient({ host: config.host, port: config.port, bin: NO_AUTO_START_BIN });
  }

  public get config(): AdbConfig {
    return this.currentConfig;
  }

  public get client(): Client {
    return this.currentClient;
  }

  /**
   * Talks to another adb server from now on (the virtual lab's private one while it runs). Phone
   * transports of the old server are dropped; the tracker reconnects through `DeviceTracker.retarget`.
   */
  public retarget(config: AdbConfig): void {
    this.logger.info('switching adb server', { from: this.where, to: `${config.host}:${config.port}` });
    this.currentConfig = config;
    this.currentClient = createAdbClient({ host: config.host, port: config.port, bin: NO_AUTO_START_BIN });
    this.ios.clear();
  }

  public get canStartServer(): boolean {
    return this.config.startServer && LOOPBACK.has(this.config.host);
  }

  /** The server's protocol version; starts a local server first when allowed and needed. */
  public async ensureServer(): Promise<number> {
    try {
      return await this.version();
    } catch (error) {
      if (!this.canStartServer || (error instanceof LabError && error.code !== 'ADB_UNREACHABLE'))
        throw error;
      await this.startServerOnce();
      return this.version();
    }
  }

  /** True while this gateway holds a server it started itself (stop it with stopOwnedServer). */
  public get ownsServer(): boolean {
    return this.owned;
  }

  /**
   * `adb kill-server`, only for a server this gateway started: a server the user (or another
   * program) runs is never stopped. Returns whether a server was stopped.
   */
  public async stopOwnedServer(): Promise<boolean> {
    if (!this.owned) return false;
    this.owned = false;
    const { bin, port } = this.config;
    this.logger.info('stopping the adb server PushLab started', { port });
    const result = await runAdb(bin, ['-P', String(port), 'kill-server'], 10_000);
    if (result.error) this.logger.warn('adb kill-server failed', { error: result.error.message });
    return result.error === null;
  }

  /**
   * Single flight: the tracker, the CLI and the doctor may all find the server missing at the
   * same moment; two `adb start-server` racing for one port make one of them fail. Everyone
   * waits for the one start in progress for that port (in this process), whoever asked first.
   */
  private async startServerOnce(): Promise<void> {
    const key = String(this.config.port);
    let pending = STARTS_IN_FLIGHT.get(key);
    if (!pending) {
      // Registered before the first await, so a second caller can never slip in beside it.
      pending = this.startUnlessAnswering().finally(() => STARTS_IN_FLIGHT.delete(key));
      STARTS_IN_FLIGHT.set(key, pending);
      if (await pending) this.owned = true;
      return;
    }
    await pending;
  }

  /** Another caller's start may have finished since our own version() failed: ask once more. */
  private async startUnlessAnswering(): Promise<boolean> {
    const answering = (): Promise<boolean> =>
      this.version().then(
        () => true,
        () => false,
      );
    if (await answering()) return false;
    try {
      return await startAdbServer(this.config, this.logger);
    } catch (error) {
      // Another process (a second `pushlab` in the same CI job) won the race for the port: its
      // server is as good as ours, and not ours to stop.
      if (await answering()) return false;
      throw error;
    }
  }

  public async version(): Promise<number> {
    try {
      return await withTimeout(this.client.version(), 5_000, {
        en: `The adb server at ${this.where}`,
        zh: `${this.where} 上的 adb 服务`,
      });
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  public async track(): Promise<AdbTracker> {
    try {
      return (await withTimeout(this.client.trackDevices(), 5_000, {
        en: 'Device tracking',
        zh: '设备跟踪',
      })) as unknown as AdbTracker;
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  /** One-shot `host:devices` (id and raw state word). */
  public async listDevices(): Promise<Array<{ id: string; type: string }>> {
    try {
      return await withTimeout(this.client.listDevices(), 5_000, { en: 'Listing phones', zh: '列出手机' });
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  /** A phone's transport; `key` is how the lab names it (`<host>/<serial>` on another lab host). */
  public device(serial: string, key: string = serial): AdbDeviceIo {
    const onHost = this.hostRoute ? splitDeviceKey(serial) : null;
    if (onHost?.host) {
      const other = this.hostRoute?.(onHost.host);
      if (other && other !== this) return other.device(onHost.serial, serial);
    }
    let io = this.ios.get(serial);
    if (!io) {
      io = new AdbkitDeviceIo(this.client, serial, key);
      this.ios.set(serial, io);
    }
    return io;
  }

  /** Lets `device()` reach phones of other lab hosts through their own gateways. */
  public routeHosts(route: (name: string) => AdbGateway | undefined): void {
    this.hostRoute = route;
  }

  /** `adb connect host:port` for network phones (and virtual ones). Returns adb's own answer. */
  public async connect(host: string, port: number): Promise<string> {
    try {
      return await withTimeout(this.client.connect(host, port), 15_000, {
        en: `adb connect ${host}:${port}`,
        zh: `adb connect ${host}:${port}`,
      });
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  private get where(): string {
    return `${this.config.host}:${this.config.port}`;
  }
}
