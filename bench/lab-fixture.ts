/**
 * Shared helpers for benchmarks: the same lab set-up the integration tests use (a private adb
 * server, a virtual lab, the real core), plus timing.
 */
import type { LocalLabCore } from '../electron/lab/compose';

export { openCoreLab as openBenchLab, type CoreLab as BenchLab } from '../test/support/core-lab';

/** Resolves when every serial has its identity read (or failed) in the core. */
export async function waitForIdentities(
  core: LocalLabCore,
  serials: readonly string[],
  timeoutMs = 30_000,
): Promise<void> {
  await Promise.all(serials.map((s) => core.services.registry.waitForIdentity(s, timeoutMs)));
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
