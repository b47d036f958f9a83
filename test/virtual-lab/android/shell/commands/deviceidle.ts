/**
 * `dumpsys deviceidle [whitelist [+|-|=<pkg>...]]` and `cmd deviceidle whitelist ...`
 * (DeviceIdleController.dump, which hands any non-option argument to its Shell).
 * - Full dump: layout of test/fixtures/deviceidle (HyperOS 2 / Android 14): "  Settings:", the
 *   "  Whitelist (except idle) system apps:", "  Whitelist system apps:", "  Whitelist user apps:"
 *   package lists (each only when non-empty), the app-id lists, then the state fields.
 * - `whitelist`: "system-excidle,<pkg>,<appId>", "system,<pkg>,<appId>", "user,<pkg>,<appId>" lines;
 *   "+pkg" prints "Added: pkg" or "Unknown package: pkg", "-pkg" prints "Removed: pkg" only when it
 *   was on the user list, "=pkg" prints true/false; anything else "Package must be prefixed with
 *   +, -, or =: X" and stops.
 * - Doze from the shell (DeviceIdleController.Shell, apex/jobscheduler/.../DeviceIdleController.java):
 *   `force-idle [deep]` prints "Now forced in to deep idle mode" (mState=IDLE mLightState=OVERRIDE),
 *   `unforce` prints "Light state: X, deep state: Y", `step [deep]` prints "Stepped to deep: X",
 *   `get light|deep|force|screen|charging|network` prints the one value (power-state.ts).
 */
import {
  currentDeepState,
  forceDeepIdle,
  isCharging,
  powerExtras,
  stepDeep,
  unforceIdle,
} from '../../power-state';
import { javaHashCode, type AppPackage, type PhoneState } from '../../state';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';

/** ArrayMap iteration order: by String.hashCode. */
function hashOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => javaHashCode(a) - javaHashCode(b));
}

function installed(phone: PhoneState, names: readonly string[]): AppPackage[] {
  return hashOrder(names)
    .map((n) => phone.packages.get(n))
    .filter((a): a is AppPackage => a !== undefined && a.installed);
}

function userApps(phone: PhoneState): AppPackage[] {
  const names = [...phone.packages.values()]
    .filter((a) => a.installed && a.settings.dozeAllowlisted)
    .map((a) => a.name);
  return installed(phone, names);
}

/** The `whitelist` listing (DeviceIdleController.Shell, no arguments). */
function listing(phone: PhoneState): string {
  const line = (kind: string, app: AppPackage): string => `${kind},${app.name},${app.uid}\n`;
  return [
    ...installed(phone, phone.power.dozeExceptIdle).map((a) => line('system-excidle', a)),
    ...installed(phone, phone.power.dozeSystem).map((a) => line('system', a)),
    ...userApps(phone).map((a) => line('user', a)),
  ].join('');
}

const SETTINGS_NEW = [
  'flex_time_short=+1m0s0ms',
  'light_after_inactive_to=+4m0s0ms',
  'light_idle_to=+5m0s0ms',
  'light_idle_to_initial_flex=+1m0s0ms',
  'light_max_idle_to_flex=+15m0s0ms',
  'light_idle_factor=2.0',
  'light_max_idle_to=+15m0s0ms',
  'light_idle_maintenance_min_budget=+1m0s0ms',
  'light_idle_maintenance_max_budget=+5m0s0ms',
  'min_light_maintenance_time=+5s0ms',
  'min_deep_maintenance_time=+30s0ms',
  'inactive_to=+30m0s0ms',
  'sensing_to=+4m0s0ms',
  'locating_to=+30s0ms',
  'location_accuracy=20.0m',
  'motion_inactive_to=+10m0s0ms',
  'motion_inactive_to_flex=+1m0s0ms',
  'idle_after_inactive_to=+30m0s0ms',
  'idle_pending_to=+5m0s0ms',
  'max_idle_pending_to=+10m0s0ms',
  'idle_pending_factor=2.0',
  'quick_doze_delay_to=+1m0s0ms',
  'idle_to=+1h0m0s0ms',
  'max_idle_to=+6h0m0s0ms',
  'idle_factor=2.0',
  'min_time_to_alarm=+1h0m0s0ms',
  'max_temp_app_allowlist_duration_ms=+5m0s0ms',
  'mms_temp_app_allowlist_duration_ms=+1m0s0ms',
  'sms_temp_app_allowlist_duration_ms=+20s0ms',
  'notification_allowlist_duration_ms=+30s0ms',
  'wait_for_unlock=true',
  'pre_idle_factor_long=1.67',
  'pre_idle_factor_short=0.33',
  'use_window_alarms=true',
];

