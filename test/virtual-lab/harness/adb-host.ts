/**
 * A tiny client for the adb server's smart-socket protocol (hex4 length + request, then OKAY or
 * FAIL + hex4 message; AOSP adb/SERVICES.TXT), for harness chores: connect, disconnect, list and
 * track devices, without spawning an `adb` process per phone.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { ByteQueue } from '../adbd/byte-queue';

/** One row of `adb devices -l`. */
export interface HostDevice {
  readonly serial: string;
  /** adb's state word: device, unauthorized, offline, ... */
  readonly state: string;
  /** product, model, device, transport_id (from devices-l). */
  readonly attributes: Readonly<Record<string, string>>;
}

/** A live host:track-devices-l list. Note: adb 29.0.6 does not report every transition there. */
export interface DeviceTracker {
  /** The latest list (empty until the first report). */
  current(): readonly HostDevice[];
  /** Resolves with the list once `predicate` holds (checked on every report). */
  waitFor(
    predicate: (devices: readonly HostDevice[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly HostDevice[]>;
  close(): void;
}

/** Client for one adb server's host services. */
export interface AdbHostClient {
  readonly port: number;
  /** Sends one request, returns the payload of a length-prefixed reply (throws on FAIL). */
  request(service: string): Promise<string>;
  /** host:version as a number (41 for adb 29.0.6). */
  version(): Promise<number>;
  /** host:connect:h:p; resolves adb's message ("connected to ...", "failed to authenticate ..."). */
  connect(host: string, port: number): Promise<string>;
  /** host:disconnect:h:p; resolves adb's message. */
  disconnect(host: string, port: number): Promise<string>;
  /** host:devices-l parsed. */
  devices(): Promise<HostDevice[]>;
  /** host:track-devices-l: a live list. */
  track(): Promise<DeviceTracker>;
}

/** Parses `adb devices -l` lines: "<serial> <state> key:value ...". */
export function parseDevicesLong(text: string): HostDevice[] {
  const devices: HostDevice[] = [];
  for (const line of text.split('\n')) {
    // devices-l pads the serial to 22 columns; serials from adb connect have no spaces.
    const match = /^(\S+)\s+(\S+(?: permissions)?)(.*)$/.exec(line.trimEnd());
    if (match === null) continue;
    const attributes: Record<string, string> = {};
    for (const field of (match[3] ?? '').trim().split(/\s+/)) {
      const colon = field.indexOf(':');
      if (colon > 0) attributes[field.slice(0, colon)] = field.slice(colon + 1);
    }
    devices.push({ serial: match[1] as string, state: match[2] as string, attributes });
  }
  return devices;
}

class ReplyReader {
  private readonly queue = new ByteQueue();
  private ended: Error | null = null;
  private waiter: (() => void) | null = null;

  public constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      this.wake();
    });
    socket.on('error', (error) => this.finish(error));
    socket.on('close', () => this.finish(new Error('adb server closed the connection')));
  }

  public async read(n: number): Promise<Buffer> {
    while (this.queue.length < n) {
      if (this.ended !== null) throw this.ended;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
    return this.queue.take(n);
  }

  public async readHex4String(): Promise<string> {
    const length = Number.parseInt((await this.read(4)).toString('latin1'), 16);
    if (!Number.isFinite(length)) throw new Error('adb server sent a malformed length');
    return (await this.read(length)).toString('utf8');
  }

  private finish(error: Error): void {
    this.ended ??= error;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}

function encodeRequest(service: string): Buffer {
  const body = Buffer.from(service, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'latin1'), body]);
}

async function open(
  port: number,
  host: string,
  service: string,
): Promise<{ socket: Socket; reader: ReplyReader }> {
  const socket = tcpConnect({ host, port });
  const reader = new ReplyReader(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(encodeRequest(service));
  const status = (await reader.read(4)).toString('latin1');
  if (status === 'OKAY') return { socket, reader };
  const message =
    status === 'FAIL' ? await reader.readHex4String().catch(() => '') : `unexpected reply ${status}`;
  socket.destroy();
  throw new Error(`adb server refused ${service}: ${message}`);
}

/** A client for the adb server on host:port (default 127.0.0.1). */
export function adbHost(port: number, host = '127.0.0.1'): AdbHostClient {
  const request = async (service: string): Promise<string> => {
    const { socket, reader } = await open(port, host, service);
    try {
      return await reader.readHex4String();
    } finally {
      socket.destroy();
    }
  };
  return {
    port,
    request,
    version: async () => Number.parseInt(await request('host:version'), 16),
    connect: (h, p) => request(`host:connect:${h}:${p}`),
    disconnect: (h, p) => request(`host:disconnect:${h}:${p}`),
    devices: async () => parseDevicesLong(await request('host:devices-l')),
    track: async () => {
      const { socket, reader } = await open(port, host, 'host:track-devices-l');
      return startTracker(socket, reader);
    },
  };
}

function startTracker(socket: Socket, reader: ReplyReader): DeviceTracker {
  let latest: readonly HostDevice[] = [];
  let reported = false;
  let closed = false;
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  void (async () => {
    try {
      for (;;) {
        latest = parseDevicesLong(await reader.readHex4String());
        reported = true;
        notify();
      }
    } catch {
      closed = true;
      notify();
    }
  })();
  return {
    current: () => latest,
    waitFor: (predicate, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (reported && predicate(latest)) {
            done();
            resolve(latest);
          } else if (closed) {
            done();
            reject(new Error('device tracker closed'));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for adb's device list`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => {
      closed = true;
      socket.destroy();
    },
  };
}
