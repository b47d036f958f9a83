/**
 * The 8-digit result codes HMS Push Kit answers (HMS "Sending Downlink Messages" result codes and
 * the HMS serverdemo), in plain words with the fix, for a vendor named by `v`. Honor Push is
 * documented to use the same family; its own table was not confirmed (see honor/errors.ts).
 * HTTP_503 is flow control (HMS result codes page: 503 = traffic control).
 */
import { explanation as e, zhText as t, type VendorError, type VendorErrorText } from './refusal';

export interface HmsStyleVendor {
  readonly name: string;
  readonly nameZh: string;
  /** Where the client ID / secret and App ID are ("AppGallery Connect > Project settings"). */
  readonly console: string;
  readonly consoleZh: string;
  /** How the app gets its push token ("HmsInstanceId.getToken()"). */
  readonly tokenSource: string;
}

export const HMS_STYLE_CODES = [
  '80100000',
  '80100001',
  '80100003',
  '80100004',
  '80200001',
  '80200003',
  '80300002',
  '80300007',
  '80300008',
  '80300010',
  '81000001',
  'HTTP_503',
] as const;
export type HmsStyleCode = (typeof HMS_STYLE_CODES)[number];

export function hmsStyleErrors(v: HmsStyleVendor): Readonly<Record<HmsStyleCode, VendorError>> {
  const retry = `Wait a moment and run again; if it persists, ask ${v.name} support.`;
  const newToken = `Open the app on the phone so it gets a new push token (${v.tokenSource}) and put it under app.tokens.serials.`;
  const credentials = `Check the Client ID, Client Secret and App ID in ${v.console}: the token must be made for the same app.`;
  return {
    '80100000': e(
      'bad-token',
      `${v.name} sent to some tokens only; the answer's msg lists the invalid ones.`,
      newToken,
    ),
    '80100001': e(
      'parameter',
      `${v.name} found a request parameter wrong.`,
      "Please report this with the attempt's send evidence.",
    ),
    '80100003': e(
      'parameter',
      `${v.name} refused the message structure (a field or value it does not take, such as an unknown category or importance).`,
      "Check the scenario's vendor fields and the sender's category and importance.",
    ),
    '80100004': e(
      'parameter',
      `${v.name} refused the message's time to live.`,
      "Please report this with the attempt's send evidence.",
    ),
    '80200001': e(
      'bad-auth',
      `${v.name} refused the OAuth access token (missing, or made for another app).`,
      credentials,
    ),
    '80200003': e(
      'bad-auth',
      `${v.name} says the OAuth access token expired.`,
      `${credentials} PushLab renews an expired token once by itself.`,
    ),
    '80300002': e(
      'permission',
      `The app may not push: the push service is not enabled for it.`,
      `Enable the push service for the app in ${v.console}.`,
    ),
    '80300007': e(
      'bad-token',
      'The push token is not valid for this app: malformed, expired, or made by another app (another package or App ID).',
      `${newToken} The token must come from the app of sender.appId / app.package.`,
    ),
    '80300008': e(
      'payload',
      `The message body is larger than ${v.name} takes (4096 bytes without the token).`,
      "Shorten the scenario's text, title, desc or ext.",
    ),
    '80300010': e(
      'parameter',
      'The message has no token or too many tokens.',
      "Please report this with the attempt's send evidence.",
    ),
    '81000001': e('server', `${v.name} had an internal error.`, retry),
    HTTP_503: e(
      'rate',
      `${v.name} is throttling the app (flow control).`,
      'Wait a few minutes, then send more slowly (fewer phones or repeats at once).',
    ),
  };
}

export function hmsStyleErrorsZh(v: HmsStyleVendor): Readonly<Record<HmsStyleCode, VendorErrorText>> {
  const retry = `稍等片刻后重新运行；如果问题持续，请联系${v.nameZh}支持。`;
  const newToken = `在手机上打开应用让它获得新的推送令牌（${v.tokenSource}），并写到 app.tokens.serials 下。`;
  const credentials = `请检查${v.consoleZh}中的客户端 ID、客户端密钥和 App ID：令牌必须为同一个应用申请。`;
  return {
    '80100000': t(`${v.nameZh}只向部分令牌发送成功；应答的 msg 列出了无效的令牌。`, newToken),
    '80100001': t(`${v.nameZh}认为请求参数有误。`, '请附上该次尝试的发送证据报告此问题。'),
    '80100003': t(
      `${v.nameZh}拒绝了消息结构（含有它不接受的字段或取值，例如未知的 category 或 importance）。`,
      '请检查场景的厂商字段以及发送器的 category 和 importance。',
    ),
    '80100004': t(`${v.nameZh}拒绝了消息的有效期（TTL）。`, '请附上该次尝试的发送证据报告此问题。'),
    '80200001': t(`${v.nameZh}拒绝了 OAuth 访问令牌（缺失或为其他应用申请）。`, credentials),
    '80200003': t(
      `${v.nameZh}认为 OAuth 访问令牌已过期。`,
      `${credentials}PushLab 会自动续期一次过期的令牌。`,
    ),
    '80300002': t('该应用无权推送：尚未为它开通推送服务。', `请在${v.consoleZh}中为该应用开通推送服务。`),
    '80300007': t(
      '推送令牌对此应用无效：格式错误、已过期，或由其他应用（其他包名或 App ID）生成。',
      `${newToken}令牌必须来自 sender.appId / app.package 对应的应用。`,
    ),
    '80300008': t(
      `消息体超过了${v.nameZh}的上限（不含令牌 4096 字节）。`,
      '请缩短场景的 text、title、desc 或 ext。',
    ),
    '80300010': t('消息没有令牌或令牌过多。', '请附上该次尝试的发送证据报告此问题。'),
    '81000001': t(`${v.nameZh}出现内部错误。`, retry),
    HTTP_503: t(`${v.nameZh}正在对该应用限流。`, '等几分钟，然后放慢发送（减少同时运行的手机或重复次数）。'),
  };
}
