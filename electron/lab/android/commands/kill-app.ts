/** `am kill`: kills the app's process if it is in the background; no stopped state. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName, shellCommand } from '../../adb/quote';

export async function killApp(io: AdbDeviceIo, packageName: string): Promise<void> {
  assertPackageName(packageName);
  await io.shell(shellCommand('am', 'kill', packageName));
}
