/**
 * Waiting for a rebooted phone: poll through the same io (adb finds the phone again under its
 * serial) until boot completed under a new boot id. Without a readable boot id, having seen the
 * phone drop off adb stands in for it, so an old boot is never taken for the new one.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { readBoot } from '../commands/state/read-boot';
import type { StateContext } from './types';

export const DEFAULT_REBOOT_TIMEOUT_MS = 180_000;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

export type RebootWait =
  { readonly back: true; readonly afterMs: number } | { readonly back: false; readonly reason: string };

const realWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForReboot(
  io: AdbDeviceIo,
  bootIdBefore: string | null,
  ctx: StateContext,
): Promise<RebootWait> {
  const timeoutMs = ctx.rebootTimeoutMs ?? DEFAULT_REBOOT_TIMEOUT_MS;
  const pollMs = ctx.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const wait = ctx.wait ?? realWait;
  const start = ctx.clock.now();
  let sawGone = false;
  let sameBoot = false;
  while (ctx.clock.now() - start < timeoutMs) {
    await wait(pollMs);
    let boot;
    try {
      boot = await readBoot(io, Math.min(5_000, timeoutMs));
    } catch {
      sawGone = true; // rebooting: adb does not list it, or the transport closed
      continue;
    }
    const newBoot = bootIdBefore !== null && boot.bootId !== null ? boot.bootId !== bootIdBefore : sawGone;
    sameBoot = !newBoot;
    if (boot.completed && newBoot) return { back: true, afterMs: ctx.clock.now() - start };
  }
  const seconds = Math.round(timeoutMs / 1000);
  if (!sawGone && sameBoot) {
    return {
      back: false,
      reason:
        `Phone ${io.serial} did not restart within ${seconds} s of the reboot request (same ` +
        `boot id): the ROM may refuse \`adb shell reboot\`; reboot it by hand.`,
    };
  }
  return {
    back: false,
    reason:
      `Phone ${io.serial} did not come back on adb within ${seconds} s of rebooting. ` +
      `Check the cable, unlock it and accept the USB debugging prompt if it shows, then ` +
      `retry.`,
  };
}
