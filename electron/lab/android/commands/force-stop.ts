/**
 * `am force-stop`: kills the app AND puts it in the stopped state, in which FCM and most vendor
 * channels deliver nothing until the user launches it again.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName, shellCommand } from '../../adb/quote';

export async function forceStop(io: AdbDeviceIo, packageName: string): Promise<void> {
  assertPackageName(packageName);
  await io.shell(shellCommand('am', 'force-stop', packageName));
}
