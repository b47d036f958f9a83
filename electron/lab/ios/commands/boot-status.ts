/**
 * `simctl bootstatus <udid> -b`: waits until the simulator has finished booting (SpringBoard and
 * its services up), booting it first if needed. `simctl boot` returns as soon as booting starts.
 */
import type { SimctlRunner } from '../simctl/runner';
import { assertUdid } from './args';

export async function waitUntilBooted(
  runner: SimctlRunner,
  udid: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  assertUdid(udid);
  await runner.run('bootstatus', [udid, '-b'], {
    timeoutMs: options.timeoutMs ?? 180_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
