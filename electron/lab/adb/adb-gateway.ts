/**
 * The one place that knows how to reach the adb server: builds the adbkit client, starts a local
 * server when none answers (if allowed), and hands out per-phone transports.
 */
import { execFile } from 'node:child_process';
import * as adbkit from '@devicefarmer/adbkit';
import type { Client, ClientOptions } from '@devicefarmer/adbkit';
import type { AdbConfig } from '../compose-types';
import { LabError } from '../errors';
import type { Logger } from '../util/logger';
import { adbServerError } from './adb-errors';
import { AdbkitDeviceIo } from './adbkit-device-io';
import type { AdbDeviceIo } from './device-io';
import { withTimeout } from './timeout';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** adbkit starts a server by itself on ECONNREFUSED; we decide that here instead. */
const NO_AUTO_START_BIN = '/nonexistent/pushlab-adb-autostart-disabled';

/**
 * adbkit is CommonJS; depending on the loader (Node ESM, Vite, tsx) its entry point shows up as
 * the namespace itself or under `default`. Find `createClient` wherever it is.
 */
function createAdbClient(options: ClientOptions): Client {
  type AdbStatic = { createClient(o: ClientOptions): Client };
  const ns = adbkit as unknown as { Adb?: AdbStatic; default?: AdbStatic & { Adb?: AdbStatic; default?: AdbStatic } };
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
      if (!this.canStartServer || (error instanceof LabError && error.code !== 'ADB_UNREACHABLE')) throw error;
      await this.startServer();
      return this.version();
    }
  }

  public async version(): Promise<number> {
    try {
      return await withTimeout(this.client.version(), 5_000, `The adb server at ${this.where}`);
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  public async track(): Promise<AdbTracker> {
    try {
      return (await withTimeout(this.client.trackDevices(), 5_000, 'Device tracking')) as unknown as AdbTracker;
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  /** One-shot `host:devices` (id and raw state word). */
  public async listDevices(): Promise<Array<{ id: string; type: string }>> {
    try {
      return await withTimeout(this.client.listDevices(), 5_000, 'Listing phones');
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  public device(serial: string): AdbDeviceIo {
    let io = this.ios.get(serial);
    if (!io) {
      io = new AdbkitDeviceIo(this.client, serial);
      this.ios.set(serial, io);
    }
    return io;
  }

  /** `adb connect host:port` for network phones (and virtual ones). Returns adb's own answer. */
  public async connect(host: string, port: number): Promise<string> {
    try {
      return await withTimeout(this.client.connect(host, port), 15_000, `adb connect ${host}:${port}`);
    } catch (error) {
      throw adbServerError(error, this.config.host, this.config.port);
    }
  }

  private get where(): string {
    return `${this.config.host}:${this.config.port}`;
  }

  private startServer(): Promise<void> {
    const { bin, port } = this.config;
    this.logger.info('starting adb server', { bin, port });
    return new Promise((resolve, reject) => {
      execFile(bin, ['-P', String(port), 'start-server'], { timeout: 20_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new LabError(missing ? 'ADB_NOT_FOUND' : 'ADB_SERVER_START_FAILED', missing
            ? `The adb program "${bin}" was not found.`
            : `Could not start an adb server on port ${port}.`, {
            hint: missing
              ? 'Install Android platform-tools (Debian/Ubuntu: apt install adb; macOS: brew install android-platform-tools) or set PUSHLAB_ADB_BIN.'
              : 'Another program may hold the port; try `adb kill-server` or choose another port with --adb-port.',
            detail: String(stderr || error.message).slice(0, 2000),
          }),
        );
      });
    });
  }
}