/** Before Android 12 the constants still said "whitelist" and had no flex/pre-idle factors. */
const SETTINGS_OLD = [
  'light_after_inactive_to=+3m0s0ms',
  'light_pre_idle_to=+3m0s0ms',
  'light_idle_to=+5m0s0ms',
  'light_idle_factor=2.0',
  'light_max_idle_to=+15m0s0ms',
  'light_idle_maintenance_min_budget=+1m0s0ms',
  'light_idle_maintenance_max_budget=+5m0s0ms',
  'min_light_maintenance_time=+5s0ms',
  'min_deep_maintenance_time=+30s0ms',
  'inactive_to=+30m0s0ms',
  'sensing_to=+4m0s0ms',
  'locating_to=+30s0ms',
  'location_accuracy=20.0m',
  'motion_inactive_to=+10m0s0ms',
  'idle_after_inactive_to=+30m0s0ms',
  'idle_pending_to=+5m0s0ms',
  'max_idle_pending_to=+10m0s0ms',
  'idle_pending_factor=2.0',
  'idle_to=+1h0m0s0ms',
  'max_idle_to=+6h0m0s0ms',
  'idle_factor=2.0',
  'min_time_to_alarm=+1h0m0s0ms',
  'max_temp_app_whitelist_duration=+5m0s0ms',
  'mms_temp_app_whitelist_duration=+1m0s0ms',
  'sms_temp_app_whitelist_duration=+20s0ms',
  'notification_whitelist_duration=+30s0ms',
];

function section(title: string, items: readonly (string | number)[]): string {
  return items.length === 0 ? '' : `  ${title}:\n${items.map((i) => `    ${i}\n`).join('')}`;
}

/** The full `dumpsys deviceidle`. */
function fullDump(phone: PhoneState): string {
  const exceptIdle = installed(phone, phone.power.dozeExceptIdle);
  const system = installed(phone, phone.power.dozeSystem);
  const user = userApps(phone);
  const ids = (apps: readonly AppPackage[]): number[] =>
    [...new Set(apps.map((a) => a.uid))].sort((a, b) => a - b);
  const awake = phone.screen === 'awake';
  let t = `  Settings:\n${(phone.sdk >= 31 ? SETTINGS_NEW : SETTINGS_OLD).map((s) => `    ${s}\n`).join('')}`;
  t += '  Idling history:\n         normal: -2h26m52s889ms (unlocked)\n';
  t += section(
    'Whitelist (except idle) system apps',
    exceptIdle.map((a) => a.name),
  );
  t += section(
    'Whitelist system apps',
    system.map((a) => a.name),
  );
  t += section(
    'Whitelist user apps',
    user.map((a) => a.name),
  );
  t += section('Whitelist (except idle) all app ids', ids([...exceptIdle, ...user]));
  t += section('Whitelist user app ids', ids(user));
  t += section('Whitelist all app ids', ids([...system, ...user]));
  const deep = currentDeepState(phone);
  const x = powerExtras(phone);
  t += `  mLightEnabled=true  mDeepEnabled=true\n  mForceIdle=${x.forceIdle}\n`;
  t += `  mScreenOn=${awake}\n  mScreenLocked=${phone.keyguard.showing}\n  mNetworkConnected=true\n  mCharging=${isCharging(phone)}\n`;
  t +=
    '  mMotionActive=false\n  mNotMoving=false\n  mLocating=false mHasGps=false mHasNetworkLocation=false mLocated=false\n';
  t += `  mState=${deep} mLightState=${x.light}\n  mInactiveTimeout=+30m0s0ms\n`;
  return t;
}

