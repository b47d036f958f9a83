/**
 * Vendor limits. MIUI and HyperOS keep autostart (op 10008) and "show on lock screen" (10020) in
 * app ops, which adb reads. Everything else (Huawei/Honor App launch, OPPO/vivo/Meizu autostart,
 * Samsung deep sleep, vendor battery and notification managers) adb cannot read: those checks are
 * 'manual', with the exact settings path for this ROM and version from resources/vendor-settings.
 */
import type { DoctorCheck, FixId, Message } from '../../../../shared/domain/doctor';
import { opLine } from '../evidence';
import { SOURCES } from '../facts-types';
import type { PathKind } from '../vendor-knowledge';
import { isMiuiFamily, makeCheck, msg, notRead, resourceMsg, romText, type CheckContext } from './check';

/** MIUI's own app ops (AppOpsManagerEx): autostart and show-on-lock-screen. */
export const MIUI_OP_AUTOSTART = '10008';
export const MIUI_OP_SHOW_WHEN_LOCKED = '10020';

function pathOf(ctx: CheckContext, kind: PathKind): Message | null {
  const key = ctx.vendor?.paths[kind];
  return key ? resourceMsg(key) : null;
}

function miuiOpCheck(
  ctx: CheckContext,
  id: string,
  op: string,
  title: Message,
  advice: { readonly ok: Message; readonly off: Message; readonly unclear: Message },
  fixes: readonly FixId[],
  settingsPath: Message | null,
): DoctorCheck {
  const read = ctx.facts.appOps;
  if (!read) return notRead(id, title, ctx, SOURCES.appOps, { fixes, settingsPath });
  const entry = read.value?.ops[op];
  if (!entry) {
    return makeCheck(id, title, {
      status: 'unknown',
      advice: advice.unclear,
      evidence: `appops get ${ctx.subject.package}: op ${op} not listed`,
      fixes,
      settingsPath,
    });
  }
  const evidence = opLine(entry.raw) || `${op}: ${entry.mode}`;
  if (entry.mode === 'allow') return makeCheck(id, title, { status: 'ok', advice: advice.ok, evidence });
  // MIUI's "ask" prints as an unknown mode: it is not a standing permission either.
  const off =
    entry.mode === 'ignore' ||
    entry.mode === 'deny' ||
    entry.mode === 'errored' ||
    /\(ask\)|:\s*ask\b/i.test(entry.raw);
  return makeCheck(id, title, {
    status: off ? 'warn' : 'unknown',
    advice: off ? advice.off : advice.unclear,
    evidence,
    fixes,
    settingsPath,
  });
}

function manual(
  ctx: CheckContext,
  id: string,
  title: Message,
  advice: Message,
  kind: PathKind,
  fixes: readonly FixId[] = [],
): DoctorCheck | null {
  const settingsPath = pathOf(ctx, kind);
  if (!settingsPath) return null;
  return makeCheck(id, title, {
    status: 'manual',
    advice,
    evidence: `${romText(ctx.identity)}: not readable over adb`,
    fixes,
    settingsPath,
  });
}

export function vendorChecks(ctx: CheckContext): DoctorCheck[] {
  if (!ctx.identity || !ctx.vendor) return [];
  const rom = romText(ctx.identity);
  const pkg = ctx.subject.package;
  const canOpen = ctx.vendor.activities.length > 0;
  const openScreen: FixId[] = canOpen ? ['open-autostart-settings'] : [];
  const checks: Array<DoctorCheck | null> = [];

  if (isMiuiFamily(ctx.identity)) {
    checks.push(
      miuiOpCheck(
        ctx,
        'vendor.autostart',
        MIUI_OP_AUTOSTART,
        msg('check.vendor.autostart.title'),
        {
          ok: msg('check.vendor.autostart.miuiOn'),
          off: msg('check.vendor.autostart.miuiOff', { rom }),
          unclear: msg('check.vendor.autostart.miuiUnclear', { rom }),
        },
        ['allow-miui-autostart', ...openScreen],
        pathOf(ctx, 'autostart'),
      ),
      miuiOpCheck(
        ctx,
        'vendor.show-when-locked',
        MIUI_OP_SHOW_WHEN_LOCKED,
        msg('check.vendor.showWhenLocked.title'),
        {
          ok: msg('check.vendor.showWhenLocked.on'),
          off: msg('check.vendor.showWhenLocked.off', { rom }),
          unclear: msg('check.vendor.showWhenLocked.unclear', { rom }),
        },
        [],
        pathOf(ctx, 'lockScreen'),
      ),
    );
  } else {
    checks.push(
      manual(
        ctx,
        'vendor.autostart',
        msg('check.vendor.autostart.title'),
        msg('check.vendor.autostart.manual', { rom, package: pkg }),
        'autostart',
        openScreen,
      ),
    );
  }
  checks.push(
    manual(
      ctx,
      'vendor.app-launch',
      msg('check.vendor.appLaunch.title'),
      msg('check.vendor.appLaunch.manual', { rom, package: pkg }),
      'appLaunch',
      openScreen,
    ),
    manual(
      ctx,
      'vendor.deep-sleep',
      msg('check.vendor.deepSleep.title'),
      msg('check.vendor.deepSleep.manual', { rom, package: pkg }),
      'deepSleep',
      openScreen,
    ),
    manual(
      ctx,
      'vendor.background',
      msg('check.vendor.background.title'),
      msg('check.vendor.background.manual', { rom, package: pkg }),
      'background',
    ),
    manual(
      ctx,
      'vendor.notifications',
      msg('check.vendor.notifications.title'),
      msg('check.vendor.notifications.manual', { rom, package: pkg }),
      'notifications',
      ['open-app-notification-settings'],
    ),
  );
  return checks.filter((c): c is DoctorCheck => c !== null);
}
