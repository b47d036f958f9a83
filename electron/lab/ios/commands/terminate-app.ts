/** `simctl terminate <udid> <bundle id>`: "found nothing to terminate" means it was not running. */
import type { SimctlRunner } from '../simctl/runner';
import { SimctlError } from '../simctl/simctl-error';
import { assertBundleId, assertUdid } from './args';

export async function terminateApp(
  runner: SimctlRunner,
  udid: string,
  bundleId: string,
): Promise<{ wasRunning: boolean }> {
  assertUdid(udid);
  assertBundleId(bundleId);
  try {
    await runner.run('terminate', [udid, bundleId], { timeoutMs: 30_000 });
    return { wasRunning: true };
  } catch (error) {
    if (error instanceof SimctlError && /found nothing to terminate/i.test(error.stderr))
      return { wasRunning: false };
    throw error;
  }
}
