/**
 * `dumpsys notification [--noredact] [p|pkg|--package <pkg>] [zen|--zen]` in the layout of
 * NotificationManagerService.dumpImpl (real captures: test/fixtures/dumpsys-notification, Pixel
 * Android 16 --noredact and HyperOS 2 redacted):
 * "Current Notification Manager state[ (filtered to 'p')]:", "  Notification List:" (only when a
 * record exists), the NMS fields, "  Ranking Config:", " Notification Preferences:" with
 * "PackagePreferences:" / "      AppSettings: <pkg> (<uid>)[ importance=… userSet=…]" and its
 * channels, "Restored without uid:", then "  Zen Mode:" (unfiltered dumps only).
 * A package filter matches by substring, as DumpFilter.matches does. The AppSettings line: on
 * Android 13+ importance is the POST_NOTIFICATIONS grant (DEFAULT/NONE) and userSet its
 * USER_SET/USER_FIXED flags (PreferencesHelper.dumpPackagePreferencesLocked); before 13 only a
 * non-default importance prints ("importance=NONE" for a blocked app). Preferences are in
 * ArrayMap order: the hash of "<pkg>|<uid>".
 */
import {
  appNotificationsEnabled,
  appSwitchUserSet,
  usesNotificationPermission,
  zenMode,
} from '../../notifications';
import { javaHashCode, type AppPackage, type PhoneState } from '../../state';
import { channelText, recordText } from './notification-format';

interface DumpFilter {
  readonly redact: boolean;
  readonly pkg: string | null;
  readonly zen: boolean;
}

function parseFilter(args: readonly string[]): DumpFilter {
  let redact = true;
  let pkg: string | null = null;
  let zen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--noredact' || a === '--reveal') redact = false;
    else if ((a === 'p' || a === 'pkg' || a === '--package') && i < args.length - 1) {
      const value = (args[++i] ?? '').trim().toLowerCase();
      pkg = value === '' ? null : value;
    } else if (a === '--zen' || a === 'zen') zen = true;
  }
  return { redact, pkg, zen };
}

function matches(filter: DumpFilter, pkg: string): boolean {
  if (filter.zen) return true;
  return filter.pkg === null || pkg.toLowerCase().includes(filter.pkg);
}

function extractors(sdk: number): string[] {
  const all = [
    'NotificationChannelExtractor',
    'NotificationAdjustmentExtractor',
    'BubbleExtractor',
    'ValidateNotificationPeople',
    'PriorityExtractor',
    'ZenModeExtractor',
    'ImportanceExtractor',
    'NotificationIntrusivenessExtractor',
    'VisibilityExtractor',
    'BadgeExtractor',
    'CriticalNotificationExtractor',
  ];
  if (sdk < 29) return all.filter((e) => e !== 'BubbleExtractor' && e !== 'CriticalNotificationExtractor');
  if (sdk >= 36) return all.filter((e) => e !== 'NotificationIntrusivenessExtractor');
  return all;
}

/** The AppSettings line, or null when PreferencesHelper keeps nothing for the package. */
function appSettingsLine(phone: PhoneState, app: AppPackage): string | null {
  const s = app.settings;
  const permission = usesNotificationPermission(phone, app);
  if (!app.installed) return null;
  if (!permission && !s.channelsCreated && !s.notificationsOff) return null;
  let line = `      AppSettings: ${app.name} (${app.uid})`;
  if (permission)
    line += ` importance=${appNotificationsEnabled(phone, app) ? 'DEFAULT' : 'NONE'} userSet=${appSwitchUserSet(app)}`;
  else if (phone.sdk >= 33 && app.system) line += ' importance=DEFAULT userSet=false';
  else if (phone.sdk < 33 && s.notificationsOff) line += ' importance=NONE';
  if (app.system && phone.sdk >= 30) line += ' fixedImportance=true';
  return line;
}

