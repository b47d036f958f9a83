/**
 * `reboot`: the phone drops off adb at once, so the shell call may end with an error; that is the
 * expected outcome, not a failure (the caller proves the reboot by the boot id afterwards).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';

/** Asks the phone to reboot; returns the error text when the connection broke (usual). */
export async function requestReboot(io: AdbDeviceIo): Promise<string | null> {
  try {
    await io.shell('reboot', { timeoutMs: 10_000 });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
