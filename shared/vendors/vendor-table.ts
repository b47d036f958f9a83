/**
 * THE vendor table: everything PushLab knows per vendor group and per push channel, as data.
 * Identity, the board, the matrix, hints, reports, the doctor, Tencent's field names and the
 * virtual lab all read it; nothing else lists vendors. Facts: /work/shared/seeds (002),
 * reference/vendor-push-apis.md, protocols.md and the getprop / pm-list-packages captures.
 *
 * API (all plain data, safe in the renderer and in the core):
 *   VENDOR_IDS / VendorId     the vendor groups, in display order (board, matrix rows, reports)
 *   VENDOR_TABLE[id]          VendorEntry: brands, manufacturers, models, ROMs (+ their ro.* props),
 *                             channel rule and channels, name (en/zh-CN), badge colours, settings file
 *   CHANNEL_TABLE[channel]    ChannelEntry: vendor name, service name (en/zh-CN) and packages, whether
 *                             runs check the service / it may be proxied, system-level display, custom
 *                             sound, message classes, daily quota, Tencent AndroidInfo field names
 *   vendorName(id, locale)    the display name in 'en' or 'zh-CN'
 *   vendorMessages(locale)    `vendor.<id>` and `pushChannel.<channel>` for the i18n catalogs
 *   vendorGroupOf(phone)      THE rule for a phone's group: shared/vendors/vendor-group.ts
 *
 * Adding a vendor: add its id to VENDOR_IDS (and its channel to PUSH_CHANNELS if it has one); the
 * compiler then lists every `Record<VendorId | PushChannel, …>` that must handle it, starting here.
 */
import type { DeviceChannel } from '../domain/device';
import type { ChannelEntry, VendorEntry } from './vendor-schema';

