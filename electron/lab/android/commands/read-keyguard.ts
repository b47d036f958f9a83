/** Whether the lock screen shows, and whether it is secure, from `dumpsys window`. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { parseKeyguard } from '../parsers/device-state';

export async function readKeyguard(io: AdbDeviceIo): Promise<ReturnType<typeof parseKeyguard>> {
  return parseKeyguard(await io.shell('dumpsys window', { timeoutMs: 20_000 }));
}
