/**
 * The documented send limits of the vendor push servers PushLab sends to directly, as data: the
 * run preflight ("a run never burns a lab's daily quota by surprise") and the local emulators read
 * them. Numbers are the lowest documented value where a vendor gives a range (a lab app is small).
 * `confirmed` says whether the figure was read in the vendor's own document or only in a
 * third-party summary (push aggregators' docs, Tencent's classification page); see `sources`.
 * App-wide daily totals scale with the app's user count (OPPO public channel: 100,000 a day under
 * 50,000 users, else 2 × users; vivo: a multiple of effective users, 3× or 20× depending on the
 * source) and are far above what a lab sends, so only per-device caps are kept as numbers.
 */
import type { Bilingual } from '../scenarios/types';

/** The vendor channels PushLab sends to directly (plan sender kinds = channel ids). */
export type LimitedVendor = 'xiaomi' | 'huawei' | 'honor' | 'oppo' | 'vivo' | 'meizu';

/** A per-device or per-app count per day; null = no documented limit. */
export interface DailyCap {
  readonly count: number | null;
  readonly confirmed: boolean;
}

export interface QuietHours {
  /** Local time on the phone (the vendors document China time, UTC+8), 24 h clock, [from, to). */
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
  /** Pushes one phone shows per day, by class (high = service / IM / 私信 / system, low = news, marketing, the rest). */
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
  oppo: {
    vendor: 'oppo',
    // By cumulative users: 5000 (< 10 M), 10000, 20000, 30000 (≥ 100 M).
    qps: { value: 5000, confirmed: false },
    // Public channel (内容与营销): 2 a device a day, 5 for news apps; private channel (私信) not limited.
    perDevicePerDay: { high: { count: null, confirmed: false }, low: { count: 2, confirmed: false } },
    testMessagesPerDay: null,
    maxPayloadBytes: 4000,
    payloadNote: 'action_parameters ≤ 4000 characters; title ≤ 50, content ≤ 50 (≤ 128 as long text)',
    quietHours: null,
    highClassHow: {
      en: 'Send with category IM on a channel_id registered in the OPPO console (private-message channel), notify_level 2.',
      zhCN: '使用 category IM，并使用在 OPPO 平台登记的 channel_id（私信通道）发送，notify_level 为 2。',
    },
    sources: [
      'https://open.oppomobile.com/new/developmentDoc/info?id=13189 (new message classification, read through a mirror)',
      'https://open.oppomobile.com/new/developmentDoc/info?id=11238 (unicast, mirrored on yimenapp.com)',
      'https://www.yimenapp.com/kb-yimen/tag/oppo%E6%8E%A8%E9%80%81/amp (OPPO QPS and daily totals)',
      'https://cloud.tencent.com/document/product/269/130977',
    ],
  },
  vivo: {
    vendor: 'vivo',
    qps: { value: 3000, confirmed: false },
    // Operational: 2 a device a day (5 for news apps); system messages not limited per device.
    perDevicePerDay: { high: { count: null, confirmed: false }, low: { count: 2, confirmed: false } },
    // pushMode 1: only to test devices registered in the console, not counted; no documented cap.
    testMessagesPerDay: { count: null, confirmed: true },
    maxPayloadBytes: 1024,
    payloadNote:
      'clientCustomMap ≤ 1024 characters; title ≤ 40, content ≤ 100 (a Chinese character counts 2)',
    quietHours: {
      fromHour: 23,
      toHour: 7,
      holds: 'low',
      text: {
        en: 'vivo delivers operational messages only from 07:00 to 23:00; system messages at any hour.',
        zhCN: 'vivo 只在 07:00 至 23:00 下发运营消息；系统消息不受时间限制。',
      },
      confirmed: false,
    },
    highClassHow: {
      en: 'Send with classification 1 (system) and category IM; use pushMode 1 (test) on registered test devices.',
      zhCN: '使用 classification 1（系统消息）和 category IM 发送；在已登记的测试设备上使用 pushMode 1（测试推送）。',
    },
    sources: [
      'https://dev.vivo.com.cn/documentCenter/doc/362 (server API, v2.9.2 text mirrored on app.applebyme.cn)',
      'https://pkg.go.dev/github.com/modood/pushapi/vivopush (quotes doc 362)',
      'https://cloud.tencent.com/document/product/548/36657 (07:00-23:00, 2/5 a day)',
      'https://help.aliyun.com/document_detail/616229.html',
    ],
  },
  meizu: {
    vendor: 'meizu',
    qps: { value: 200, confirmed: false },
    // From 2025-05-07: public (公信) 3 a device a day (5 for news apps); private (私信) not limited.
    perDevicePerDay: { high: { count: null, confirmed: false }, low: { count: 3, confirmed: false } },
    testMessagesPerDay: null,
    maxPayloadBytes: 2000,
    payloadNote: 'title 1-32 and content 1-100 characters; at most 100 pushIds a request',
    quietHours: null,
    highClassHow: {
      en: 'Send as a private message (noticeBarInfo.noticeMsgType 1).',
      zhCN: '以私信发送（noticeBarInfo.noticeMsgType 为 1）。',
    },
    sources: [
      'https://github.com/MEIZUPUSH/PushAPI (README: signature, codes, pushByPushId)',
      'https://cloud.tencent.com/document/product/269/130977',
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
