/** Screen off (SLEEP) and on (WAKEUP): explicit keys, never the POWER toggle, so repeats are safe. */
import type { AdbDeviceIo } from '../../adb/device-io';
import { pressKey } from './key-event';

export async function screenOff(io: AdbDeviceIo): Promise<void> {
  await pressKey(io, 'SLEEP');
}

export async function screenOn(io: AdbDeviceIo): Promise<void> {
  await pressKey(io, 'WAKEUP');
}
