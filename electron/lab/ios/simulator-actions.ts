/**
 * Listing, booting and shutting down simulators: the one place the CLI (`pushlab simulators`) and
 * the board's request channels (simulators:*) share, so both refuse the same way and say the same.
 */
import type { SimulatorEntry } from '../../../shared/domain/device';
import { LabError } from '../errors';
import { assertUdid } from './commands/args';
import { bootSimulator } from './commands/boot';
import { listSimulators } from './commands/list-simulators';
import { shutdownSimulator } from './commands/shutdown';
import type { SimDevice } from './parsers/simctl-list';
import type { SimctlRunner } from './simctl/runner';

export type SimulatorStateAction = 'boot' | 'shutdown';

/** What the actions need from the tracker (or the registry over it). */
export interface SimulatorControl {
  runner(): SimctlRunner | null;
  /** Polls now so the board and the registry see the new state without waiting for the next tick. */
  refresh(): Promise<void>;
}

export function simulatorEntry(device: SimDevice): SimulatorEntry {
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

/** iOS simulators only (watchOS, tvOS… are not push targets), in simctl's order. */
export function iosSimulatorEntries(devices: readonly SimDevice[]): SimulatorEntry[] {
  return devices.filter((d) => d.platform === 'iOS').map(simulatorEntry);
}

export function requireSimctl(control: SimulatorControl): SimctlRunner {
  const runner = control.runner();
  if (runner === null) {
    throw new LabError(
      'NOT_FOUND',
      'simctl is not available on this computer, so there are no iOS simulators to list or start.',
      {
        hint: 'iOS simulators need a Mac with Xcode: install Xcode, open it once, then run `xcrun simctl list devices`.',
        zh: {
          message: '这台电脑上没有 simctl，因此没有可列出或启动的 iOS 模拟器。',
          hint: 'iOS 模拟器需要装有 Xcode 的 Mac：安装 Xcode 并打开一次，然后运行 `xcrun simctl list devices`。',
        },
      },
    );
  }
  return runner;
}

const sameUdid = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/**
 * Boots or shuts down one simulator: the UDID is checked, it must be listed and its runtime
 * available; already in the wanted state is fine. Returns the simulator as simctl lists it after.
 */
export async function changeSimulatorState(
  control: SimulatorControl,
  udid: string,
  action: SimulatorStateAction,
): Promise<SimulatorEntry> {
  assertUdid(udid);
  const runner = requireSimctl(control);
  const known = (await listSimulators(runner)).devices.find((d) => sameUdid(d.udid, udid));
  if (known === undefined) {
    throw new LabError('DEVICE_NOT_FOUND', `No simulator has UDID ${udid}.`, {
      hint: 'Run `pushlab simulators` to see the UDIDs.',
      zh: {
        message: `没有 UDID 为 ${udid} 的模拟器。`,
        hint: '运行 `pushlab simulators` 查看各模拟器的 UDID。',
      },
    });
  }
  if (!known.available) {
    const why = known.availabilityError ?? 'its runtime is unavailable';
    const whyZh = known.availabilityError ?? '它的运行时不可用';
    throw new LabError(
      'DEVICE_NOT_READY',
      `${known.name} cannot be ${action === 'boot' ? 'booted' : 'shut down'}: ${why}.`,
      {
        hint: 'Install its iOS runtime in Xcode › Settings › Platforms, or pick another simulator.',
        zh: {
          message: `${known.name} 无法${action === 'boot' ? '启动' : '关闭'}：${whyZh}。`,
          hint: '在 Xcode › Settings › Platforms 中安装它的 iOS 运行时，或换一个模拟器。',
        },
      },
    );
  }
  if (action === 'boot') await bootSimulator(runner, known.udid);
  else await shutdownSimulator(runner, known.udid);
  await control.refresh();
  const after = (await listSimulators(runner)).devices.find((d) => sameUdid(d.udid, udid));
  return simulatorEntry(after ?? known);
}
