/** `pm revoke <pkg> <permission>`: how a scenario turns notifications off on Android 13+. */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { decodeDeviceText } from '../../parsers/decode';
import { assertAccepted } from '../../../adb/refusal';
import { assertPermissionName } from '../doctor/grant-permission';

export async function revokePermission(io: AdbDeviceIo, pkg: string, permission: string): Promise<string> {
  assertPackageName(pkg);
  assertPermissionName(permission);
  const out = decodeDeviceText(await io.shell(shellCommand('pm', 'revoke', pkg, permission)));
  return assertAccepted(io, out, {
    en: `to revoke ${permission} from ${pkg}`,
    zh: `撤销 ${pkg} 的 ${permission}`,
  });
}
