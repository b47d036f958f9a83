/** vivo Push send limits as documented (see VendorPushLimits; sources in the closing note). */
import type { VendorPushLimits } from '../vendor-common/limits';

export const VIVO_LIMITS: VendorPushLimits = {
  channel: 'vivo',
  highClassPerDevicePerDay: null,
  lowClassPerDevicePerDay: { usual: 2, news: 5 },
  dailyTotal: {
    en: 'System messages: a multiple of the effective users (3× per Aliyun, 20× per Tencent: the sources disagree); operational: 2–3× effective users.',
    zh: '系统消息：有效用户数的若干倍（阿里云说 3 倍，腾讯说 20 倍：来源不一致）；运营消息：有效用户数的 2–3 倍。',
  },
  qps: { min: 3000, max: 5000 },
  // Operational messages only 07:00–23:00 (China time); system messages at any hour.
  lowClassQuietHours: { from: '23:00', to: '07:00' },
  testPushesExempt: true,
  authCalls: { en: '10 a second per app', zh: '每个应用每秒 10 次' },
  sources: [
    'dev.vivo.com.cn/documentCenter/doc/362 (server API v2.9.2, mirrored)',
    'help.aliyun.com/document_detail/616229.html',
    'cloud.tencent.com/document/product/548/36657 (07:00–23:00, 2/5 a day)',
  ],
};
