/** `pm grant <pkg> <permission>` for runtime permissions (POST_NOTIFICATIONS exists from Android 13). */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';

/** Framework permission names only: android.permission.UPPER_CASE. */
export function assertPermissionName(permission: string): string {
  if (!/^android\.permission\.[A-Z][A-Z0-9_]{0,80}$/.test(permission)) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `"${permission.slice(0, 80)}" is not an Android framework permission.`,
      {
        zh: { message: `"${permission.slice(0, 80)}" 不是 Android 系统框架权限。` },
      },
    );
  }
  return permission;
}

/** Returns what the phone printed (usually nothing). */
export async function grantPermission(io: AdbDeviceIo, pkg: string, permission: string): Promise<string> {
  assertPackageName(pkg);
  assertPermissionName(permission);
  const out = decodeDeviceText(await io.shell(shellCommand('pm', 'grant', pkg, permission)));
  return assertAccepted(io, out, {
    en: `to grant ${permission} to ${pkg}`,
    zh: `授予 ${pkg} ${permission} 权限`,
  });
}
