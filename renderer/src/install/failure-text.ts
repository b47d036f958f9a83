/**
 * An install failure in the user's language. The core stores the English sentence; for every reason
 * PushLab explains, the renderer asks the shared explainer again in the current locale with what it
 * knows about the phone and the build. Simulator failures (no Android reason) keep the stored text. Pure.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { InstallFailure } from '../../../shared/domain/install';
import type { Locale } from '../../../shared/i18n';
import {
  explainsInstallReason,
  installFailureText,
  type InstallFailureContext,
} from '../../../shared/i18n/install-failure-text';

export function failureContext(
  device: DeviceView | undefined,
  apkAbis: readonly string[] | undefined,
): InstallFailureContext {
  const identity = device?.identity;
  return {
    ...(identity ? { vendor: identity.manufacturer, abis: identity.abis } : {}),
    ...(apkAbis ? { apkAbis } : {}),
  };
}

/** `ctx` null: not an Android install, so the stored text is all there is. */
export function localizedFailure(
  failure: InstallFailure,
  locale: Locale,
  ctx: InstallFailureContext | null,
): { message: string; fix: string } {
  // PushLab's own refusals (phone not connected, wrong platform...) carry their zh-CN text.
  if (locale === 'zh-CN' && failure.zh && !explainsInstallReason(failure.reason)) return failure.zh;
  if (ctx === null) return { message: failure.message, fix: failure.fix };
  const [message, fix] = installFailureText(locale, failure.reason, failure.raw, ctx);
  return { message, fix };
}
