/**
 * The vendor's message classes and daily quotas for the phone's channel (from Tencent's offline
 * push guide): not readable on the phone, so a 'manual' reminder of what to set up in the
 * vendor's console.
 */
import type { DoctorCheck } from '../../../../shared/domain/doctor';
import { CHANNEL_NAMES } from '../../android/identity/channel';
import { pushHintFor } from '../vendor-knowledge';
import { makeCheck, msg, resourceMsg, type CheckContext } from './check';

export function quotaChecks(ctx: CheckContext): DoctorCheck[] {
  const channel = ctx.identity?.pushChannel;
  // APNs has no vendor message classes or quotas.
  if (channel === undefined || channel === 'apns') return [];
  const hint = pushHintFor(ctx.knowledge, channel);
  if (!hint) return [];
  return [
    makeCheck('push.quota', msg('check.push.quota.title', { channel: CHANNEL_NAMES[channel] }), {
      status: 'manual',
      advice: resourceMsg(hint.advice),
      evidence: `push channel: ${channel}`,
      settingsPath: hint.where ? resourceMsg(hint.where) : null,
    }),
  ];
}
