/**
 * The lock screen: notifications hidden there entirely (lock_screen_show_notifications=0) or shown
 * without their content (lock_screen_allow_private_notifications=0). A push that arrives while
 * the phone is locked is then invisible, or shows no text to check.
 */
import type { DoctorCheck, Message } from '../../../../shared/domain/doctor';
import { settingSource } from '../facts-types';
import type { DoctorSetting } from '../../android/commands/doctor/read-setting';
import { makeCheck, msg, notRead, resourceMsg, type CheckContext } from './check';

function settingCheck(
  ctx: CheckContext,
  id: string,
  setting: DoctorSetting,
  messages: { readonly title: Message; readonly ok: Message; readonly off: Message },
): DoctorCheck {
  const { title } = messages;
  const read = ctx.facts.settings[setting];
  const path = ctx.vendor?.paths.lockScreen;
  if (!read) return notRead(id, title, ctx, settingSource(setting));
  const value = read.value?.trim() ?? null;
  // Unset means the default, which shows notifications and their content.
  const off = value === '0';
  return makeCheck(id, title, {
    status: off ? 'warn' : 'ok',
    advice: off ? messages.off : messages.ok,
    evidence: `settings get ${setting.replace('/', ' ')}: ${value ?? 'null'}`,
    settingsPath: off && path ? resourceMsg(path) : null,
  });
}

export function lockscreenChecks(ctx: CheckContext): DoctorCheck[] {
  return [
    settingCheck(ctx, 'lockscreen.notifications', 'secure/lock_screen_show_notifications', {
      title: msg('check.lockscreen.notifications.title'),
      ok: msg('check.lockscreen.notifications.shown'),
      off: msg('check.lockscreen.notifications.hidden'),
    }),
    settingCheck(ctx, 'lockscreen.private', 'secure/lock_screen_allow_private_notifications', {
      title: msg('check.lockscreen.private.title'),
      ok: msg('check.lockscreen.private.shown'),
      off: msg('check.lockscreen.private.hidden'),
    }),
  ];
}
