/** Puts the foreground app in the background the way a user does: the HOME key. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { pressKey } from './key-event';

export async function sendToBackground(io: AdbDeviceIo): Promise<void> {
  await pressKey(io, 'HOME');
}
