/** `dumpsys deviceidle get deep`: DeviceIdleController.stateToString of the deep state. */
import type { AdbDeviceIo } from '../../../adb/device-io';

export const DEEP_IDLE_STATES = [
  'ACTIVE',
  'INACTIVE',
  'IDLE_PENDING',
  'SENSING',
  'LOCATING',
  'IDLE',
  'IDLE_MAINTENANCE',
  'QUICK_DOZE_DELAY',
] as const;
export type DeepIdleState = (typeof DEEP_IDLE_STATES)[number];

/** The deep Doze state, or null when the answer is not one of the known states (no Doze, old ROM). */
export async function readDeepIdle(io: AdbDeviceIo): Promise<{ state: DeepIdleState | null; raw: string }> {
  const raw = (await io.shell('dumpsys deviceidle get deep', { timeoutMs: 15_000 })).trim();
  const state = (DEEP_IDLE_STATES as readonly string[]).includes(raw) ? (raw as DeepIdleState) : null;
  return { state, raw };
}
