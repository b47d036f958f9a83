/**
 * `pm <command>` and `cmd package <command>` (the same PackageManagerShellCommand on Android 7+).
 * Outputs per PackageManagerShellCommand (AOSP frameworks/base,
 * read at aosp-mirror 008fb5c): `pm path` prints `package:<sourceDir>` or nothing with exit 1;
 * uninstall prints "Success" / "Failure [DELETE_FAILED_INTERNAL_ERROR]"; resolve-activity
 * --brief prints "priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false"
 * then the short component, or "No activity found". Unknown commands: "Unknown command: X" on
 * stdout, exit -1. `pm clear` also resets what Settings keeps for the app (channels, records,
 * runtime-permission choices), as clearApplicationUserData does.
 */
import { forceStop, shortComponent } from '../../actions';
import { clearAppData } from '../../notifications';
import type { CommandContext, CommandHandler } from '../types';
import { EXIT_MINUS_ONE } from '../types';
import { dumpPackage } from './dumpsys-package';
import { parseIntentArgs } from './intent';
import { javaException } from './java-error';
import { pmInstall } from './pm-install';
import { pmList } from './pm-list';
import { pmGrant, pmPermissionFlags } from './pm-permissions';

const USER_OPT = new Set(['--user']);

function withoutUser(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (USER_OPT.has(args[i] ?? '')) i++;
    else out.push(args[i] ?? '');
  }
  return out;
}

async function pmPath(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [pkg] = withoutUser(args);
  if (pkg === undefined) {
    await ctx.err('Error: no package specified\n');
    return 1;
  }
  const app = ctx.env.phone.packages.get(pkg);
  if (!app || !app.installed) return 1;
  await ctx.out(`package:${app.apkPath}\n`);
  return 0;
}

async function pmUninstall(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  const forUser = args.includes('--user');
  const rest = withoutUser(args).filter((a) => a !== '-k');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) {
    await ctx.out(`Error: Unknown option: ${unknown}\n`);
    return 1;
  }
  const [pkg] = rest;
  if (pkg === undefined) {
    await ctx.out('Error: package name not specified\n');
    return 1;
  }
  const app = phone.packages.get(pkg);
  if (!app || !app.installed) {
    await ctx.out(
      forUser && app ? 'Failure [not installed for 0]\n' : 'Failure [DELETE_FAILED_INTERNAL_ERROR]\n',
    );
    return 1;
  }
  if (app.system && !forUser) {
    await ctx.out('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
    return 1;
  }
  forceStop(phone, pkg);
  await ctx.env.delay(40, ctx.signal);
  if (app.system) app.installed = false;
  else {
    phone.packages.delete(pkg);
    phone.freeStorageBytes += app.sizeBytes;
  }
  await ctx.out('Success\n');
  return 0;
}

async function pmResolveActivity(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const intent = parseIntentArgs(args, new Set(['--brief', '--components']), new Set(['--query-flags']));
  const pkg = intent.component?.package ?? intent.pkg;
  const app = pkg ? ctx.env.phone.packages.get(pkg) : undefined;
  const wantsLauncher =
    intent.categories.length === 0 || intent.categories.includes('android.intent.category.LAUNCHER');
  const activity = app?.installed && app.enabled && wantsLauncher ? app.launcherActivity : null;
  if (!app || !activity) {
    await ctx.out('No activity found\n');
    return 0;
  }
  const brief = intent.own.includes('--brief') || intent.own.includes('--components');
  const header = intent.own.includes('--components')
    ? ''
    : 'priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n';
  await ctx.out(
    brief
      ? `${header}${shortComponent(app.name, activity)}\n`
      : `  ActivityInfo:\n    name=${activity}\n    packageName=${app.name}\n    enabled=true exported=true directBootAware=false\n`,
  );
  return 0;
}

async function pmSetEnabled(
  ctx: CommandContext,
  args: readonly string[],
  state: 'enabled' | 'disabled' | 'disabled-user',
): Promise<number> {
  const [pkg] = withoutUser(args);
  const app = pkg ? ctx.env.phone.packages.get(pkg) : undefined;
  if (!pkg || !app) {
    if (!pkg) await ctx.err('Error: no package or component specified\n');
    else
      await javaException(
        ctx,
        'pm',
        'enable',
        'java.lang.IllegalArgumentException',
        `Unknown package: ${pkg}`,
        'com.android.server.pm.PackageManagerService.setEnabledSetting(PackageManagerService.java:3702)',
      );
    return pkg ? EXIT_MINUS_ONE : 1;
  }
  app.enabled = state === 'enabled';
  if (!app.enabled) forceStop(ctx.env.phone, pkg);
  await ctx.out(`Package ${pkg} new state: ${state}\n`);
  return 0;
}

/** Runs one package-manager command (words after `pm` / `cmd package`). */
export async function packageCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'path':
      return pmPath(ctx, rest);
    case 'list':
      return pmList(ctx, rest);
    case 'install':
      return pmInstall(ctx, rest);
    case 'uninstall':
      return pmUninstall(ctx, rest);
    case 'grant':
    case 'revoke':
      return pmGrant(ctx, rest, sub === 'grant');
    case 'set-permission-flags':
    case 'clear-permission-flags':
      return pmPermissionFlags(ctx, rest, sub === 'set-permission-flags');
    case 'resolve-activity':
      return pmResolveActivity(ctx, rest);
    case 'dump':
      await ctx.out(dumpPackage(ctx.env.phone, rest[0] ?? ''));
      return 0;
    case 'clear': {
      const [pkg] = withoutUser(rest);
      const app = pkg ? ctx.env.phone.packages.get(pkg) : undefined;
      if (!pkg || !app) {
        await ctx.err(pkg ? 'Failed\n' : 'Error: no package specified\n');
        return 1;
      }
      forceStop(ctx.env.phone, pkg);
      clearAppData(app);
      await ctx.out('Success\n');
      return 0;
    }
    case 'enable':
    case 'disable':
    case 'disable-user':
      return pmSetEnabled(
        ctx,
        rest,
        sub === 'enable' ? 'enabled' : sub === 'disable' ? 'disabled' : 'disabled-user',
      );
    case undefined:
    case 'help':
    case '-h':
      await ctx.out(
        'Package manager (package) commands:\n  help\n    Print this help text.\n\n  path ' +
          '[--user USER_ID] PACKAGE\n    Print the path to the .apk of the given PACKAGE.\n',
      );
      return 0;
    default:
      // BasicShellCommandHandler.handleDefaultCommands prints this on stdout.
      await ctx.out(`Unknown command: ${sub}\n`);
      return EXIT_MINUS_ONE;
  }
}

export const pm: CommandHandler = (ctx) => packageCommand(ctx, ctx.args);
