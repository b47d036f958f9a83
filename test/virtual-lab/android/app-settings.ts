/**
 * Per-package settings that decide whether an offline push is shown: runtime-permission flags,
 * the app-level notification switch, notification channels and posted records (NotificationManager
 * PreferencesHelper / NotificationRecord), app-op modes (AppOpsService), the standby bucket
 * (AppStandbyController), the Doze user allow-list (DeviceIdleController) and the per-uid
 * background-data restriction (NetworkPolicyManager POLICY_REJECT_METERED_BACKGROUND).
 * Pure data and a factory: the rules live in notifications.ts and battery.ts.
 */
import type { VendorFamily } from './vendor';

/** FLAG_PERMISSION_* bits (android.content.pm.PackageManager) with their dump names, in bit order. */
export const PERMISSION_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [1 << 0, 'USER_SET'],
  [1 << 1, 'USER_FIXED'],
  [1 << 2, 'POLICY_FIXED'],
  [1 << 3, 'REVOKED_COMPAT'],
  [1 << 4, 'SYSTEM_FIXED'],
  [1 << 5, 'GRANTED_BY_DEFAULT'],
  [1 << 6, 'REVIEW_REQUIRED'],
  [1 << 7, 'REVOKE_WHEN_REQUESTED'],
  [1 << 8, 'USER_SENSITIVE_WHEN_GRANTED'],
  [1 << 9, 'USER_SENSITIVE_WHEN_DENIED'],
  [1 << 15, 'GRANTED_BY_ROLE'],
  [1 << 16, 'ONE_TIME'],
  [1 << 17, 'AUTO_REVOKED'],
];

export const FLAG_USER_SET = 1 << 0;
export const FLAG_USER_FIXED = 1 << 1;
/** Both USER_SENSITIVE_* bits: what Android 10+ gives every runtime permission of a user app. */
export const FLAGS_USER_SENSITIVE = (1 << 8) | (1 << 9);

export const POST_NOTIFICATIONS = 'android.permission.POST_NOTIFICATIONS';

/** `pm set-permission-flags` names (PackageManagerShellCommand.SUPPORTED_PERMISSION_FLAGS). */
export const SHELL_PERMISSION_FLAGS: ReadonlyMap<string, number> = new Map([
  ['review-required', 1 << 6],
  ['revoked-compat', 1 << 3],
  ['revoke-when-requested', 1 << 7],
  ['user-fixed', FLAG_USER_FIXED],
  ['user-set', FLAG_USER_SET],
]);

/** Runtime ("dangerous") permissions and the release that introduced them; the rest are install-time. */
const RUNTIME_PERMISSIONS: ReadonlyMap<string, number> = new Map([
  ['android.permission.READ_CONTACTS', 23],
  ['android.permission.WRITE_CONTACTS', 23],
  ['android.permission.GET_ACCOUNTS', 23],
  ['android.permission.READ_CALENDAR', 23],
  ['android.permission.WRITE_CALENDAR', 23],
  ['android.permission.CAMERA', 23],
  ['android.permission.RECORD_AUDIO', 23],
  ['android.permission.ACCESS_FINE_LOCATION', 23],
  ['android.permission.ACCESS_COARSE_LOCATION', 23],
  ['android.permission.ACCESS_BACKGROUND_LOCATION', 29],
  ['android.permission.READ_PHONE_STATE', 23],
  ['android.permission.CALL_PHONE', 23],
  ['android.permission.READ_SMS', 23],
  ['android.permission.SEND_SMS', 23],
  ['android.permission.READ_EXTERNAL_STORAGE', 23],
  ['android.permission.WRITE_EXTERNAL_STORAGE', 23],
  ['android.permission.BLUETOOTH_CONNECT', 31],
  ['android.permission.BLUETOOTH_SCAN', 31],
  ['android.permission.READ_MEDIA_IMAGES', 33],
  ['android.permission.READ_MEDIA_VIDEO', 33],
  ['android.permission.READ_MEDIA_AUDIO', 33],
  [POST_NOTIFICATIONS, 33],
]);

/** True when `perm` is a platform runtime permission newer than this release (so undefined here). */
export function isFuturePermission(perm: string, sdk: number): boolean {
  const since = RUNTIME_PERMISSIONS.get(perm);
  return since !== undefined && sdk < since;
}

/** True when `perm` is a runtime permission on this release. */
export function isRuntimePermission(perm: string, sdk: number): boolean {
  const since = RUNTIME_PERMISSIONS.get(perm);
  return since !== undefined && sdk >= since;
}

export type OpMode = 'allow' | 'ignore' | 'deny' | 'default' | 'foreground';

