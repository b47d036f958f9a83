/**
 * Builders for the doctor's unit tests: identities from the real getprop captures, and facts
 * made of the phone's own text (small excerpts in the real formats, or whole real captures).
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { DoctorCheck, DoctorSubject } from '../../../shared/domain/doctor';
import { classifyIdentity } from '../../../electron/lab/android/identity';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { parseDumpsysPackage } from '../../../electron/lab/android/parsers/dumpsys-package';
import { parseAppOpsForPackage } from '../../../electron/lab/android/parsers/appops';
import { parseDeviceIdle } from '../../../electron/lab/android/parsers/deviceidle';
import {
  parseNotificationPreferences,
  parseZenMode,
} from '../../../electron/lab/android/parsers/notification-dump';
import { parseRuntimePermission } from '../../../electron/lab/android/parsers/runtime-permission';
import { parseStandbyBucket } from '../../../electron/lab/android/parsers/standby-bucket';
import { decodeDeviceText } from '../../../electron/lab/android/parsers/decode';
import { packageUid } from '../../../electron/lab/android/commands/doctor/read-package-dump';
import { evaluateChecks } from '../../../electron/lab/doctor/evaluate';
import { emptyFacts, type DoctorFacts } from '../../../electron/lab/doctor/facts-types';
import { fixture } from '../android/fixtures';

const DEFAULT_PERMISSION =
  'granted=true, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]';

export const PKG = 'com.example.pushlab.demo';

export function subject(channelIds: readonly string[] = [], pkg = PKG): DoctorSubject {
  return { serial: 'S1', package: pkg, channelIds };
}

/** Identity of a real phone, from its getprop capture (test/fixtures/getprop/<name>). */
export function identityOf(getprop: string, overrides: Partial<DeviceIdentity> = {}): DeviceIdentity {
  return {
    ...classifyIdentity({ props: parseGetprop(fixture('getprop', getprop)), packages: null }),
    ...overrides,
  };
}

export const XIAOMI_HYPEROS = 'xiaomi-hyperos2-android14-2.txt';
export const PIXEL_15 = 'google-pixel-android15-1.txt';
export const OPPO_COLOROS15 = 'oppo-coloros15-android15-1.txt';
export const HUAWEI_EMUI10 = 'huawei-emui10-android10-1.txt';
export const SAMSUNG_ONEUI6 = 'samsung-oneui6.1-android14-2.txt';

/** A `dumpsys package <pkg>` block in the Android 14 format, with the User 0 state asked for. */
export function packageDumpText(
  opts: {
    pkg?: string;
    stopped?: boolean;
    notLaunched?: boolean;
    enabled?: number;
    suspended?: boolean;
    permission?: string | null;
    uid?: number;
  } = {},
): string {
  const pkg = opts.pkg ?? PKG;
  const perm =
    opts.permission === null
      ? ''
      : `      runtime permissions:\n        android.permission.POST_NOTIFICATIONS: ${opts.permission ?? DEFAULT_PERMISSION}\n`;
  return (
    `Packages:\n  Package [${pkg}] (6b1f2a0):\n    appId=${opts.uid ?? 10312}\n    versionCode=412 minSdk=24 targetSdk=34\n    versionName=4.1.2\n` +
    `    lastUpdateTime=2025-03-02 10:14:07\n` +
    (`    User 0: ceDataInode=1643854 installed=true hidden=false suspended=${opts.suspended ?? false} ` +
      `distractionFlags=0 stopped=${opts.stopped ?? false} notLaunched=${opts.notLaunched ?? false} ` +
      `enabled=${opts.enabled ?? 0} instant=false virtual=false\n`) +
    perm
  );
}

export function withPackage(facts: DoctorFacts, text: string, pkg = PKG): DoctorFacts {
  const info = parseDumpsysPackage(text, pkg);
  return {
    ...facts,
    package: {
      text,
      value: {
        info,
        uid: packageUid(text, pkg),
        postNotifications: info
          ? parseRuntimePermission(text, 'android.permission.POST_NOTIFICATIONS')
          : null,
      },
    },
  };
}

