/**
 * `dumpsys battery unplug`: BatteryService stops updates and reports no charger, so Doze can start
 * while the phone stays on USB for adb. Undone by `dumpsys battery reset` (battery-reset.ts).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';

export async function unplugBattery(io: AdbDeviceIo): Promise<void> {
  await io.shell('dumpsys battery unplug', { timeoutMs: 15_000 });
}
