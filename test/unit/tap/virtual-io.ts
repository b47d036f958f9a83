/**
 * An AdbDeviceIo straight onto a virtual phone's shell (no adb server): unit tests drive the real
 * commands and parsers against the virtual phone's behaviour. `shell` merges stdout and stderr as
 * adb's shell: service does; `commands` records what was sent.
 */
import type { AdbDeviceIo, PushOptions } from '../../../electron/lab/adb/device-io';
import type { VirtualAndroid } from '../../virtual-lab/android/index';

export class VirtualDeviceIo implements AdbDeviceIo {
  public readonly commands: string[] = [];

  public constructor(
    public readonly serial: string,
    private readonly phone: VirtualAndroid,
  ) {}

  public async shell(command: string): Promise<string> {
    this.commands.push(command);
    const r = await this.phone.run(command);
    return Buffer.concat([r.stdout, r.stderr]).toString('utf8');
  }

  public async exec(command: string): Promise<Buffer> {
    this.commands.push(`exec:${command}`);
    return (await this.phone.run(command)).stdout;
  }

  public async push(_localPath: string, _remotePath: string, _options: PushOptions): Promise<void> {
    throw new Error('push is not used here');
  }
}
