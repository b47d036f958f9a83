/** OPPO Push send limits as documented (see VendorPushLimits; sources in the closing note). */
import type { VendorPushLimits } from '../vendor-common/limits';

export const OPPO_LIMITS: VendorPushLimits = {
  channel: 'oppo',
  // Private-message (私信) channel and the service categories: not limited.
  highClassPerDevicePerDay: null,
  lowClassPerDevicePerDay: { usual: 2, news: 5 },
  dailyTotal: {
    en: 'Public channel: 100,000 a day while the app has under 50,000 cumulative users, else 2 × cumulative users; private channel not limited.',
    zh: '公信通道：累计用户数 < 50000 时每天 100000 条，否则为累计用户数 × 2；私信通道不限量。',
  },
  qps: { min: 5000, max: 30_000 },
  lowClassQuietHours: null,
  testPushesExempt: false,
  authCalls: null,
  sources: [
    'open.oppomobile.com/new/developmentDoc/info?id=13189 (new message classification, 2024-11-20)',
    'getui/yimenapp mirrors: OPPO QPS by cumulative users (5000/10000/20000/30000)',
    'cloud.tencent.com/document/product/269/130977',
  ],
};
