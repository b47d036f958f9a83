/**
 * Android phones over adb as a DevicePlatform: tracked by adb track-devices, identified from
 * getprop and their push services, apps named by package name; APKs go in with pm install, the
 * doctor reads dumpsys and settings, and runs drive app states, capture, screenshots and taps over
 * adb (see ./run). Any serial no other platform claims is an adb serial.
 */
import type { DeviceView } from '../../../shared/domain/device';
import { isAndroidPackageName, type RunPlan } from '../../../shared/runs/plan';
import type { AdbGateway } from '../adb/adb-gateway';
import { assertPackageName } from '../adb/quote';
import { LabError } from '../errors';
import type { DevicePlatform, PlatformRequests, RunPlanning } from '../platform/device-platform';
import { refusedInstall } from '../platform/install-refusal';
import type { ResolvedPhone } from '../runs/engine/resolve-run';
import type { Logger } from '../util/logger';
import type { AdbDevices } from './adb-devices';
import { androidDoctor } from './android-doctor';
import { takeScreenshot } from './commands/take-screenshot';
import { pushServiceFact } from './identity/push-service-fact';
import { installOnPhone } from './install/install-on-phone';
import type { EvidencePort, TapPort } from './run/adb-ports';
import { openPhoneRun } from './run/phone-runner';
import { phonePushTokens } from './run/token-from-logcat';
import { createPushTokenBook, type PushTokenBook } from '../secrets/push-token-book';

export interface AndroidPlatformDeps {
  readonly devices: AdbDevices;
  readonly gateway: AdbGateway;
  readonly logger: Logger;
  readonly takenAt: () => string;
  /** Shade screenshot and logcat slice during runs; absent: not kept. */
  readonly evidence?: EvidencePort;
  /** Tap-to-redirect during runs; absent: a redirect stays unverified. */
  readonly tap?: TapPort;
  /** Where a run's prepare step records the push token it used (the Devices board shows it); absent: not recorded. */
  readonly pushTokens?: PushTokenBook;
  /** A phone's view on the board (the card's token read needs a ready Android phone). */
  readonly view?: (serial: string) => DeviceView | undefined;
}

/** An identified phone as a run's phone: its channel, what the expectations read, report details. */
function resolvePhone(view: DeviceView, id: NonNullable<DeviceView['identity']>): ResolvedPhone {
  // Only iOS devices carry APNs; an Android identity always names an Android channel.
  if (id.pushChannel === 'apns') {
    throw new LabError('DEVICE_NOT_READY', `Phone ${view.serial} reports APNs but is not an iOS device.`, {
      zh: { message: `手机 ${view.serial} 报告使用 APNs，但它不是 iOS 设备。` },
    });
  }
  const channel = id.pushChannel;
  const { pushServiceReady, pushServiceProblem } = pushServiceFact(channel, id.pushServices);
  return {
    platform: 'android',
    phone: { serial: view.serial, vendor: id.manufacturer, model: id.model, channel },
    context: { channel, rom: id.rom.name, sdk: id.sdk, pushServiceReady, pushServiceProblem },
    details: {
      brand: id.brand,
      marketingName: id.marketingName,
      rom: { name: id.rom.name, version: id.rom.version },
      androidVersion: id.androidVersion,
      sdk: id.sdk,
    },
  };
}

