/**
 * Whether the app may post at all: Android 13+'s POST_NOTIFICATIONS runtime permission (and the
 * flags that stop the app from asking again), and the app-level block in the notification
 * settings (importance NONE), which is how older Android and OPPO's default-off installs show.
 */
import type { DoctorCheck, FixId } from '../../../../shared/domain/doctor';
import { appSettingsBlock } from '../evidence';
import { SOURCES } from '../facts-types';
import { isOppoFamily, makeCheck, msg, notRead, resourceMsg, sdkOf, type CheckContext } from './check';

/** POST_NOTIFICATIONS became a runtime permission in Android 13 (API 33). */
export const POST_NOTIFICATIONS_SDK = 33;

const FIXED_BY_POLICY = ['POLICY_FIXED', 'SYSTEM_FIXED'];

function permissionCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.notifications.permission.title');
  const sdk = sdkOf(ctx);
  if (sdk !== null && sdk < POST_NOTIFICATIONS_SDK) {
    return makeCheck('notifications.permission', title, {
      status: 'ok',
      advice: msg('check.notifications.permission.notNeeded', { sdk }),
      evidence: `ro.build.version.sdk=${sdk}`,
    });
  }
  const read = ctx.facts.package;
  if (!read) return notRead('notifications.permission', title, ctx, SOURCES.package);
  const perm = read.value.postNotifications;
  if (!perm) {
    // Not in the dump: before Android 13 (identity unknown) that is normal, from 13 it blocks.
    return makeCheck('notifications.permission', title, {
      status: sdk === null ? 'unknown' : 'fail',
      advice: msg(
        sdk === null
          ? 'check.notifications.permission.absentUnknownSdk'
          : 'check.notifications.permission.notRequested',
      ),
      evidence: `dumpsys package ${ctx.subject.package}: no android.permission.POST_NOTIFICATIONS entry`,
    });
  }
  if (perm.granted === null) {
    return makeCheck('notifications.permission', title, {
      status: 'unknown',
      advice: msg('check.notifications.permission.unreadable'),
      evidence: perm.raw,
    });
  }
  return makeCheck('notifications.permission', title, {
    status: perm.granted ? 'ok' : 'fail',
    advice: msg(
      perm.granted ? 'check.notifications.permission.granted' : 'check.notifications.permission.denied',
    ),
    evidence: perm.raw,
    fixes: perm.granted ? [] : ['grant-post-notifications', 'open-app-notification-settings'],
  });
}

function flagsCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.notifications.permissionFlags.title');
  const read = ctx.facts.package;
  if (!read) return notRead('notifications.permission-flags', title, ctx, SOURCES.package);
  const perm = read.value.postNotifications;
  if (!perm || perm.granted !== false) {
    return makeCheck('notifications.permission-flags', title, {
      status: perm && perm.granted === null ? 'unknown' : 'ok',
      advice: msg(
        perm && perm.granted === null
          ? 'check.notifications.permission.unreadable'
          : 'check.notifications.permissionFlags.ok',
      ),
      evidence: perm?.raw ?? '',
    });
  }
  const flags = perm.flags.map((f) => f.toUpperCase());
  const policy = flags.find((f) => FIXED_BY_POLICY.includes(f));
  if (policy) {
    return makeCheck('notifications.permission-flags', title, {
      status: 'warn',
      advice: msg('check.notifications.permissionFlags.policy', { flag: policy }),
      evidence: perm.raw,
    });
  }
  const userFixed = flags.includes('USER_FIXED');
  return makeCheck('notifications.permission-flags', title, {
    status: userFixed ? 'warn' : 'ok',
    advice: msg(
      userFixed
        ? 'check.notifications.permissionFlags.userFixed'
        : 'check.notifications.permissionFlags.canAsk',
    ),
    evidence: perm.raw,
    fixes: userFixed ? ['clear-notification-permission-flags'] : [],
  });
}

function appBlockCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.notifications.app.title');
  const read = ctx.facts.notifications;
  const pkg = ctx.subject.package;
  if (!read)
    return notRead('notifications.app', title, ctx, SOURCES.notifications, {
      fixes: ['open-app-notification-settings'],
    });
  const app = read.value.app;
  if (!app) {
    return makeCheck('notifications.app', title, {
      status: 'ok',
      advice: msg('check.notifications.app.noEntry'),
      evidence: `dumpsys notification: no AppSettings entry for ${pkg}`,
    });
  }
  const header = appSettingsBlock(read.text, pkg).header;
  const evidence = header ?? `AppSettings: ${pkg} importance=${app.importance ?? '?'}`;
  const blocked = app.importance === 0 || app.blocked === true;
  // PreferencesHelper prints importance= only when it is not the default (unspecified), so a
  // line without it is an app that was never blocked.
  const defaulted = header !== null && !/\bimportance=/.test(header);
  if (!blocked && !defaulted && app.importance === null && app.blocked === null) {
    return makeCheck('notifications.app', title, {
      status: 'unknown',
      advice: msg('check.notifications.app.unreadable'),
      evidence,
    });
  }
  const sdk = sdkOf(ctx);
  const fixes: FixId[] =
    sdk !== null && sdk >= POST_NOTIFICATIONS_SDK
      ? ['grant-post-notifications', 'open-app-notification-settings']
      : ['open-app-notification-settings'];
  return makeCheck('notifications.app', title, {
    status: blocked ? 'fail' : 'ok',
    advice: msg(
      !blocked
        ? 'check.notifications.app.allowed'
        : isOppoFamily(ctx.identity)
          ? 'check.notifications.app.blockedOppo'
          : 'check.notifications.app.blocked',
    ),
    evidence,
    fixes: blocked ? fixes : [],
    settingsPath:
      blocked && ctx.vendor?.paths.notifications ? resourceMsg(ctx.vendor.paths.notifications) : null,
  });
}

export function permissionChecks(ctx: CheckContext): DoctorCheck[] {
  const sdk = sdkOf(ctx);
  const checks = [permissionCheck(ctx)];
  // The flags only matter where the permission exists.
  if (sdk === null || sdk >= POST_NOTIFICATIONS_SDK) checks.push(flagsCheck(ctx));
  checks.push(appBlockCheck(ctx));
  return checks;
}
