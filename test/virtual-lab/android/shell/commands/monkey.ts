/**
 * `monkey -p <pkg> -c android.intent.category.LAUNCHER 1`, the usual "tap the app icon" over adb.
 * Output as development/cmds/monkey prints it: "Events injected: N" and the network-stats line on
 * stdout; with no launchable activity "** No activities found to run, monkey aborted." on stderr
 * and exit 252 (values seen in public test fixtures quoting real phones).
 */
import { launchActivity } from '../../actions';
import type { CommandHandler } from '../types';

const WITH_VALUE = new Set([
  '-p',
  '-c',
  '-s',
  '--throttle',
  '--pct-touch',
  '--pct-motion',
  '--pct-trackball',
  '--pct-syskeys',
  '--pct-nav',
  '--pct-majornav',
  '--pct-appswitch',
  '--pct-flip',
  '--pct-anyevent',
  '--pct-pinchzoom',
  '--pct-permission',
  '--pct-rotation',
  '--pkg-blacklist-file',
  '--pkg-whitelist-file',
  '--setup',
  '-f',
  '--port',
]);

export const monkey: CommandHandler = async (ctx) => {
  const packages: string[] = [];
  const categories: string[] = [];
  let verbose = 0;
  let count: number | null = null;
  let seed = 0;
  for (let i = 0; i < ctx.args.length; i++) {
    const arg = ctx.args[i] ?? '';
    if (WITH_VALUE.has(arg)) {
      const value = ctx.args[++i] ?? '';
      if (arg === '-p') packages.push(value);
      else if (arg === '-c') categories.push(value);
      else if (arg === '-s') seed = Number(value) || 0;
    } else if (arg === '-v') verbose++;
    else if (/^\d+$/.test(arg)) count = Number(arg);
  }
  if (count === null) {
    await ctx.err(
      '** Error: Count not specified\nusage: monkey [-p ALLOWED_PACKAGE [-p ALLOWED_PACKAGE] ...]\n',
    );
    return 1;
  }
  const phone = ctx.env.phone;
  const wantsLauncher = categories.length === 0 || categories.includes('android.intent.category.LAUNCHER');
  const candidates = [...phone.packages.values()].filter(
    (app) =>
      app.installed &&
      app.enabled &&
      app.launcherActivity &&
      wantsLauncher &&
      (packages.length === 0 || packages.includes(app.name)),
  );
  let text = '';
  if (verbose > 0) {
    text += `:Monkey: seed=${seed || phone.nextPid * 7919} count=${count}\n`;
    for (const p of packages) text += `:AllowPackage: ${p}\n`;
    for (const c of categories) text += `:IncludeCategory: ${c}\n`;
  }
  const target = candidates[0];
  if (!target || !target.launcherActivity) {
    if (text) await ctx.out(text);
    await ctx.err('** No activities found to run, monkey aborted.\n');
    return 252;
  }
  launchActivity(phone, target, target.launcherActivity);
  const elapsed = 20 + (target.uid % 60);
  await ctx.env.delay(20, ctx.signal);
  if (verbose > 0)
    text +=
      `// Allowing start of Intent { act=android.intent.action.MAIN cat=[android.intent.category.LAUNCHER] ` +
      `cmp=${target.name}/${target.launcherActivity} } in package ${target.name}\n`;
  text += `Events injected: ${count}\n`;
  if (verbose > 0)
    text += `:Sending rotation degree=0, persist=false\n:Dropped: keys=0 pointers=0 trackballs=0 flips=0 rotations=0\n`;
  text += `## Network stats: elapsed time=${elapsed}ms (0ms mobile, 0ms wifi, ${elapsed}ms not connected)\n`;
  if (verbose > 0) text += '// Monkey finished\n';
  await ctx.out(text);
  return 0;
};
