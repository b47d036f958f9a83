/**
 * Delivered notifications from a simulator's UserNotifications/<app>/DeliveredNotifications.plist:
 * an NSKeyedArchiver list of UNSNotificationRecord dictionaries (AppNotificationTitle,
 * AppNotificationMessage, AppNotificationCreationDate, UNNotificationUserInfo, ToneFileName…).
 * An empty store archives a null root. Pure: decoded plist in, records out.
 */
import { unarchive } from '../plist/keyed-archive';
import { PlistFormatError, isArray, isDict, type PlistDict, type PlistValue } from '../plist/plist';

export interface DeliveredNotification {
  readonly identifier: string | null;
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly body: string | null;
  /** When iOS delivered it (host epoch ms; the simulator shares the Mac's clock). */
  readonly deliveredAt: number | null;
  /** The push payload's custom keys and `aps`, as iOS kept them. */
  readonly userInfo: PlistDict | null;
  /** 'default', a custom sound file name, or null when it plays none. */
  readonly sound: string | null;
  readonly threadId: string | null;
  readonly category: string | null;
  readonly badge: number | null;
}

const text = (v: PlistValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

function soundOf(record: PlistDict): string | null {
  const file = text(record.ToneFileName);
  if (file !== null) return file;
  return record.ShouldPlaySound === true || record.ShouldPlaySound === 1 ? 'default' : null;
}

export function recordFrom(record: PlistDict): DeliveredNotification {
  const date = record.AppNotificationCreationDate;
  const badge = record.AppNotificationBadgeNumber;
  return {
    identifier: text(record.AppNotificationIdentifier),
    title: text(record.AppNotificationTitle),
    subtitle: text(record.AppNotificationSubtitle),
    body: text(record.AppNotificationMessage),
    deliveredAt: date instanceof Date ? date.getTime() : null,
    userInfo: isDict(record.UNNotificationUserInfo) ? record.UNNotificationUserInfo : null,
    sound: soundOf(record),
    threadId: text(record.SBSPushStoreNotificationThreadKey),
    category: text(record.SBSPushStoreNotificationCategoryKey),
    badge: typeof badge === 'number' ? badge : null,
  };
}

/** Every record in a decoded DeliveredNotifications.plist (oldest first, as iOS stores them). */
export function parseDeliveredNotifications(archive: PlistValue): DeliveredNotification[] {
  const root = unarchive(archive);
  if (root === null) return [];
  const items = isArray(root) ? root : [root];
  const records: DeliveredNotification[] = [];
  for (const item of items) {
    if (!isDict(item))
      throw new PlistFormatError('malformed', 'A delivered notification is not a dictionary.');
    records.push(recordFrom(item));
  }
  return records;
}
