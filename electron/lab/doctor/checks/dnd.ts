/**
 * Do Not Disturb: while it is on, a push arrives but makes no sound and may not show, unless the
 * app's channel may break through (bypass DND, "important interruptions" mode only).
 */
import type { DoctorCheck } from '../../../../shared/domain/doctor';
import type { ZenInfo } from '../../android/parsers/notification-dump';
import { lineMatching } from '../evidence';
import { settingSource } from '../facts-types';
import { makeCheck, msg, notRead, type CheckContext } from './check';

/** Settings.Global.ZEN_MODE_* values. */
const ZEN_SETTING: Readonly<Record<string, ZenInfo['mode']>> = {
  '0': 'off',
  '1': 'important',
  '2': 'no-interruptions',
  '3': 'alarms',
};

export function dndChecks(ctx: CheckContext): DoctorCheck[] {
  const title = msg('check.dnd.title');
  const fromDump = ctx.facts.notifications;
  const setting = ctx.facts.settings['global/zen_mode'];
  let mode: ZenInfo['mode'] = fromDump?.value.zen.mode ?? null;
  let evidence = fromDump ? (lineMatching(fromDump.text, /^\s*mZenMode=/) ?? fromDump.value.zen.raw) : null;
  if (mode === null && setting?.value != null) {
    mode = ZEN_SETTING[setting.value.trim()] ?? null;
    evidence = `settings get global zen_mode: ${setting.value}`;
  }
  if (mode === null) {
    if (!fromDump && !setting) return [notRead('dnd.mode', title, ctx, settingSource('global/zen_mode'))];
    return [
      makeCheck('dnd.mode', title, {
        status: 'unknown',
        advice: msg('check.dnd.unreadable'),
        evidence: evidence ?? '',
      }),
    ];
  }
  if (mode === 'off')
    return [
      makeCheck('dnd.mode', title, { status: 'ok', advice: msg('check.dnd.off'), evidence: evidence ?? '' }),
    ];

  const channels = fromDump?.value.app?.channels ?? [];
  const named = channels.filter((c) => ctx.subject.channelIds.includes(c.id) && c.deleted !== true);
  const bypass = named.length > 0 && named.every((c) => c.bypassDnd === true);
  if (mode === 'important' && bypass) {
    return [
      makeCheck('dnd.mode', title, {
        status: 'ok',
        advice: msg('check.dnd.bypass'),
        evidence: evidence ?? '',
      }),
    ];
  }
  const advice =
    mode === 'important'
      ? msg('check.dnd.important')
      : mode === 'alarms'
        ? msg('check.dnd.alarms')
        : msg('check.dnd.total');
  return [makeCheck('dnd.mode', title, { status: 'warn', advice, evidence: evidence ?? '' })];
}
