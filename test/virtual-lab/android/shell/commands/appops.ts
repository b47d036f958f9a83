/**
 * `appops get|set|reset` (= `cmd appops`, AppOpsService.Shell) and `dumpsys appops [--package P]`.
 * - get: uid modes first, the first one prefixed "Uid mode: ", then package modes, one
 *   "<OP>: <mode>" per line; none: "No operations." plus "Default mode: <mode>" for a platform op.
 * - Errors on stderr, exit -1: "Error: Package name not specified.", "Error: Operation not
 *   specified.", "Error: Unknown operation string: X", "Error: No UID for X in user 0",
 *   "Error: Mode X is not valid". An op number the release lacks: IllegalArgumentException
 *   "Bad operation #N" (AppOpsService.verifyIncomingOp).
 * - Setting an op to its default mode prunes the entry (AppOpsService.pruneOpLocked).
 * - On Android 13+ the uid mode of POST_NOTIFICATION mirrors the POST_NOTIFICATIONS grant
 *   (PermissionPolicyService), "ignore" while denied, as the HyperOS capture shows.
 * - Dump layout from test/fixtures/appops (HyperOS 2 / Android 14): "  Uid u0aNNN:", "    state=",
 *   "    capability=" (11+), "    appWidgetVisible=false" (12+), uid modes "      OP: mode=M",
 *   "    Package <pkg>:" and "      OP (mode): " (trailing space). Unknown --package: "Unknown package: X".
 * Refusals: MIUI/ColorOS with the adb security switch off ("Neither user 2000 nor current process
 * has android.permission.MANAGE_APP_OPS_MODES."); MIUI op 10008 when the phone's
 * refuseAppOpsFor10008 flag is on ("uid 2000 does not have android.permission.UPDATE_APP_OPS_STATS.",
 * the text MIUI gave the shell uid in liudongmiao/Brevent#117).
 */
import { MIUI_OP_AUTOSTART, POST_NOTIFICATIONS, type OpMode } from '../../app-settings';
import {
  isPlatformOp,
  opDefaultMode,
  opExists,
  opName,
  OP_POST_NOTIFICATION,
  parseMode,
  parseOp,
} from '../../appops-table';
import { usesNotificationPermission } from '../../notifications';
import type { AppPackage, PhoneState } from '../../state';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';
import { javaException } from './java-error';
import { shellLocked } from './pm-permissions';

/** Modes in op-code order, as AppOpsService keeps them (SparseArray). */
function byCode(modes: ReadonlyMap<number, OpMode>): Map<number, OpMode> {
  return new Map([...modes].sort(([a], [b]) => a - b));
}

/** Uid-level modes as AppOpsService reports them now. */
export function uidModes(phone: PhoneState, app: AppPackage): Map<number, OpMode> {
  const modes = new Map(app.settings.uidOps);
  if (usesNotificationPermission(phone, app)) {
    if (app.grantedPermissions.has(POST_NOTIFICATIONS)) modes.delete(OP_POST_NOTIFICATION);
    else modes.set(OP_POST_NOTIFICATION, 'ignore');
  }
  return byCode(modes);
}

interface Target {
  readonly app: AppPackage;
  readonly op: number | null;
  readonly uid: boolean;
  readonly rest: readonly string[];
}

/** AppOpsService.Shell.parseUserPackageOp. */
async function parseTarget(
  ctx: CommandContext,
  args: readonly string[],
  requireOp: boolean,
): Promise<Target | number> {
  let pkg: string | null = null;
  let opText: string | null = null;
  let uid = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--user' || a === '--attribution') i++;
    else if (a === '--uid') uid = true;
    else if (pkg === null) pkg = a;
    else if (opText === null) {
      opText = a;
      i++;
      break;
    }
  }
  if (pkg === null) {
    await ctx.err('Error: Package name not specified.\n');
    return EXIT_MINUS_ONE;
  }
  if (opText === null && requireOp) {
    await ctx.err('Error: Operation not specified.\n');
    return EXIT_MINUS_ONE;
  }
  let op: number | null = null;
  if (opText !== null) {
    const parsed = parseOp(ctx.env.phone, opText);
    if ('error' in parsed) {
      await ctx.err(`Error: ${parsed.error}\n`);
      return EXIT_MINUS_ONE;
    }
    op = parsed.code;
  }
  const app = ctx.env.phone.packages.get(pkg);
  if (!app || !app.installed) {
    await ctx.err(`Error: No UID for ${pkg} in user 0\n`);
    return EXIT_MINUS_ONE;
  }
  return { app, op, uid, rest: args.slice(i) };
}

function entryLines(phone: PhoneState, app: AppPackage, op: number | null): string {
  const pick = (modes: ReadonlyMap<number, OpMode>): Array<[number, OpMode]> =>
    [...modes].filter(([code]) => op === null || code === op);
  const uid = pick(uidModes(phone, app));
  const pkg = pick(byCode(app.settings.ops));
  let text = '';
  uid.forEach(([code, mode], i) => {
    text += `${i === 0 ? 'Uid mode: ' : ''}${opName(code)}: ${mode}\n`;
  });
  for (const [code, mode] of pkg) text += `${opName(code)}: ${mode}\n`;
  return text;
}

