/** `simctl io <udid> screenshot --type=png <file>`: simctl writes the simulator's screen to `file`. */
import type { SimctlRunner } from '../simctl/runner';
import { assertHostPath, assertUdid } from './args';

/** simctl writes the file; ios/simulator-screenshot.ts reads it back and checks it is a PNG. */
export async function writeSimulatorScreenshot(
  runner: SimctlRunner,
  udid: string,
  file: string,
): Promise<void> {
  assertUdid(udid);
  assertHostPath(file, 'The screenshot file', '截图文件');
  await runner.run('io', [udid, 'screenshot', '--type=png', file], { timeoutMs: 30_000 });
}
