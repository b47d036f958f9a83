/**
 * One simulator's part of an .app install: pre-checks (an iOS simulator, booted, new enough for
 * the build's MinimumOSVersion), then `simctl install`, and a plain-language failure. Never
 * throws: every outcome is an InstallItem, like installOnPhone.
 */
import type { DeviceView } from '../../../../shared/domain/device';
import type { InstallItem, SimulatorAppInfo } from '../../../../shared/domain/install';
import { failureFromError } from '../../platform/install-refusal';
import { LabError } from '../../errors';
import type { SimctlRunner } from '../simctl/runner';

export interface SimulatorInstallContext {
  readonly app: SimulatorAppInfo;
  readonly serial: string;
  readonly view: DeviceView | undefined;
  /** simctl, or why iOS is unavailable here. */
  readonly runner: SimctlRunner | LabError;
  readonly now: () => string;
  readonly update: (item: InstallItem) => void;
}

/** -1, 0 or 1 for dotted versions ("17.0.1" vs "17"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Refuses before running simctl when it is already known the install cannot work. */
function precheck(ctx: SimulatorInstallContext): LabError | null {
  const { view, app, serial } = ctx;
  if (!view) {
    return new LabError('DEVICE_NOT_FOUND', `Simulator ${serial} is not booted here.`, {
      hint: 'Boot it (Simulator app, or `xcrun simctl boot <udid>`), then try again.',
      zh: {
        message: `模拟器 ${serial} 没有在这台电脑上启动。`,
        hint: '请启动它（Simulator 应用，或 `xcrun simctl boot <udid>`），然后重试。',
      },
    });
  }
  if (view.platform !== 'ios') {
    return new LabError(
      'INVALID_ARGUMENT',
      `${serial} is an Android phone: ${app.fileName} is an iOS simulator build.`,
      {
        hint: 'Install the APK on Android phones (give it too, or pick it in the Install view); an .app only goes to simulators.',
        zh: {
          message: `${serial} 是 Android 手机：${app.fileName} 是 iOS 模拟器构建。`,
          hint: '请把 APK 装到 Android 手机上（一并提供它，或在“安装”视图中选择它）；.app 只能装到模拟器上。',
        },
      },
    );
  }
  if (ctx.runner instanceof LabError) return ctx.runner;
  if (view.state !== 'device') {
    const state = view.simulator?.state ?? view.state;
    return new LabError('DEVICE_NOT_READY', `Simulator ${serial} is ${state}, not ready for installs.`, {
      hint: 'Wait until it has booted, then try again.',
      zh: {
        message: `模拟器 ${serial} 处于 ${state} 状态，还不能安装。`,
        hint: '请等它启动完成，然后重试。',
      },
    });
  }
  const ios = view.identity?.rom.version ?? null;
  if (app.minimumOsVersion !== null && ios !== null && compareVersions(ios, app.minimumOsVersion) < 0) {
    return new LabError(
      'INSTALL_FAILED',
      `${app.fileName} needs iOS ${app.minimumOsVersion} or later; this simulator runs iOS ${ios} (checked by PushLab before installing).`,
      {
        hint: 'Pick a simulator with a newer iOS runtime, or lower the deployment target (MinimumOSVersion) of the build.',
        zh: {
          message: `${app.fileName} 需要 iOS ${app.minimumOsVersion} 或更高版本；这个模拟器运行的是 iOS ${ios}（由 PushLab 在安装前检查）。`,
          hint: '请选择 iOS 运行时更新的模拟器，或降低构建的部署目标（MinimumOSVersion）。',
        },
      },
    );
  }
  return null;
}

export async function installOnSimulator(
  ctx: SimulatorInstallContext,
  install: (runner: SimctlRunner) => Promise<unknown>,
): Promise<InstallItem> {
  let item: InstallItem = {
    serial: ctx.serial,
    phase: 'installing',
    bytesPushed: 0,
    totalBytes: 0,
    failure: null,
    startedAt: ctx.now(),
    finishedAt: null,
  };
  const set = (patch: Partial<InstallItem>): InstallItem => {
    item = { ...item, ...patch };
    ctx.update(item);
    return item;
  };
  const refused = precheck(ctx);
  if (refused) return set({ phase: 'failed', failure: failureFromError(refused), finishedAt: ctx.now() });
  set({});
  try {
    await install(ctx.runner as SimctlRunner);
    return set({ phase: 'done', finishedAt: ctx.now() });
  } catch (error) {
    return set({ phase: 'failed', failure: failureFromError(error), finishedAt: ctx.now() });
  }
}
