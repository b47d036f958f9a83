/**
 * A picture of the notification shade as the user would see it: pull the shade down, let it
 * settle, take a screenshot, and close the shade again whatever happened (a shade left open
 * blocks the next test's taps and hides the app's own screen).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { collapseShade } from '../../commands/capture/collapse-shade';
import { expandShade } from '../../commands/capture/expand-shade';
import { takeScreenshot } from '../../commands/take-screenshot';
import type { EvidenceStore, SavedEvidence } from '../../../evidence/evidence-store';

/** The shade animates in for ~250–400 ms on real phones. */
export const DEFAULT_SHADE_SETTLE_MS = 600;

export interface ShadeScreenshotOptions {
  readonly settleMs?: number;
}

export const wait = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();

/** Runs `body` with the shade open; closes it afterwards even when `body` throws. */
export async function withShadeOpen<T>(
  io: AdbDeviceIo,
  settleMs: number,
  body: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    await expandShade(io);
    await wait(settleMs);
    result = await body();
  } catch (error) {
    await collapseShade(io).catch(() => undefined); // the first error is the one worth reporting
    throw error;
  }
  await collapseShade(io);
  return result;
}

export async function captureShadeScreenshot(
  io: AdbDeviceIo,
  store: EvidenceStore,
  serial: string,
  options: ShadeScreenshotOptions = {},
): Promise<SavedEvidence> {
  const png = await withShadeOpen(io, options.settleMs ?? DEFAULT_SHADE_SETTLE_MS, () => takeScreenshot(io));
  return store.save('screenshot', serial, 'png', png);
}
