/** `simctl shutdown`: shutting down a simulator that is already shut down is not an error. */
import type { SimctlRunner } from '../simctl/runner';
import { SimctlError } from '../simctl/simctl-error';
import { assertUdid } from './args';

export async function shutdownSimulator(runner: SimctlRunner, udid: string): Promise<void> {
  assertUdid(udid);
  try {
    await runner.run('shutdown', [udid], { timeoutMs: 60_000 });
  } catch (error) {
    if (error instanceof SimctlError && /current state: Shutdown/i.test(error.stderr)) return;
    throw error;
  }
}
