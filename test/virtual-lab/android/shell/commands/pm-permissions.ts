/**
 * `pm grant|revoke <pkg> <perm>` and `pm set-permission-flags|clear-permission-flags <pkg> <perm>
 * <flags...>` as PackageManagerShellCommand runs them (runGrantRevokePermission,
 * runSetPermissionFlags): errors print on stdout with exit 1, refusals are Java exceptions.
 * - Unknown package: IllegalArgumentException "Unknown package: X"; POST_NOTIFICATIONS before
 *   Android 13: "Unknown permission: X"; a permission the app did not request: SecurityException
 *   "Package X has not requested permission Y"; an install-time permission: "Permission Y requested
 *   by X is not a changeable permission type".
 * - Revoking a runtime permission kills the app (PermissionManagerService killUid).
 * - Flag names: review-required, revoked-compat, revoke-when-requested, user-fixed, user-set; any
 *   other: "Error: specified flag X is not one of [review-required, revoked-compat,
 *   revoke-when-requested, user-fixed, user-set]". The subcommands exist from Android 11 (we read
 *   them in the Android 11+ shell command; earlier releases answer "Unknown command").
 * - MIUI/HyperOS with "USB debugging (Security settings)" off, ColorOS with "Disable permission
 *   monitoring" off: SecurityException "grantRuntimePermission: Neither user 2000 nor current
 *   process has android.permission.GRANT_RUNTIME_PERMISSIONS." (as users report it, e.g.
 *   Pittvandewitt/Wavelet#183, darshanparajuli/LogcatReader#64, flxapps/DetoxDroid#50).
 */
import { isRuntimePermission, POST_NOTIFICATIONS, SHELL_PERMISSION_FLAGS } from '../../app-settings';
import type { AppPackage, PhoneState } from '../../state';
import type { CommandContext } from '../types';
import { javaException } from './java-error';

/** Leading options (getNextOption): --user takes a value, others are ignored as pm ignores them. */
function withoutUser(args: readonly string[]): string[] {
  let i = 0;
  while (i < args.length && (args[i] ?? '').startsWith('-') && args[i] !== '-')
    i += args[i] === '--user' ? 2 : 1;
  return args.slice(i);
}

/** The vendor switch that lets adb change permissions and app ops is off. */
export function shellLocked(phone: PhoneState): boolean {
  const family = phone.vendor.family;
  return !phone.policy.adbSecuritySettings && (family === 'xiaomi' || family === 'oppo');
}

const SERVICE_FRAME = 'com.android.server.pm.permission.PermissionManagerServiceImpl';

type Checked = { readonly app: AppPackage } | { readonly status: number };

/** The checks grant, revoke and the flag commands share (same order as the framework). */
async function checkTarget(
  ctx: CommandContext,
  args: readonly string[],
  command: string,
  method: string,
): Promise<Checked & { perm?: string }> {
  const phone = ctx.env.phone;
  const [pkg, perm] = withoutUser(args);
  if (pkg === undefined) {
    await ctx.err('Error: no package specified\n');
    return { status: 1 };
  }
  if (perm === undefined) {
    await ctx.err('Error: no permission specified\n');
    return { status: 1 };
  }
  const frame = `${SERVICE_FRAME}.${method}(PermissionManagerServiceImpl.java:1392)`;
  const fail = (cls: string, message: string): Promise<Checked> =>
    javaException(ctx, 'pm', command, cls, message, frame).then((status) => ({ status }));
  if (shellLocked(phone)) {
    const needed = command === 'revoke' ? 'REVOKE_RUNTIME_PERMISSIONS' : 'GRANT_RUNTIME_PERMISSIONS';
    const name =
      command === 'revoke'
        ? 'revokeRuntimePermission'
        : command === 'grant'
          ? 'grantRuntimePermission'
          : 'updatePermissionFlags';
    return fail(
      'java.lang.SecurityException',
      `${name}: Neither user 2000 nor current process has android.permission.${needed}.`,
    );
  }
  const app = phone.packages.get(pkg);
  if (!app || !app.installed) return fail('java.lang.IllegalArgumentException', `Unknown package: ${pkg}`);
  if (perm === POST_NOTIFICATIONS && phone.sdk < 33)
    return fail('java.lang.IllegalArgumentException', `Unknown permission: ${perm}`);
  if (!app.requestedPermissions.includes(perm)) {
    return fail('java.lang.SecurityException', `Package ${pkg} has not requested permission ${perm}`);
  }
  if (!isRuntimePermission(perm, phone.sdk) && (command === 'grant' || command === 'revoke')) {
    return fail(
      'java.lang.SecurityException',
      `Permission ${perm} requested by ${pkg} is not a changeable permission type`,
    );
  }
  return { app, perm };
}

/** `pm grant` / `pm revoke`. */
export async function pmGrant(ctx: CommandContext, args: readonly string[], grant: boolean): Promise<number> {
  const command = grant ? 'grant' : 'revoke';
  const checked = await checkTarget(
    ctx,
    args,
    command,
    grant ? 'grantRuntimePermissionInternal' : 'revokeRuntimePermissionInternal',
  );
  if ('status' in checked) return checked.status;
  const { app, perm } = checked;
  if (perm === undefined) return 1;
  if (grant) {
    app.grantedPermissions.add(perm);
  } else {
    const had = app.grantedPermissions.delete(perm);
    if (had && ctx.env.phone.sdk >= 23) ctx.env.phone.processes.delete(app.name);
  }
  return 0;
}

/** `pm set-permission-flags` / `pm clear-permission-flags`. */
export async function pmPermissionFlags(
  ctx: CommandContext,
  args: readonly string[],
  set: boolean,
): Promise<number> {
  const command = set ? 'set-permission-flags' : 'clear-permission-flags';
  if (ctx.env.phone.sdk < 30) {
    await ctx.out(`Unknown command: ${command}\n`);
    return 255;
  }
  const rest = withoutUser(args);
  const names = rest.slice(2);
  if (rest.length >= 2 && names.length === 0) {
    await ctx.err('Error: no permission flags specified\n');
    return 1;
  }
  let mask = 0;
  for (const name of names) {
    const bit = SHELL_PERMISSION_FLAGS.get(name);
    if (bit === undefined) {
      await ctx.err(
        `Error: specified flag ${name} is not one of [review-required, revoked-compat, revoke-when-requested, user-fixed, user-set]\n`,
      );
      return 1;
    }
    mask |= bit;
  }
  const checked = await checkTarget(ctx, rest.slice(0, 2), command, 'updatePermissionFlagsInternal');
  if ('status' in checked) return checked.status;
  const { app, perm } = checked;
  if (perm === undefined) return 1;
  const flags = app.settings.permissionFlags.get(perm) ?? 0;
  app.settings.permissionFlags.set(perm, set ? flags | mask : flags & ~mask);
  return 0;
}
