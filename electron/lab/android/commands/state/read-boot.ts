/**
 * Boot facts: `getprop sys.boot_completed` ("1" once boot finished) and the kernel's per-boot UUID
 * (/proc/sys/kernel/random/boot_id), which tells a finished reboot from the boot before it.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';

export interface BootInfo {
  readonly completed: boolean;
  /** null when the file cannot be read. */
  readonly bootId: string | null;
}

export async function readBoot(io: AdbDeviceIo, timeoutMs = 10_000): Promise<BootInfo> {
  const completed = (await io.shell('getprop sys.boot_completed', { timeoutMs })).trim() === '1';
  const id = (await io.shell('cat /proc/sys/kernel/random/boot_id 2>/dev/null', { timeoutMs })).trim();
  return { completed, bootId: /^[0-9a-f-]{32,36}$/i.test(id) ? id : null };
}
