/** The Mi Push errors of errors.ts in zh-CN (meaning and fix). */
import { zhText as t, type VendorErrorText } from '../direct/refusal';
import type { XiaomiErrorCode } from './errors';

const RETRY = '稍等片刻后重新运行；如果问题持续，请在小米开放平台查看推送服务状态。';
const SECRET =
  '请从小米开放平台（应用 > 推送 > AppSecret）复制该应用的 AppSecret，放入 sender.appSecret 引用的密钥中。';
const NEW_REGID =
  '在手机上打开应用让它重新注册，并把 MiPushClient.getRegId() 给出的 regId 写到 app.tokens.serials 下。';
const SHORTEN = '请缩短场景的 text、title、desc 或 ext。';

export const XIAOMI_ERRORS_ZH: Readonly<Record<XiaomiErrorCode, VendorErrorText>> = {
  '-1': t('小米推送出现未知错误。', RETRY),
  '1': t('小米推送出现内部错误。', RETRY),
  '10001': t('小米推送出现系统错误。', RETRY),
  '10002': t('小米推送系统繁忙。', RETRY),
  '10003': t('小米推送的后端服务出错。', RETRY),
  '10008': t('小米推送认为参数有误。', '请附上该次尝试的发送证据报告此问题。'),
  '10012': t('小米推送认为这是非法请求。', '请检查发送器的区域和基础 URL。'),
  '10016': t('缺少必填字段（title、description 或 extra.channel_id）。', SHORTEN),
  '10017': t(
    '某个字段的值不被小米推送接受（标题达到 50 个字符、描述达到 128 个字符，或字段格式有误）。',
    SHORTEN,
  ),
  '10027': t('应用调用小米推送接口过于频繁。', '等一分钟，然后减少同时运行的手机或重复次数。'),
  '10031': t('该应用在小米推送黑名单中，禁止发送。', '请向小米开放平台支持询问应用被封禁的原因。'),
  '10034': t('应用今天发送的消息数量已达到小米推送的上限。', '等到明天，或使用没有每日配额的私信通道发送。'),
  '10036': t('小米推送禁止该应用的这项操作。', '请确认小米开放平台中已为该应用开启推送服务。'),
  '10037': t('请求已过期。', '请检查这台电脑的时钟后重新运行。'),
  '20301': t(
    '小米推送发送失败：最常见的原因是该 regId 不是此应用的有效目标（已卸载、已重新注册或属于其他应用）。',
    NEW_REGID,
  ),
  '21301': t('小米推送拒绝了 AppSecret（认证失败）。', SECRET),
  '21302': t('小米推送拒绝了认证令牌。', SECRET),
  '21303': t('小米推送限制了该请求。', '请确认已为该应用开启服务端接口。'),
  '21305': t('缺少必要的参数。', '请附上该次尝试的发送证据报告此问题。'),
  '22000': t('小米推送不认识这个应用。', SECRET),
  '22006': t('应用 ID 无效。', SECRET),
  '22007': t('应用 Key 无效。', SECRET),
  '22022': t(
    '包名（restricted_package_name = app.package）不属于该 AppSecret 对应的应用。',
    '请使用为 app.package 注册的小米推送应用的 AppSecret，或修正 app.package。',
  ),
  '22102': t('小米推送发送通知失败。', RETRY),
  '26003': t('小米推送内部调用失败。', RETRY),
  '26006': t('小米推送要求审核该消息。', '请在小米推送控制台审核该消息，或等待审核完成。'),
  '27001': t(
    'channel_id 与小米推送控制台中为该应用登记的通道不匹配。',
    '请在小米推送控制台（推送 > 通道管理）登记该通道，或使用已登记的通道。',
  ),
  '65003': t('小米推送找不到该 regId 对应的设备（通常是手机不在线）。', NEW_REGID),
  '65009': t('消息内容太长。', SHORTEN),
  '65014': t('消息的 extra 键值对太多。', '请附上该次尝试的发送证据报告此问题。'),
  '65015': t('extra 键值对的总长度太长。', SHORTEN),
};
