/**
 * The notification channels the app's push configuration names: each must exist, not be
 * deleted, and not be blocked (importance NONE). OPPO on Android 8+ shows nothing for a push
 * whose ChannelID does not exist; Xiaomi and Huawei channels behave alike. A summary lists any
 * other blocked channel of the app.
 */
import type { DoctorCheck } from '../../../../shared/domain/doctor';
import type { ChannelInfo } from '../../android/parsers/notification-dump';
import { appSettingsBlock, channelLine } from '../evidence';
import { SOURCES } from '../facts-types';
import { isOppoFamily, makeCheck, msg, notRead, sdkOf, type CheckContext } from './check';

/** NotificationManager.IMPORTANCE_* names. */
const IMPORTANCE_NAMES = ['NONE', 'MIN', 'LOW', 'DEFAULT', 'HIGH', 'MAX'] as const;
/** Notification.VISIBILITY_SECRET: not shown at all on a secure lock screen. */
const VISIBILITY_SECRET = -1;
/** Channels exist from Android 8 (API 26). */
const CHANNELS_SDK = 26;

export const importanceName = (importance: number): string =>
  IMPORTANCE_NAMES[importance] ?? String(importance);

function channelCheck(ctx: CheckContext, channelId: string): DoctorCheck {
  const id = `channel:${channelId}`;
  const title = msg('check.channel.title', { channel: channelId });
  const read = ctx.facts.notifications;
  if (!read) return notRead(id, title, ctx, SOURCES.notifications);
  const block = appSettingsBlock(read.text, ctx.subject.package);
  const channel: ChannelInfo | undefined = read.value.app?.channels.find((c) => c.id === channelId);
  const line = channelLine(block.lines, channelId);

  if (!channel || channel.deleted === true) {
    const sdk = sdkOf(ctx);
    const oppo = isOppoFamily(ctx.identity) && (sdk === null || sdk >= CHANNELS_SDK);
    const advice = channel
      ? msg('check.channel.deleted', { channel: channelId })
      : oppo
        ? msg('check.channel.missingOppo', { channel: channelId })
        : msg('check.channel.missing', { channel: channelId });
    const known = (read.value.app?.channels ?? []).filter((c) => c.deleted !== true).map((c) => c.id);
    return makeCheck(id, title, {
      status: 'fail',
      advice,
      evidence:
        line ??
        `${block.header ?? `no AppSettings for ${ctx.subject.package}`}; channels: ${known.length > 0 ? known.join(', ') : 'none'}`,
    });
  }
  const evidence =
    line ?? `NotificationChannel{mId='${channelId}', mImportance=${channel.importance ?? '?'}}`;
  if (channel.importance === null) {
    return makeCheck(id, title, { status: 'unknown', advice: msg('check.channel.unreadable'), evidence });
  }
  const name = channel.name ?? channelId;
  if (channel.importance === 0) {
    return makeCheck(id, title, {
      status: 'fail',
      advice: msg('check.channel.blocked', { name }),
      evidence,
      fixes: ['open-app-notification-settings'],
    });
  }
  if (channel.importance <= 2) {
    return makeCheck(id, title, {
      status: 'warn',
      advice: msg('check.channel.low', { name, importance: importanceName(channel.importance) }),
      evidence,
      fixes: ['open-app-notification-settings'],
    });
  }
  if (channel.lockscreenVisibility === VISIBILITY_SECRET) {
    return makeCheck(id, title, {
      status: 'warn',
      advice: msg('check.channel.secret', { name }),
      evidence,
      fixes: ['open-app-notification-settings'],
    });
  }
  return makeCheck(id, title, {
    status: 'ok',
    advice: msg('check.channel.ok', {
      name,
      importance: importanceName(channel.importance),
      sound: channel.sound ?? 'none',
      vibration: channel.vibration === null ? '?' : channel.vibration ? 'on' : 'off',
    }),
    evidence,
  });
}

function blockedSummary(ctx: CheckContext): DoctorCheck {
  const title = msg('check.channels.blocked.title');
  const read = ctx.facts.notifications;
  if (!read) return notRead('channels.blocked', title, ctx, SOURCES.notifications);
  const channels = read.value.app?.channels ?? [];
  const blocked = channels.filter((c) => c.importance === 0 && c.deleted !== true);
  if (blocked.length === 0) {
    return makeCheck('channels.blocked', title, {
      status: 'ok',
      advice: msg('check.channels.blocked.none', {
        count: channels.filter((c) => c.deleted !== true).length,
      }),
      evidence:
        appSettingsBlock(read.text, ctx.subject.package).header ??
        `dumpsys notification: no AppSettings entry for ${ctx.subject.package}`,
    });
  }
  const lines = appSettingsBlock(read.text, ctx.subject.package).lines;
  return makeCheck('channels.blocked', title, {
    status: 'warn',
    advice: msg('check.channels.blocked.some', { channels: blocked.map((c) => c.id).join(', ') }),
    evidence: blocked.map((c) => channelLine(lines, c.id) ?? `mId='${c.id}' mImportance=0`),
    fixes: ['open-app-notification-settings'],
  });
}

/**
 * OPPO family on Android 8+ with no ChannelID to check: every push needs one, so say so and how
 * to find it (the app's own channels are the evidence). Null elsewhere, or when ids were given.
 */
function oppoChannelIdCheck(ctx: CheckContext, ids: readonly string[]): DoctorCheck | null {
  const sdk = sdkOf(ctx);
  if (ids.length > 0 || !isOppoFamily(ctx.identity) || sdk === null || sdk < CHANNELS_SDK) return null;
  const title = msg('check.channels.oppoChannelId.title');
  const read = ctx.facts.notifications;
  const channels = (read?.value.app?.channels ?? []).filter((c) => c.deleted !== true);
  const lines = read ? appSettingsBlock(read.text, ctx.subject.package).lines : [];
  return makeCheck('channels.oppoChannelId', title, {
    status: 'warn',
    advice: msg(
      channels.length === 0
        ? 'check.channels.oppoChannelId.missingNone'
        : 'check.channels.oppoChannelId.missing',
    ),
    evidence: channels.map((c) => channelLine(lines, c.id) ?? `mId='${c.id}'`),
  });
}

export function channelChecks(ctx: CheckContext): DoctorCheck[] {
  const ids = [...new Set(ctx.subject.channelIds)];
  const oppo = oppoChannelIdCheck(ctx, ids);
  return [...ids.map((id) => channelCheck(ctx, id)), ...(oppo === null ? [] : [oppo]), blockedSummary(ctx)];
}
