/**
 * `dumpsys <service> [args]` for the services a push lab reads: package, power, window, activity,
 * notification, appops, deviceidle, battery, netpolicy (each in its own module).
 * `dumpsys power` follows PowerManagerService.dumpInternal: "POWER MANAGER (dumpsys power)",
 * "Power Manager State:" with "  mWakefulness=Awake|Asleep", uptime-based wake/sleep times and the
 * "Display Power: state=ON|OFF" line. Unknown services print "Can't find service: X" (stderr).
 */
import { formatDuration } from '../../format';
import type { PhoneState } from '../../state';
import type { CommandHandler } from '../types';
import { dumpAppops } from './appops';
import { dumpBatteryService } from './battery';
import { dumpDeviceIdle } from './deviceidle';
import { dumpNotification } from './dumpsys-notification';
import { dumpNetpolicy } from './netpolicy';
import { dumpPackage } from './dumpsys-package';
import { dumpActivities, dumpWindow } from './dumpsys-wm';

const SERVICES = [
  'activity',
  'alarm',
  'appops',
  'battery',
  'deviceidle',
  'netpolicy',
  'notification',
  'package',
  'power',
  'settings',
  'usagestats',
  'window',
];

function dumpPower(phone: PhoneState, now: number): string {
  const uptime = (t: number): number => t - phone.bootEpoch;
  const ago = (t: number): string => `${uptime(t)} (${now - t} ms ago)`;
  const awake = phone.screen === 'awake';
  const lines = [
    'POWER MANAGER (dumpsys power)',
    '',
    'Power Manager State:',
    '  Settings power_manager_constants:',
    '    no_cached_wake_locks=true',
    '  mDirty=0x0',
    `  mWakefulness=${awake ? 'Awake' : 'Asleep'}`,
    '  mWakefulnessChanging=false',
    '  mIsPowered=true',
    '  mPlugType=2',
    '  mBatteryLevel=87',
    '  mBatteryLevelWhenDreamStarted=0',
    '  mDockState=0',
    '  mStayOn=false',
    '  mProximityPositive=false',
    '  mBootCompleted=true',
    '  mSystemReady=true',
    '  mHalAutoSuspendModeEnabled=false',
    `  mHalInteractiveModeEnabled=${awake}`,
    '  mWakeLockSummary=0x0',
    `  mUserActivitySummary=${awake ? '0x1' : '0x0'}`,
    '  mRequestWaitForNegativeProximity=false',
    '  mSandmanScheduled=false',
    '  mBatteryLevelLow=false',
    '  mLightDeviceIdleMode=false',
    '  mDeviceIdleMode=false',
    `  mLastWakeTime=${ago(phone.lastWakeTime)}`,
    `  mLastSleepTime=${ago(phone.lastSleepTime)}`,
    `  mLastUserActivityTime=${ago(awake ? Math.max(phone.lastWakeTime, now - 5000) : phone.lastSleepTime)}`,
    '  mDisplayReady=true',
    '  mHoldingWakeLockSuspendBlocker=false',
    `  mHoldingDisplaySuspendBlocker=${awake}`,
    '',
    'Settings and Configuration:',
    `  mScreenOffTimeoutSetting=${phone.settings.system.get('screen_off_timeout') ?? '30000'}`,
    `  mStayOnWhilePluggedInSetting=${phone.settings.global.get('stay_on_while_plugged_in') ?? '0'}`,
    '',
    `Uptime: ${uptime(now)} (${formatDuration(uptime(now)).slice(1)})`,
    '',
    'Wake Locks: size=0',
    '',
    'Suspend Blockers: size=4',
    '  PowerManagerService.WakeLocks: ref count=0',
    `  PowerManagerService.Display: ref count=${awake ? 1 : 0}`,
    '  PowerManagerService.Broadcasts: ref count=0',
    '  PowerManagerService.WirelessChargerDetector: ref count=0',
    '',
    `Display Power: state=${awake ? 'ON' : 'OFF'}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const dumpsys: CommandHandler = async (ctx) => {
  const { phone } = ctx.env;
  const [service, ...rest] = ctx.args;
  switch (service) {
    case 'package':
      await ctx.out(
        rest[0] === undefined
          ? 'Database versions:\n  Internal:\n    sdkVersion=' + phone.sdk + '\n'
          : dumpPackage(phone, rest[0]),
      );
      return 0;
    case 'power':
      await ctx.out(dumpPower(phone, ctx.env.now()));
      return 0;
    case 'notification':
      await ctx.out(dumpNotification(phone, rest));
      return 0;
    case 'appops':
      await ctx.out(dumpAppops(phone, rest));
      return 0;
    case 'deviceidle':
      await dumpDeviceIdle(ctx, rest);
      return 0;
    case 'battery':
      await dumpBatteryService(ctx, rest);
      return 0;
    case 'netpolicy':
      await ctx.out(dumpNetpolicy(phone));
      return 0;
    case 'window':
      await ctx.out(dumpWindow(phone, rest));
      return 0;
    case 'activity':
      if (rest.length === 0 || rest[0] === 'activities' || rest[0] === 'a') {
        await ctx.out(dumpActivities(phone));
        return 0;
      }
      await ctx.out('');
      return 0;
    case '-l':
      await ctx.out(`Currently running services:\n${SERVICES.map((s) => `  ${s}`).join('\n')}\n`);
      return 0;
    case undefined:
      await ctx.out(`${dumpActivities(phone)}\n${dumpWindow(phone, [])}\n${dumpPower(phone, ctx.env.now())}`);
      return 0;
    default:
      // Real services this phone does not model dump nothing rather than pretend to be absent.
      if (!SERVICES.includes(service)) await ctx.err(`Can't find service: ${service}\n`);
      return 0;
  }
};
