/** `simctl uninstall <udid> <bundle id>`. */
import type { SimctlRunner } from '../simctl/runner';
import { assertBundleId, assertUdid } from './args';

export async function uninstallApp(runner: SimctlRunner, udid: string, bundleId: string): Promise<void> {
  assertUdid(udid);
  assertBundleId(bundleId);
  await runner.run('uninstall', [udid, bundleId], { timeoutMs: 60_000 });
}
