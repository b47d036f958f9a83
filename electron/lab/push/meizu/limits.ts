/** Flyme Push send limits as documented (see VendorPushLimits; sources in the closing note). */
import type { VendorPushLimits } from '../vendor-common/limits';

export const MEIZU_LIMITS: VendorPushLimits = {
  channel: 'meizu',
  highClassPerDevicePerDay: null,
  // From 2025-05-07: public (公信) 3 a device a day, 5 for news apps; private (私信) not limited.
  lowClassPerDevicePerDay: { usual: 3, news: 5 },
  dailyTotal: {
    en: 'Not documented as a figure (110019 says when it is reached).',
    zh: '没有公布具体数字（达到时返回 110019）。',
  },
  qps: { min: 200, max: 200 },
  lowClassQuietHours: null,
  testPushesExempt: false,
  authCalls: null,
  sources: [
    'github.com/MEIZUPUSH/PushAPI README (QPS 200, ≤ 100 pushIds a request)',
    'cloud.tencent.com/document/product/269/130977',
  ],
};
