/**
 * A scripted AdbDeviceIo for unit tests: answers shell commands from rules and records them.
 */
import type { AdbDeviceIo, PushOptions } from '../../electron/lab/adb/device-io';

export type ShellRule = [RegExp, string | ((command: string) => string | Promise<string>)];

export class FakeDeviceIo implements AdbDeviceIo {
  public readonly commands: string[] = [];
  public readonly pushes: Array<{ localPath: string; remotePath: string }> = [];
  public execResult: Buffer = Buffer.alloc(0);
  public pushBehaviour: (options: PushOptions) => Promise<void> = async (options) => {
    options.onProgress?.(512);
    options.onProgress?.(1024);
  };

  public constructor(
    public readonly serial: string,
    private readonly rules: ShellRule[] = [],
  ) {}

  public async shell(command: string): Promise<string> {
    this.commands.push(command);
    for (const [pattern, answer] of this.rules) {
      if (pattern.test(command)) return typeof answer === 'string' ? answer : answer(command);
    }
    return '';
  }

  public async exec(command: string): Promise<Buffer> {
    this.commands.push(`exec:${command}`);
    return this.execResult;
  }

  public async push(localPath: string, remotePath: string, options: PushOptions): Promise<void> {
    this.pushes.push({ localPath, remotePath });
    await this.pushBehaviour(options);
  }
}
