/**
 * Plan senders that push straight to a Chinese vendor's push server (no Tencent in between), with
 * the credentials named as each vendor's console names them and given only by reference:
 * - xiaomi: Mi Push, `Authorization: key=<AppSecret>`; restricted_package_name is app.package.
 * - huawei: HMS Push Kit v1, OAuth 2.0 client credentials (AppGallery Connect client ID + secret).
 * - honor: Honor Push, OAuth 2.0 client credentials (Honor console Client ID + Client Secret) and App ID.
 * `baseUrl` / `authUrl` replace the vendor's hosts for local test servers only.
 */
import { z } from 'zod';
import { loopbackOnly, secretRef, text } from './plan-parts';

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
};
