/**
 * `pm install [options] <path>` and `cmd package install [options] -S <size> [-]` (streamed from
 * stdin, what `adb install` uses on Android 7+). Options and errors per
 * PackageManagerShellCommand.makeInstallParams/runInstall/setParamsSize: an unknown option throws
 * IllegalArgumentException("Unknown option <opt>"); an unreadable path prints
 * "Error: Can't open file: <path>" and throws; neither a path nor -S prints
 * "Error: must either specify a package size or an APK file". Outcome lines: "Success" or
 * "Failure [...]" (see ../../install.ts), exit 0 or 1.
 */
import { inspectApk } from '../../apk';
import {
  applyInstall,
  decideInstall,
  installDurationMs,
  precheckInstall,
  type InstallRequest,
} from '../../install';
import type { CommandContext } from '../types';
import { javaException } from './java-error';

const WITH_VALUE = new Set([
  '-i',
  '--user',
  '-S',
  '-p',
  '--pkg',
  '--abi',
  '--install-location',
  '--install-reason',
  '--originating-uri',
  '--referrer',
  '--force-uuid',
  '--staged-ready-timeout',
  '--install-scenario',
]);
const FLAGS = new Set([
  '-l',
  '-s',
  '-f',
  '--dont-kill',
  '--ephemeral',
  '--instant',
  '--instantapp',
  '--full',
  '--preload',
  '--restrict-permissions',
  '--force-sdk',
  '--apex',
  '--multi-package',
  '--staged',
  '--enable-rollback',
]);

interface ParsedInstall {
  readonly request: InstallRequest & { readonly bypassLowTargetSdk: boolean };
  readonly size: number | null;
  readonly path: string | undefined;
}

function parseOptions(
  sdk: number,
  args: readonly string[],
): ParsedInstall | { unknown: string } | { badSize: string } {
  let replace: boolean | null = null;
  let sawOption = false;
  let allowDowngrade = false;
  let grantPermissions = false;
  let allowTest = false;
  let bypass = false;
  let installer: string | null = null;
  let size: number | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const opt = args[i] ?? '';
    if (!opt.startsWith('-') || opt === '-') break;
    sawOption = true;
    if (opt === '--') {
      i++;
      break;
    }
    if (opt === '-r') replace = true;
    else if (opt === '-R' && sdk >= 26) replace = false;
    else if (opt === '-d') allowDowngrade = true;
    else if (opt === '-g') grantPermissions = true;
    else if (opt === '-t') allowTest = true;
    else if (opt === '--bypass-low-target-sdk-block' && sdk >= 34) bypass = true;
    else if (opt === '--force-queryable' && sdk >= 30) {
      /* accepted */
    } else if (WITH_VALUE.has(opt)) {
      const value = args[++i] ?? '';
      if (opt === '-i') installer = value;
      if (opt === '-S') {
        const n = Number(value);
        if (!Number.isSafeInteger(n) || n <= 0) return { badSize: value };
        size = n;
      }
    } else if (!FLAGS.has(opt)) {
      return { unknown: opt };
    }
  }
  // Replace is the default from Android 8; up to 10 it was applied inside the option loop.
  const defaultReplace = sdk >= 30 || (sdk >= 26 && sawOption);
  return {
    request: {
      replace: replace ?? defaultReplace,
      allowDowngrade,
      grantPermissions,
      allowTest,
      installer,
      bypassLowTargetSdk: bypass,
    },
    size,
    path: args[i],
  };
}

/** Runs an install; `args` are the words after `install`. */
export async function pmInstall(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const { phone, fs } = ctx.env;
  const parsed = parseOptions(phone.sdk, args);
  const frame =
    'com.android.server.pm.PackageManagerShellCommand.makeInstallParams(PackageManagerShellCommand.java:3124)';
  if ('unknown' in parsed) {
    return javaException(
      ctx,
      'pm',
      'install',
      'java.lang.IllegalArgumentException',
      `Unknown option ${parsed.unknown}`,
      frame,
    );
  }
  if ('badSize' in parsed) {
    const message = /^-?\d+$/.test(parsed.badSize)
      ? 'Size must be positive'
      : `For input string: "${parsed.badSize}"`;
    const cls = /^-?\d+$/.test(parsed.badSize)
      ? 'java.lang.IllegalArgumentException'
      : 'java.lang.NumberFormatException';
    return javaException(ctx, 'pm', 'install', cls, message, frame);
  }
  const { request, path } = parsed;
  let bytes: Buffer;
  if (path !== undefined && path !== '-') {
    const data = fs.read(path);
    if (!data) {
      await ctx.err(`Error: Can't open file: ${path}\n`);
      return javaException(
        ctx,
        'pm',
        'install',
        'java.lang.IllegalArgumentException',
        `Error: Can't open file: ${path}`,
        'com.android.server.pm.PackageManagerShellCommand.setParamsSize(PackageManagerShellCommand.java:593)',
      );
    }
    bytes = data;
  } else if (parsed.size === null) {
    await ctx.out('Error: must either specify a package size or an APK file\n');
    return 1;
  } else {
    // Streamed: exactly -S bytes come on stdin; read them even when refusing, as the host sends them anyway.
    bytes = await ctx.stdin.readExactly(parsed.size);
  }
  const refused = precheckInstall(phone, parsed.size ?? bytes.length);
  if (refused) {
    await ctx.out(`Failure [${refused}]\n`);
    return 1;
  }
  const inspection = await inspectApk(bytes);
  let decision = decideInstall(phone, inspection, request);
  if (decision.ok && phone.sdk >= 34 && decision.apk.targetSdk < 23 && !request.bypassLowTargetSdk) {
    decision = {
      ok: false,
      failure: `INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK version 23, but found ${decision.apk.targetSdk}`,
    };
  }
  await ctx.env.delay(installDurationMs(bytes.length), ctx.signal);
  if (!decision.ok) {
    await ctx.out(`Failure [${decision.failure}]\n`);
    return 1;
  }
  applyInstall(phone, decision.apk, request, ctx.env.now());
  await ctx.out('Success\n');
  return 0;
}
