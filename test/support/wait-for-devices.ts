/** Waits until a tracker's device list satisfies `predicate` (lab-hosts tests), or fails naming what it saw. */
import type { DeviceTracking, TrackedDevice } from '../../electron/lab/adb/device-tracker';

export function waitForDevices(
  tracker: Pick<DeviceTracking, 'list' | 'on' | 'off'>,
  predicate: (list: readonly TrackedDevice[]) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  if (predicate(tracker.list())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      tracker.off('devices', check);
      reject(new Error(`timed out; listed: ${tracker.list().map((d) => `${d.serial} ${d.rawState}`)}`));
    }, timeoutMs);
    const check = (list: readonly TrackedDevice[]): void => {
      if (!predicate(list)) return;
      clearTimeout(timer);
      tracker.off('devices', check);
      resolve();
    };
    tracker.on('devices', check);
  });
}
