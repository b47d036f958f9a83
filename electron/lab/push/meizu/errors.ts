/**
 * Flyme Push (Meizu) return codes, each a plain sentence with the fix. Source: MEIZUPUSH/PushAPI
 * README (the vendor's own API document): the API codes 200…110053 and the per-pushId codes in
 * `value` (110002, 110003, 110005); 110011, 110019, 110033 and 520 as the project reference lists
 * them from the same README.
 */
import { vendorError as e, vendorErrorTable, type VendorName } from '../direct/refusal';

export const MEIZU: VendorName = {
  en: 'Flyme Push',
  zh: '魅族推送',
  reference: "Flyme's push API codes (github.com/MEIZUPUSH/PushAPI)",
  referenceZh: '魅族推送 API 返回码文档（github.com/MEIZUPUSH/PushAPI）',
};

const RETRY = 'Wait a minute and run again; if it persists, check the Flyme push platform notices.';
const RETRY_ZH = '等一分钟后重新运行；如果问题持续，请查看魅族推送平台公告。';
const KEYS =
  "Copy App ID and AppSecret again from the Flyme push console (AppKey is the app's, not the server's).";
const KEYS_ZH = '请从魅族推送平台重新复制 App ID 和 AppSecret（AppKey 是客户端用的，不是服务端的）。';
const NEW_TOKEN =
  'Open the app on this phone, read its pushId (PushManager.getPushId) and put it under app.tokens.serials.';
const NEW_TOKEN_ZH =
  '在这台手机上打开应用，读取它的 pushId（PushManager.getPushId），写到 app.tokens.serials 下。';

export const MEIZU_ERRORS = vendorErrorTable({
  '500': e('server', ['Flyme Push had an unexpected error.', RETRY], ['魅族推送出现异常。', RETRY_ZH]),
  '1001': e('server', ['Flyme Push had a system error.', RETRY], ['魅族推送出现系统错误。', RETRY_ZH]),
  '1003': e('server', ['The Flyme push server is busy.', RETRY], ['魅族推送服务器繁忙。', RETRY_ZH]),
  '1005': e(
    'parameter',
    [
      'Flyme refused a parameter (a missing or over-long field, e.g. title over 32 or text over 100 characters).',
      "Shorten the scenario's title or text; the vendor's words are in the details.",
    ],
    [
      '魅族拒绝了某个参数（字段缺失或过长，例如标题超过 32 个字符、正文超过 100 个字符）。',
      '请缩短场景的标题或正文；厂商原话见详情。',
    ],
  ),
  '1006': e(
    'bad-auth',
    ['Flyme refused the signature: the AppSecret does not belong to this App ID.', KEYS],
    ['魅族拒绝了签名：AppSecret 与这个 App ID 不匹配。', KEYS_ZH],
  ),
  '110000': e('bad-auth', ['Flyme does not know this App ID.', KEYS], ['魅族不认识这个 App ID。', KEYS_ZH]),
  '110001': e(
    'bad-auth',
    ['The app key is not valid for Flyme Push.', KEYS],
    ['该应用密钥不能用于魅族推送。', KEYS_ZH],
  ),
  '110002': e(
    'bad-token',
    ['The pushId is not registered (the app was uninstalled, or push was turned off for it).', NEW_TOKEN],
    ['该 pushId 未注册（应用已卸载，或关闭了推送）。', NEW_TOKEN_ZH],
  ),
  '110003': e(
    'bad-token',
    ['The pushId is not valid for this app (malformed, or from another app).', NEW_TOKEN],
    ['该 pushId 对这个应用无效（格式错误，或属于另一个应用）。', NEW_TOKEN_ZH],
  ),
  '110004': e(
    'parameter',
    [
      'A required parameter was empty.',
      'Check the notification fields in the evidence (title, content, pushIds).',
    ],
    ['某个必填参数为空。', '请查看证据中的通知字段（title、content、pushIds）。'],
  ),
  '110005': e('bad-token', ['The alias is not valid.', NEW_TOKEN], ['该别名无效。', NEW_TOKEN_ZH]),
  '110009': e(
    'permission',
    [
      'The app is blacklisted on the Flyme push platform.',
      'Contact Meizu through the Flyme developer console.',
    ],
    ['该应用被魅族推送平台加入了黑名单。', '请通过魅族开发者平台联系魅族。'],
  ),
  '110010': e(
    'rate',
    [
      'The app pushes too fast, or the phone has notifications turned off for it.',
      'Wait a minute; check that the app may post notifications on the phone.',
    ],
    ['应用推送速率过快，或手机关闭了该应用的通知。', '等一分钟；检查手机是否允许该应用发通知。'],
  ),
  '110011': e(
    'quota',
    [
      "The app's daily public (公信) message limit is used up.",
      'Send as a private message (noticeMsgType 1), or wait until tomorrow (China time).',
    ],
    ['应用当天的公信消息额度已用完。', '请改用私信（noticeMsgType 1），或等到明天（北京时间）。'],
  ),
  '110019': e(
    'quota',
    ["The app's daily Flyme push limit is used up.", 'Wait until tomorrow (China time), or run fewer sends.'],
    ['应用当天的魅族推送额度已用完。', '请等到明天（北京时间），或减少发送次数。'],
  ),
  '110033': e('bad-auth', ['The AppSecret is not valid.', KEYS], ['AppSecret 无效。', KEYS_ZH]),
  '110053': e(
    'quota',
    [
      'The pass-through message limit is exceeded.',
      'Send notification messages (PushLab always does); check other senders using this app.',
    ],
    ['透传消息超过限制。', '请发送通知栏消息（PushLab 总是如此）；检查使用该应用的其他发送方。'],
  ),
  '520': e(
    'quota',
    ['Flyme folded the message (too many similar messages).', 'Vary the text or wait before sending again.'],
    ['魅族折叠了该消息（相似消息过多）。', '请更换文本，或稍后再发送。'],
  ),
});
