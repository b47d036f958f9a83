/**
 * AdbDeviceIo over adbkit. Each call opens its own server connection (adbkit's model), so one
 * slow phone never holds up another; every call has a deadline and cleans its socket up.
 */
import type { Duplex } from 'node:stream';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Client, DeviceClient } from '@devicefarmer/adbkit';
import { LabError } from '../errors';
import { adbDeviceError } from './adb-errors';
import { withTimeout } from '../util/timeout';
import {
  DEFAULT_SHELL_TIMEOUT_MS,
  type AdbDeviceIo,
  type PushOptions,
  type ShellOptions,
  type ShellStreamOptions,
} from './device-io';

function readAll(stream: Duplex): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

interface RawConnection {
  write(data: Buffer): unknown;
  end(): unknown;
  parser: { readAscii(n: number): PromiseLike<string>; readError(): PromiseLike<never>; raw(): Duplex };
}

export class AdbkitDeviceIo implements AdbDeviceIo {
  private readonly device: DeviceClient;

  /** `serial` is the lab's name for the phone (host-prefixed on another lab host), `adbSerial` adb's. */
  public readonly serial: string;

  public constructor(client: Client, adbSerial: string, key: string = adbSerial) {
    this.serial = key;
    this.device = client.getDevice(adbSerial);
  }

  public async shell(command: string, options: ShellOptions = {}): Promise<string> {
    const bytes = await this.run(command, options, () => this.device.shell(command));
    return bytes.toString('utf8');
  }

  public exec(command: string, options: ShellOptions = {}): Promise<Buffer> {
    return this.run(command, options, async () => {
      const conn = (await this.device.transport()) as unknown as RawConnection;
      const request = `exec:${command}`;
      conn.write(Buffer.from(request.length.toString(16).padStart(4, '0') + request, 'utf8'));
      const reply = await conn.parser.readAscii(4);
      if (reply !== 'OKAY') {
        conn.end();
        throw new LabError('COMMAND_FAILED', `The phone refused "exec:${command.split(' ')[0]}".`, {
          zh: { message: `手机拒绝了 "exec:${command.split(' ')[0]}"。` },
        });
      }
      return conn.parser.raw();
    });
  }

  public async streamShell(command: string, options: ShellStreamOptions): Promise<void> {
    const name = command.split(' ')[0] ?? command;
    if (options.signal.aborted) return;
    const opening = Promise.resolve(this.device.shell(command));
    // Whatever happens below, a stream that opens late is closed, never left running.
    const discard = (): void =>
      void opening.then(
        (s) => s.destroy(),
        () => undefined,
      );
    const aborted = new Promise<null>((resolve) =>
      options.signal.addEventListener('abort', () => resolve(null), { once: true }),
    );
    const what = { en: `starting "${name}" on ${this.serial}`, zh: `在手机 ${this.serial} 上启动 "${name}"` };
    try {
      const stream = await withTimeout(
        Promise.race([opening, aborted]),
        options.openTimeoutMs ?? 10_000,
        what,
      );
      if (stream === null || options.signal.aborted) return discard();
      await new Promise<void>((resolve, reject) => {
        const decoder = new StringDecoder('utf8');
        const stop = (): void => {
          stream.destroy();
          resolve();
        };
        options.signal.addEventListener('abort', stop, { once: true });
        stream.on('data', (chunk: Buffer) => {
          const text = decoder.write(chunk);
          if (text !== '' && !options.signal.aborted) options.onData(text);
        });
        stream.on('end', stop);
        stream.on('close', stop);
        stream.on('error', (error: unknown) => (options.signal.aborted ? stop() : reject(error)));
      });
      stream.destroy();
    } catch (error) {
      discard();
      if (options.signal.aborted) return;
      throw adbDeviceError(error, this.serial, { en: `running "${name}"`, zh: `运行 "${name}" ` });
    }
  }

  public async push(localPath: string, remotePath: string, options: PushOptions): Promise<void> {
    const what = { en: 'copying the file to the phone', zh: '向手机复制文件' };
    let transfer: (NodeJS.EventEmitter & { cancel(): boolean }) | undefined;
    const work = (async () => {
      transfer = (await this.device.push(
        createReadStream(localPath),
        remotePath,
        options.mode ?? 0o644,
      )) as never;
      const t = transfer as NodeJS.EventEmitter & { cancel(): boolean };
      options.signal?.addEventListener('abort', () => t.cancel(), { once: true });
      await new Promise<void>((resolve, reject) => {
        t.on('progress', (stats: { bytesTransferred: number }) =>
          options.onProgress?.(stats.bytesTransferred),
        );
        t.on('end', () => resolve());
        t.on('error', (error: unknown) => reject(error));
      });
    })();
    try {
      await withTimeout(work, options.timeoutMs, what, () => transfer?.cancel());
    } catch (error) {
      throw adbDeviceError(error, this.serial, what);
    }
  }

  private async run(
    command: string,
    options: ShellOptions,
    open: () => PromiseLike<Duplex>,
  ): Promise<Buffer> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS;
    const name = command.split(' ')[0] ?? command;
    let stream: Duplex | undefined;
    const work = (async () => {
      stream = await open();
      return readAll(stream);
    })();
    try {
      return await withTimeout(
        work,
        timeoutMs,
        { en: `"${name}" on ${this.serial}`, zh: `手机 ${this.serial} 上的 "${name}"` },
        () => stream?.destroy(),
      );
    } catch (error) {
      throw adbDeviceError(error, this.serial, { en: `running "${name}"`, zh: `运行 "${name}" ` });
    }
  }
}
