/** Sends one key event. Only a fixed set of key codes is allowed through. */
import type { AdbDeviceIo } from '../../adb/device-io';

export const KEY = {
  HOME: 3,
  BACK: 4,
  POWER: 26,
  MENU: 82,
  APP_SWITCH: 187,
  SLEEP: 223,
  WAKEUP: 224,
} as const;
export type KeyName = keyof typeof KEY;

export async function pressKey(io: AdbDeviceIo, key: KeyName): Promise<void> {
  await io.shell(`input keyevent ${KEY[key]}`, { timeoutMs: 10_000 });
}
