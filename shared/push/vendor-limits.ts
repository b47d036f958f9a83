/**
 * The documented send limits of the vendor push servers PushLab sends to directly, as data: the
 * run preflight ("a run never burns a lab's daily quota by surprise") and the local emulators read
 * them. Numbers are the lowest documented value where a vendor gives a range (a lab app is small).
 * `confirmed` says whether the figure was read in the vendor's own document or only in a
 * third-party summary (push aggregators' docs, Tencent's classification page); see `sources`.
 * Rooms for oppo / vivo / meizu add their entries to VENDOR_SEND_LIMITS.
 */
import type { Bilingual } from '../scenarios/types';

export type LimitedVendor = 'xiaomi' | 'huawei' | 'honor';

/** A per-device or per-app count per day; null = no documented limit. */
export interface DailyCap {
  readonly count: number | null;
  readonly confirmed: boolean;
}

export interface QuietHours {
  /** Local time on the phone, 24 h clock, [from, to). */
  readonly fromHour: number;
  readonly toHour: number;
  /** Which class it holds back: 'low' (marketing) or 'all' messages. */
  readonly holds: 'low' | 'all';
  readonly text: Bilingual;
  readonly confirmed: boolean;
}

export interface VendorSendLimits {
  readonly vendor: LimitedVendor;
  /** Requests per second the push server accepts from a small app. */
  readonly qps: { readonly value: number; readonly confirmed: boolean };
  /** Pushes one phone shows per day, by message class (high = service / IM, low = news & marketing). */
  readonly perDevicePerDay: { readonly high: DailyCap; readonly low: DailyCap };
  /** Test messages (a flag in the request): how many per app per day; null = the vendor has no test flag. */
  readonly testMessagesPerDay: DailyCap | null;
  /** Largest message the server accepts, in bytes (what counts is said in `payloadNote`). */
  readonly maxPayloadBytes: number;
  readonly payloadNote: string;
  readonly quietHours: QuietHours | null;
  /** How the lab keeps a send in the high class on this vendor. */
  readonly highClassHow: Bilingual;
  readonly sources: readonly string[];
}

const NIGHT: Bilingual = {
  en: 'Between 00:00 and 06:00 with the screen off the vendor holds messages back (reported by push aggregators).',
  zhCN: '00:00 至 06:00 熄屏期间厂商会延后下发消息（来自推送聚合平台的说明）。',
};

export const VENDOR_SEND_LIMITS: Readonly<Record<LimitedVendor, VendorSendLimits>> = {
  xiaomi: {
    vendor: 'xiaomi',
    qps: { value: 500, confirmed: false },
    perDevicePerDay: { high: { count: null, confirmed: false }, low: { count: 5, confirmed: false } },
    testMessagesPerDay: null,
    maxPayloadBytes: 4096,
    payloadNote: 'payload field; title < 50 and description < 128 characters',
    quietHours: null,
    highClassHow: {
      en: 'Send on a channel_id the Mi Push console granted as a private-message (私信) channel.',
      zhCN: '使用在小米推送控制台申请为私信类的 channel_id 发送。',
    },
    sources: [
      'https://dev.mi.com/xiaomihyperos/documentation/detail?pId=1559',
      'https://dev.mi.com/xiaomihyperos/documentation/detail?pId=1560',
      'https://docs.getui.com/getui/mobile/vendor/qps/',
      'https://help.aliyun.com/document_detail/616229.html',
    ],
  },
  huawei: {
    vendor: 'huawei',
    qps: { value: 6000, confirmed: false },
    perDevicePerDay: { high: { count: null, confirmed: true }, low: { count: 2, confirmed: false } },
    testMessagesPerDay: { count: 500, confirmed: false },
    maxPayloadBytes: 4096,
    payloadNote: 'the message body without the token',
    quietHours: { fromHour: 0, toHour: 6, holds: 'all', text: NIGHT, confirmed: false },
    highClassHow: {
      en: 'Send with android.category IM (needs the self-classification right) and importance NORMAL.',
      zhCN: '使用 android.category IM（需申请自分类权益）并设置 importance NORMAL 发送。',
    },
    sources: [
      'https://developer.huawei.com/consumer/en/doc/HMSCore-References/https-send-api-0000001050986197',
      'https://developer.huawei.com/consumer/cn/doc/HMSCore-Guides/message-classification-0000001149358835',
      'https://docs.getui.com/getui/mobile/vendor/qps/',
    ],
  },
  honor: {
    vendor: 'honor',
    qps: { value: 3000, confirmed: false },
    perDevicePerDay: { high: { count: null, confirmed: false }, low: { count: 2, confirmed: false } },
    testMessagesPerDay: null,
    maxPayloadBytes: 4096,
    payloadNote: 'the message body without the token (assumed as on HMS; not confirmed)',
    quietHours: { fromHour: 0, toHour: 6, holds: 'all', text: NIGHT, confirmed: false },
    highClassHow: {
      en: 'Send with notification.importance NORMAL (service and communication).',
      zhCN: '设置 notification.importance NORMAL（服务与通讯类）发送。',
    },
    sources: [
      'https://xie.infoq.cn/article/575b0e405029cfdd8652288fa',
      'https://docs.getui.com/getui/mobile/vendor/qps/',
    ],
  },
};

/** How many sends one phone may take today in this class before the vendor drops the rest; null = no limit. */
export function dailyDeviceCap(vendor: LimitedVendor, messageClass: 'high' | 'low'): number | null {
  return VENDOR_SEND_LIMITS[vendor].perDevicePerDay[messageClass].count;
}

/** The hour (0-23) falls in the vendor's quiet hours for this class. */
export function inQuietHours(vendor: LimitedVendor, hour: number, messageClass: 'high' | 'low'): boolean {
  const quiet = VENDOR_SEND_LIMITS[vendor].quietHours;
  if (quiet === null || (quiet.holds === 'low' && messageClass === 'high')) return false;
  return quiet.fromHour <= quiet.toHour
    ? hour >= quiet.fromHour && hour < quiet.toHour
    : hour >= quiet.fromHour || hour < quiet.toHour;
}
