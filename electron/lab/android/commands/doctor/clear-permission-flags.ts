/**
 * `pm clear-permission-flags <pkg> <permission> <flags…>`: clears USER_SET / USER_FIXED, after
 * which the app may ask for the permission again (a denial marked user-fixed is never asked again).
 */
import type { AdbDeviceIo } from '../../../adb/device-io';
import { assertPackageName, shellCommand } from '../../../adb/quote';
import { LabError } from '../../../errors';
import { decodeDeviceText } from '../../parsers/decode';
import { assertPermissionName } from './grant-permission';
import { assertAccepted } from '../../../adb/refusal';

/** Flags a user can set by answering the prompt (pm's spelling). */
export const CLEARABLE_PERMISSION_FLAGS = ['user-set', 'user-fixed'] as const;
export type ClearablePermissionFlag = (typeof CLEARABLE_PERMISSION_FLAGS)[number];

export async function clearPermissionFlags(
  io: AdbDeviceIo,
  pkg: string,
  permission: string,
  flags: readonly ClearablePermissionFlag[],
): Promise<string> {
  assertPackageName(pkg);
  assertPermissionName(permission);
  if (
    flags.length === 0 ||
    !flags.every((f) => (CLEARABLE_PERMISSION_FLAGS as readonly string[]).includes(f))
  ) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `Only ${CLEARABLE_PERMISSION_FLAGS.join(' and ')} can be cleared.`,
      {
        zh: { message: `只能清除 ${CLEARABLE_PERMISSION_FLAGS.join(' 和 ')}。` },
      },
    );
  }
  const out = decodeDeviceText(
    await io.shell(shellCommand('pm', 'clear-permission-flags', pkg, permission, ...flags)),
  );
  return assertAccepted(io, out, {
    en: `to clear the ${flags.join(', ')} flags of ${permission} for ${pkg}`,
    zh: `清除 ${pkg} 的 ${permission} 的 ${flags.join(', ')} 标记`,
  });
}
