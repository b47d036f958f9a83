/**
 * The simulator's screen as evidence: the device command writes the PNG (simctl io … screenshot),
 * then its bytes are read back here and checked to be a PNG.
 */
import { readFile } from 'node:fs/promises';
import { LabError } from '../errors';
import { writeSimulatorScreenshot } from './commands/screenshot';
import type { SimctlRunner } from './simctl/runner';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Writes the PNG to `file` and returns its bytes (checked to be a PNG). */
export async function takeSimulatorScreenshot(
  runner: SimctlRunner,
  udid: string,
  file: string,
): Promise<Buffer> {
  await writeSimulatorScreenshot(runner, udid, file);
  const png = await readFile(file).catch(() => Buffer.alloc(0));
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new LabError('MALFORMED_OUTPUT', `Simulator ${udid} did not write a PNG screenshot.`, {
      hint: 'Make sure the simulator is booted and its window has been shown once.',
      zh: {
        message: `模拟器 ${udid} 没有写出 PNG 截图。`,
        hint: '请确认模拟器已启动，且它的窗口至少显示过一次。',
      },
    });
  }
  return png;
}