async function whitelist(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  if (args.length === 0) {
    await ctx.out(listing(phone));
    return 0;
  }
  for (const arg of args) {
    const op = arg.charAt(0);
    if (op !== '+' && op !== '-' && op !== '=') {
      await ctx.out(`Package must be prefixed with +, -, or =: ${arg}\n`);
      return EXIT_MINUS_ONE;
    }
    const pkg = arg.slice(1);
    const app = phone.packages.get(pkg);
    if (op === '+') {
      if (app && app.installed) app.settings.dozeAllowlisted = true;
      await ctx.out(app && app.installed ? `Added: ${pkg}\n` : `Unknown package: ${pkg}\n`);
    } else if (op === '-') {
      if (app && app.settings.dozeAllowlisted) {
        app.settings.dozeAllowlisted = false;
        await ctx.out(`Removed: ${pkg}\n`);
      }
    } else {
      await ctx.out(`${app?.settings.dozeAllowlisted === true}\n`);
    }
  }
  return 0;
}

/** force-idle / unforce / step / get; null when `sub` is none of them. */
async function dozeCommand(
  ctx: CommandContext,
  sub: string | undefined,
  rest: readonly string[],
): Promise<number | null> {
  const phone = ctx.env.phone;
  const x = powerExtras(phone);
  switch (sub) {
    case 'force-idle':
      if (rest[0] !== undefined && rest[0] !== 'deep') {
        await ctx.out(`Unknown idle mode: ${rest[0]}\n`);
        return EXIT_MINUS_ONE;
      }
      forceDeepIdle(phone);
      await ctx.out('Now forced in to deep idle mode\n');
      return 0;
    case 'unforce':
      unforceIdle(phone);
      await ctx.out(`Light state: ${x.light}, deep state: ${currentDeepState(phone)}\n`);
      return 0;
    case 'step':
      if (rest[0] !== undefined && rest[0] !== 'deep') {
        await ctx.out(`Unknown idle mode: ${rest[0]}\n`);
        return EXIT_MINUS_ONE;
      }
      await ctx.out(`Stepped to deep: ${stepDeep(phone)}\n`);
      return 0;
    case 'get': {
      const deep = currentDeepState(phone); // also settles the light state
      const values: Record<string, string> = {
        light: x.light,
        deep,
        force: String(x.forceIdle),
        screen: String(phone.screen === 'awake'),
        charging: String(isCharging(phone)),
        network: 'true',
      };
      const value = rest[0] === undefined ? undefined : values[rest[0]];
      await ctx.out(value === undefined ? `Unknown get option: ${rest[0] ?? ''}\n` : `${value}\n`);
      return 0;
    }
    default:
      return null;
  }
}

/** Words after `cmd deviceidle` (DeviceIdleController.Shell). */
export async function deviceIdleCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'whitelist') return whitelist(ctx, rest);
  const doze = await dozeCommand(ctx, sub, rest);
  if (doze !== null) return doze;
  if (sub === undefined || sub === 'help' || sub === '-h') {
    await ctx.out(
      'Device idle controller (deviceidle) commands:\n  help\n    Print this help text.\n  whitelist\n    Print currently whitelisted apps.\n',
    );
    return sub === undefined ? EXIT_MINUS_ONE : 0;
  }
  await ctx.out(`Unknown command: ${sub}\n`);
  return EXIT_MINUS_ONE;
}

/** `dumpsys deviceidle [args]`: options, or a shell command whose status dumpsys drops. */
export async function dumpDeviceIdle(ctx: CommandContext, args: readonly string[]): Promise<void> {
  const first = args.find((a) => a !== '-a');
  if (first === undefined) {
    await ctx.out(fullDump(ctx.env.phone));
    return;
  }
  if (first.startsWith('-') && first !== '-h') {
    await ctx.out(`Unknown option: ${first}\n`);
    return;
  }
  await deviceIdleCommand(ctx, args.slice(args.indexOf(first)));
}
