/**
 * An app's notification settings from the simulator's BulletinBoard store: VersionedSectionInfo.plist
 * ({ sectionInfo: { <bundle id>: <NSKeyedArchiver BBSectionInfo> }, sectionInfoVersionNumber }) or the
 * flat legacy SectionInfo.plist ({ <bundle id>: <archive> }). Newer settings carry
 * `authorizationStatus` (0 notDetermined, 1 denied, 2 authorized, 3 provisional, 4 ephemeral); older
 * ones only `allowsNotifications`. Pure: decoded plist in, settings out.
 */
import { isKeyedArchive, unarchive } from '../plist/keyed-archive';
import { PlistFormatError, isDict, parsePlist, type PlistDict, type PlistValue } from '../plist/plist';

export const AUTHORIZATION_STATUSES = [
  'notDetermined',
  'denied',
  'authorized',
  'provisional',
  'ephemeral',
] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number] | 'unknown';

export interface NotificationSettings {
  readonly authorization: AuthorizationStatus;
  /** The raw authorizationStatus number; null when the settings only say allowsNotifications. */
  readonly statusCode: number | null;
  /** Notifications can be delivered (authorized, provisional or ephemeral); null when unknown. */
  readonly allowed: boolean | null;
  /** UNAlertStyle: none, banner or alert; null when not stated. */
  readonly alertStyle: 'none' | 'banner' | 'alert' | null;
  readonly lockScreen: boolean | null;
  readonly notificationCenter: boolean | null;
  /** Sounds and badges allowed (pushSettings bits); null when the settings carry no pushSettings. */
  readonly sound: boolean | null;
  readonly badge: boolean | null;
}

/**
 * BBSectionInfoSettings.pushSettings bits for badges and sounds. The old private headers say 1
 * and 2; what iOS really writes (and reads back) since iOS 10 is 1 << 3 and 1 << 4 (Pusher's
 * BBActualSectionInfoPushSettings, from a working tweak). Alerts are told by alertType instead.
 */
export const PUSH_SETTING_BADGES = 1 << 3;
export const PUSH_SETTING_SOUNDS = 1 << 4;

/** The sections a BulletinBoard file holds, by bundle id (values still archived). */
export function sectionsOf(store: PlistValue): PlistDict {
  if (!isDict(store)) throw new PlistFormatError('malformed', 'The BulletinBoard store is not a dictionary.');
  return isDict(store.sectionInfo) ? store.sectionInfo : store;
}

const setting = (value: PlistValue | undefined, legacy: PlistValue | undefined): boolean | null => {
  // UNNotificationSetting: 0 notSupported, 1 disabled, 2 enabled.
  if (typeof value === 'number') return value === 2 ? true : value === 1 ? false : null;
  return typeof legacy === 'boolean' ? legacy : null;
};

/** Settings from one decoded BBSectionInfo (its `sectionInfoSettings`). */
export function settingsFromSection(section: PlistValue): NotificationSettings {
  const info = isDict(section) && isDict(section.sectionInfoSettings) ? section.sectionInfoSettings : section;
  if (!isDict(info)) throw new PlistFormatError('malformed', 'The section has no settings.');
  const status = info.authorizationStatus;
  let authorization: AuthorizationStatus = 'unknown';
  let statusCode: number | null = null;
  if (typeof status === 'number') {
    statusCode = status;
    authorization = AUTHORIZATION_STATUSES[status] ?? 'unknown';
  } else if (typeof info.allowsNotifications === 'boolean') {
    authorization = info.allowsNotifications ? 'authorized' : 'denied';
  }
  const allowed =
    authorization === 'unknown'
      ? null
      : authorization === 'authorized' || authorization === 'provisional' || authorization === 'ephemeral';
  const alert = info.alertType;
  return {
    authorization,
    statusCode,
    allowed,
    alertStyle: alert === 0 ? 'none' : alert === 1 ? 'banner' : alert === 2 ? 'alert' : null,
    lockScreen: setting(info.lockScreenSetting, info.showsInLockScreen),
    notificationCenter: setting(info.notificationCenterSetting, info.showsInNotificationCenter),
    sound: typeof info.pushSettings === 'number' ? (info.pushSettings & PUSH_SETTING_SOUNDS) !== 0 : null,
    badge: typeof info.pushSettings === 'number' ? (info.pushSettings & PUSH_SETTING_BADGES) !== 0 : null,
  };
}

/** Decodes one section value (an archive as data, or already a dictionary). */
export function decodeSection(raw: PlistValue): PlistValue {
  const archive = raw instanceof Uint8Array ? parsePlist(raw) : raw;
  return isKeyedArchive(archive) ? unarchive(archive) : archive;
}

/** The app's settings from a whole BulletinBoard file, or null when the app has no section (never asked). */
export function notificationSettingsFor(store: PlistValue, bundleId: string): NotificationSettings | null {
  const sections = sectionsOf(store);
  if (!Object.hasOwn(sections, bundleId)) return null;
  return settingsFromSection(decodeSection(sections[bundleId] ?? null));
}
