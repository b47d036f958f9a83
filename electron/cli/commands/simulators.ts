/**
 * `pushlab simulators [--json]`: every iOS simulator simctl knows, with its state (booted,
 * shutting down, shut down) and, for an unavailable runtime, why it cannot be used.
 * `pushlab simulators boot UDID` / `shutdown UDID`: boot or shut one down, then show its state.
 */
import type { SimulatorEntry } from '../../../shared/domain/device';
import { assertUdid } from '../../lab/ios/commands/args';
import { LabError } from '../../lab/errors';
import { clean, table, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSessionAdbOptional } from '../session';

export type SimulatorAction = 'list' | 'boot' | 'shutdown';

/** The documented JSON shape of one simulator (the board's simulators:list gives the same). */
export function simulatorJson(entry: SimulatorEntry): Record<string, unknown> {
  return { ...entry };
}

function describe(entry: SimulatorEntry): string[] {
  const usable = entry.usable ? '' : `unusable: ${entry.unusableReason ?? 'unavailable runtime'}`;
  const runtime = entry.iosVersion ? `${entry.platform} ${entry.iosVersion}` : entry.platform;
  return [entry.udid, clean(entry.name), entry.state, clean(runtime), clean(usable)];
}

export async function simulatorsCommand(
  action: SimulatorAction,
  udid: string | null,
  options: GlobalOptions,
  output: Output,
): Promise<number> {
  if (action !== 'list') {
    if (udid === null)
      throw new LabError('INVALID_ARGUMENT', `pushlab simulators ${action} needs the simulator's UDID.`, {
        hint: 'Run `pushlab simulators` to see them.',
        zh: {
          message: `pushlab simulators ${action} 需要模拟器的 UDID。`,
          hint: '运行 `pushlab simulators` 查看所有模拟器。',
        },
      });
    assertUdid(udid);
  }
  // Android is not needed here; an unreachable adb is fine (the same core `devices` uses).
  const { core } = await openSessionAdbOptional(options);
  try {
    const simulators = core.cli.simulators;
    await simulators.settled();
    if (action !== 'list') await simulators.change(udid as string, action);
    const devices = await simulators.list();
    const shown =
      action === 'list'
        ? devices
        : devices.filter((d) => d.udid.toUpperCase() === (udid as string).toUpperCase());
    if (options.json) {
      output.out(JSON.stringify(shown.map(simulatorJson), null, 2));
      return 0;
    }
    if (shown.length === 0) {
      output.out('No iOS simulators. Create one in Xcode › Window › Devices and Simulators.');
      return 0;
    }
    for (const line of table([['UDID', 'NAME', 'STATE', 'RUNTIME', ''], ...shown.map(describe)]))
      output.out(line.trimEnd());
    return 0;
  } finally {
    await core.close();
  }
}
