/**
 * `dumpsys deviceidle force-idle deep` (Android 6+): DeviceIdleController walks straight to deep
 * IDLE whatever the screen and charger say, and stays there until `unforce`.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';

/** Forces deep Doze; returns the phone's words ("Now forced in to deep idle mode" on success). */
export async function forceDeepIdle(io: AdbDeviceIo): Promise<string> {
  return (await io.shell('dumpsys deviceidle force-idle deep', { timeoutMs: 15_000 })).trim();
}
