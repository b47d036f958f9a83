/**
 * The phone's wall clock in epoch ms. `date +%s.%3N` (toybox, Android 7+) gives milliseconds; the
 * dot keeps seconds and fraction apart even when the phone's clock is far off (a reset phone in
 * 1970 prints few digits). Shells whose date has no %N print the format back ("%3N", "3N"), or
 * nothing useful: then `date +%s` is read and the precision is one second.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { trimDetail } from '../../../adb/refusal';

export interface PhoneClockReading {
  /** The phone's time, truncated to the precision (epoch ms). */
  readonly epochMs: number;
  /** 1 with milliseconds, 1000 when only whole seconds could be read. */
  readonly precisionMs: number;
}

export const PHONE_CLOCK_MS_COMMAND = 'date +%s.%3N';
export const PHONE_CLOCK_S_COMMAND = 'date +%s';

/** Parses either command's output; null when it holds no time. */
export function parsePhoneClock(output: string): PhoneClockReading | null {
  const text = output.trim();
  const ms = /^(\d{1,12})\.(\d+)$/.exec(text);
  if (ms) {
    // %N without width support prints nanoseconds: the first three digits are the milliseconds.
    const frac = (ms[2] as string).slice(0, 3).padEnd(3, '0');
    return { epochMs: Number(ms[1]) * 1000 + Number(frac), precisionMs: 1 };
  }
  const seconds = /^(\d{1,12})(?:\.\D.*)?$/.exec(text);
  if (seconds) return { epochMs: Number(seconds[1]) * 1000, precisionMs: 1000 };
  return null;
}

/** Which command reads this phone's clock best; learnt once per phone by `readPhoneClock`. */
export type PhoneClockCommand = typeof PHONE_CLOCK_MS_COMMAND | typeof PHONE_CLOCK_S_COMMAND;

/**
 * Reads the clock once. Pass the command a previous reading used to skip the probe; the answer says
 * which command worked so a caller sampling many times keeps to it.
 */
export async function readPhoneClock(
  io: AdbDeviceIo,
  command: PhoneClockCommand = PHONE_CLOCK_MS_COMMAND,
): Promise<PhoneClockReading & { readonly command: PhoneClockCommand }> {
  const first = decodeDeviceText(await io.shell(command, { timeoutMs: 5_000 }));
  const reading = parsePhoneClock(first);
  if (reading) return { ...reading, command };
  if (command === PHONE_CLOCK_MS_COMMAND) {
    const fallback = decodeDeviceText(await io.shell(PHONE_CLOCK_S_COMMAND, { timeoutMs: 5_000 }));
    const seconds = parsePhoneClock(fallback);
    if (seconds)
      return { ...seconds, precisionMs: Math.max(seconds.precisionMs, 1000), command: PHONE_CLOCK_S_COMMAND };
  }
  throw new LabError('COMMAND_FAILED', `Phone ${io.serial} did not tell its time.`, {
    hint: "Run `adb shell date +%s` by hand; without the phone's clock, latencies cannot be corrected for its offset.",
    detail: trimDetail(first),
    zh: {
      message: `手机 ${io.serial} 没有告知它的时间。`,
      hint: '请手动运行 `adb shell date +%s`；没有手机的时钟，就无法按它的时钟偏差校正延迟。',
    },
  });
}
