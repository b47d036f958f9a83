/** Screen/power state from `dumpsys power` (mWakefulness). */
import type { AdbDeviceIo } from '../../adb/device-io';
import { parseWakefulness } from '../parsers/device-state';

export async function readWakefulness(io: AdbDeviceIo): Promise<ReturnType<typeof parseWakefulness>> {
  return parseWakefulness(await io.shell('dumpsys power'));
}