/** A NotificationChannel line as PreferencesHelper dumps it (Android 14). */
export function channelText(
  id: string,
  fields: {
    importance?: number;
    bypassDnd?: boolean;
    visibility?: number;
    deleted?: boolean;
    name?: string;
  } = {},
): string {
  return (
    `        NotificationChannel{mId='${id}', mName=${fields.name ?? 'Messages'}, mDescription=, ` +
    `mImportance=${fields.importance ?? 4}, mBypassDnd=${fields.bypassDnd ?? false}, ` +
    (`mLockscreenVisibility=${fields.visibility ?? -1000}, mSound=content://settings/system/notification_sound, ` +
      `mLights=false, mLightColor=0, mVibration=null, `) +
    (`mUserLockedFields=0, mUserVisibleTaskShown=false, mVibrationEnabled=true, mShowBadge=true, ` +
      `mDeleted=${fields.deleted ?? false}, mDeletedTimeMs=-1, mGroup='null', `) +
    (`mAudioAttributes=AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION ` +
      `flags=0x800 tags= bundle=null, mBlockableSystem=false, mAllowBubbles=-1, `) +
    `mImportanceLockedDefaultApp=false, mOriginalImp=4, mParent=null, mConversationId=null, mDemoted=false, mImportantConvo=false}`
  );
}

/** A `dumpsys notification` excerpt: PackagePreferences with the app's entry, and the Zen section. */
export function notificationDumpText(
  opts: { appImportance?: string | null; channels?: readonly string[]; zen?: string; pkg?: string } = {},
): string {
  const pkg = opts.pkg ?? PKG;
  const app =
    opts.appImportance === null
      ? ''
      : `      AppSettings: ${pkg} (10312) importance=${opts.appImportance ?? 'DEFAULT'} ` +
        `userSet=false\n${(opts.channels ?? []).join('\n')}${(opts.channels ?? []).length > 0 ? '\n' : ''}`;
  return (
    `Current Notification Manager state:\n  Ranking Config:\n    mSignalExtractors.length = 10\n\n Notification Preferences:\nPackagePreferences:\n` +
    `      AppSettings: com.android.ons (1001) fixedImportance=true\n${app}` +
    `  Zen Mode:\n    mInterruptionFilter=1\n    mZenMode=${opts.zen ?? 'ZEN_MODE_OFF'}\n`
  );
}

export function withNotifications(facts: DoctorFacts, text: string, pkg = PKG): DoctorFacts {
  return {
    ...facts,
    notifications: { text, value: { app: parseNotificationPreferences(text, pkg), zen: parseZenMode(text) } },
  };
}

export function withAppOps(facts: DoctorFacts, text: string, pkg = PKG): DoctorFacts {
  return { ...facts, appOps: { text, value: parseAppOpsForPackage(text, pkg) } };
}

export function withDeviceIdle(facts: DoctorFacts, text: string): DoctorFacts {
  return { ...facts, deviceIdle: { text, value: parseDeviceIdle(text) } };
}

export function withStandby(facts: DoctorFacts, text: string): DoctorFacts {
  return { ...facts, standbyBucket: { text, value: parseStandbyBucket(text).bucket } };
}

export function withSetting(
  facts: DoctorFacts,
  key: keyof DoctorFacts['settings'],
  value: string | null,
): DoctorFacts {
  return { ...facts, settings: { ...facts.settings, [key]: { text: value ?? 'null', value } } };
}

/** Facts of a healthy phone: everything read, nothing in the way. */
export function healthyFacts(channelIds: readonly string[] = ['im_push']): DoctorFacts {
  let facts = emptyFacts();
  facts = withPackage(facts, packageDumpText());
  facts = withNotifications(
    facts,
    notificationDumpText({ channels: channelIds.map((id) => channelText(id)) }),
  );
  facts = withAppOps(
    facts,
    'RUN_IN_BACKGROUND: allow\nRUN_ANY_IN_BACKGROUND: allow\nMIUIOP(10008): allow\nMIUIOP(10020): allow\n',
  );
  facts = withDeviceIdle(facts, `system,com.google.android.gms,10143\nuser,${PKG},10312\n`);
  facts = withStandby(facts, '10');
  for (const [k, v] of [
    ['global/zen_mode', '0'],
    ['global/low_power', '0'],
    ['secure/lock_screen_show_notifications', '1'],
    ['secure/lock_screen_allow_private_notifications', '1'],
  ] as const) {
    facts = withSetting(facts, k, v);
  }
  return {
    ...facts,
    dataSaver: { text: 'Restrict background status: disabled', value: false },
    backgroundDataDenylist: { text: 'Restrict background blacklisted UIDs: 10140', value: [10140] },
    dataSaverAllowlist: { text: 'Restrict background whitelisted UIDs: 10153', value: [10153] },
    pushServices: [],
  };
}

export function byId(checks: readonly DoctorCheck[], id: string): DoctorCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}

export function evaluate(
  facts: DoctorFacts,
  identity: DeviceIdentity | null,
  channelIds: readonly string[] = ['im_push'],
): DoctorCheck[] {
  return evaluateChecks(facts, identity, subject(channelIds));
}

export { decodeDeviceText, emptyFacts, fixture };
