/** `simctl boot`: booting a simulator that is already booted is not an error. */
import type { SimctlRunner } from '../simctl/runner';
import { SimctlError } from '../simctl/simctl-error';
import { assertUdid } from './args';

export async function bootSimulator(runner: SimctlRunner, udid: string): Promise<void> {
  assertUdid(udid);
  try {
    await runner.run('boot', [udid], { timeoutMs: 120_000 });
  } catch (error) {
    if (error instanceof SimctlError && /current state: Booted/i.test(error.stderr)) return;
    throw error;
  }
}
