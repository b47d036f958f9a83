/** Wraps an AdbDeviceIo so every command it runs is kept as a step of the report. */
import type { AdbDeviceIo, PushOptions, ShellOptions } from '../../adb/device-io';

export function recordingIo(io: AdbDeviceIo, steps: string[]): AdbDeviceIo {
  return {
    serial: io.serial,
    shell(command: string, options?: ShellOptions): Promise<string> {
      steps.push(command);
      return io.shell(command, options);
    },
    exec(command: string, options?: ShellOptions): Promise<Buffer> {
      steps.push(`exec:${command}`);
      return io.exec(command, options);
    },
    push(localPath: string, remotePath: string, options: PushOptions): Promise<void> {
      steps.push(`push ${remotePath}`);
      return io.push(localPath, remotePath, options);
    },
  };
}
