/** One tap at screen pixels: `input tap X Y` with both values checked to be plain integers. */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { findRefusal } from '../../../adb/refusal';

/** Larger than any phone screen; a bigger value means the bounds were not a screen's. */
const MAX_COORDINATE = 20_000;

export function assertScreenPoint(x: number, y: number): void {
  for (const v of [x, y]) {
    if (!Number.isSafeInteger(v) || v < 0 || v > MAX_COORDINATE) {
      throw new LabError(
        'INVALID_ARGUMENT',
        `Refusing to tap at ${String(x).slice(0, 20)},${String(y).slice(0, 20)}: not a screen point.`,
        {
          zh: { message: `拒绝点按 ${String(x).slice(0, 20)},${String(y).slice(0, 20)}：这不是屏幕上的点。` },
        },
      );
    }
  }
}

export function tapCommand(x: number, y: number): string {
  assertScreenPoint(x, y);
  return shellCommand('input', 'tap', x, y);
}

export async function tapScreen(io: AdbDeviceIo, x: number, y: number): Promise<void> {
  const out = decodeDeviceText(await io.shell(tapCommand(x, y), { timeoutMs: 10_000 }));
  const refused = findRefusal(out);
  if (refused !== null) {
    throw new LabError('COMMAND_FAILED', `Phone ${io.serial} refused a tap.`, {
      hint: 'Some ROMs need "USB debugging (Security settings)" on before adb may inject input.',
      detail: refused,
      zh: {
        message: `手机 ${io.serial} 拒绝了点按。`,
        hint: '有些 ROM 需要先打开“USB 调试（安全设置）”，adb 才能模拟输入。',
      },
    });
  }
}