export const VENDOR_IDS = [
  'xiaomi',
  'huawei',
  'honor',
  'oppo',
  'vivo',
  'meizu',
  'samsung',
  'google',
  'other-android',
  'ios',
] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export const VENDOR_TABLE = {
  xiaomi: {
    name: { en: 'Xiaomi', zhCN: '小米' },
    brands: ['Xiaomi', 'Redmi', 'POCO', 'Black Shark'],
    manufacturers: ['Xiaomi'],
    models: [],
    roms: ['HyperOS', 'MIUI'],
    romProps: ['ro.mi.os.version.name', 'ro.miui.ui.version.name'],
    channelRule: 'own',
    channels: ['xiaomi'],
    badge: { text: '#953a00', background: '#fff0e5', line: '#ff6900' },
    settingsFile: 'xiaomi',
  },
  huawei: {
    name: { en: 'Huawei', zhCN: '华为' },
    brands: ['HUAWEI'],
    manufacturers: ['HUAWEI'],
    models: [],
    roms: ['HarmonyOS', 'EMUI'],
    romProps: ['hw_sc.build.platform.version', 'ro.build.version.emui'],
    channelRule: 'own',
    channels: ['huawei'],
    badge: { text: '#9e1419', background: '#fdeaea', line: '#cf0a2c' },
    settingsFile: 'huawei',
  },
  // Brand before manufacturer: Honor phones made before the 2020 split say manufacturer HUAWEI.
  honor: {
    name: { en: 'Honor', zhCN: '荣耀' },
    brands: ['HONOR'],
    manufacturers: ['HONOR'],
    models: [],
    roms: ['MagicOS', 'Magic UI'],
    romProps: ['ro.build.version.magic'],
    channelRule: 'honor-split',
    channels: ['honor', 'huawei'],
    badge: { text: '#1b4898', background: '#e8f0fd', line: '#2f6fe0' },
    settingsFile: 'honor',
  },
  // One ROM base (ColorOS / OxygenOS / realme UI), one push service (HeyTap), the same rules.
  oppo: {
    name: { en: 'OPPO · OnePlus · realme', zhCN: 'OPPO · 一加 · 真我' },
    brands: ['OPPO', 'OnePlus', 'realme'],
    manufacturers: ['OPPO', 'OnePlus', 'realme'],
    models: [],
    roms: ['ColorOS', 'OxygenOS', 'realme UI'],
    romProps: [
      'ro.build.version.oplusrom',
      'ro.build.version.opporom',
      'ro.build.version.realmeui',
      'ro.oxygen.version',
    ],
    channelRule: 'oplus-region',
    channels: ['oppo', 'fcm'],
    badge: { text: '#0a6637', background: '#e2f4e8', line: '#1a8a4b' },
    settingsFile: 'oplus',
  },
  vivo: {
    name: { en: 'vivo · iQOO', zhCN: 'vivo · iQOO' },
    brands: ['vivo', 'iQOO'],
    manufacturers: ['vivo'],
    models: [],
    roms: ['OriginOS', 'Funtouch OS'],
    romProps: ['ro.vivo.os.build.display.id', 'ro.vivo.os.name', 'ro.vivo.os.version'],
    channelRule: 'own',
    channels: ['vivo'],
    badge: { text: '#0b5c82', background: '#e1f2fa', line: '#1482c4' },
    settingsFile: 'vivo',
  },
  meizu: {
    name: { en: 'Meizu', zhCN: '魅族' },
    brands: ['Meizu'],
    manufacturers: ['Meizu'],
    models: [],
    roms: ['Flyme'],
    romProps: ['ro.build.flyme.version', 'ro.flyme.version.id', 'ro.flyme.version'],
    channelRule: 'own',
    channels: ['meizu'],
    badge: { text: '#00636f', background: '#dff5f7', line: '#00a3b4' },
    settingsFile: 'meizu',
  },
  samsung: {
    name: { en: 'Samsung', zhCN: '三星' },
    brands: ['Samsung'],
    manufacturers: ['Samsung'],
    models: [],
    roms: ['One UI'],
    romProps: ['ro.build.version.oneui'],
    channelRule: 'fcm',
    channels: ['fcm'],
    badge: { text: '#1428a0', background: '#e8eafa', line: '#1428a0' },
    settingsFile: 'samsung',
  },
  google: {
    name: { en: 'Google', zhCN: '谷歌' },
    brands: ['Google'],
    manufacturers: ['Google'],
    models: ['Pixel'],
    roms: [],
    romProps: [],
    channelRule: 'fcm',
    channels: ['fcm'],
    badge: { text: '#3c4043', background: '#eef0f2', line: '#5f6368' },
    settingsFile: null,
  },
  'other-android': {
    name: { en: 'Other Android', zhCN: '其他安卓' },
    brands: [],
    manufacturers: [],
    models: [],
    roms: [],
    romProps: [],
    channelRule: 'fcm',
    channels: ['fcm'],
    badge: { text: '#4d5666', background: '#f0f2f5', line: '#c4cad3' },
    settingsFile: null,
  },
  ios: {
    name: { en: 'Apple iOS', zhCN: '苹果 iOS' },
    brands: ['Apple'],
    manufacturers: ['Apple'],
    models: [],
    roms: [],
    romProps: [],
    channelRule: 'apns',
    channels: ['apns'],
    badge: { text: '#1d1d1f', background: '#ececf0', line: '#1d1d1f' },
    settingsFile: null,
  },
} as const satisfies Record<VendorId, VendorEntry>;

