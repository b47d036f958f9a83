/**
 * OPPO Push return codes (公共返回码 and the unicast codes; business codes are 10000–20000), each
 * a plain sentence with the fix. Sources: OPPO open platform docs id=11234/11238 as quoted by
 * modood/pushapi and the project's reference (vendor-push-apis.md §4). OPPO documents no separate
 * code for an unknown channel_id, a regId of another app or an over-long field: those come back as
 * 41 (invalid argument) or 10000 (invalid registration_id), and the vendor's message says which.
 */
import { vendorError as e, vendorErrorTable, type VendorName } from '../direct/refusal';

export const OPPO: VendorName = {
  en: 'OPPO Push',
  zh: 'OPPO 推送',
  reference: "OPPO's push server API return codes (OPPO open platform, 推送服务端 API)",
  referenceZh: 'OPPO 推送服务端 API 返回码文档',
};

const RETRY = 'Wait a minute and run again; if it persists, check the OPPO push platform notices.';
const RETRY_ZH = '等一分钟后重新运行；如果问题持续，请查看 OPPO 推送平台公告。';
const KEYS =
  "Copy AppKey and MasterSecret again from the OPPO push console (应用信息); AppSecret is the app's, not the server's.";
const KEYS_ZH =
  '请从 OPPO 推送平台（应用信息）重新复制 AppKey 和 MasterSecret；AppSecret 是客户端用的，不是服务端的。';

export const OPPO_ERRORS = vendorErrorTable({
  '-2': e(
    'rate',
    ['OPPO is limiting the request rate (flow control).', RETRY],
    ['OPPO 正在限流。', RETRY_ZH],
  ),
  '-1': e(
    'server',
    ['The OPPO push service is unavailable for now.', RETRY],
    ['OPPO 推送服务暂时不可用。', RETRY_ZH],
  ),
  '11': e(
    'bad-auth',
    ['OPPO did not accept the auth_token (invalid or expired).', KEYS],
    ['OPPO 不接受 auth_token（无效或已过期）。', KEYS_ZH],
  ),
  '13': e(
    'rate',
    ['The app called the OPPO API too often.', 'Wait a minute, or run fewer repeats in a row.'],
    ['应用调用 OPPO 接口过于频繁。', '等一分钟，或减少连续重复的次数。'],
  ),
  '14': e('bad-auth', ['OPPO does not know this AppKey.', KEYS], ['OPPO 不认识这个 AppKey。', KEYS_ZH]),
  '15': e(
    'bad-auth',
    ['The AppKey is not valid for OPPO Push.', KEYS],
    ['这个 AppKey 不能用于 OPPO 推送。', KEYS_ZH],
  ),
  '16': e(
    'bad-auth',
    ['OPPO refused the signature: the MasterSecret does not belong to this AppKey.', KEYS],
    ['OPPO 拒绝了签名：MasterSecret 与这个 AppKey 不匹配。', KEYS_ZH],
  ),
  '19': e(
    'bad-auth',
    [
      "OPPO refused the timestamp: this computer's clock is more than 10 minutes off.",
      'Set the clock right (automatic time) and run again.',
    ],
    ['OPPO 拒绝了时间戳：这台电脑的时钟偏差超过 10 分钟。', '请校准时钟（开启自动时间）后重新运行。'],
  ),
  '28': e(
    'permission',
    ['The app is disabled on the OPPO push platform.', "Check the app's status in the OPPO push console."],
    ['该应用在 OPPO 推送平台上已被停用。', '请在 OPPO 推送平台查看应用状态。'],
  ),
  '29': e('bad-auth', ['The request carried no auth_token.', KEYS], ['请求没有携带 auth_token。', KEYS_ZH]),
  '30': e(
    'permission',
    [
      'The app may not push through the OPPO server API.',
      'Apply for push permission in the OPPO push console (the app must pass review).',
    ],
    ['该应用无权通过 OPPO 服务端接口推送。', '请在 OPPO 推送平台申请推送权限（应用需通过审核）。'],
  ),
  '33': e(
    'quota',
    [
      "The app's daily OPPO message limit is used up.",
      'Wait until tomorrow (China time), use the IM category on a private-message channel, or run fewer sends.',
    ],
    ['应用当天的 OPPO 推送总量已用完。', '请等到明天（北京时间），改用私信通道的 IM 类别，或减少发送次数。'],
  ),
  '40': e(
    'parameter',
    [
      'OPPO found a required field missing in the message.',
      'Check the notification fields in the evidence (title, content, target).',
    ],
    ['OPPO 发现消息缺少必填字段。', '请查看证据中的通知字段（title、content、target）。'],
  ),
  '41': e(
    'parameter',
    [
      'OPPO refused a field of the message: most often channel_id is not registered in the OPPO console, or a title or text is too long.',
      "Register the channel (OPPOChannelID / sender.channelId) in the OPPO console, or shorten the scenario's text; the vendor's words are in the details.",
    ],
    [
      'OPPO 拒绝了消息中的某个字段：最常见的是 channel_id 没有在 OPPO 平台登记，或者标题、正文太长。',
      '请在 OPPO 平台登记该通道（OPPOChannelID / sender.channelId），或缩短场景文本；厂商原话见详情。',
    ],
  ),
  '55': e(
    'rate',
    [
      'OPPO limited how often this device may receive pushes.',
      'Wait a while before sending to this phone again.',
    ],
    ['OPPO 限制了这台设备的接收频率。', '请过一会儿再向这台手机发送。'],
  ),
  '67': e(
    'category',
    [
      'The app may not use this category or notify_level (not granted, or notify_level without category).',
      'Use a category the OPPO console granted the app (IM for chats) and notify_level 1 or 2 unless 16 was granted.',
    ],
    [
      '该应用无权使用这个 category 或 notify_level（未获批准，或 notify_level 没有配 category）。',
      '请使用 OPPO 平台批准的类别（聊天用 IM），除非获批 16，否则 notify_level 用 1 或 2。',
    ],
  ),
  '10000': e(
    'bad-token',
    [
      'The registration ID is not valid for this app: the app was uninstalled or its data cleared, or the ID belongs to another app (another AppKey).',
      'Open the app on this phone, read its new registration ID (HeytapPushManager.getRegisterID()) and put it under app.tokens.serials.',
    ],
    [
      '该注册 ID 对这个应用无效：应用已卸载或数据被清除，或者该 ID 属于另一个应用（另一个 AppKey）。',
      '在这台手机上打开应用，读取新的注册 ID（HeytapPushManager.getRegisterID()），写到 app.tokens.serials 下。',
    ],
  ),
});
