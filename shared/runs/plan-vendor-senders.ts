/**
 * Plan senders that push straight to a Chinese vendor's push server (no Tencent in between), with
 * the credentials named as each vendor's console names them and given only by reference:
 * - xiaomi: Mi Push, `Authorization: key=<AppSecret>`; restricted_package_name is app.package.
 * - huawei: HMS Push Kit v1, OAuth 2.0 client credentials (AppGallery Connect client ID + secret).
 * - honor: Honor Push, OAuth 2.0 client credentials (Honor console Client ID + Client Secret) and App ID.
 * - oppo: OPPO Push (HeyTap), an auth_token from AppKey + MasterSecret.
 * - vivo: vivo Push, an authToken from AppId + AppKey + AppSecret.
 * - meizu: Flyme Push, every request MD5-signed with the AppSecret.
 * `baseUrl` / `authUrl` replace the vendor's hosts: for Mi/HMS/Honor local test servers only; OPPO,
 * vivo and Meizu also take an https:// host (OPPO has no region field, its global host is a baseUrl).
 */
import { z } from 'zod';
import { loopbackOnly, loopbackOrHttps, secretRef, text } from './plan-parts';
import type { DirectSenderKind } from './direct-senders';

/** Mi Push data regions (dev.mi.com server API: CN host and the global hosts by region). */
export const XIAOMI_REGIONS = ['china', 'global', 'singapore', 'europe', 'russia', 'india'] as const;

/** HMS `android.category` values for notification messages (HMS message classification). */
export const HUAWEI_CATEGORIES = [
  'IM',
  'VOIP',
  'SUBSCRIPTION',
  'TRAVEL',
  'HEALTH',
  'WORK',
  'ACCOUNT',
  'EXPRESS',
  'FINANCE',
  'DEVICE_REMINDER',
  'SYSTEM_REMINDER',
  'MAIL',
  'MARKETING',
] as const;

const LOCAL_ONLY =
  'must be http(s):// on 127.0.0.1 or localhost: only local test servers replace the vendor endpoint';
const localUrl = z.string().max(2000).refine(loopbackOnly, LOCAL_ONLY).optional();
const consoleId = (message: string): z.ZodString => z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, message);

export const xiaomiSender = z.strictObject({
  kind: z.literal('xiaomi'),
  /** Xiaomi open platform > app > AppSecret (AppID and AppKey are for the phone, not the server). */
  appSecret: secretRef,
  region: z.enum(XIAOMI_REGIONS).optional(),
  /** extra.channel_id when the scenario names none: a channel registered in the Mi Push console. */
  channelId: text(100).optional(),
  baseUrl: localUrl,
});

export const huaweiSender = z.strictObject({
  kind: z.literal('huawei'),
  /** AppGallery Connect > Project settings > General information > OAuth 2.0 client ID > Client ID. */
  clientId: consoleId(
    'must be the OAuth 2.0 Client ID from AppGallery Connect (Project settings > General information)',
  ),
  clientSecret: secretRef,
  /** The [clientid] of the v1 send URL when it differs from clientId (older apps: the App ID). */
  appId: consoleId(
    'must be the App ID from AppGallery Connect (Project settings > General information)',
  ).optional(),
  /** android.notification.channel_id when the scenario names none. */
  channelId: text(100).optional(),
  /** android.category when the scenario names none (honoured only with the self-classification right). */
  category: z.enum(HUAWEI_CATEGORIES).optional(),
  /** android.notification.importance when the scenario names none: NORMAL service, LOW marketing. */
  importance: z.enum(['NORMAL', 'LOW']).optional(),
  /** target_user_type 1: a test message (own daily quota, not counted against a phone's caps). */
  testMessage: z.boolean().optional(),
  baseUrl: localUrl,
  authUrl: localUrl,
});

export const honorSender = z.strictObject({
  kind: z.literal('honor'),
  /** Honor developer console > app > App ID (the {APPID} of the send URL). */
  appId: consoleId('must be the App ID from the Honor developer console'),
  /** Honor developer console > app > Client ID and Client Secret (not the App Secret). */
  clientId: consoleId('must be the Client ID from the Honor developer console'),
  clientSecret: secretRef,
  /** notification.importance when the scenario names none: NORMAL service, LOW marketing. */
  importance: z.enum(['NORMAL', 'LOW']).optional(),
  /** targetUserType 1: a test message. */
  testMessage: z.boolean().optional(),
  baseUrl: localUrl,
  authUrl: localUrl,
});

/** A vendor endpoint override: https, or http(s) on this computer for a local test server. */
const vendorUrl = z
  .string()
  .max(2000)
  .refine(loopbackOrHttps, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost)');

/** OPPO service categories (新消息分类; not counted against the marketing quota). */
export const OPPO_SERVICE_CATEGORIES = [
  'IM',
  'ACCOUNT',
  'DEVICE_REMINDER',
  'ORDER',
  'TODO',
  'SUBSCRIPTION',
] as const;
/** vivo system-class categories (二级分类), the order vivo lists them. */
export const VIVO_SYSTEM_CATEGORIES = [
  'IM',
  'ACCOUNT',
  'TODO',
  'DEVICE_REMINDER',
  'ORDER',
  'SUBSCRIPTION',
] as const;
/** The news, content and marketing categories OPPO and vivo share (OPPO marketing, vivo operational). */
const MARKETING_CATEGORIES = ['NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'] as const;
export const OPPO_CATEGORIES = [...OPPO_SERVICE_CATEGORIES, ...MARKETING_CATEGORIES] as const;
export const VIVO_CATEGORIES = [...VIVO_SYSTEM_CATEGORIES, ...MARKETING_CATEGORIES] as const;

