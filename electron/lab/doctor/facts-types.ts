/**
 * What the doctor read from one phone about one app. Every source is nullable: null means "not
 * read" (the read failed or does not apply), which the checks report as 'unknown', never guess.
 * Each read keeps the phone's decoded text so a check can quote the line behind its verdict.
 */
import type { DumpsysPackageInfo } from '../android/parsers/dumpsys-package';
import type { AppOpsInfo } from '../android/parsers/appops';
import type { DeviceIdleInfo } from '../android/parsers/deviceidle';
import type { AppNotificationSettings, ZenInfo } from '../android/parsers/notification-dump';
import type { parseRuntimePermission } from '../android/parsers/runtime-permission';
import type { StandbyBucket } from '../android/parsers/standby-bucket';
import type { DoctorSetting } from '../android/commands/doctor/read-setting';

/** A parsed value and the text it came from. */
export interface Read<T> {
  readonly value: T;
  readonly text: string;
}

export type RuntimePermissionState = NonNullable<ReturnType<typeof parseRuntimePermission>>;

export interface AppPackageFacts {
  /** null: the package is not installed. */
  readonly info: DumpsysPackageInfo | null;
  readonly uid: number | null;
  /** POST_NOTIFICATIONS as the package dump shows it; null when the app does not request it. */
  readonly postNotifications: RuntimePermissionState | null;
}

export interface NotificationFacts {
  /** null: the app has no AppSettings entry (it never touched its notification settings). */
  readonly app: AppNotificationSettings | null;
  readonly zen: ZenInfo;
}

export interface PushServiceFact {
  readonly package: string;
  readonly name: string;
  readonly minimumVersionCode: number | null;
  /** null: not installed. */
  readonly info: DumpsysPackageInfo | null;
  readonly text: string;
}

export interface DoctorFacts {
  readonly package: Read<AppPackageFacts> | null;
  readonly notifications: Read<NotificationFacts> | null;
  /** value null: the phone lists no ops for the app. */
  readonly appOps: Read<AppOpsInfo | null> | null;
  readonly deviceIdle: Read<DeviceIdleInfo> | null;
  readonly standbyBucket: Read<StandbyBucket | null> | null;
  /** Settings that were read (value null: unset, the default applies). */
  readonly settings: Readonly<Partial<Record<DoctorSetting, Read<string | null>>>>;
  /** Data Saver on/off. */
  readonly dataSaver: Read<boolean | null> | null;
  /** uids whose background data is off. */
  readonly backgroundDataDenylist: Read<readonly number[]> | null;
  /** uids exempt from Data Saver (read only while Data Saver is on). */
  readonly dataSaverAllowlist: Read<readonly number[]> | null;
  /** The push service packages of the phone's channel (each read with dumpsys package). */
  readonly pushServices: readonly PushServiceFact[] | null;
  /** Why a source was not read: source -> what went wrong, for the evidence of 'unknown' checks. */
  readonly unread: Readonly<Record<string, string>>;
}

/** Source names, as used in `unread` and in gatherFacts' errors. */
export const SOURCES = {
  package: 'dumpsys package',
  notifications: 'dumpsys notification',
  appOps: 'appops get',
  deviceIdle: 'dumpsys deviceidle',
  standbyBucket: 'am get-standby-bucket',
  dataSaver: 'cmd netpolicy get restrict-background',
  denylist: 'cmd netpolicy list restrict-background-blacklist',
  allowlist: 'cmd netpolicy list restrict-background-whitelist',
  pushServices: 'dumpsys package (push service)',
  identity: 'phone identity',
} as const;

/** The source name of a setting read. */
export const settingSource = (setting: DoctorSetting): string => `settings get ${setting.replace('/', ' ')}`;

/** Facts with nothing read: the starting point, and what tests build on. */
export function emptyFacts(): DoctorFacts {
  return {
    package: null,
    notifications: null,
    appOps: null,
    deviceIdle: null,
    standbyBucket: null,
    settings: {},
    dataSaver: null,
    backgroundDataDenylist: null,
    dataSaverAllowlist: null,
    pushServices: null,
    unread: {},
  };
}
