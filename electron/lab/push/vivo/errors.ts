/**
 * vivo Push result codes and invalidUser statuses, each a plain sentence with the fix. Confirmed
 * against vivo's server API doc 362 (v2.9.2 text as mirrored, and as quoted by modood/pushapi):
 * 10070, 10094, 10096, 10097, 10200, 10201 and the invalidUser statuses 1-4. Not confirmed (no
 * readable copy of vivo's full code table): 10000 (authToken refused), 10050, 10055, 10205; the
 * local emulator answers with these, and the vendor's own `desc` is always kept in the details.
 */
import { vendorError as e, vendorErrorTable, type VendorName } from '../direct/refusal';

export const VIVO: VendorName = {
  en: 'vivo Push',
  zh: 'vivo 推送',
  reference: "vivo's push server API return codes (vivo developer docs, doc 362)",
  referenceZh: 'vivo 推送服务端 API 返回码文档',
};

const KEYS = 'Copy AppID, AppKey and AppSecret again from the vivo push console (推送服务 > 应用信息).';
const KEYS_ZH = '请从 vivo 推送平台（推送服务 > 应用信息）重新复制 AppID、AppKey 和 AppSecret。';
const NEW_TOKEN =
  'Open the app on this phone, read its regId (PushClient.getRegId) and put it under app.tokens.serials.';
const NEW_TOKEN_ZH =
  '在这台手机上打开应用，读取它的 regId（PushClient.getRegId），写到 app.tokens.serials 下。';

export const VIVO_ERRORS = vendorErrorTable({
  '10000': e(
    'bad-auth',
    ['vivo did not accept the authToken (invalid or expired).', KEYS],
    ['vivo 不接受 authToken（无效或已过期）。', KEYS_ZH],
  ),
  '10050': e(
    'parameter',
    ['vivo found no target in the message (regId and alias both empty).', NEW_TOKEN],
    ['vivo 发现消息没有目标（regId 和 alias 都为空）。', NEW_TOKEN_ZH],
  ),
  '10055': e(
    'payload',
    [
      'The title or text is longer than vivo allows (title 40, text 100; a Chinese character counts 2).',
      "Shorten the scenario's title, text or desc.",
    ],
    [
      '标题或正文超过 vivo 的长度限制（标题 40、正文 100；一个汉字算 2）。',
      '请缩短场景的 title、text 或 desc。',
    ],
  ),
  '10070': e(
    'quota',
    [
      "The app's daily vivo send total is used up.",
      'Do not send to vivo again today; use pushMode test (test devices are not counted) or the system class.',
    ],
    [
      '应用当天的 vivo 发送总量已用完。',
      '今天不要再向 vivo 发送；改用测试推送（测试设备不计入）或系统消息类别。',
    ],
  ),
  '10094': e(
    'package-mismatch',
    [
      'The appId in the message is not the app the authToken was issued for.',
      'Use the AppID, AppKey and AppSecret of the same app (the one whose package is installed on the phone).',
    ],
    [
      '消息中的 appId 与 authToken 所属的应用不一致。',
      '请使用同一个应用（手机上安装的那个包）的 AppID、AppKey 和 AppSecret。',
    ],
  ),
  '10096': e(
    'category',
    [
      'vivo does not know this category.',
      'Use one of IM, ACCOUNT, TODO, DEVICE_REMINDER, ORDER, SUBSCRIPTION (system) or NEWS, CONTENT, MARKETING, SOCIAL.',
    ],
    [
      'vivo 不认识这个 category。',
      '请使用 IM、ACCOUNT、TODO、DEVICE_REMINDER、ORDER、SUBSCRIPTION（系统类）或 NEWS、CONTENT、MARKETING、SOCIAL。',
    ],
  ),
  '10097': e(
    'category',
    [
      'The category does not match the classification (a system category needs classification 1, an operational one 0).',
      'Make sender.category and the classification (VIVOClassification) agree, e.g. IM with 1.',
    ],
    [
      'category 与 classification 不一致（系统类需要 classification 1，运营类需要 0）。',
      '请让 sender.category 与 classification（VIVOClassification）一致，例如 IM 配 1。',
    ],
  ),
  '10200': e('bad-auth', ['The auth request had no appId.', KEYS], ['鉴权请求缺少 appId。', KEYS_ZH]),
  '10201': e('bad-auth', ['The auth request had no appKey.', KEYS], ['鉴权请求缺少 appKey。', KEYS_ZH]),
  '10205': e(
    'bad-auth',
    [
      "vivo refused the auth signature: AppKey or AppSecret is wrong, or this computer's clock is more than 10 minutes off.",
      KEYS,
    ],
    ['vivo 拒绝了鉴权签名：AppKey 或 AppSecret 有误，或者这台电脑的时钟偏差超过 10 分钟。', KEYS_ZH],
  ),
  'invalidUser.1': e(
    'bad-token',
    ['vivo does not know this regId (wrong, or from another app).', NEW_TOKEN],
    ['vivo 不认识这个 regId（有误，或属于另一个应用）。', NEW_TOKEN_ZH],
  ),
  'invalidUser.2': e(
    'bad-token',
    [
      'The app was uninstalled on this phone, or its notifications are turned off.',
      'Install the app and allow its notifications, then run again.',
    ],
    ['这台手机上的应用已卸载，或者它的通知被关闭。', '请安装应用并允许通知，然后重新运行。'],
  ),
  'invalidUser.3': e(
    'bad-token',
    [
      'This phone has not been online for vivo Push for 90 days.',
      'Connect the phone to the network and open the app, then run again.',
    ],
    ['这台手机已有 90 天没有连接 vivo 推送。', '请让手机联网并打开应用，然后重新运行。'],
  ),
  'invalidUser.4': e(
    'bad-token',
    [
      'The phone is not a test device of the app (pushMode test only reaches test devices).',
      'Register the regId as a test device in the vivo push console, or set sender.pushMode to "production".',
    ],
    [
      '这台手机不是该应用的测试设备（测试推送只发给测试设备）。',
      '请在 vivo 推送平台把该 regId 登记为测试设备，或把 sender.pushMode 设为 "production"。',
    ],
  ),
});
