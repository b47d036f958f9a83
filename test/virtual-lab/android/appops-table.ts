/**
 * The app ops a push lab touches, as AppOpsManager names them (sOpNames / sOpToString, AOSP
 * frameworks/base core/java/android/app/AppOpsManager.java), with the release each appeared in
 * and its default mode. MIUI/HyperOS adds its own ops from 10000 up; AppOpsManager.opToName
 * prints them as "MIUIOP(<code>)" (test/fixtures/appops capture).
 */
import type { OpMode } from './app-settings';
import type { PhoneState } from './state';

interface OpInfo {
  readonly code: number;
  readonly name: string;
  /** The public name strOpToOp also accepts ("android:run_any_in_background"). */
  readonly publicName: string;
  readonly sinceSdk: number;
  readonly defaultMode: OpMode;
}

const OPS: readonly OpInfo[] = [
  {
    code: 11,
    name: 'POST_NOTIFICATION',
    publicName: 'android:post_notification',
    sinceSdk: 19,
    defaultMode: 'allow',
  },
  {
    code: 24,
    name: 'SYSTEM_ALERT_WINDOW',
    publicName: 'android:system_alert_window',
    sinceSdk: 19,
    defaultMode: 'default',
  },
  { code: 40, name: 'WAKE_LOCK', publicName: 'android:wake_lock', sinceSdk: 19, defaultMode: 'allow' },
  {
    code: 43,
    name: 'GET_USAGE_STATS',
    publicName: 'android:get_usage_stats',
    sinceSdk: 21,
    defaultMode: 'default',
  },
  {
    code: 63,
    name: 'RUN_IN_BACKGROUND',
    publicName: 'android:run_in_background',
    sinceSdk: 24,
    defaultMode: 'allow',
  },
  {
    code: 66,
    name: 'REQUEST_INSTALL_PACKAGES',
    publicName: 'android:request_install_packages',
    sinceSdk: 26,
    defaultMode: 'default',
  },
  {
    code: 70,
    name: 'RUN_ANY_IN_BACKGROUND',
    publicName: 'android:run_any_in_background',
    sinceSdk: 28,
    defaultMode: 'allow',
  },
  {
    code: 76,
    name: 'START_FOREGROUND',
    publicName: 'android:start_foreground',
    sinceSdk: 28,
    defaultMode: 'allow',
  },
];

/** AppOpsManager._NUM_OP by release (approximate counts; only "Bad operation #N" depends on it). */
function numOps(sdk: number): number {
  const table: ReadonlyArray<readonly [number, number]> = [
    [36, 150],
    [35, 144],
    [34, 134],
    [33, 121],
    [31, 115],
    [30, 102],
    [29, 91],
    [28, 78],
    [27, 70],
    [26, 69],
  ];
  for (const [since, count] of table) if (sdk >= since) return count;
  return 64;
}

/** MIUI ops the ROM defines (10001..10051 on MIUI 12-HyperOS as far as captures show). */
function isMiuiOp(phone: PhoneState, code: number): boolean {
  return phone.vendor.family === 'xiaomi' && code > 10000 && code <= 10051;
}

export const OP_POST_NOTIFICATION = 11;
export const OP_RUN_IN_BACKGROUND = 63;
export const OP_RUN_ANY_IN_BACKGROUND = 70;

/** True when this phone knows the op (a real one on this release, or a MIUI op on MIUI). */
export function opExists(phone: PhoneState, code: number): boolean {
  return isMiuiOp(phone, code) || (code >= 0 && code < numOps(phone.sdk));
}

/** True for ops below _NUM_OP (the ones `appops get` can print a "Default mode" for). */
export function isPlatformOp(phone: PhoneState, code: number): boolean {
  return code >= 0 && code < numOps(phone.sdk);
}

/** AppOpsManager.opToName. */
export function opName(code: number): string {
  const info = OPS.find((o) => o.code === code);
  if (info) return info.name;
  return code >= 10000 ? `MIUIOP(${code})` : `OP_${code}`;
}

/** AppOpsManager.opToDefaultMode ('default' for MIUI ops, which the Security Center decides). */
export function opDefaultMode(code: number): OpMode {
  return OPS.find((o) => o.code === code)?.defaultMode ?? 'default';
}

/**
 * AppOpsService.Shell.strOpToOp: a public name, then a number, then a debug name; anything else
 * is "Unknown operation string: X". Ops newer than the release are unknown by name.
 */
export function parseOp(
  phone: PhoneState,
  text: string,
): { readonly code: number } | { readonly error: string } {
  const byName = OPS.find((o) => (o.publicName === text || o.name === text) && phone.sdk >= o.sinceSdk);
  if (byName) return { code: byName.code };
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return { code: Number(text) };
  return { error: `Unknown operation string: ${text}` };
}

export const MODE_NAMES: readonly OpMode[] = ['allow', 'ignore', 'deny', 'default', 'foreground'];

/** AppOpsService.Shell.strModeToMode: a name or its number. */
export function parseMode(text: string): OpMode | null {
  const named = MODE_NAMES.find((m) => m === text);
  if (named) return named;
  if (/^\d+$/.test(text)) return MODE_NAMES[Number(text)] ?? null;
  return null;
}