async function get(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const target = await parseTarget(ctx, args, false);
  if (typeof target === 'number') return target;
  const phone = ctx.env.phone;
  const text = entryLines(phone, target.app, target.op);
  if (text !== '') {
    await ctx.out(text);
    return 0;
  }
  const op = target.op;
  const fallback = op !== null && isPlatformOp(phone, op) ? `Default mode: ${opDefaultMode(op)}\n` : '';
  await ctx.out(`No operations.\n${fallback}`);
  return 0;
}

const SET_FRAME = 'com.android.server.appop.AppOpsService.setMode(AppOpsService.java:2014)';

async function set(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const target = await parseTarget(ctx, args, true);
  if (typeof target === 'number') return target;
  const phone = ctx.env.phone;
  const modeText = target.rest[0];
  if (modeText === undefined) {
    await ctx.err('Error: Mode not specified.\n');
    return EXIT_MINUS_ONE;
  }
  const mode = parseMode(modeText);
  if (mode === null) {
    await ctx.err(`Error: Mode ${modeText} is not valid\n`);
    return EXIT_MINUS_ONE;
  }
  const op = target.op ?? -1;
  if (shellLocked(phone)) {
    return javaException(
      ctx,
      'appops',
      'set',
      'java.lang.SecurityException',
      'setMode: Neither user 2000 nor current process has android.permission.MANAGE_APP_OPS_MODES.',
      SET_FRAME,
    );
  }
  if (!opExists(phone, op)) {
    return javaException(
      ctx,
      'appops',
      'set',
      'java.lang.IllegalArgumentException',
      `Bad operation #${op}`,
      'com.android.server.appop.AppOpsService.verifyIncomingOp(AppOpsService.java:4667)',
    );
  }
  if (op === MIUI_OP_AUTOSTART && phone.policy.refuseAppOpsFor10008) {
    return javaException(
      ctx,
      'appops',
      'set',
      'java.lang.SecurityException',
      'uid 2000 does not have android.permission.UPDATE_APP_OPS_STATS.',
      SET_FRAME,
    );
  }
  const modes = target.uid ? target.app.settings.uidOps : target.app.settings.ops;
  if (mode === opDefaultMode(op)) modes.delete(op);
  else modes.set(op, mode);
  return 0;
}

/** Words after `appops` / `cmd appops`. */
export async function appopsCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'get':
      return get(ctx, rest);
    case 'set':
      return set(ctx, rest);
    case 'reset': {
      const pkg = rest.filter((a, i) => a !== '--user' && rest[i - 1] !== '--user')[0];
      for (const app of ctx.env.phone.packages.values()) {
        if (pkg !== undefined && app.name !== pkg) continue;
        app.settings.ops.clear();
        app.settings.uidOps.clear();
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '-h':
      await ctx.out(
        'AppOps service (appops) commands:\n  help\n    Print this text.\n  start [--user <USER_ID>] [--attribution <ATTRIBUTION_TAG>] <PACKAGE | UID> <OP> \n',
      );
      return 0;
    default:
      await ctx.out(`Unknown command: ${sub}\n`);
      return EXIT_MINUS_ONE;
  }
}

function uidLabel(uid: number): string {
  return uid >= 10000 ? `u0a${uid - 10000}` : String(uid);
}

/** One "Uid" block: the uid's state and modes, then each package of the uid that has modes. */
function uidBlock(phone: PhoneState, apps: readonly AppPackage[]): string {
  const first = apps[0];
  if (!first) return '';
  const uid = uidModes(phone, first);
  const withOps = apps.filter((a) => a.settings.ops.size > 0);
  if (uid.size === 0 && withOps.length === 0) return '';
  const running = apps.some((a) => phone.processes.has(a.name));
  const top = apps.some((a) => phone.foreground.package === a.name);
  const state = top ? 'top' : !running ? 'cch' : first.system ? 'pers' : 'bg';
  let t = `  Uid ${uidLabel(first.uid)}:\n    state=${state}\n`;
  if (phone.sdk >= 30) t += '    capability=------\n';
  if (phone.sdk >= 31) t += '    appWidgetVisible=false\n';
  for (const [code, mode] of uid) t += `      ${opName(code)}: mode=${mode}\n`;
  for (const app of withOps) {
    t += `    Package ${app.name}:\n`;
    for (const [code, mode] of byCode(app.settings.ops)) t += `      ${opName(code)} (${mode}): \n`;
  }
  return t;
}

/** `dumpsys appops [--package P]`. */
export function dumpAppops(phone: PhoneState, args: readonly string[]): string {
  const at = args.indexOf('--package');
  const only = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0) {
    const app = only === undefined ? undefined : phone.packages.get(only);
    if (!app || !app.installed) return `Unknown package: ${only ?? ''}\n`;
  }
  let t =
    'Current AppOps Service state:\n  Settings:\n    top_state_settle_time=+5s0ms\n ' +
    '   fg_service_state_settle_time=+5s0ms\n    bg_state_settle_time=+1s0ms\n\n';
  const byUid = new Map<number, AppPackage[]>();
  for (const app of phone.packages.values()) {
    if (!app.installed || (only !== undefined && app.name !== only)) continue;
    byUid.set(app.uid, [...(byUid.get(app.uid) ?? []), app]);
  }
  for (const uid of [...byUid.keys()].sort((a, b) => a - b)) t += uidBlock(phone, byUid.get(uid) ?? []);
  return t;
}
