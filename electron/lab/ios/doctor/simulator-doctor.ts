/**
 * Reads what the doctor can know about an app on an iOS simulator — simctl (booted, runtime,
 * get_app_container) and the BulletinBoard store on the Mac — and turns it into a report shaped
 * like the Android one. A simulator that shuts down mid-read gives a partial report; an app that
 * is not installed is refused like on Android (nothing to check).
 */
import type { DeviceView, IosStatus } from '../../../../shared/domain/device';
import type { DoctorReport, DoctorSubject } from '../../../../shared/domain/doctor';
import { iosStatusMessage } from '../../../../shared/domain/ios-status';
import { translateDynamic } from '../../../../shared/i18n';
import { LabError, toErrorInfo } from '../../errors';
import { appContainer } from '../../ios/commands/app-container';
import { assertBundleId } from '../../ios/commands/args';
import type { SimDevice } from '../../ios/parsers/simctl-list';
import type { SimctlRunner } from '../../ios/simctl/runner';
import { readNotificationPermission } from '../../ios/state/notification-settings';
import { simulatorChecks, type SimulatorFacts } from './simulator-checks';

/** What the doctor needs from the iOS side (the simulator registry provides it). */
export interface SimulatorDoctorSource {
  runner(): SimctlRunner | null;
  simulator(udid: string): SimDevice | undefined;
  status(): IosStatus;
}

const LOST = new Set(['DEVICE_LOST', 'DEVICE_NOT_FOUND', 'TIMEOUT']);

export async function examineSimulator(
  source: SimulatorDoctorSource,
  view: DeviceView,
  subject: DoctorSubject,
  takenAt: () => string,
): Promise<DoctorReport> {
  assertBundleId(subject.package);
  const runner = source.runner();
  if (runner === null) {
    const line = iosStatusMessage(source.status(), 0);
    throw new LabError(
      'DEVICE_NOT_READY',
      translateDynamic('en', line.key, line.values) ?? 'iOS simulators are not available here.',
      {
        hint: 'Run the doctor on the Mac with Xcode where the simulator runs.',
        zh: {
          message: translateDynamic('zh-CN', line.key, line.values) ?? '这里无法使用 iOS 模拟器。',
          hint: '请在运行模拟器、装有 Xcode 的 Mac 上运行诊断。',
        },
      },
    );
  }
  const device = source.simulator(subject.serial);
  if (!device) {
    throw new LabError('DEVICE_NOT_FOUND', `Simulator ${subject.serial} is not listed by simctl.`, {
      hint: 'Check `xcrun simctl list devices`, or pick another simulator.',
      zh: {
        message: `simctl 的列表中没有模拟器 ${subject.serial}。`,
        hint: '请检查 `xcrun simctl list devices`，或选择另一个模拟器。',
      },
    });
  }
  const identity = view.identity;
  const base = {
    id: null,
    serial: subject.serial,
    package: subject.package,
    phone: identity
      ? {
          manufacturer: identity.manufacturer,
          model: identity.model,
          rom: identity.rom,
          sdk: null,
          pushChannel: identity.pushChannel,
        }
      : null,
  };
  const facts: SimulatorFacts = {
    device,
    iosVersion: identity?.rom.version ?? device.runtimeVersion,
    model: identity?.model ?? device.name,
    appContainer: null,
    permission: { state: 'no-store' },
  };
  let container: string | null;
  try {
    container = await appContainer(runner, subject.serial, subject.package, 'app');
  } catch (error) {
    // Shut down or gone between the listing and the read: keep what is known.
    const info = toErrorInfo(error);
    if (!LOST.has(info.code) && source.simulator(subject.serial)?.state === 'Booted') throw error;
    const now = source.simulator(subject.serial) ?? { ...device, state: 'Shutdown' };
    return {
      ...base,
      takenAt: takenAt(),
      complete: false,
      incompleteReason: info,
      checks: simulatorChecks({ ...facts, device: now }, subject.package).slice(0, 2),
    };
  }
  if (container === null) {
    throw new LabError('NOT_FOUND', `${subject.package} is not installed on simulator ${subject.serial}.`, {
      hint: `Check the bundle ID, or install the simulator build first: pushlab install App.app --serial ${subject.serial}`,
      zh: {
        message: `模拟器 ${subject.serial} 上没有安装 ${subject.package}。`,
        hint: `请检查 bundle ID，或先安装模拟器构建：pushlab install App.app --serial ${subject.serial}`,
      },
    });
  }
  let permission: SimulatorFacts['permission'];
  if (device.dataPath === null) {
    permission = {
      state: 'error',
      message: 'simctl does not say where this simulator keeps its files (Xcode 8 or older)',
    };
  } else {
    permission = await readNotificationPermission(device.dataPath, subject.package).catch(
      (error: unknown) => ({ state: 'error' as const, message: toErrorInfo(error).message }),
    );
  }
  return {
    ...base,
    takenAt: takenAt(),
    complete: true,
    incompleteReason: null,
    checks: simulatorChecks({ ...facts, appContainer: container, permission }, subject.package),
  };
}

/** The doctor's way in: a simulator that is not booted (or not listed) is refused like an unplugged phone. */
export function examineSimulatorSubject(
  source: SimulatorDoctorSource,
  subject: DoctorSubject,
  view: DeviceView | undefined,
  takenAt: () => string,
): Promise<DoctorReport> {
  if (!view) {
    // No xcrun (or not a Mac) says so; otherwise the simulator is simply not booted.
    const status = source.status();
    const why = status.available ? null : iosStatusMessage(status, 0);
    throw new LabError(
      'DEVICE_NOT_FOUND',
      `Simulator ${subject.serial} is not booted here${why ? `: ${translateDynamic('en', why.key, why.values) ?? status.reason}` : '.'}`,
      {
        hint: why
          ? 'Run the check on the Mac with Xcode where the simulator runs.'
          : 'Boot it (Simulator app, or `xcrun simctl boot <udid>`) on this Mac, then run the check again.',
        zh: {
          message: `模拟器 ${subject.serial} 没有在这里启动${why ? `：${translateDynamic('zh-CN', why.key, why.values) ?? status.reason}` : '。'}`,
          hint: why
            ? '请在运行模拟器、装有 Xcode 的 Mac 上进行检查。'
            : '请在这台 Mac 上启动它（Simulator 应用，或 `xcrun simctl boot <udid>`），然后重新检查。',
        },
      },
    );
  }
  if (view.state !== 'device') {
    const state = view.simulator?.state ?? view.state;
    throw new LabError('DEVICE_NOT_READY', `Simulator ${subject.serial} is ${state}.`, {
      hint: 'Wait until it has booted, then run the check again.',
      zh: {
        message: `模拟器 ${subject.serial} 处于 ${state} 状态。`,
        hint: '请等它启动完成，然后重新检查。',
      },
    });
  }
  return examineSimulator(source, view, subject, takenAt);
}

/** simctl cannot change an app's notification settings: there is nothing PushLab could fix. */
export function refuseSimulatorFix(): LabError {
  return new LabError(
    'INVALID_ARGUMENT',
    `PushLab has no fixes for simulators: simctl cannot change an app's notification settings.`,
    {
      hint: 'Change them on the simulator (Settings › Notifications), or let the app ask and tap Allow, then check again.',
      zh: {
        message: 'PushLab 无法修复模拟器：simctl 不能更改应用的通知设置。',
        hint: '请在模拟器上更改（设置 › 通知），或让应用请求权限并点按“允许”，然后重新检查。',
      },
    },
  );
}
