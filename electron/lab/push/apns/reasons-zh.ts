/**
 * The APNs reasons of reasons.ts in zh-CN (meaning and fix), for the zh text of a refused push.
 */
import { APNS_REASONS, type ApnsReason } from './reasons';

export interface ReasonTextZh {
  readonly meaning: string;
  readonly fix: string;
}

const t = (meaning: string, fix: string): ReasonTextZh => ({ meaning, fix });

const SENDER_BUG = 'PushLab 构造了 APNs 不接受的请求：请附上该次尝试的发送证据报告此问题。';
const KEY_FIX =
  '请检查 sender.teamId、sender.keyId 和 .p8 密钥：密钥必须是该 Key ID 对应的那一个（Certificates, IDs & Profiles > Keys），' +
  '属于该 Team ID 的团队，并已启用 APNs。';
const RETRY = '稍等片刻后重新运行；如果问题持续，请查看 Apple 的系统状态页面。';
const NEW_CONNECTION = '重新运行即可：PushLab 会打开新的连接。';

export const APNS_REASONS_ZH: Readonly<Record<ApnsReason, ReasonTextZh>> = {
  BadCollapseId: t('apns-collapse-id 超过 64 字节。', '把 sender.collapseId 缩短到 64 字节以内。'),
  BadDeviceToken: t(
    'APNs 在此不接受这个设备令牌：最常见的是把 Debug 构建的令牌（sandbox）发到了 production，' +
      '或把 Release/TestFlight/App Store 构建的令牌（production）发到了 sandbox（"bad devicetoken"）。',
    '让 sender.environment 与报告该令牌的构建一致：Debug（开发签名）构建用 "sandbox"，Release、TestFlight、Ad Hoc 和 ' +
      'App Store 构建用 "production"。如果已经一致，请从这台手机重新复制令牌：必须是应用在 ' +
      'didRegisterForRemoteNotificationsWithDeviceToken 中得到的完整十六进制字符串。',
  ),
  BadExpirationDate: t(
    'apns-expiration 的值不是有效的时间。',
    '把 sender.expiration 设为从发送起的秒数（0 = 只投递一次，不存储）。',
  ),
  BadMessageId: t('apns-id 头不是有效的 UUID。', SENDER_BUG),
  BadPriority: t(
    '此推送不允许使用这个 apns-priority（后台推送必须用 5）。',
    '提醒类推送把 sender.priority 设为 10，后台推送设为 5。',
  ),
  BadTopic: t(
    'apns-topic 无效。',
    '把 sender.topic 设为应用的 bundle ID，须完全一致，例如 com.example.app。',
  ),
  DeviceTokenNotForTopic: t(
    '该设备令牌属于另一个应用（bundle ID），与 sender.topic 不符。',
    '请使用本应用在这台手机上报告的令牌，或把 sender.topic 设为报告该令牌的应用的 bundle ID。',
  ),
  DuplicateHeaders: t('有一个请求头发送了两次。', SENDER_BUG),
  IdleTimeout: t('连接空闲太久，APNs 关闭了它。', NEW_CONNECTION),
  InvalidPushType: t(
    'apns-push-type 与负载或主题（apns-topic）不符。',
    '可见通知把 sender.pushType 设为 "alert"，静默推送（content-available）设为 "background"。',
  ),
  MissingDeviceToken: t('请求没有携带设备令牌。', '在计划的 app.tokens.serials 下加入这台手机的令牌。'),
  MissingTopic: t('请求没有 apns-topic，而令牌认证需要它。', '把 sender.topic 设为应用的 bundle ID。'),
  PayloadEmpty: t('通知负载为空。', SENDER_BUG),
  TopicDisallowed: t(
    '不允许向这个主题推送（例如用提醒推送发往 VoIP 主题，或 bundle ID 不属于密钥所在的团队）。',
    '把 sender.topic 设为 .p8 密钥所在团队中应用自己的 bundle ID（不带 .voip 或 .complication 后缀）。',
  ),
  BadCertificate: t(
    'APNs 拒绝了客户端证书。',
    'PushLab 使用 .p8 密钥（令牌认证），不使用证书：请检查这台电脑与 Apple 之间是否有东西改写了 TLS 连接。',
  ),
  BadCertificateEnvironment: t(
    '凭据属于另一个 APNs 环境。',
    '把 sender.environment 设为密钥或证书所对应的环境。',
  ),
  ExpiredProviderToken: t(
    'APNs 认为提供方令牌（JWT）已超过一小时。',
    '请确认这台电脑的时钟正确（PushLab 每 50 分钟更新一次令牌），然后重新运行。',
  ),
  Forbidden: t('APNs 拒绝了这个团队、密钥或主题的请求。', KEY_FIX),
  InvalidProviderToken: t(
    '提供方令牌（JWT）无效：其签名、Key ID 或 Team ID 与 APNs 已知的密钥不符。',
    KEY_FIX,
  ),
  MissingProviderToken: t('请求没有携带提供方令牌（JWT）。', KEY_FIX),
  UnrelatedKeyIdInToken: t(
    '在一条以另一个密钥开始的连接上更换了 Key ID。',
    '每个发送器只用一个 .p8 密钥；重新运行，让 PushLab 打开新的连接。',
  ),
  BadEnvironmentKeyIdInToken: t(
    '该 .p8 密钥只能用于另一个 APNs 环境。',
    '请使用已为此环境启用的密钥，或把 sender.environment 设为该密钥的环境。',
  ),
  BadPath: t(
    '请求路径错误（必须是 /3/device/<token>）。',
    '请检查 sender.baseUrl：不写它即使用 Apple 的服务器。',
  ),
  MethodNotAllowed: t('APNs 只接受 POST。', SENDER_BUG),
  ExpiredToken: t(
    '设备令牌已过期。',
    '在这台手机上打开应用让它重新注册，并把新令牌写到 app.tokens.serials 下。',
  ),
  Unregistered: t(
    '该设备令牌对本应用已不再有效（应用被删除，或通知被重置）。',
    '在这台手机上重新安装或打开应用让它重新注册，并把新令牌写到 app.tokens.serials 下。',
  ),
  PayloadTooLarge: t('负载超过 APNs 接受的大小（4096 字节）。', '缩短场景的标题、正文或 ext。'),
  TooManyProviderTokenUpdates: t(
    '提供方令牌更换得太频繁（每 20 分钟不止一次）。',
    '等 20 分钟后重新运行；不要在同一连接上与按自己节奏更新令牌的发送器共用 .p8 密钥。',
  ),
  TooManyRequests: t(
    '短时间内向这个设备令牌发送了太多推送。',
    '等几分钟，或在这台手机上减少连续重复的次数。',
  ),
  InternalServerError: t('APNs 出现内部错误。', RETRY),
  ServiceUnavailable: t('APNs 暂时不可用。', RETRY),
  Shutdown: t('APNs 服务器正在关闭。', NEW_CONNECTION),
};

/** The zh-CN twin of explainApnsReason. */
export function explainApnsReasonZh(reason: string | null, status: number): ReasonTextZh {
  if (reason !== null && Object.hasOwn(APNS_REASONS, reason)) return APNS_REASONS_ZH[reason as ApnsReason];
  return {
    meaning:
      reason === null
        ? `APNs 以 HTTP ${status} 应答，没有给出原因。`
        : `APNs 以原因“${reason.slice(0, 100)}”拒绝了推送（HTTP ${status}）。`,
    fix: status >= 500 ? RETRY : '请在 Apple 的“Handling notification responses from APNs”中查找该原因。',
  };
}