/** A plan adb phones cannot run: a sender that reaches only simulators, or an iOS bundle ID. */
function refusePhonePlan(plan: RunPlan, serials: readonly string[]): Error | null {
  if (serials.length === 0) return null;
  const named = serials.join(', ');
  // simctl push reaches simulators only; an Android phone in such a plan could only fail.
  if (plan.sender.kind === 'simctl') {
    return new LabError(
      'PLAN_INVALID',
      `The simctl sender only reaches iOS simulators, but the plan names ${named}.`,
      {
        hint: 'Run Android phones with another sender (tencent, fcm, command or manual) in their own plan.',
        zh: {
          message: `simctl 发送方只能推送到 iOS 模拟器，但计划指定了 ${named}。`,
          hint: '请把 Android 手机放在单独的计划中，使用其他发送方（tencent、fcm、command 或 manual）运行。',
        },
      },
    );
  }
  // A bundle ID only Apple accepts (com.example.my-app) must never reach pm, am or a shell.
  if (!isAndroidPackageName(plan.app.package)) {
    return new LabError(
      'PLAN_INVALID',
      `app.package "${plan.app.package}" is an iOS bundle ID, not an Android package name, ` +
        `so it cannot run on Android phone(s) ${named}.`,
      {
        hint:
          "Run the Android phones in their own plan with the app's Android package name (its applicationId), " +
          'or name only simulators in "phones".',
        zh: {
          message: `app.package "${plan.app.package}" 是 iOS 的 bundle ID，不是 Android 包名，因此无法在 Android 手机 ${named} 上运行。`,
          hint: '请把 Android 手机放在单独的计划中，并使用应用的 Android 包名（applicationId），或在 "phones" 中只指定模拟器。',
        },
      },
    );
  }
  return null;
}

/** The pure planning half (no adb needed). */
export const androidRunPlanning: RunPlanning = {
  resolve: resolvePhone,
  refusePlan: refusePhonePlan,
};

export function createAndroidPlatform(
  deps: AndroidPlatformDeps,
): DevicePlatform & { readonly id: 'android'; readonly requests: PlatformRequests<'android'> } {
  const { gateway } = deps;
  // Without the lab's book (tests), tokens read on the card live only as long as this platform.
  const memoryBook = createPushTokenBook({ now: deps.takenAt });
  return {
    id: 'android',
    requests: {
      'devices:pushTokens': async (serial, read) =>
        phonePushTokens(
          { book: deps.pushTokens ?? memoryBook, io: (id) => gateway.device(id) },
          deps.view?.(serial),
          serial,
          read,
        ),
    },
    serialPattern: null,
    assertAppId: (pkg) => assertPackageName(pkg),
    screenshot: (serial) => takeScreenshot(gateway.device(serial)),
    devices: deps.devices,
    install: {
      apk: (target) => installOnPhone({ ...target, io: gateway.device(target.serial) }),
      app: async (target) =>
        refusedInstall(
          target,
          0,
          target.view
            ? new LabError(
                'INVALID_ARGUMENT',
                `${target.serial} is an Android phone: ${target.app.fileName} is an iOS simulator build.`,
                {
                  hint:
                    'Install the APK on Android phones (give it too, or pick it in the Install view); ' +
                    'an .app only goes to simulators.',
                  zh: {
                    message: `${target.serial} 是 Android 手机：${target.app.fileName} 是 iOS 模拟器构建。`,
                    hint: '请把 APK 装到 Android 手机上（一并提供它，或在“安装”视图中选择它）；.app 只能装到模拟器上。',
                  },
                },
              )
            : new LabError('DEVICE_NOT_FOUND', `Phone ${target.serial} is not connected.`, {
                hint: 'Plug it in, allow USB debugging, then try again.',
                zh: {
                  message: `手机 ${target.serial} 没有连接。`,
                  hint: '请插上手机并允许 USB 调试，然后重试。',
                },
              }),
        ),
    },
    doctor: androidDoctor({ gateway, logger: deps.logger, takenAt: deps.takenAt }),
    runs: {
      ...androidRunPlanning,
      open: (run, resolved, controlShown) =>
        openPhoneRun(run, resolved, controlShown, {
          device: (serial) => gateway.device(serial),
          ...(deps.evidence ? { evidence: deps.evidence } : {}),
          ...(deps.tap ? { tap: deps.tap } : {}),
          ...(deps.pushTokens ? { tokens: deps.pushTokens } : {}),
        }),
    },
  };
}

export { adbEvidencePort, adbTapPort, type EvidencePort, type TapPort } from './run/adb-ports';
