// Files iOS keeps on a simulator, written as iOS writes them (binary plists, keyed archives):
// BulletinBoard/VersionedSectionInfo.plist (notification permission per app) and
// UserNotifications/<bundle id or UUID>/DeliveredNotifications.plist (+ Library.plist for UUIDs).
// Shared by the fake xcrun and the test helpers that set a simulator up.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyedArchive, writeBinaryPlist } from './plist-io.mjs';

export const simulatorDataPath = (stateDir, udid) => join(stateDir, 'devices', udid, 'data');

const STATUS_CODES = { notDetermined: 0, denied: 1, authorized: 2, provisional: 3, ephemeral: 4 };

/**
 * BulletinBoard/VersionedSectionInfo.plist with one archived BBSectionInfo per app that asked.
 * `settings` overrides per app what the user changed in Settings › Notifications (alertType
 * 0 none, 1 banners, 2 alerts; pushSettings bits 8 badges, 16 sounds).
 */
export function writeSectionInfo(dataPath, authorizations, settings = {}) {
  const dir = join(dataPath, 'Library', 'BulletinBoard');
  mkdirSync(dir, { recursive: true });
  const sectionInfo = {};
  for (const [bundle, status] of Object.entries(authorizations)) {
    const values = {
      $class: 'BBSectionInfoSettings',
      authorizationStatus: STATUS_CODES[status] ?? 0,
      alertType: 1,
      lockScreenSetting: 2,
      notificationCenterSetting: 2,
      pushSettings: 63,
      showsOnExternalDevices: true,
      ...settings[bundle],
    };
    sectionInfo[bundle] = keyedArchive({
      $class: 'BBSectionInfo',
      sectionID: bundle,
      sectionType: 0,
      sectionInfoSettings: values,
      version: 2,
    });
  }
  writeFileSync(
    join(dir, 'VersionedSectionInfo.plist'),
    writeBinaryPlist({ sectionInfo, sectionInfoVersionNumber: 2 }),
  );
}

export function writeDelivered(dataPath, bundle, records, layout) {
  const root = join(dataPath, 'Library', 'UserNotifications');
  let folder = bundle;
  if (layout === 'uuid') {
    const mapFile = join(root, 'fake-folders.json');
    const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : {};
    map[bundle] ??= randomUUID().toUpperCase();
    mkdirSync(root, { recursive: true });
    writeFileSync(mapFile, JSON.stringify(map));
    writeFileSync(join(root, 'Library.plist'), keyedArchive(map));
    folder = map[bundle];
  }
  mkdirSync(join(root, folder), { recursive: true });
  const tmp = join(root, folder, `.Delivered.${process.pid}`);
  writeFileSync(
    tmp,
    keyedArchive(
      records.length === 0
        ? null
        : records.map((r) => ({
            ...r,
            AppNotificationCreationDate: new Date(r.AppNotificationCreationDate),
          })),
    ),
  );
  renameSync(tmp, join(root, folder, 'DeliveredNotifications.plist'));
}
