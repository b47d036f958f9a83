/**
 * `dumpsys battery [unplug|reset|set ...]` as BatteryService.dumpInternal / Shell print it (AOSP
 * frameworks/base services/core/java/com/android/server/BatteryService.java): the shell commands
 * print nothing; `unplug` stops updates and reports no charger until `reset`; the dump starts
 * "Current Battery Service state:" with "  (UPDATES STOPPED -- use 'reset' to restart)" while stopped.
 */
import { isCharging, powerExtras } from '../../power-state';
import type { PhoneState } from '../../state';
import type { CommandContext } from '../types';

function dumpBattery(phone: PhoneState): string {
  const x = powerExtras(phone);
  const usb = isCharging(phone);
  const lines = [
    'Current Battery Service state:',
    ...(x.unplugged ? ["  (UPDATES STOPPED -- use 'reset' to restart)"] : []),
    '  AC powered: false',
    `  USB powered: ${usb}`,
    '  Wireless powered: false',
    '  Dock powered: false',
    '  Max charging current: 500000',
    '  Max charging voltage: 5000000',
    '  Charge counter: 3652000',
    `  status: ${usb ? 2 : 3}`,
    '  health: 2',
    '  present: true',
    '  level: 87',
    '  scale: 100',
    '  voltage: 4211',
    '  temperature: 290',
    '  technology: Li-ion',
  ];
  return `${lines.join('\n')}\n`;
}

/** `dumpsys battery` and its shell commands. */
export async function dumpBatteryService(ctx: CommandContext, args: readonly string[]): Promise<void> {
  const phone = ctx.env.phone;
  const x = powerExtras(phone);
  switch (args[0]) {
    case undefined:
    case '-a':
      await ctx.out(dumpBattery(phone));
      return;
    case 'unplug':
      x.unplugged = true;
      return;
    case 'reset':
      x.unplugged = false;
      return;
    case 'set':
      // `set ac|usb|wireless 0|1`, `set level N`: only the charger matters here.
      if (args[1] === 'usb' || args[1] === 'ac') x.unplugged = args[2] === '0';
      return;
    default:
      await ctx.out(`Unknown option: ${args[0]}\n`);
  }
}
