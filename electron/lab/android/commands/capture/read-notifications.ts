/**
 * The phone's posted notifications from `dumpsys notification --noredact`, parsed with the
 * real-capture parser. With one package the dump is filtered (`p <pkg>`): NMS's DumpFilter keeps a
 * record when the filter is a substring of its pkg OR its opPkg, so records a vendor push proxy
 * posts for the app stay in, and the dump shrinks from megabytes to a few kilobytes per poll.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { decodeDeviceText } from '../../parsers/decode';
import { parseNotificationRecords, type NotificationRecordInfo } from '../../parsers/notification-records';
import { assertAccepted } from '../../../adb/refusal';

export interface ReadNotificationsOptions {
  /** Ask NMS for this package's records only (substring match on pkg and opPkg, as NMS does it). */
  readonly package?: string;
  readonly timeoutMs?: number;
}

/** The shell command for a read (the package is validated first, never passed raw). */
export function notificationsCommand(pkg?: string): string {
  if (pkg === undefined) return 'dumpsys notification --noredact';
  return shellCommand('dumpsys', 'notification', '--noredact', 'p', assertPackageName(pkg));
}

/** Records in a dump's text, filtered (`p <pkg>`) or not. */
export function parseNotificationList(text: string): NotificationRecordInfo[] {
  return parseNotificationRecords(text);
}

/** The dump's decoded text, refusals turned into COMMAND_FAILED (for callers that cache the parse). */
export async function readNotificationsText(
  io: AdbDeviceIo,
  options: ReadNotificationsOptions = {},
): Promise<string> {
  const raw = await io.shell(notificationsCommand(options.package), {
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  const text = decodeDeviceText(raw);
  return assertAccepted(io, text, { en: 'to list its notifications', zh: '列出它的通知' }, { scope: 'head' });
}

/** Reads the posted notifications (all, or those of one package and its proxies). */
export async function readNotifications(
  io: AdbDeviceIo,
  options: ReadNotificationsOptions = {},
): Promise<NotificationRecordInfo[]> {
  return parseNotificationList(await readNotificationsText(io, options));
}
