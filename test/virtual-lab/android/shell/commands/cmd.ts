/**
 * `cmd <service> ...`: the binder services a push lab drives (package, activity, notification,
 * appops, deviceidle, netpolicy); services the phone has but does not model accept and print
 * nothing. `cmd -l` lists services. Without such a service: "cmd: Can't find service: X", exit 20.
 */
import type { CommandHandler } from '../types';
import { activityCommand } from './am';
import { appopsCommand } from './appops';
import { deviceIdleCommand } from './deviceidle';
import { netpolicyCommand } from './netpolicy';
import { notificationCommand } from './notification-cmd';
import { packageCommand } from './pm';
import { statusbarCommand } from './statusbar';

const QUIET = ['power', 'window', 'settings', 'usagestats', 'battery'];

export const cmd: CommandHandler = async (ctx) => {
  const [service, ...rest] = ctx.args;
  switch (service) {
    case 'package':
      return packageCommand(ctx, rest);
    case 'activity':
      return activityCommand(ctx, rest);
    case 'notification':
      return notificationCommand(ctx, rest);
    case 'appops':
      return appopsCommand(ctx, rest);
    case 'deviceidle':
      return deviceIdleCommand(ctx, rest);
    case 'netpolicy':
      return netpolicyCommand(ctx, rest);
    case 'statusbar':
      return statusbarCommand(ctx, rest);
    case undefined:
    case '-l':
      await ctx.out(
        'activity\nappops\nbattery\ndeviceidle\nnetpolicy\nnotification\npackage\npower\nsettings\nstatusbar\nusagestats\nwindow\n',
      );
      return 0;
    default:
      if (QUIET.includes(service)) return 0;
      await ctx.err(`cmd: Can't find service: ${service}\n`);
      return 20;
  }
};

/** `appops ...` (a script that runs `cmd appops "$@"`). */
export const appops: CommandHandler = (ctx) => appopsCommand(ctx, ctx.args);
