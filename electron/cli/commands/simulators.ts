/**
 * `pushlab simulators [--json]`: every iOS simulator simctl knows, with its state (booted,
 * shutting down, shut down) and, for an unavailable runtime, why it cannot be used.
 * `pushlab simulators boot UDID` / `shutdown UDID`: boot or shut one down, then show its state.
 */
import type { SimDevice } from '../../lab/ios/parsers/simctl-list';
import { assertUdid } from '../../lab/ios/commands/args';
import { bootSimulator } from '../../lab/ios/commands/boot';
import { listSimulators } from '../../lab/ios/commands/list-simulators';
import { shutdownSimulator } from '../../lab/ios/commands/shutdown';
import type { SimctlRunner } from '../../lab/ios/simctl/runner';
import type { LocalLabCore } from '../../lab/compose';
import { LabError } from '../../lab/errors';
import { clean, table, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSessionAdbOptional } from '../session';

export type SimulatorAction = 'list' | 'boot' | 'shutdown';

/** The documented JSON shape of one simulator. */
export function simulatorJson(device: SimDevice): Record<string, unknown> {
  return {
    udid: device.udid,
    name: device.name,
    state: device.state,
    runtime: device.runtime,
    platform: device.platform,
    iosVersion: device.runtimeVersion,
    usable: device.available,
    unusableReason: device.available ? null : (device.availabilityError ?? 'simctl marks it unavailable'),
  };
}

async function runnerOf(core: LocalLabCore): Promise<SimctlRunner> {
  await core.services.simulatorTracker.settled();
  const runner = core.services.simulators.runner();
  if (runner === null) {
    throw new LabError('NOT_FOUND', 'simctl is not available on this computer, so there are no iOS simulators to list or start.', {
      hint: 'iOS simulators need a Mac with Xcode: install Xcode, open it once, then run `xcrun simctl list devices`.',
      zh: {
        message: '这台电脑上没有 simctl，因此没有可列出或启动的 iOS 模拟器。',
        hint: 'iOS 模拟器需要装有 Xcode 的 Mac：安装 Xcode 并打开一次，然后运行 `xcrun simctl list devices`。',
      },
    });
  }
  return runner;
}

function describe(device: SimDevice): string[] {
  const usable = device.available ? '' : `unusable: ${device.availabilityError ?? 'unavailable runtime'}`;
  return [device.udid, clean(device.name), device.state, clean(device.runtimeVersion ? `${device.platform} ${device.runtimeVersion}` : device.platform), clean(usable)];
}

export async function simulatorsCommand(action: SimulatorAction, udid: string | null, options: GlobalOptions, output: Output): Promise<number> {
  if (action !== 'list') {
    if (udid === null) throw new LabError('INVALID_ARGUMENT', `pushlab simulators ${action} needs the simulator's UDID.`, {
        hint: 'Run `pushlab simulators` to see them.',
        zh: { message: `pushlab simulators ${action} 需要模拟器的 UDID。`, hint: '运行 `pushlab simulators` 查看所有模拟器。' },
      });
    assertUdid(udid);
  }
  // Android is not needed here; an unreachable adb is fine (the same core `devices` uses).
  const { core } = await openSessionAdbOptional(options);
  try {
    const runner = await runnerOf(core);
    if (action !== 'list') {
      const known = (await listSimulators(runner)).devices.find((d) => d.udid.toUpperCase() === (udid as string).toUpperCase());
      if (known === undefined) throw new LabError('DEVICE_NOT_FOUND', `No simulator has UDID ${udid as string}.`, {
        hint: 'Run `pushlab simulators` to see the UDIDs.',
        zh: { message: `没有 UDID 为 ${udid as string} 的模拟器。`, hint: '运行 `pushlab simulators` 查看各模拟器的 UDID。' },
      });
      if (!known.available) {
        throw new LabError('DEVICE_NOT_READY', `${known.name} cannot be ${action === 'boot' ? 'booted' : 'shut down'}: ${known.availabilityError ?? 'its runtime is unavailable'}.`, {
          hint: 'Install its iOS runtime in Xcode › Settings › Platforms, or pick another simulator.',
          zh: {
            message: `${known.name} 无法${action === 'boot' ? '启动' : '关闭'}：${known.availabilityError ?? '它的运行时不可用'}。`,
            hint: '在 Xcode › Settings › Platforms 中安装它的 iOS 运行时，或换一个模拟器。',
          },
        });
      }
      if (action === 'boot') await bootSimulator(runner, known.udid);
      else await shutdownSimulator(runner, known.udid);
      await core.services.simulators.refresh();
    }
    const devices = (await listSimulators(runner)).devices.filter((d) => d.platform === 'iOS');
    const shown = action === 'list' ? devices : devices.filter((d) => d.udid.toUpperCase() === (udid as string).toUpperCase());
    if (options.json) {
      output.out(JSON.stringify(shown.map(simulatorJson), null, 2));
      return 0;
    }
    if (shown.length === 0) {
      output.out('No iOS simulators. Create one in Xcode › Window › Devices and Simulators.');
      return 0;
    }
    for (const line of table([['UDID', 'NAME', 'STATE', 'RUNTIME', ''], ...shown.map(describe)])) output.out(line.trimEnd());
    return 0;
  } finally {
    await core.close();
  }
}
