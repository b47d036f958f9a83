/**
 * `am start|start-activity [-W] [-S] <INTENT>`, `am force-stop`, `am kill`, `am broadcast`,
 * `am get-current-user`, as ActivityManagerShellCommand prints them: "Starting: Intent { cmp=... }";
 * with -W "Status: ok", "LaunchState: COLD|WARM|HOT" (Android 10+; "ThisTime:" before), "Activity:",
 * "TotalTime:", "WaitTime:", "Complete". A start that reaches the top instance prints "Warning:
 * Activity not started, intent has been delivered to currently running top-most instance.". Errors:
 * "Error: Activity class {pkg/cls} does not exist." and "Error: Activity not started, unable to
 * resolve Intent { ... }" (stderr, exit 1). Besides launcher activities, Settings screens open
 * (settings-activities.ts); one that needs a permission the shell lacks throws "Permission Denial:
 * starting Intent { ... } from null (pid=..., uid=2000) requires <perm>". An implicit intent prints
 * as typed (no cmp=), extras as "(has extras)". Also `am get-standby-bucket` / `set-standby-bucket`
 * (standby.ts). Activities, deep-link schemes and receivers an app declares beyond its launcher
 * activity come from app-components.ts; an unknown one fails as above.
 */
import { activityStarted, declaresActivity, deliverBroadcast, resolveDeepLink } from '../../app-components';
import { forceStop, killBackground, launchActivity, qualifyActivity, shortComponent } from '../../actions';
import { findSettingsActivity, resolveSettingsAction } from '../../settings-activities';
import type { AppPackage } from '../../state';
import type { CommandContext, CommandHandler } from '../types';
import { EXIT_MINUS_ONE } from '../types';
import { describeIntent, parseIntentArgs } from './intent';
import { javaException } from './java-error';
import { getStandbyBucketCommand, setStandbyBucketCommand } from './standby';

const START_OPTIONS = new Set([
  '-W',
  '-S',
  '-D',
  '-N',
  '--streaming',
  '--track-allocation',
  '--suspend',
  '-R',
  '-P',
  '--user',
  '--display',
  '--windowingMode',
  '--activityType',
  '--task',
]);
const START_WITH_VALUE = new Set([
  '-R',
  '-P',
  '--user',
  '--display',
  '--windowingMode',
  '--activityType',
  '--task',
]);

type Target = { app: AppPackage; activity: string; requires?: string } | { error: string };

function resolveTarget(ctx: CommandContext, intent: ReturnType<typeof parseIntentArgs>): Target {
  const phone = ctx.env.phone;
  if (intent.component) {
    const { package: pkg, cls } = intent.component;
    const activity = qualifyActivity(pkg, cls);
    const app = phone.packages.get(pkg);
    const screen = findSettingsActivity(phone, pkg, activity);
    if (app && screen)
      return screen.requiresPermission
        ? { app, activity, requires: screen.requiresPermission }
        : { app, activity };
    const declared = app?.launcherActivity === activity || declaresActivity(phone, pkg, activity);
    if (!app || !app.installed || !app.enabled || !declared) {
      return { error: `Error type 3\nError: Activity class {${pkg}/${activity}} does not exist.` };
    }
    return { app, activity };
  }
  const settings = resolveSettingsAction(phone, intent.action);
  const settingsApp = settings ? phone.packages.get(settings.package) : undefined;
  if (settings && settingsApp) return { app: settingsApp, activity: settings.activity };
  const app = intent.pkg ? phone.packages.get(intent.pkg) : undefined;
  const launcherIntent =
    intent.categories.includes('android.intent.category.LAUNCHER') ||
    intent.action === 'android.intent.action.MAIN';
  if (app && app.installed && app.enabled && app.launcherActivity && launcherIntent)
    return { app, activity: app.launcherActivity };
  const link =
    intent.action === 'android.intent.action.VIEW' ? resolveDeepLink(phone, intent.data, intent.pkg) : null;
  if (link) return link;
  return {
    error: `Error: Activity not started, unable to resolve ${describeIntent(intent, null, '0x10000000')}`,
  };
}

