/** `simctl list -j devices` (polled) and the full `simctl list -j` (runtimes and device types too). */
import { parseSimctlList, type SimctlList } from '../parsers/simctl-list';
import type { SimctlRunner } from '../simctl/runner';

export async function listSimulators(
  runner: SimctlRunner,
  options: { signal?: AbortSignal } = {},
): Promise<SimctlList> {
  const { stdout } = await runner.run('list', ['-j', 'devices'], { timeoutMs: 20_000, ...options });
  return parseSimctlList(stdout.toString('utf8'));
}

export async function listEverything(runner: SimctlRunner): Promise<SimctlList> {
  const { stdout } = await runner.run('list', ['-j'], { timeoutMs: 30_000 });
  return parseSimctlList(stdout.toString('utf8'));
}
