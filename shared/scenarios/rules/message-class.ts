/**
 * Vendor message classes (seed 002, "Vendor's push restrictions"): a high class is pushed promptly,
 * a low class may be delayed, folded or capped, so a missing low-class push proves nothing.
 */
import { TARGET_CHANNELS, type AppProfile, type MessageSpec, type TargetChannel } from '../types';
import { CHANNEL_TABLE } from '../../vendors/vendor-table';

/** The news, content and marketing categories OPPO and vivo share (OPPO marketing, vivo operational). */
const MARKETING: ReadonlySet<string> = new Set(['NEWS', 'CONTENT', 'MARKETING', 'SOCIAL']);

/** 'none': the channel has no documented classification (Meizu, FCM, APNs). */
export type MessageClass = 'high' | 'low' | 'unknown' | 'none';

/** Channels whose low class (or general volume) has a documented count limit (seed 002; vendor table). */
export const QUOTA_CHANNELS: readonly TargetChannel[] = TARGET_CHANNELS.filter(
  (c) => CHANNEL_TABLE[c].dailyQuota,
);

/** The class this message gets on this channel, from its vendor fields and the app's granted channels. */
export function messageClass(
  message: MessageSpec,
  channel: TargetChannel,
  profile: AppProfile = {},
): MessageClass {
  const vendor = message.push?.vendor ?? {};
  const granted = profile.highClassChannelIds ?? [];
  switch (channel) {
    case 'huawei':
      // Service & communication vs news & marketing; without fields Huawei classifies by itself.
      if (vendor.huaweiCategory !== undefined) return vendor.huaweiCategory === 'MARKETING' ? 'low' : 'high';
      if (vendor.huaweiImportance !== undefined) return vendor.huaweiImportance === 'NORMAL' ? 'high' : 'low';
      return 'unknown';
    case 'honor':
      if (vendor.honorImportance !== undefined) return vendor.honorImportance === 'NORMAL' ? 'high' : 'low';
      return 'unknown';
    case 'vivo':
      // The category is vivo's newer field; Tencent's default VIVOClassification is 1 (system message).
      if (vendor.vivoCategory !== undefined) return MARKETING.has(vendor.vivoCategory) ? 'low' : 'high';
      return vendor.vivoClassification === 0 ? 'low' : 'high';
    case 'xiaomi':
      return grantedClass(vendor.xiaomiChannelId, granted);
    case 'oppo':
      // A marketing category is the capped class whatever the channel; a service one still needs a granted channel.
      if (vendor.oppoCategory !== undefined && MARKETING.has(vendor.oppoCategory)) return 'low';
      return grantedClass(vendor.oppoChannelId, granted);
    case 'meizu':
    case 'fcm':
    case 'apns':
      return 'none';
  }
}

/** Xiaomi and OPPO: high only on a channel the vendor granted (important / private message channel). */
function grantedClass(channelId: string | undefined, granted: readonly string[]): MessageClass {
  if (channelId === undefined || channelId === '') return 'low';
  return granted.includes(channelId) ? 'high' : 'unknown';
}
