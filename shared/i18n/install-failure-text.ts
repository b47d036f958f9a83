/**
 * Explains an install failure in a locale: one sentence and a fix, from the INSTALL_* reason, the
 * phone's raw output and what is known about the phone. Pure; the core stores the English text and
 * the renderer asks again in the user's language (device text is only ever a placeholder value).
 */
import type { Locale } from './index';
import { installFailurePartsEn, installFailuresEn, type FailureText } from './install-failures.en';
import { installFailurePartsZh, installFailuresZh } from './install-failures.zh-CN';
import { vendorGroupOf } from '../vendors/vendor-group';

export interface InstallFailureContext {
  /** ro.product.manufacturer or brand, any case. */
  readonly vendor?: string;
  /** The phone's ABIs (ro.product.cpu.abilist), named in NO_MATCHING_ABIS. */
  readonly abis?: readonly string[];
  /** The ABIs the APK ships native code for. */
  readonly apkAbis?: readonly string[];
}

export type InstallFailureKey = keyof typeof installFailuresEn;
type Parts = { readonly [K in keyof typeof installFailurePartsEn]: string };

const TABLES: Readonly<
  Record<Locale, { texts: Readonly<Record<InstallFailureKey, FailureText>>; parts: Parts }>
> = {
  en: { texts: installFailuresEn, parts: installFailurePartsEn },
  'zh-CN': { texts: installFailuresZh, parts: installFailurePartsZh },
};

/** Xiaomi, Redmi, POCO…: the vendor table's Xiaomi group (MIUI/HyperOS "Install via USB"). */
const isXiaomi = (ctx: InstallFailureContext): boolean =>
  vendorGroupOf({ brand: ctx.vendor ?? null, manufacturer: ctx.vendor ?? null }) === 'xiaomi';
const list = (items: readonly string[] | undefined): string | null =>
  items && items.length > 0 ? items.join(', ') : null;

/** `{name}` filled once; values are never re-read as templates (they may be device text). */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The table key for a reason (`INSTALL_FAILED_X` → `FAILED_X`), or null when none explains it. */
export function installFailureKey(reason: string): InstallFailureKey | null {
  const key = reason
    .trim()
    .toUpperCase()
    .replace(/^INSTALL_/, '');
  return Object.prototype.hasOwnProperty.call(installFailuresEn, key) ? (key as InstallFailureKey) : null;
}

/** True when the reason gets a specific explanation (a table entry or a java exception). */
export function explainsInstallReason(reason: string): boolean {
  return installFailureKey(reason) !== null || isJavaException(reason);
}

const isJavaException = (reason: string): boolean =>
  /(Exception|Error)$/.test(reason) && reason.includes('.');

function keyed(key: InstallFailureKey, raw: string, ctx: InstallFailureContext, locale: Locale): FailureText {
  const { texts, parts } = TABLES[locale];
  const [message, fix] = texts[key];
  switch (key) {
    case 'FAILED_OLDER_SDK': {
      // The phone's own words, or PushLab's pre-check ("minSdk 34 > device SDK 30").
      const m =
        /newer sdk version #?(\d+).*?current version is #?(\d+)/i.exec(raw) ??
        /minSdk (\d+) > device SDK (\d+)/.exec(raw);
      const detail = m ? fill(parts.olderSdkDetail, { need: m[1] ?? '', have: m[2] ?? '' }) : '';
      return [fill(message, { detail }), fix];
    }
    case 'FAILED_NO_MATCHING_ABIS': {
      const phone = list(ctx.abis);
      const apk = list(ctx.apkAbis);
      const detail = phone ? fill(apk ? parts.abisPhoneApk : parts.abisPhone, { phone, apk: apk ?? '' }) : '';
      return [fill(message, { detail }), fill(fix, { target: ctx.abis?.[0] ?? parts.abisDefaultTarget })];
    }
    case 'FAILED_USER_RESTRICTED':
      return isXiaomi(ctx) ? [parts.xiaomiRestricted, parts.xiaomiUsbFix] : [message, fix];
    case 'CANCELED_BY_USER':
      return isXiaomi(ctx) ? [parts.xiaomiCanceled, parts.xiaomiUsbFix] : [message, fix];
    default:
      return [message, fix];
  }
}

/** The explanation of `reason` in `locale`; unknown reasons get a generic text quoting them. */
export function installFailureText(
  locale: Locale,
  reason: string,
  raw: string,
  ctx: InstallFailureContext = {},
): FailureText {
  const key = installFailureKey(reason);
  if (key) return keyed(key, raw, ctx, locale);
  const { parts } = TABLES[locale];
  if (isJavaException(reason)) {
    return reason.endsWith('SecurityException')
      ? [fill(parts.securityException, { reason }), isXiaomi(ctx) ? parts.xiaomiUsbFix : parts.securityFix]
      : [fill(parts.javaException, { reason }), parts.javaFix];
  }
  return [fill(parts.unknown, { reason }), parts.unknownFix];
}
