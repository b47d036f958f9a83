/** `dumpsys battery reset`: BatteryService reports the real charger again. */
import type { AdbDeviceIo } from '../../../adb/device-io';

export async function resetBattery(io: AdbDeviceIo): Promise<void> {
  await io.shell('dumpsys battery reset', { timeoutMs: 15_000 });
}
