/** `simctl get_app_container <udid> <bundle id> [app|data]`: the host path, or null when not installed. */
import type { SimctlRunner } from '../simctl/runner';
import { SimctlError } from '../simctl/simctl-error';
import { assertBundleId, assertUdid } from './args';

export async function appContainer(
  runner: SimctlRunner,
  udid: string,
  bundleId: string,
  kind: 'app' | 'data' = 'app',
): Promise<string | null> {
  assertUdid(udid);
  assertBundleId(bundleId);
  try {
    const { stdout } = await runner.run('get_app_container', [udid, bundleId, kind], { timeoutMs: 20_000 });
    const path = stdout.toString('utf8').trim().split('\n')[0]?.trim() ?? '';
    return path === '' ? null : path;
  } catch (error) {
    // simctl says the container is missing with NSPOSIXErrorDomain code=2 (or "No such file").
    if (
      error instanceof SimctlError &&
      /code=2\b|No such file|not installed|Failed to get the (app|data) container/i.test(error.stderr)
    )
      return null;
    throw error;
  }
}