function preferences(phone: PhoneState, filter: DumpFilter): string {
  const apps = [...phone.packages.values()]
    .filter((app) => matches(filter, app.name))
    .sort((a, b) => javaHashCode(`${a.name}|${a.uid}`) - javaHashCode(`${b.name}|${b.uid}`));
  let text = '';
  for (const app of apps) {
    const line = appSettingsLine(phone, app);
    if (line === null) continue;
    text += `${line}\n`;
    for (const channel of app.settings.channels.values())
      text += `        ${channelText(phone.sdk, channel, filter.redact)}\n`;
  }
  return text;
}

const ZEN_NAMES = [
  'ZEN_MODE_OFF',
  'ZEN_MODE_IMPORTANT_INTERRUPTIONS',
  'ZEN_MODE_NO_INTERRUPTIONS',
  'ZEN_MODE_ALARMS',
];
/** NotificationManager.INTERRUPTION_FILTER_* for each zen mode (ALL, PRIORITY, NONE, ALARMS). */
const ZEN_FILTERS = [1, 2, 3, 4];

function zenSection(phone: PhoneState): string {
  const zen = zenMode(phone);
  const convo = phone.sdk >= 30 ? ',conversations=true,conversationsFrom=important' : '';
  const rule =
    zen === 0
      ? 'null'
      : `ZenRule[enabled=true,snoozing=false,name=null,zenMode=${ZEN_NAMES[zen]},conditionId=,` +
        `condition=null,pkg=com.android.shell,id=null,creationTime=${phone.clock()},enabler=com.android.shell]`;
  return [
    '',
    '  Zen Mode:',
    `    mInterruptionFilter=${ZEN_FILTERS[zen]}`,
    `    mZenMode=${ZEN_NAMES[zen]}`,
    `    mConfig=allow(alarms=true,media=true,system=false,calls=true,callsFrom=stars,` +
      `repeatCallers=true,messages=false,messagesFrom=stars${convo},events=false,reminders=false)`,
    '      disallow(visualEffects=157)',
    `      manualRule=${rule}`,
    '    mSuppressedEffects=0',
    '',
  ].join('\n');
}

/** The whole dump for these arguments. */
export function dumpNotification(phone: PhoneState, args: readonly string[]): string {
  const filter = parseFilter(args);
  const filtered = filter.pkg !== null || filter.zen;
  const label = filter.zen ? 'zen' : `'${filter.pkg ?? ''}'`;
  let t = `Current Notification Manager state${filtered ? ` (filtered to ${label})` : ''}:\n`;
  if (!filter.zen) {
    let records = '';
    for (const app of phone.packages.values()) {
      if (!matches(filter, app.name)) continue;
      for (const record of app.settings.records) records += recordText(phone, app, record, filter.redact);
    }
    if (records !== '') t += `  Notification List:\n${records}  \n`;
    if (!filtered) {
      t +=
        '\n  mUseAttentionLight=false\n  mHasLight=true\n  mNotificationPulseEnabled=false\n  mSoundNotificationKey=null\n';
      t +=
        '  mVibrateNotificationKey=null\n  mDisableNotificationEffects=false\n  mCallState=CALL_STATE_IDLE\n  mSystemReady=true\n';
      t +=
        `  mMaxPackageEnqueueRate=5.0\n${phone.sdk >= 30 ? '  hideSilentStatusBar=false\n' : ''} ` +
        ` mArchive=Archive (0 notifications)\n\n  Snoozed notifications:\n`;
    }
    const ex = extractors(phone.sdk);
    t += `\n  Ranking Config:\n    mSignalExtractors.length = ${ex.length}\n${ex.map((e) => `      ${e}\n`).join('')}`;
    const version = phone.sdk >= 33 ? 4 : phone.sdk >= 30 ? 2 : 1;
    t += `\n Notification Preferences:\n    per-package config version: ${version}\nPackagePreferences:\n${preferences(phone, filter)}Restored without uid:\n`;
  }
  if (!filtered || filter.zen) t += zenSection(phone);
  return t;
}
