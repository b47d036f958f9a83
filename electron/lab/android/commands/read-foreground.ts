/** Which activity is on top (resumed), from `dumpsys activity activities`. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { parseForegroundActivity } from '../parsers/device-state';

export async function readForeground(io: AdbDeviceIo): Promise<{ package: string; activity: string } | null> {
  return parseForegroundActivity(await io.shell('dumpsys activity activities', { timeoutMs: 20_000 }));
}
