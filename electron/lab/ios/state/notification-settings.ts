/**
 * An app's notification permission on a simulator, read from its BulletinBoard store on the Mac
 * (data/Library/BulletinBoard/VersionedSectionInfo.plist, or the older SectionInfo.plist). The
 * file does not exist until the simulator has used notifications, and an app without a section
 * has never asked: both mean "not determined". Granting is manual (or the app's own prompt):
 * simctl privacy has no notifications service.
 */
import { join } from 'node:path';
import { LabError } from '../../errors';
import { PlistFormatError, parsePlist } from '../plist/plist';
import { notificationSettingsFor, type NotificationSettings } from '../parsers/section-info';
import { readSimulatorFile } from './read-file';

export type NotificationPermission =
  | { readonly state: 'no-store' }
  | { readonly state: 'not-asked' }
  | { readonly state: 'read'; readonly settings: NotificationSettings; readonly file: string };

export const BULLETIN_FILES = [
  'Library/BulletinBoard/VersionedSectionInfo.plist',
  'Library/BulletinBoard/SectionInfo.plist',
] as const;

export async function readNotificationPermission(
  dataPath: string,
  bundleId: string,
): Promise<NotificationPermission> {
  for (const relative of BULLETIN_FILES) {
    const file = join(dataPath, relative);
    const bytes = await readSimulatorFile(file, relative);
    if (bytes === null) continue;
    try {
      const settings = notificationSettingsFor(parsePlist(bytes), bundleId);
      return settings === null ? { state: 'not-asked' } : { state: 'read', settings, file: relative };
    } catch (error) {
      if (error instanceof PlistFormatError) {
        throw new LabError(
          'MALFORMED_OUTPUT',
          `The simulator's ${relative} cannot be read: ${error.message}`,
          {
            hint: 'SpringBoard may be rewriting it; try again in a moment.',
            zh: {
              message: `无法读取模拟器的 ${relative}：${error.message}`,
              hint: 'SpringBoard 可能正在改写它；请稍后再试。',
            },
          },
        );
      }
      throw error;
    }
  }
  return { state: 'no-store' };
}

/** One plain sentence for reports and prepare notes. */
export function describePermission(permission: NotificationPermission, bundleId: string): string {
  switch (permission.state) {
    case 'no-store':
      return `notifications: not determined for ${bundleId} (this simulator has not used notifications yet)`;
    case 'not-asked':
      return `notifications: not determined for ${bundleId} (the app has not asked yet)`;
    case 'read': {
      const s = permission.settings;
      const style = s.alertStyle ? `, alert style ${s.alertStyle}` : '';
      const lock = s.lockScreen === false ? ', hidden on the lock screen' : '';
      return `notifications: ${s.authorization}${style}${lock}`;
    }
  }
}
