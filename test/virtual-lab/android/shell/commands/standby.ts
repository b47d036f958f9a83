/**
 * `am get-standby-bucket [--user N] <pkg>` and `am set-standby-bucket [--user N] <pkg> <bucket>`
 * (Android 9+, ActivityManagerShellCommand runGetStandbyBucket / runSetStandbyBucket):
 * - get prints the bucket number ("10"); an unknown package throws IllegalArgumentException
 *   "Cannot get standby bucket for non existent package (X)" (UsageStatsService).
 * - set takes a name (prefix match: ac, wo, fr, ra, re, ne) or a number; anything else prints
 *   "Error: Unknown bucket: X" on stderr and fails; "restricted" only exists from Android 11.
 *   Unknown package: "Cannot set standby bucket for non existent package (X)"; a number outside
 *   10..50: "Cannot set the standby bucket to N".
 */
import { parseBucket, setStandbyBucket, standbyBucket } from '../../battery';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';
import { javaException } from './java-error';

function positional(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user') i++;
    else out.push(args[i] ?? '');
  }
  return out;
}

const FRAME =
  'com.android.server.usage.UsageStatsService$BinderService.getAppStandbyBucket(UsageStatsService.java:2317)';
const SET_FRAME =
  'com.android.server.usage.AppStandbyController.setAppStandbyBuckets(AppStandbyController.java:1802)';

/** `am get-standby-bucket`. */
export async function getStandbyBucketCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [pkg] = positional(args);
  const phone = ctx.env.phone;
  if (pkg === undefined) {
    const lines = [...phone.packages.values()]
      .filter((a) => a.installed)
      .map((a) => `${a.name}: ${standbyBucket(phone, a)}\n`);
    await ctx.out(lines.join(''));
    return 0;
  }
  const app = phone.packages.get(pkg);
  if (!app || !app.installed) {
    return javaException(
      ctx,
      'am',
      'get-standby-bucket',
      'java.lang.IllegalArgumentException',
      `Cannot get standby bucket for non existent package (${pkg})`,
      FRAME,
    );
  }
  await ctx.out(`${standbyBucket(phone, app)}\n`);
  return 0;
}

/** `am set-standby-bucket`. */
export async function setStandbyBucketCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [pkg, value] = positional(args);
  const phone = ctx.env.phone;
  if (pkg === undefined || value === undefined) {
    return javaException(
      ctx,
      'am',
      'set-standby-bucket',
      'java.lang.IllegalArgumentException',
      `Argument expected after "${pkg ?? 'set-standby-bucket'}"`,
      'android.os.ShellCommand.getNextArgRequired(ShellCommand.java:269)',
    );
  }
  const bucket = parseBucket(phone, value);
  if (bucket === null) {
    await ctx.err(`Error: Unknown bucket: ${value}\n`);
    return EXIT_MINUS_ONE;
  }
  if (bucket < 10 || bucket > 50) {
    return javaException(
      ctx,
      'am',
      'set-standby-bucket',
      'java.lang.IllegalArgumentException',
      `Cannot set the standby bucket to ${bucket}`,
      SET_FRAME,
    );
  }
  const app = phone.packages.get(pkg);
  if (!app || !app.installed) {
    return javaException(
      ctx,
      'am',
      'set-standby-bucket',
      'java.lang.IllegalArgumentException',
      `Cannot set standby bucket for non existent package (${pkg})`,
      SET_FRAME,
    );
  }
  setStandbyBucket(phone, app, bucket);
  return 0;
}
