/**
 * One phone's part of an install job: pre-checks, push with byte progress, pm install, and a
 * plain-language failure. Never throws: every outcome is an InstallItem.
 */
import type { DeviceView } from '../../../../shared/domain/device';
import type { ApkInfo, InstallFailure, InstallItem, InstallOptions } from '../../../../shared/domain/install';
import type { AdbDeviceIo } from '../../adb/device-io';
import { installApk } from '../commands/install-apk';
import { explainInstallFailure } from '../install-failures';
import { failureFromError } from '../../platform/install-refusal';
import { LabError } from '../../errors';

export interface PhoneInstallContext {
  readonly apk: ApkInfo;
  readonly options: InstallOptions;
  readonly io: AdbDeviceIo;
  readonly view: DeviceView | undefined;
  readonly remotePath: string;
  readonly now: () => string;
  readonly update: (item: InstallItem) => void;
}

/** Refuses before touching the phone when we already know it cannot work. */
function precheck(ctx: PhoneInstallContext): InstallFailure | null {
  const { view, apk } = ctx;
  if (!view) {
    return failureFromError(
      new LabError('DEVICE_NOT_FOUND', `Phone ${ctx.io.serial} is not connected.`, {
        hint: 'Plug it in, allow USB debugging, then try again.',
        zh: { message: `手机 ${ctx.io.serial} 没有连接。`, hint: '请插上手机并允许 USB 调试，然后重试。' },
      }),
    );
  }
  if (view.state !== 'device') {
    return failureFromError(
      new LabError('DEVICE_NOT_READY', `Phone ${view.serial} is ${view.state}, not ready for installs.`, {
        hint:
          view.state === 'unauthorized'
            ? 'Tap "Allow" on the USB debugging prompt on the phone.'
            : 'Replug the phone and wait until it shows as ready.',
        zh: {
          message: `手机 ${view.serial} 处于 ${view.state} 状态，还不能安装。`,
          hint:
            view.state === 'unauthorized'
              ? '请在手机的 USB 调试提示中点按“允许”。'
              : '请重新插拔手机，等它显示为就绪。',
        },
      }),
    );
  }
  const sdk = view.identity?.sdk ?? null;
  if (sdk !== null && apk.minSdk !== null && sdk < apk.minSdk) {
    return explainInstallFailure(
      'INSTALL_FAILED_OLDER_SDK',
      `minSdk ${apk.minSdk} > device SDK ${sdk} (checked by PushLab before sending)`,
    );
  }
  return null;
}

export async function installOnPhone(ctx: PhoneInstallContext): Promise<InstallItem> {
  const total = ctx.apk.sizeBytes;
  let item: InstallItem = {
    serial: ctx.io.serial,
    phase: 'pushing',
    bytesPushed: 0,
    totalBytes: total,
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
  if (refused) return set({ phase: 'failed', failure: refused, finishedAt: ctx.now() });
  set({});
  try {
    const outcome = await installApk(ctx.io, ctx.apk.path, ctx.remotePath, total, ctx.options, {
      onPushProgress: (bytes) => set({ bytesPushed: Math.min(bytes, total) }),
      onInstalling: () => set({ phase: 'installing', bytesPushed: total }),
    });
    if (outcome.ok) return set({ phase: 'done', finishedAt: ctx.now() });
    const identity = ctx.view?.identity;
    const context = identity
      ? { vendor: identity.manufacturer, abis: identity.abis, apkAbis: ctx.apk.nativeAbis }
      : { apkAbis: ctx.apk.nativeAbis };
    return set({
      phase: 'failed',
      failure: explainInstallFailure(outcome.reason, outcome.raw, context),
      finishedAt: ctx.now(),
    });
  } catch (error) {
    return set({ phase: 'failed', failure: failureFromError(error), finishedAt: ctx.now() });
  }
}
