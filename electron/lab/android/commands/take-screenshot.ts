/** `screencap -p` over exec: (binary-safe, no PTY newline mangling). */
import type { AdbDeviceIo } from '../../adb/device-io';
import { LabError } from '../../errors';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function takeScreenshot(io: AdbDeviceIo): Promise<Buffer> {
  const png = await io.exec('screencap -p', { timeoutMs: 20_000 });
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new LabError('MALFORMED_OUTPUT', `Phone ${io.serial} did not return a PNG screenshot.`, {
      hint: 'Unlock the phone; some phones return nothing while the screen is off or a secure window shows.',
      detail: png.subarray(0, 200).toString('utf8'),
      zh: {
        message: `手机 ${io.serial} 没有返回 PNG 截图。`,
        hint: '请解锁手机；有些手机在熄屏或显示安全窗口时不返回任何内容。',
      },
    });
  }
  return png;
}
