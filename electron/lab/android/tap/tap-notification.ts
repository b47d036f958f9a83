/**
 * Taps the captured notification and reports where the phone landed: through Appium when it is
 * configured and can start (real UiAutomator2 clicks), otherwise, or when Appium is unavailable,
 * through `uiautomator dump` + `input tap`. The outcome says which way was used and why.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName } from '../../adb/quote';
import { collapseShade } from '../commands/capture/collapse-shade';
import { toErrorInfo } from '../../errors';
import { AppiumUnavailableError } from './appium/appium-server';
import { appiumTap, type AppiumTapOptions } from './appium/appium-tap';
import { checkLanding, logMark } from './landing';
import type { TapOutcome, TapTarget } from './tap-types';
import { uiautomatorTap } from './uiautomator-tap';

export interface TapNotificationOptions {
  /** Appium settings; null/absent: uiautomator only. */
  readonly appium?: AppiumTapOptions | null;
  /** The `ext` the push carried; checked in the app's log when given. */
  readonly ext?: string | null;
  /** The app that should come to the front. */
  readonly package: string;
  readonly settleMs?: number;
  readonly landingTimeoutMs?: number;
}

export async function tapNotification(
  io: AdbDeviceIo,
  record: TapTarget,
  options: TapNotificationOptions,
): Promise<TapOutcome> {
  assertPackageName(options.package);
  const target: TapTarget = { title: record.title, text: record.text };
  const uiautomatorOptions = {
    package: options.package,
    ...(options.ext === undefined ? {} : { ext: options.ext }),
    ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
    ...(options.landingTimeoutMs === undefined ? {} : { landingTimeoutMs: options.landingTimeoutMs }),
  };
  if (!options.appium) return uiautomatorTap(io, target, uiautomatorOptions);

  const wantsExt = options.ext !== undefined && options.ext !== null && options.ext !== '';
  const since = wantsExt ? await logMark(io) : null;
  try {
    const result = await appiumTap(io.serial, target, options.appium);
    if (!result.tapped) {
      await collapseShade(io).catch(() => undefined);
      return {
        method: 'appium',
        tapped: false,
        landed: null,
        foregroundPackage: null,
        extSeen: null,
        detail: result.detail,
      };
    }
    const landing = await checkLanding(io, {
      package: options.package,
      ext: options.ext ?? null,
      sincePhoneMs: since,
      ...(options.landingTimeoutMs === undefined ? {} : { timeoutMs: options.landingTimeoutMs }),
    });
    await collapseShade(io).catch(() => undefined);
    return {
      method: 'appium',
      tapped: true,
      landed: landing.landed,
      foregroundPackage: landing.foregroundPackage,
      extSeen: landing.extSeen,
      detail: `${result.detail} ${landing.detail}.`,
    };
  } catch (error) {
    if (error instanceof AppiumUnavailableError) {
      const fallback = await uiautomatorTap(io, target, uiautomatorOptions);
      return {
        ...fallback,
        detail: `Appium unavailable (${error.message} ${error.hint ?? ''}); used uiautomator. ${fallback.detail}`,
      };
    }
    const info = toErrorInfo(error);
    await collapseShade(io).catch(() => undefined);
    return {
      method: 'appium',
      tapped: false,
      landed: null,
      foregroundPackage: null,
      extSeen: null,
      detail: `Appium failed: ${info.message}`,
    };
  }
}
