/**
 * zh-CN for the plan problems PushLab writes itself (the zod schema's messages in plan.ts), keyed
 * by their English text. Problems with values carry their zh in the params instead.
 */
import { VENDOR_SENDER_MESSAGES_ZH } from './plan-vendor-senders';

export const PLAN_MESSAGES_ZH: Readonly<Record<string, string>> = {
  ...VENDOR_SENDER_MESSAGES_ZH,
  'must be one line without control characters': '必须是一行，不能含控制字符',
  'must be an Android package name such as com.example.app (or, for iOS simulators, the bundle ID)':
    '必须是 Android 包名，例如 com.example.app（iOS 模拟器则为 bundle ID）',
  'must be an activity class name such as .MainActivity': '必须是 Activity 类名，例如 .MainActivity',
  'must be the push token the app reported on this phone (APNs device token, FCM registration token, Mi regId, HMS or Honor token)':
    '必须是应用在这台手机上报告的推送令牌（APNs 设备令牌、FCM 注册令牌、小米 regId、HMS 或荣耀令牌）',
  'must be a Tencent UserID: 1-32 letters, digits, _ - . @':
    '必须是腾讯 IM 的 UserID：1-32 个字母、数字或 _ - . @',
  'needs at least one test account, under "serials" (by phone) or "vendors" (by push channel)':
    '至少需要一个测试账号，写在 "serials"（按手机）或 "vendors"（按推送通道）下',
  'must be an environment variable name': '必须是环境变量名',
  'must be a stored secret name such as "tencent.secretKey"':
    '必须是已保存密钥的名称，例如 "tencent.secretKey"',
  'must be a reference, { "env": "NAME" }, { "file": "PATH" } or { "stored": "NAME" }: secrets are never written in the plan':
    '必须是引用：{ "env": "NAME" }、{ "file": "PATH" } 或 { "stored": "NAME" }；密钥永远不写在计划里',
  'must be the app admin UserID': '必须是应用的管理员 UserID',
  'must be an https:// URL (http:// only on 127.0.0.1 or localhost)':
    '必须是 `https://` 地址（`http://` 仅限 127.0.0.1 或 `localhost`）',
  'must be a Tencent group ID: 1-48 letters, digits, _ - . @ #':
    '必须是腾讯 IM 的群组 ID：1-48 个字母、数字或 _ - . @ #',
  'must be the 10-character Team ID (Apple Developer > Membership)':
    '必须是 10 个字符的“Team ID”（见“Apple Developer > Membership”）',
  'must be the 10-character Key ID of the .p8 key (Certificates, IDs & Profiles > Keys)':
    '必须是 .p8 密钥的 10 个字符的“Key ID”（见“Certificates, IDs & Profiles > Keys”）',
  "must be the app's bundle ID such as com.example.app": '必须是应用的 bundle ID，例如 com.example.app',
  'must be at most 64 bytes': '最多 64 字节',
  'must be an https:// URL (http:// only on 127.0.0.1 or localhost, for a local test server)':
    '必须是 `https://` 地址（`http://` 仅限 127.0.0.1 或 `localhost` 上的本地测试服务器）',
  'a background push must use priority 5 (Apple refuses priority 10 for it)':
    '后台推送必须使用优先级 5（Apple 拒绝优先级 10 的后台推送）',
  'must be the Firebase project ID: 6-30 lowercase letters, digits and hyphens':
    '必须是 Firebase 项目 ID：6-30 个小写字母、数字或连字符',
  "must be http(s):// on 127.0.0.1 or localhost: only local test servers replace Google's endpoint":
    '必须是 127.0.0.1 或 `localhost` 上的 `http(s)://` 地址：只有本地测试服务器可以替代 Google 的接口',
  "must be http(s):// on 127.0.0.1 or localhost: only local test servers replace Google's token endpoint":
    '必须是 127.0.0.1 或 `localhost` 上的 `http(s)://` 地址：只有本地测试服务器可以替代 Google 的令牌接口',
  'names no phone: list "serials", "vendors" or both': '没有指定手机：请列出 "serials"、"vendors" 或两者',
  ['must be an Android package name such as com.example.app (letters, digits and _, each part starting ' +
  'with a letter): this plan names no iOS simulator, so a bundle ID with "-" or a leading digit cannot run']:
    '必须是 Android 包名，例如 com.example.app（字母、数字和 _，每段以字母开头）：此计划没有指定 iOS 模拟器，所以含 "-" 或以数字开头的 bundle ID 无法运行',
};
