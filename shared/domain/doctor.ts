/**
 * The push-readiness doctor: for one app on one phone, every setting that decides whether an
 * offline push is shown, with a verdict, the evidence behind it, advice, and one-click fixes.
 */
import type { ErrorInfo } from '../errors';
import type { DeviceChannel, RomInfo } from './device';

export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'unknown', 'manual'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A translatable text: a message key from shared/i18n plus its placeholder values. */
export interface Message {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/** Fixes the doctor can apply over adb (or open on the phone for a human). */
export const FIX_IDS = [
  'grant-post-notifications',
  'clear-notification-permission-flags',
  'allow-run-any-in-background',
  'allow-run-in-background',
  'doze-allowlist',
  'standby-bucket-active',
  'launch-app',
  'allow-miui-autostart',
  'open-app-notification-settings',
  'open-autostart-settings',
] as const;
export type FixId = (typeof FIX_IDS)[number];

export interface DoctorCheck {
  /** Stable id: 'app.installed', 'notifications.permission', 'channel:<channelId>', 'battery.doze', … */
  readonly id: string;
  readonly status: CheckStatus;
  readonly title: Message;
  /** The phone's own words behind the verdict (a dumpsys line, a setting value). Untrusted text. */
  readonly evidence: string;
  readonly advice: Message;
  /** Fixes that address this check, in the order to try them. */
  readonly fixes: readonly FixId[];
  /** For status 'manual': where to look on this ROM (from resources/vendor-settings). */
  readonly settingsPath: Message | null;
}

export interface DoctorSubject {
  readonly serial: string;
  readonly package: string;
  /** Channel ids the app's push configuration uses (OPPO ChannelID, Xiaomi/Huawei channels). */
  readonly channelIds: readonly string[];
}

export interface DoctorReport {
  /** Storage id once saved. */
  readonly id: number | null;
  readonly serial: string;
  readonly package: string;
  readonly takenAt: string;
  /** false when the phone went away (or a read failed) mid-check: the checks read so far are kept. */
  readonly complete: boolean;
  readonly incompleteReason: ErrorInfo | null;
  readonly phone: {
    readonly manufacturer: string;
    readonly model: string;
    readonly rom: RomInfo;
    readonly sdk: number | null;
    readonly pushChannel: DeviceChannel;
  } | null;
  readonly checks: readonly DoctorCheck[];
}

/** A check whose status or evidence changed since the previous snapshot ("settings drift"). */
export interface DriftItem {
  readonly checkId: string;
  readonly before: { readonly status: CheckStatus; readonly evidence: string } | null;
  readonly after: { readonly status: CheckStatus; readonly evidence: string } | null;
}

export interface DoctorResult {
  readonly report: DoctorReport;
  readonly previousTakenAt: string | null;
  readonly drift: readonly DriftItem[];
}

export interface FixOutcome {
  readonly fix: FixId;
  /** true only when the phone accepted the change AND a re-read confirms it. */
  readonly ok: boolean;
  readonly message: Message;
  /** What the phone said (e.g. a SecurityException), verbatim. */
  readonly detail: string | null;
  /** The affected checks before and after (re-read). */
  readonly before: readonly DoctorCheck[];
  readonly after: readonly DoctorCheck[];
  readonly at: string;
  /** Who applied it: the OS user name, or 'cli'. */
  readonly by: string;
}
