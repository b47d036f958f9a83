/**
 * `cmd notification` (NotificationShellCmd): `set_dnd on|none|priority|alarms|all|off` and
 * `list` (Android 11+). "on" and "none" mean total silence (INTERRUPTION_FILTER_NONE), "off" and
 * "all" turn DND off. Errors are caught by the command and printed as "Error occurred. Check logcat
 * for details. <message>" with exit 0; an unknown mode reaches setInterruptionFilter as filter 0
 * ("Invalid filter: 0"). Before Android 11 set_dnd and list do not exist ("Unknown command").
 * The command name may use '-' for '_' (cmd.replace('-', '_')).
 */
import { recordKey } from '../../notifications';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';

/** DND mode word -> Settings.Global.ZEN_MODE. */
const ZEN_BY_MODE: Readonly<Record<string, number>> = {
  on: 2,
  none: 2,
  priority: 1,
  alarms: 3,
  all: 0,
  off: 0,
};

/** Words after `cmd notification`. */
export async function notificationCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  const [sub, mode] = args;
  if (sub === undefined) {
    await ctx.out('usage: cmd notification SUBCMD [args]\n');
    return EXIT_MINUS_ONE;
  }
  const name = sub.replace(/-/g, '_');
  const modern = phone.sdk >= 30;
  if (modern && name === 'set_dnd') {
    if (mode === undefined) {
      await ctx.out('Error occurred. Check logcat for details. Argument expected after "set_dnd"\n');
      return 0;
    }
    const zen = ZEN_BY_MODE[mode];
    if (zen === undefined) {
      await ctx.out('Error occurred. Check logcat for details. Invalid filter: 0\n');
      return 0;
    }
    phone.settings.global.set('zen_mode', String(zen));
    return 0;
  }
  if (modern && name === 'list') {
    let text = '';
    for (const app of phone.packages.values())
      for (const record of app.settings.records) text += `${recordKey(app, record)}\n`;
    await ctx.out(text);
    return 0;
  }
  if (name === 'help' || name === '-h') {
    await ctx.out(
      'usage: cmd notification SUBCMD [args]\n\nSUBCMDs:\n  allow_listener COMPONENT [user_id (current user if not specified)]\n',
    );
    return 0;
  }
  await ctx.out(`Unknown command: ${sub}\n`);
  return EXIT_MINUS_ONE;
}
