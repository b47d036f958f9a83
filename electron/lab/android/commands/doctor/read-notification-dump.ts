/**
 * `dumpsys notification --noredact`: per-app notification settings (AppSettings and channels
 * under PackagePreferences), the zen (Do Not Disturb) state and posted records. Unredacted so the
 * records keep their titles for later checks; the dump itself is never stored.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

export interface NotificationDump {
  /** Decoded text (UTF-16 captures and CRLF normalised). */
  readonly text: string;
}

export async function readNotificationDump(io: AdbDeviceIo): Promise<NotificationDump> {
  // Big on busy phones (megabytes with ~1000 AppSettings): a generous deadline.
  const text = decodeDeviceText(await io.shell('dumpsys notification --noredact', { timeoutMs: 45_000 }));
  assertAccepted(
    io,
    text,
    { en: 'to show its notification settings', zh: '显示它的通知设置' },
    { scope: 'head' },
  );
  return { text };
}