export const CHANNEL_TABLE = {
  xiaomi: {
    vendorName: { en: 'Xiaomi', zhCN: '小米' },
    serviceName: { en: 'Mi Push', zhCN: '小米推送' },
    // Mi Push runs inside the Xiaomi Service Framework.
    services: [{ package: 'com.xiaomi.xmsf', name: 'Xiaomi Service Framework', minimumVersionCode: null }],
    serviceRequired: false,
    proxied: false,
    systemLevel: true,
    customSound: true,
    classifies: true,
    dailyQuota: true,
    tencent: { channelId: 'XiaoMiChannelID' },
  },
  huawei: {
    vendorName: { en: 'Huawei', zhCN: '华为' },
    serviceName: { en: 'Huawei Push (HMS)', zhCN: '华为推送（HMS）' },
    // Tencent's vendor-push guide requires HMS Core newer than 20401300.
    services: [{ package: 'com.huawei.hwid', name: 'HMS Core', minimumVersionCode: 20401301 }],
    serviceRequired: true,
    proxied: false,
    systemLevel: true,
    customSound: true,
    classifies: true,
    dailyQuota: false,
    tencent: { channelId: 'HuaWeiChannelID', category: 'HuaWeiCategory', importance: 'HuaWeiImportance' },
  },
  honor: {
    vendorName: { en: 'Honor', zhCN: '荣耀' },
    serviceName: { en: 'Honor Push', zhCN: '荣耀推送' },
    // The Honor push SDK may instead bind its proxy in the system ("android") package.
    services: [
      { package: 'com.hihonor.android.pushagent', name: 'Honor Push service', minimumVersionCode: null },
    ],
    serviceRequired: true,
    proxied: true,
    systemLevel: true,
    customSound: false,
    classifies: true,
    dailyQuota: false,
    tencent: { importance: 'HonorImportance' },
  },
  oppo: {
    vendorName: { en: 'OPPO', zhCN: 'OPPO' },
    serviceName: { en: 'OPPO Push', zhCN: 'OPPO 推送' },
    services: [
      { package: 'com.heytap.mcs', name: 'HeyTap push service', minimumVersionCode: null },
      // Name used by older ColorOS builds for the same service.
      { package: 'com.coloros.mcs', name: 'ColorOS push service', minimumVersionCode: null },
    ],
    serviceRequired: false,
    proxied: false,
    systemLevel: true,
    customSound: false,
    classifies: true,
    dailyQuota: true,
    tencent: { channelId: 'OPPOChannelID', category: 'OPPOCategory', notifyLevel: 'OPPONotifyLevel' },
  },
  vivo: {
    vendorName: { en: 'vivo', zhCN: 'vivo' },
    serviceName: { en: 'vivo Push', zhCN: 'vivo 推送' },
    services: [{ package: 'com.vivo.pushservice', name: 'vivo push service', minimumVersionCode: null }],
    serviceRequired: false,
    proxied: false,
    systemLevel: true,
    customSound: false,
    classifies: true,
    dailyQuota: true,
    tencent: { classification: 'VIVOClassification', category: 'VIVOCategory' },
  },
  meizu: {
    vendorName: { en: 'Meizu', zhCN: '魅族' },
    serviceName: { en: 'Meizu Push', zhCN: '魅族推送' },
    services: [
      { package: 'com.meizu.cloud', name: 'Meizu push service (Flyme cloud)', minimumVersionCode: null },
    ],
    // Meizu's 2025 classification (noticeMsgType) is not modelled yet: no class, but a quota.
    serviceRequired: false,
    proxied: false,
    systemLevel: true,
    customSound: false,
    classifies: false,
    dailyQuota: true,
    tencent: { noticeMsgType: 'MeiZuNoticeMsgType' },
  },
  fcm: {
    vendorName: { en: 'FCM', zhCN: 'FCM' },
    serviceName: { en: 'FCM', zhCN: 'FCM' },
    services: [{ package: 'com.google.android.gms', name: 'Google Play services', minimumVersionCode: null }],
    serviceRequired: true,
    proxied: false,
    systemLevel: false,
    customSound: true,
    classifies: false,
    dailyQuota: false,
    tencent: { channelId: 'GoogleChannelID' },
  },
  apns: {
    vendorName: { en: 'APNs', zhCN: 'APNs' },
    serviceName: { en: 'APNs', zhCN: 'APNs（苹果推送）' },
    services: [],
    serviceRequired: false,
    proxied: false,
    systemLevel: false,
    customSound: true,
    classifies: false,
    dailyQuota: false,
    tencent: {},
  },
} as const satisfies Record<DeviceChannel, ChannelEntry>;

export type VendorMessages = { readonly [K in VendorId as `vendor.${K}`]: string } & {
  readonly [C in DeviceChannel as `pushChannel.${C}`]: string;
};

/** The group's display name in a locale ('en' | 'zh-CN'). */
export function vendorName(id: VendorId, locale: 'en' | 'zh-CN'): string {
  const name = VENDOR_TABLE[id].name;
  return locale === 'en' ? name.en : name.zhCN;
}

/** Catalog entries `vendor.<id>` and `pushChannel.<channel>` for shared/i18n (en.ts / zh-CN.ts spread them). */
export function vendorMessages(locale: 'en' | 'zh-CN'): VendorMessages {
  const out: Record<string, string> = {};
  for (const id of VENDOR_IDS) out[`vendor.${id}`] = vendorName(id, locale);
  for (const [channel, entry] of Object.entries(CHANNEL_TABLE))
    out[`pushChannel.${channel}`] = locale === 'en' ? entry.serviceName.en : entry.serviceName.zhCN;
  return out as VendorMessages;
}
