/**
 * The one list of senders that push straight to a device token, without Tencent in between. The
 * diagnose mode sends through one of them as its "vendor path", the plan asks them for a token per
 * phone, and the send budget counts them per kind. A new direct sender is added here, to
 * DIRECT_SENDER_SCHEMAS in plan.ts and to DEVICE_TOKEN_NAMES in plan-vendor-senders.ts; type checks
 * there fail when the lists disagree.
 */
import type { PushChannel } from '../domain/device';

/** Sender kinds that address a phone by its token (for the Android ones the kind is the channel id). */
export const DIRECT_SENDER_KINDS = [
  'apns',
  'fcm',
  'xiaomi',
  'huawei',
  'honor',
  'oppo',
  'vivo',
  'meizu',
] as const;
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
