/**
 * Opens the app's notification settings on the phone, where a human can unblock it. Android 8+
 * takes the package as EXTRA_APP_PACKAGE; older builds (and ROMs that refuse) get the app-info
 * screen instead.
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted, findRefusal } from '../../../adb/refusal';

export async function openAppNotificationSettings(
  io: AdbDeviceIo,
  pkg: string,
  sdk: number | null,
): Promise<string> {
  assertPackageName(pkg);
  if (sdk === null || sdk >= 26) {
    const out = decodeDeviceText(
      await io.shell(
        shellCommand(
          'am',
          'start',
          '-a',
          'android.settings.APP_NOTIFICATION_SETTINGS',
          '--es',
          'android.provider.extra.APP_PACKAGE',
          pkg,
        ),
      ),
    );
    if (findRefusal(out) === null) return out;
  }
  const out = decodeDeviceText(
    await io.shell(
      shellCommand(
        'am',
        'start',
        '-a',
        'android.settings.APPLICATION_DETAILS_SETTINGS',
        '-d',
        `package:${pkg}`,
      ),
    ),
  );
  return assertAccepted(
    io,
    out,
    { en: `to open the settings of ${pkg}`, zh: `打开 ${pkg} 的设置` },
    {
      hint: {
        en: 'Open Settings › Apps on the phone and find the app there.',
        zh: '请在手机上打开 设置 › 应用，在那里找到这个应用。',
      },
    },
  );
}