async function amStart(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  const intent = parseIntentArgs(args, START_OPTIONS, START_WITH_VALUE);
  const wait = intent.own.includes('-W');
  const target = resolveTarget(ctx, intent);
  const shown = !intent.component
    ? null
    : 'app' in target
      ? shortComponent(target.app.name, target.activity)
      : `${intent.component.package}/${intent.component.cls}`;
  await ctx.out(`Starting: ${describeIntent(intent, shown)}\n`);
  if ('error' in target) {
    await ctx.err(`${target.error}\n`);
    return 1;
  }
  if (target.requires !== undefined) {
    const denied =
      `Permission Denial: starting ${describeIntent(intent, shown, '0x10000000').replace(/ }$/, ' mCallingUid=2000 }')} ` +
      `from null (pid=${phone.nextPid + 11}, uid=2000) requires ${target.requires}`;
    return javaException(
      ctx,
      'am',
      'start',
      'java.lang.SecurityException',
      denied,
      'com.android.server.wm.ActivityTaskSupervisor.checkStartAnyActivityPermission(ActivityTaskSupervisor.java:1312)',
    );
  }
  if (intent.own.includes('-S')) forceStop(phone, target.app.name);
  const result = launchActivity(phone, target.app, target.activity);
  activityStarted(phone, target.app, target.activity, intent);
  const total = result.state === 'COLD' ? 380 + (target.app.uid % 200) : result.state === 'WARM' ? 140 : 60;
  await ctx.env.delay(result.state === 'COLD' ? 30 : 10, ctx.signal);
  const short = shortComponent(target.app.name, target.activity);
  if (result.alreadyTop) {
    await ctx.out(
      'Warning: Activity not started, intent has been delivered to currently running top-most instance.\n',
    );
  }
  if (!wait) return 0;
  let text = 'Status: ok\n';
  if (phone.sdk >= 29) {
    text += result.alreadyTop
      ? `LaunchState: UNKNOWN (0)\nActivity: ${short}\nWaitTime: 4\n`
      : `LaunchState: ${result.state}\nActivity: ${short}\nTotalTime: ${total}\nWaitTime: ${total + 3}\n`;
  } else {
    const shown2 = result.alreadyTop ? 0 : total;
    text += `Activity: ${short}\nThisTime: ${shown2}\nTotalTime: ${shown2}\nWaitTime: ${shown2 + 3}\n`;
  }
  await ctx.out(`${text}Complete\n`);
  return 0;
}

function packageArg(args: readonly string[]): string | undefined {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user') i++;
    else rest.push(args[i] ?? '');
  }
  return rest[0];
}

/** Words after `am` (or `cmd activity`). */
export async function activityCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  const phone = ctx.env.phone;
  switch (sub) {
    case 'start':
    case 'start-activity':
      return amStart(ctx, rest);
    case 'force-stop': {
      const pkg = packageArg(rest);
      if (pkg) forceStop(phone, pkg);
      return 0;
    }
    case 'kill': {
      const pkg = packageArg(rest);
      if (pkg) killBackground(phone, pkg);
      return 0;
    }
    case 'kill-all':
      for (const pkg of [...phone.processes.keys()]) {
        if (!phone.packages.get(pkg)?.system) killBackground(phone, pkg);
      }
      return 0;
    case 'broadcast': {
      const intent = parseIntentArgs(rest, new Set(['--user']), new Set(['--user']));
      deliverBroadcast(phone, intent);
      await ctx.out(
        `Broadcasting: ${describeIntent(intent, intent.component ? `${intent.component.package}/${intent.component.cls}` : null)}\nBroadcast ` +
          `completed: result=0\n`,
      );
      return 0;
    }
    case 'get-current-user':
      await ctx.out('0\n');
      return 0;
    case 'get-standby-bucket':
      if (phone.sdk < 28) break;
      return getStandbyBucketCommand(ctx, rest);
    case 'set-standby-bucket':
      if (phone.sdk < 28) break;
      return setStandbyBucketCommand(ctx, rest);
    case undefined:
    case 'help':
      await ctx.out('Activity manager (activity) commands:\n  help\n      Print this help text.\n');
      return 0;
    default:
      break;
  }
  // BasicShellCommandHandler.handleDefaultCommands prints this on stdout.
  await ctx.out(`Unknown command: ${sub}\n`);
  return EXIT_MINUS_ONE;
}

export const am: CommandHandler = (ctx) => activityCommand(ctx, ctx.args);
