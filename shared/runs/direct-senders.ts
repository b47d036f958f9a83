/**
 * The one list of senders that push straight to a device token, without Tencent in between. The
 * diagnose mode sends through one of them as its "vendor path", the plan asks them for a token per
 * phone, and the send budget counts them per kind. A new direct sender (xiaomi, huawei, honor,
 * oppo, vivo, meizu) is added here AND to DIRECT_SENDER_SCHEMAS in plan.ts; a type check there
 * fails when the two disagree.
 */
import type { PushChannel } from '../domain/device';

/** Sender kinds that address a phone by its token (for the Android ones the kind is the channel id). */
export const DIRECT_SENDER_KINDS = ['apns', 'fcm'] as const;
export type DirectSenderKind = (typeof DIRECT_SENDER_KINDS)[number];

/** Every sender kind a plan may name. */
export const SENDER_KINDS = ['tencent', 'command', 'manual', 'simctl', ...DIRECT_SENDER_KINDS] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const isDirectSenderKind = (kind: string): kind is DirectSenderKind =>
  (DIRECT_SENDER_KINDS as readonly string[]).includes(kind);

/** The direct sender that reaches a phone of this channel (the kind equals the channel id), or null. */
export function directSenderForChannel(channel: PushChannel | 'apns' | null): DirectSenderKind | null {
  return channel !== null && isDirectSenderKind(channel) ? channel : null;
}

/** What a token is called, for messages (per kind; the default covers kinds added later). */
export function tokenWhat(kind: string): { en: string; zh: string } {
  if (kind === 'apns') return { en: 'APNs device token', zh: 'APNs 设备令牌' };
  if (kind === 'fcm') return { en: 'FCM registration token', zh: 'FCM 注册令牌' };
  return { en: `${kind} push token`, zh: `${kind} 推送令牌` };
}
