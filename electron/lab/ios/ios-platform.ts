/**
 * iOS simulators as a DevicePlatform: tracked by polling simctl, named by UDID, their apps by
 * bundle ID; .app builds go in with `simctl install`, the doctor reads simctl and the BulletinBoard
 * store, and runs go through simctl (see ./run). Everything iOS-specific the core's services need.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceView } from '../../../shared/domain/device';
import { iosStatusMessage } from '../../../shared/domain/ios-status';
import { translateDynamic } from '../../../shared/i18n';
import { LabError } from '../errors';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { DevicePlatform, PlatformRequests, RunPlanning } from '../platform/device-platform';
import { refusedInstall } from '../platform/install-refusal';
import type { ResolvedPhone } from '../runs/engine/resolve-run';
import { assertBundleId } from './commands/args';
import { installAppBundle } from './app-bundle';
import { examineSimulatorSubject, refuseSimulatorFix } from './doctor/simulator-doctor';
import { installOnSimulator } from './install/install-on-simulator';
import { UDID_PATTERN } from './parsers/simctl-list';
import { simulatorPort, type SimulatorPort } from './run/simulator-port';
import { openSimulatorRun } from './run/simulator-runner';
import type { SimulatorRegistry } from './simulator-registry';
import { simulatorRequests } from './simulator-requests';
import { takeSimulatorScreenshot } from './simulator-screenshot';
import type { SimulatorTracker } from './simulator-tracker';

export { readAppBundle } from './app-bundle';

/** Refuses a simctl plan where simctl does not answer, with the iOS status line's reason. */
export async function requireSimctl(tracker: SimulatorTracker): Promise<void> {
  await tracker.settled();
  const status = tracker.status();
  if (status.available) return;
  const message = iosStatusMessage(status, 0);
  const reasonZh = translateDynamic('zh-CN', message.key, message.values) ?? status.reason;
  throw new LabError(
    'PLAN_INVALID',
    `The simctl sender cannot run here: ${translateDynamic('en', message.key, message.values) ?? status.reason}`,
    {
      hint: 'Run iOS simulator plans on a Mac with Xcode, or pick another sender.',
      zh: {
        message: `simctl 发送方无法在这里运行：${reasonZh}`,
        hint: '请在装有 Xcode 的 Mac 上运行 iOS 模拟器计划，或选择其他发送方。',
      },
    },
  );
}

export interface IosPlatformDeps {
  readonly simulators: SimulatorRegistry;
  /** Screenshots during runs are kept here; absent: no screenshots. */
  readonly evidence?: EvidenceStore;
  /** Overrides the run port (tests). */
  readonly port?: SimulatorPort;
  readonly takenAt: () => string;
}

/** Why no simulator can take a build here (not a Mac, no Xcode), as the iOS status line says. */
function unavailable(simulators: SimulatorRegistry): LabError {
  const line = iosStatusMessage(simulators.status(), 0);
  return new LabError(
    'DEVICE_NOT_READY',
    translateDynamic('en', line.key, line.values) ?? 'iOS simulators are not available here.',
    {
      hint: 'Install .app builds on the Mac with Xcode where the simulators run.',
      zh: {
        message: translateDynamic('zh-CN', line.key, line.values) ?? '这里无法使用 iOS 模拟器。',
        hint: '请在运行模拟器、装有 Xcode 的 Mac 上安装 .app 构建。',
      },
    },
  );
}

/** simctl writes the screenshot to a file: a private temporary one, removed once read. */
async function boardScreenshot(simulators: SimulatorRegistry, udid: string): Promise<Buffer> {
  const runner = simulators.runner();
  if (runner === null) throw unavailable(simulators);
  const dir = await mkdtemp(join(tmpdir(), 'pushlab-screen-'));
  try {
    return await takeSimulatorScreenshot(runner, udid, join(dir, 'screen.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A simulator as a run's phone: APNs, iOS, no SDK; what reports show about it. */
function resolveSimulator(view: DeviceView, id: NonNullable<DeviceView['identity']>): ResolvedPhone {
  return {
    platform: 'ios',
    phone: { serial: view.serial, vendor: id.manufacturer, model: id.model, channel: 'apns' },
    context: { channel: 'apns', rom: 'iOS', sdk: null, pushServiceReady: null },
    details: {
      brand: id.brand,
      marketingName: id.marketingName,
      rom: { name: id.rom.name, version: id.rom.version },
      androidVersion: null,
      sdk: null,
    },
  };
}

/** The pure planning half (no simctl needed). */
export const iosRunPlanning: RunPlanning = {
  resolve: resolveSimulator,
  refusePlan: () => null,
};

export function createIosPlatform(
  deps: IosPlatformDeps,
): DevicePlatform & { readonly id: 'ios'; readonly requests: PlatformRequests<'ios'> } {
  const { simulators } = deps;
  const port = deps.port ?? simulatorPort(simulators, deps.evidence);
  return {
    id: 'ios',
    requests: simulatorRequests(simulators),
    serialPattern: UDID_PATTERN,
    assertAppId: (bundleId) => assertBundleId(bundleId),
    screenshot: (udid) => boardScreenshot(simulators, udid),
    devices: simulators,
    install: {
      apk: async (target) =>
        refusedInstall(
          target,
          target.apk.sizeBytes,
          target.view
            ? new LabError(
                'INVALID_ARGUMENT',
                `${target.serial} is an iOS simulator: ${target.apk.fileName} is an Android APK.`,
                {
                  hint:
                    'Install the simulator build (.app) there: give it too, or pick it in the Install view; ' +
                    'an APK only goes to Android phones.',
                  zh: {
                    message: `${target.serial} 是 iOS 模拟器：${target.apk.fileName} 是 Android APK。`,
                    hint: '请在那里安装模拟器构建（.app）：一并提供它，或在“安装”视图中选择它；APK 只能装到 Android 手机上。',
                  },
                },
              )
            : new LabError('DEVICE_NOT_FOUND', `Simulator ${target.serial} is not booted here.`, {
                hint: 'Boot it (Simulator app, or `xcrun simctl boot <udid>`), then try again.',
                zh: {
                  message: `模拟器 ${target.serial} 没有在这台电脑上启动。`,
                  hint: '请启动它（Simulator 应用，或 `xcrun simctl boot <udid>`），然后重试。',
                },
              }),
        ),
      app: (target) =>
        installOnSimulator({ ...target, runner: simulators.runner() ?? unavailable(simulators) }, (simctl) =>
          installAppBundle(simctl, target.serial, target.app.path),
        ),
    },
    doctor: {
      examine: (subject, view) => examineSimulatorSubject(simulators, subject, view, deps.takenAt),
      fixRefusal: () => refuseSimulatorFix(),
      fix: async () => {
        throw refuseSimulatorFix();
      },
    },
    runs: {
      ...iosRunPlanning,
      open: (run, resolved, controlShown) => openSimulatorRun(run, resolved, controlShown, port),
    },
  };
}

export { SimulatorRegistry } from './simulator-registry';
export { SimulatorTracker } from './simulator-tracker';