/** What a channel looks like (NotificationChannel fields PushLab reads). */
export interface ChannelState {
  readonly id: string;
  name: string;
  description: string;
  /** 0 NONE (blocked) .. 5 MAX. */
  importance: number;
  /** The importance the app asked for (mOriginalImp). */
  readonly originalImportance: number;
  /** Sound URI, or null for a silent channel. */
  sound: string | null;
  vibration: boolean;
  lights: boolean;
  /** -1000 no override, 1 public, 0 private, -1 secret. */
  lockscreenVisibility: number;
  bypassDnd: boolean;
  showBadge: boolean;
  deleted: boolean;
  deletedTimeMs: number;
  /** USER_LOCKED_* bits the user changed (importance 4, vibration 16, sound 32 ...). */
  userLockedFields: number;
}

/** A channel the app creates (defaults as NotificationChannel's constructor sets them). */
export interface ChannelSpec {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  /** Default 3 (IMPORTANCE_DEFAULT). */
  readonly importance?: number;
  readonly sound?: string | null;
  readonly vibration?: boolean;
  readonly lockscreenVisibility?: number;
  readonly bypassDnd?: boolean;
}

/** Test-settable channel fields (setChannel). */
export type ChannelPatch = Partial<Omit<ChannelState, 'id' | 'originalImportance'>>;

/** A posted notification (NotificationRecord). */
export interface NotificationRecordState {
  readonly id: number;
  readonly channelId: string;
  readonly title: string;
  readonly text: string;
  readonly postedAt: number;
  readonly importance: number;
  /** Suppressed by Do Not Disturb (mIntercept). */
  readonly intercepted: boolean;
}

export interface AppSettingsState {
  /** Android < 13: the app-level switch is off (PackagePreferences importance=NONE). */
  notificationsOff: boolean;
  /** Runtime-permission flags by permission name. */
  readonly permissionFlags: Map<string, number>;
  readonly channels: Map<string, ChannelState>;
  /** Channels the app creates on first launch; null = the phone's default list. */
  launchChannels: readonly ChannelSpec[] | null;
  channelsCreated: boolean;
  readonly records: NotificationRecordState[];
  /** Package-level app-op modes by op code. */
  readonly ops: Map<number, OpMode>;
  /** Uid-level app-op modes by op code (`appops set --uid`). */
  readonly uidOps: Map<number, OpMode>;
  /** A bucket set by `am set-standby-bucket` (kept until the app is used again). */
  forcedBucket: number | null;
  /** Last time the user launched the app (usage puts it in ACTIVE). */
  lastUsedAt: number | null;
  /** On the Doze user allow-list ("not optimized"). */
  dozeAllowlisted: boolean;
  /** uid on the restrict-background blacklist (background data off). */
  backgroundDataRestricted: boolean;
}

/** MIUI/HyperOS op: autostart (AUTO_START in MIUI's AppOpsManager). */
export const MIUI_OP_AUTOSTART = 10008;

export interface AppSettingsInput {
  readonly sdk: number;
  readonly family: VendorFamily;
  readonly system: boolean;
  readonly requestedPermissions: readonly string[];
}

/** Fresh settings for a package at install (or boot, for system apps). */
export function newAppSettings(input: AppSettingsInput): AppSettingsState {
  const flags = new Map<string, number>();
  if (!input.system) {
    for (const perm of input.requestedPermissions) {
      if (isRuntimePermission(perm, input.sdk)) flags.set(perm, input.sdk >= 29 ? FLAGS_USER_SENSITIVE : 0);
    }
  }
  const settings: AppSettingsState = {
    // ColorOS: new user apps start with notifications off (Tencent IM FAQ, /work/shared/seeds 002).
    notificationsOff: !input.system && input.family === 'oppo' && input.sdk < 33,
    permissionFlags: flags,
    channels: new Map(),
    launchChannels: null,
    channelsCreated: false,
    records: [],
    ops: new Map(),
    uidOps: new Map(),
    forcedBucket: null,
    lastUsedAt: null,
    dozeAllowlisted: false,
    backgroundDataRestricted: false,
  };
  // MIUI's Security Center sets autostart to "ignore" for every user app it sees installed.
  if (!input.system && input.family === 'xiaomi') settings.ops.set(MIUI_OP_AUTOSTART, 'ignore');
  return settings;
}

/** A channel as NotificationChannel(id, name, importance) starts out. */
export function channelFromSpec(spec: ChannelSpec): ChannelState {
  const importance = spec.importance ?? 3;
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    description: spec.description ?? '',
    importance,
    originalImportance: importance,
    sound: spec.sound === undefined ? 'content://settings/system/notification_sound' : spec.sound,
    vibration: spec.vibration ?? false,
    lights: false,
    lockscreenVisibility: spec.lockscreenVisibility ?? -1000,
    bypassDnd: spec.bypassDnd ?? false,
    showBadge: true,
    deleted: false,
    deletedTimeMs: -1,
    userLockedFields: 0,
  };
}
