/**
 * The app's delivered notifications on a simulator, read from the Mac:
 * data/Library/UserNotifications/<bundle id>/DeliveredNotifications.plist, or — where iOS names
 * the folders by UUID — the folder Library.plist maps the bundle id to. A missing store is an
 * empty list (nothing delivered yet).
 */
import { join } from 'node:path';
import { LabError } from '../../errors';
import { isKeyedArchive, unarchive } from '../plist/keyed-archive';
import { PlistFormatError, isDict, parsePlist } from '../plist/plist';
import { parseDeliveredNotifications, type DeliveredNotification } from '../parsers/delivered-notifications';
import { readSimulatorFile } from './read-file';

const STORE = 'Library/UserNotifications';
const UUID_DIR = /^[0-9A-Fa-f-]{36}$/;

/** The folder name iOS keeps the app's notifications under, per Library.plist; null when it has none. */
async function folderFromLibrary(dataPath: string, bundleId: string): Promise<string | null> {
  const bytes = await readSimulatorFile(
    join(dataPath, STORE, 'Library.plist'),
    'UserNotifications/Library.plist',
  );
  if (bytes === null) return null;
  const plist = parsePlist(bytes);
  const mapping = isKeyedArchive(plist) ? unarchive(plist) : plist;
  const folder = isDict(mapping) ? mapping[bundleId] : undefined;
  return typeof folder === 'string' && UUID_DIR.test(folder) ? folder : null;
}

export async function readDeliveredNotifications(
  dataPath: string,
  bundleId: string,
): Promise<DeliveredNotification[]> {
  try {
    let bytes = await readSimulatorFile(
      join(dataPath, STORE, bundleId, 'DeliveredNotifications.plist'),
      'DeliveredNotifications.plist',
    );
    if (bytes === null) {
      const folder = await folderFromLibrary(dataPath, bundleId);
      if (folder !== null)
        bytes = await readSimulatorFile(
          join(dataPath, STORE, folder, 'DeliveredNotifications.plist'),
          'DeliveredNotifications.plist',
        );
    }
    return bytes === null ? [] : parseDeliveredNotifications(parsePlist(bytes));
  } catch (error) {
    if (error instanceof PlistFormatError) {
      throw new LabError(
        'MALFORMED_OUTPUT',
        `The simulator's delivered notifications for ${bundleId} cannot be read: ${error.message}`,
        {
          hint: 'iOS may be rewriting the file; PushLab reads it again on the next poll.',
          zh: {
            message: `无法读取模拟器上 ${bundleId} 已送达的通知：${error.message}`,
            hint: 'iOS 可能正在改写该文件；PushLab 会在下次轮询时重新读取。',
          },
        },
      );
    }
    throw error;
  }
}
