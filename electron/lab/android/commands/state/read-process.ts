/**
 * Whether the app's main process runs: `pidof <pkg>` (toybox, Android 6+), else the old toolbox
 * `ps` listing (every process, name in the last column).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';

export interface ProcessState {
  /** null when neither pidof nor ps gave a readable answer. */
  readonly running: boolean | null;
  readonly pids: readonly number[];
  readonly raw: string;
}

/** The app's main process, by exact name (":remote" processes are not the app's main process). */
export async function readProcess(io: AdbDeviceIo, packageName: string): Promise<ProcessState> {
  assertPackageName(packageName);
  const raw = (await io.shell(shellCommand('pidof', packageName), { timeoutMs: 10_000 })).trim();
  if (raw === '') return { running: false, pids: [], raw };
  if (/^\d+(\s+\d+)*$/.test(raw)) return { running: true, pids: raw.split(/\s+/).map(Number), raw };
  const ps = await io.shell('ps', { timeoutMs: 10_000 });
  const lines = ps.split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  if (!lines.some((cols) => cols[0] === 'USER'))
    return { running: null, pids: [], raw: `${raw}\n${ps.slice(0, 300)}` };
  const pids = lines.filter((cols) => cols[cols.length - 1] === packageName).map((cols) => Number(cols[1]));
  return { running: pids.length > 0, pids, raw: ps.slice(0, 300) };
}
