/**
 * The Tencent IM ErrorCodes of error-codes.ts in zh-CN (meaning and fix), for the zh text of a
 * refusal. Codes missing here fall back to a sentence that names the code.
 */
export interface TencentErrorTextZh {
  readonly meaning: string;
  readonly fix: string;
}

const t = (meaning: string, fix: string): TencentErrorTextZh => ({ meaning, fix });

const SIG_FIX = '请检查设置中的 SDKAppID 和密钥（腾讯云控制台 > 应用管理 > 基础配置）。';
const ADMIN_FIX = '请使用 App 管理员账号作为 identifier（腾讯云控制台 > 账号管理 > App 管理员）。';
const RETRY = '稍等片刻后重新发送；如果问题持续，请查看腾讯云的服务状态。';
const INTERNAL = '腾讯出现内部错误。';
const CHECK_APP_ID = '请对照腾讯云控制台检查设置中的 SDKAppID。';
const SPLIT = '把请求拆成更小的批次。';
const NO_ACCOUNT = '请求的用户账号不存在。';
const IMPORT_FIRST = '请先导入该账号（v4/im_open_login_svc/account_import），或修正用户 ID。';
const ADD_FRIEND = '请添加好友关系，或关闭好友检查。';

export const TENCENT_ERRORS_ZH: Readonly<Record<number, TencentErrorTextZh>> = {
  60002: t(
    '腾讯无法解析 HTTP 请求。',
    '请检查 URL 和查询参数（sdkappid、identifier、usersig、random、contenttype）。',
  ),
  60003: t('腾讯无法解析 JSON 请求体。', '请发送有效的 JSON 对象作为请求体。'),
  60004: t('请求 URL 中的账号或签名有误。', SIG_FIX),
  60005: t('请求 URL 中的账号或签名有误。', SIG_FIX),
  60006: t('SDKAppID 无效。', CHECK_APP_ID),
  60007: t('REST 调用超过频率限制。', '请放慢速度：减少每秒的请求数。'),
  60008: t('请求在腾讯一侧超时，或其 HTTP 格式有误。', RETRY),
  60009: t('请求的资源有误。', '请检查 API 路径（v4/<service>/<command>）。'),
  60010: t('该请求需要 App 管理员权限。', ADMIN_FIX),
  60011: t('此 SDKAppID 超过了请求频率限制。', '请放慢速度，稍后再发送。'),
  60012: t('请求缺少 SDKAppID 或 identifier。', '请检查请求 URL 的查询参数。'),
  60013: t('腾讯无法解析自己应答中的 JSON。', RETRY),
  60014: t('切换账号超时。', RETRY),
  60015: t('某个账号字段的类型有误。', '请以字符串形式发送用户 ID。'),
  60016: t('此 SDKAppID 已被禁用。', '请在腾讯云控制台检查应用状态。'),
  60017: t('该应用的这种请求已被禁用。', '请在腾讯云控制台检查应用功能。'),
  60018: t('请求一次发送的条目太多。', SPLIT),
  60019: t('请求一次发送的条目太多。', SPLIT),
  60020: t('应用的套餐已过期或服务已暂停。', '请在腾讯云控制台续费套餐。'),
  60021: t('这台电脑的 IP 不在应用的 REST API 白名单中。', '请在腾讯云控制台添加此 IP（安全 > IP 白名单）。'),
  70001: t('UserSig 已过期。', '请生成新的 UserSig；并确认这台电脑的时钟正确。'),
  70002: t('UserSig 为空。', '请发送为管理员账号生成的 UserSig。'),
  70003: t('UserSig 无效。', SIG_FIX),
  70005: t('UserSig 无法解码。', SIG_FIX),
  70009: t('UserSig 与应用的密钥不符。', SIG_FIX),
  70013: t(
    '请求中的 identifier 与生成 UserSig 时所用的不一致。',
    '请为与请求相同的管理员 identifier 生成 UserSig。',
  ),
  70014: t('请求中的 SDKAppID 与生成 UserSig 时所用的不一致。', SIG_FIX),
  70016: t('腾讯没有此 SDKAppID 的密钥。', CHECK_APP_ID),
  70020: t('找不到该 SDKAppID。', CHECK_APP_ID),
  70050: t('UserSig 已被吊销。', '请生成新的 UserSig。'),
  70051: t('该账号已被封禁。', '请在腾讯云控制台解封该账号。'),
  70052: t('UserSig 已失效。', '请生成新的 UserSig。'),
  70107: t('请求的用户 ID 不存在。', IMPORT_FIRST),
  70169: t('腾讯的服务超时。', RETRY),
  70398: t('应用的账号数已达上限。', '请升级套餐或删除不用的账号。'),
  70402: t('参数无效。', '请检查必填字段及其类型。'),
  70403: t('该请求需要 App 管理员权限。', ADMIN_FIX),
  70500: t(INTERNAL, RETRY),
  40006: t('腾讯保存资料时出现内部错误。', RETRY),
  40601: t('某个资料字段（例如昵称）超过 500 字节。', '请缩短昵称。'),
  20001: t('请求包无效。', '请对照 sendmsg 文档检查消息体。'),
  20002: t('UserSig 或 A2 票据无效。', SIG_FIX),
  20003: t('发送方或接收方的用户 ID 无效或不存在。', '请先导入账号，或修正 From_Account / To_Account。'),
  20004: t('腾讯内部发生网络错误。', RETRY),
  20005: t(INTERNAL, RETRY),
  20006: t(
    '应用的“发消息之前”回调拦截了这条消息。',
    '请检查为单聊消息配置的回调，或设置 ForbidCallbackControl。',
  ),
  20007: t('接收方已将发送方拉黑。', '请使用未被接收方拉黑的发送方。'),
  20009: t('发送方和接收方不是好友，而应用要求是好友。', '请把他们加为好友，或在腾讯云控制台关闭好友检查。'),
  20010: t('发送方不是接收方的好友（单向）。', ADD_FRIEND),
  20011: t('接收方不是发送方的好友（单向）。', ADD_FRIEND),
  20012: t('发送方已被禁言。', '请在腾讯云控制台解除发送方的禁言。'),
  20016: t('该消息已被撤回。', '请发送一条新消息。'),
  80001: t('消息文本触发了敏感词过滤。', '请修改文本。'),
  80002: t('消息太长（超过 12 KB）。', '请缩短消息体。'),
  90001: t('腾讯无法解析 JSON 请求体。', '请发送有效的 JSON 对象。'),
  90002: t('MsgBody 不符合消息格式，或不是数组。', '请以 {MsgType, MsgContent} 元素组成的数组发送 MsgBody。'),
  90003: t('To_Account 缺失或不是字符串。', '把 To_Account 设为接收方的用户 ID。'),
  90005: t('MsgRandom 缺失或不是整数。', '把 MsgRandom 设为 32 位无符号整数。'),
  90006: t('MsgTimeStamp 不是整数。', '以 Unix 秒发送 MsgTimeStamp，或者不写它。'),
  90007: t('MsgBody 不是数组。', '请以数组形式发送 MsgBody。'),
  90008: t('From_Account 缺失或不存在。', '请先导入发送方账号，或修正 From_Account。'),
  90009: t('该请求需要 App 管理员权限。', ADMIN_FIX),
  90010: t('消息不符合消息格式。', '请检查每个元素的 MsgType 和 MsgContent 字段。'),
  90011: t('一批的接收方太多（最多 500 个）。', '请拆分这一批。'),
  90012: t('To_Account 未注册或不存在。', '请先导入接收方账号，或修正 To_Account。'),
  90026: t('MsgLifeTime 超出范围（0 到 604800 秒）。', '把 MsgLifeTime 设为最多 7 天。'),
  90031: t('SyncOtherMachine 的值无效。', '把 SyncOtherMachine 设为 1 或 2。'),
  90044: t('某个消息字段太长或格式有误。', '请检查 CloudCustomData 和各元素的大小。'),
  90048: t(NO_ACCOUNT, IMPORT_FIRST),
  90992: t(INTERNAL, RETRY),
  90994: t(INTERNAL, RETRY),
  90995: t(INTERNAL, RETRY),
  91000: t(INTERNAL, RETRY),
  10002: t(INTERNAL, RETRY),
  10003: t('请求中的命令无效。', '请检查 API 路径。'),
  10004: t('参数无效。', '请从 ErrorInfo 中找到出错的字段并修正请求体。'),
  10007: t('发送方在这个群里没有权限。', '请以 App 管理员或群成员的身份发送。'),
  10008: t('请求无效（签名校验失败）。', SIG_FIX),
  10010: t('群不存在或已解散。', '请创建该群，或修正 GroupId。'),
  10011: t('腾讯无法解析 JSON 请求体。', '请发送有效的 JSON 对象。'),
  10015: t('群 ID 无效。', '请修正 GroupId。'),
  10016: t('应用的“发消息之前”回调拦截了这条群消息。', '请检查群消息回调，或设置 ForbidCallbackControl。'),
  10017: t('发送方在这个群里已被禁言。', '请解除发送方的禁言。'),
  10019: t(NO_ACCOUNT, '请先导入该账号，或修正 From_Account。'),
  10023: t('群消息超过频率限制。', '请放慢速度：群消息之间稍等一下。'),
  10024: t('该请求已经处理过。', '无需任何操作。'),
  10026: t('此 SDKAppID 禁用了这个命令。', '请在腾讯云控制台检查应用功能。'),
};

/** The zh-CN twin of explainTencentError. */
export function explainTencentErrorZh(code: number): TencentErrorTextZh {
  return (
    TENCENT_ERRORS_ZH[code] ?? {
      meaning: `腾讯 IM 以 ErrorCode ${code} 拒绝了请求。`,
      fix: '请在腾讯 IM 的错误码列表中查找该代码（tencentcloud.com/document/product/1047/34348）。',
    }
  );
}
