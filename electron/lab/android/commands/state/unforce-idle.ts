/** `dumpsys deviceidle unforce`: ends a forced Doze ("Light state: X, deep state: Y"). */
import type { AdbDeviceIo } from '../../../adb/device-io';

/** Ends a forced Doze; returns the phone's words. */
export async function unforceIdle(io: AdbDeviceIo): Promise<string> {
  return (await io.shell('dumpsys deviceidle unforce', { timeoutMs: 15_000 })).trim();
}
