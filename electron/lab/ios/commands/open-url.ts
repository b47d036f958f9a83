/** `simctl openurl <udid> <url>`: a deep link into the app (the plan's login/logout actions on iOS). */
import type { SimctlRunner } from '../simctl/runner';
import { assertUdid, assertUrl } from './args';

export async function openUrl(
  runner: SimctlRunner,
  udid: string,
  url: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  assertUdid(udid);
  assertUrl(url);
  await runner.run('openurl', [udid, url], {
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