/** OPPO Push (HeyTap) server API: an auth_token from AppKey + MasterSecret, then unicast. */
export const oppoSender = z.strictObject({
  kind: z.literal('oppo'),
  /** OPPO console > 应用信息: AppKey (sent in the clear when authorising; AppSecret is the client's). */
  appKey: z
    .string()
    .regex(/^[A-Za-z0-9]{8,64}$/, 'must be the AppKey from the OPPO push console (letters and digits)'),
  /** OPPO console MasterSecret, by reference. */
  masterSecret: secretRef,
  /** Notification channel when the scenario names none (OPPOChannelID); required on Android 8+. */
  channelId: text(100).optional(),
  /** Message category: overrides the scenario's OPPOCategory (default: the scenario's, else IM). */
  category: z.enum(OPPO_CATEGORIES).optional(),
  /** notify_level 1 status bar, 2 + lock screen, 16 + banner: overrides the scenario's OPPONotifyLevel (else 2). */
  notifyLevel: z.union([z.literal(1), z.literal(2), z.literal(16)]).optional(),
  baseUrl: vendorUrl.optional(),
  /** The auth endpoint (default <baseUrl>/server/v1/auth). */
  authUrl: vendorUrl.optional(),
});

/** vivo Push server API: an authToken from AppId + AppKey + AppSecret, then /message/send. */
export const vivoSender = z.strictObject({
  kind: z.literal('vivo'),
  /** vivo console AppID (digits) and AppKey; the AppSecret only by reference. */
  appId: z.string().regex(/^[0-9]{1,12}$/, 'must be the AppID from the vivo push console (digits)'),
  appKey: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be the AppKey from the vivo push console (letters, digits and -)'),
  appSecret: secretRef,
  /** Category and classification override the scenario's VIVOCategory / VIVOClassification as a pair. */
  category: z.enum(VIVO_CATEGORIES).optional(),
  /** 1 system, 0 operational; the half not set follows the other (default: the scenario's, else 1 and IM). */
  classification: z.union([z.literal(0), z.literal(1)]).optional(),
  /** test (pushMode 1: only phones registered as test devices, not counted in quotas; default) or production. */
  pushMode: z.enum(['test', 'production']).optional(),
  baseUrl: vendorUrl.optional(),
  /** The auth endpoint (default <baseUrl>/message/auth). */
  authUrl: vendorUrl.optional(),
});

/** Meizu Flyme Push: every request signed with MD5 over the sorted parameters and the AppSecret. */
export const meizuSender = z.strictObject({
  kind: z.literal('meizu'),
  /** Flyme console App ID (digits); the AppSecret only by reference (AppKey is the client's). */
  appId: z.string().regex(/^[0-9]{1,12}$/, 'must be the App ID from the Flyme push console (digits)'),
  appSecret: secretRef,
  /** 1 私信 (private), 0 公信 (public, capped): overrides the scenario's MeiZuNoticeMsgType (else 1). */
  noticeMsgType: z.union([z.literal(0), z.literal(1)]).optional(),
  baseUrl: vendorUrl.optional(),
});

/**
 * The direct senders that address a phone by its push token (under app.tokens.serials), and what
 * each vendor calls that token (en, zh-CN): one entry per DIRECT_SENDER_KINDS (the type checks it).
 */
export const DEVICE_TOKEN_NAMES: Readonly<
  Record<DirectSenderKind, { readonly en: string; readonly zh: string }>
> = {
  apns: { en: 'APNs device token', zh: 'APNs 设备令牌' },
  fcm: { en: 'FCM registration token', zh: 'FCM 注册令牌' },
  xiaomi: { en: 'Mi Push regId', zh: '小米推送 regId' },
  huawei: { en: 'HMS push token', zh: 'HMS 推送令牌' },
  honor: { en: 'Honor push token', zh: '荣耀推送令牌' },
  oppo: { en: 'OPPO registration ID', zh: 'OPPO 注册 ID（registration_id）' },
  vivo: { en: 'vivo regId', zh: 'vivo regId' },
  meizu: { en: 'Flyme pushId', zh: '魅族 pushId' },
};

/** zh-CN of the messages above (plan-problems-zh.ts merges them). */
export const VENDOR_SENDER_MESSAGES_ZH: Readonly<Record<string, string>> = {
  [LOCAL_ONLY]:
    '必须是 127.0.0.1 或 `localhost` 上的 `http(s)://` 地址：只有本地测试服务器可以替代厂商的接口',
  'must be the OAuth 2.0 Client ID from AppGallery Connect (Project settings > General information)':
    '必须是 AppGallery Connect 中的 OAuth 2.0 客户端 ID（项目设置 > 常规）',
  'must be the App ID from AppGallery Connect (Project settings > General information)':
    '必须是 AppGallery Connect 中的 App ID（项目设置 > 常规）',
  'must be the App ID from the Honor developer console': '必须是荣耀开发者平台中的 App ID',
  'must be the Client ID from the Honor developer console': '必须是荣耀开发者平台中的客户端 ID（Client ID）',
  'must be the AppKey from the OPPO push console (letters and digits)':
    '必须是 OPPO 推送平台的 AppKey（字母和数字）',
  'must be the AppID from the vivo push console (digits)': '必须是 vivo 推送平台的 AppID（数字）',
  'must be the AppKey from the vivo push console (letters, digits and -)':
    '必须是 vivo 推送平台的 AppKey（字母、数字和 -）',
  'must be the App ID from the Flyme push console (digits)': '必须是魅族 Flyme 推送平台的 App ID（数字）',
};
