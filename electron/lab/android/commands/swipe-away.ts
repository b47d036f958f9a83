/**
 * The adb equivalent of swiping an app away from Recents on stock Android: leave it (HOME), then
 * kill its process without setting the stopped state. ROMs that force-stop on swipe (several
 * OPPO/Xiaomi/Huawei builds) are a vendor behaviour the scenarios model separately; a literal
 * swipe needs UI automation.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { killApp } from './kill-app';
import { sendToBackground } from './send-to-background';

export async function swipeAway(io: AdbDeviceIo, packageName: string): Promise<void> {
  await sendToBackground(io);
  await killApp(io, packageName);
}
