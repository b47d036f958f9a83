/**
 * `reboot` and `svc power stayon`. A reboot (init's sys.powerctl, which the shell uid may set)
 * prints nothing; afterwards every app process is gone, PackageUserState.stopped flags survive
 * (they live in packages-stopped.xml / package-restrictions.xml), Doze and `dumpsys battery`
 * overrides are lost (in-memory in DeviceIdleController / BatteryService), the keyguard shows and
 * /proc/sys/kernel/random/boot_id changes. The lab's onReboot hook (power-state.ts) drops the
 * phone off adb and brings it back. `svc power stayon true|false|usb|ac|wireless` sets
 * Settings.Global.STAY_ON_WHILE_PLUGGED_IN (AOSP frameworks/base cmds/svc PowerCommand.java:
 * BatteryManager.BATTERY_PLUGGED_AC 1 | USB 2 | WIRELESS 4).
 */
import { randomUUID } from 'node:crypto';
import { powerExtras } from '../../power-state';
import type { PhoneState } from '../../state';
import type { CommandHandler } from '../types';

/** What a finished boot looks like to the shell. */
export function bootPhone(phone: PhoneState, now: number): void {
  for (const pkg of [...phone.processes.keys()]) {
    if (!phone.packages.get(pkg)?.system) phone.processes.delete(pkg);
  }
  const launcher = phone.vendor.launcher;
  phone.foreground = { package: launcher.package, activity: launcher.activity, taskId: 1 };
  phone.screen = 'awake';
  phone.lastWakeTime = now;
  phone.keyguard.showing = phone.keyguard.lockScreen !== 'none';
  const x = powerExtras(phone);
  x.deep = 'ACTIVE';
  x.light = 'ACTIVE';
  x.forceIdle = false;
  x.unplugged = false;
  x.bootId = randomUUID();
  phone.props.set('sys.boot_completed', '1');
}

export const reboot: CommandHandler = async (ctx) => {
  const phone = ctx.env.phone;
  bootPhone(phone, ctx.env.now());
  const hook = powerExtras(phone).onReboot;
  if (hook) {
    // Booting until the lab says it is back; the connection drops after the command returns.
    phone.props.set('sys.boot_completed', '');
    setTimeout(() => hook(() => phone.props.set('sys.boot_completed', '1')), 0);
  }
  return 0;
};

const STAY_ON: Record<string, number> = { true: 7, false: 0, ac: 1, usb: 2, wireless: 4 };

export const svc: CommandHandler = async (ctx) => {
  const [service, sub, value] = ctx.args;
  if (service === 'power' && sub === 'stayon' && value !== undefined && STAY_ON[value] !== undefined) {
    ctx.env.phone.settings.global.set('stay_on_while_plugged_in', String(STAY_ON[value]));
    powerExtras(ctx.env.phone).stayOn = value;
    return 0;
  }
  await ctx.err('Usage: svc power stayon [true|false|usb|ac|wireless]\n');
  return 1;
};
