/**
 * The FCM and OAuth2 errors of errors.ts in zh-CN (meaning and fix), for the zh text of a refusal.
 */
import { FCM_ERRORS, OAUTH_ERRORS, type FcmErrorName } from './errors';

export interface ErrorTextZh {
  readonly meaning: string;
  readonly fix: string;
}

const t = (meaning: string, fix: string): ErrorTextZh => ({ meaning, fix });
const RETRY = '稍等片刻后重新运行；如果问题持续，请查看 Firebase 状态面板。';
const NEW_TOKEN = '在这台手机上打开应用让它获得新的注册令牌，并写到 app.tokens.serials 下。';

export const FCM_ERRORS_ZH: Readonly<Record<FcmErrorName, ErrorTextZh>> = {
  UNREGISTERED: t('注册令牌已失效：应用被卸载或数据被清除，或者令牌已过期或被替换。', NEW_TOKEN),
  INVALID_ARGUMENT: t(
    'FCM 认为消息格式有误而拒绝：最常见的是注册令牌不是有效的 FCM 令牌，或者消息太大。',
    '请检查 app.tokens.serials 下的令牌（FirebaseMessaging.getToken() 给出的完整字符串）以及场景的正文和 ext 大小。',
  ),
  SENDER_ID_MISMATCH: t(
    '该注册令牌属于另一个 Firebase 项目，而不是 sender.projectId。',
    '请使用应用的 google-services.json 所属 Firebase 项目的服务账号和 projectId，或使用以该项目构建的应用给出的令牌。',
  ),
  QUOTA_EXCEEDED: t(
    '超出了 FCM 的发送限额（项目、这台手机或某个主题的限额）。',
    '等几分钟，或在这台手机上减少连续重复的次数。',
  ),
  UNAVAILABLE: t('FCM 暂时过载或不可用。', RETRY),
  INTERNAL: t('FCM 出现内部错误。', RETRY),
  THIRD_PARTY_AUTH_ERROR: t(
    'FCM 无法使用该 Firebase 项目的 APNs 或 Web 推送凭据。',
    '请检查 Firebase 控制台 > 项目设置 > Cloud Messaging 中上传的 APNs 密钥或证书。',
  ),
  PERMISSION_DENIED: t(
    '该服务账号无权为这个项目发送消息。',
    '请使用 sender.projectId 项目中具有“Firebase Cloud Messaging API Admin”（或 Firebase Admin）角色的服务账号，' +
      '并为该项目启用 FCM API (v1)。',
  ),
  UNAUTHENTICATED: t(
    'FCM 不接受该 OAuth2 访问令牌。',
    '请检查服务账号密钥（它可能已在 Google Cloud > IAM > 服务账号中被删除）以及这台电脑的时钟。',
  ),
  NOT_FOUND: t(
    'FCM 找不到请求所指的对象：项目或注册令牌。',
    '请检查 sender.projectId 和 app.tokens.serials 下的令牌。',
  ),
  RESOURCE_EXHAUSTED: t(
    '该项目的某项 Google Cloud 配额已用完。',
    '等几分钟后重新运行，或在 Google Cloud 控制台中提高配额。',
  ),
  UNSPECIFIED_ERROR: t('FCM 拒绝了消息，但没有说明原因。', RETRY),
};

export const OAUTH_ERRORS_ZH: Readonly<Record<string, ErrorTextZh>> = {
  invalid_grant: t(
    'Google 拒绝了服务账号签名的断言：密钥已被删除或替换，或者这台电脑的时钟不准。',
    '请检查这台电脑的时钟，然后为该服务账号下载新的 JSON 密钥（Google Cloud > IAM > 服务账号 > 密钥）。',
  ),
  invalid_client: t(
    'Google 不认识该服务账号（或它已被停用）。',
    '请确认该服务账号仍然存在且已启用，并且 JSON 密钥属于它。',
  ),
  unauthorized_client: t(
    '该服务账号无权请求这种访问。',
    '请使用该 Firebase 项目的服务账号，并检查它的角色。',
  ),
  invalid_scope: t(
    'Google 拒绝了所请求的范围。',
    '请报告此问题：PushLab 请求的是 https://www.googleapis.com/auth/firebase.messaging。',
  ),
  invalid_request: t('Google 无法读取令牌请求。', '请附上该次尝试的发送证据报告此问题。'),
  unsupported_grant_type: t(
    'Google 不接受这种令牌请求。',
    '请确认服务账号的 token_uri（或 sender.tokenUrl）是 Google 的 OAuth2 令牌端点。',
  ),
};

/** The zh-CN twin of explainFcmError. */
export function explainFcmErrorZh(name: string | null, status: number): ErrorTextZh {
  if (name !== null && Object.hasOwn(FCM_ERRORS, name)) return FCM_ERRORS_ZH[name as FcmErrorName];
  return {
    meaning:
      name === null
        ? `FCM 以 HTTP ${status} 应答。`
        : `FCM 以 ${name.slice(0, 100)} 拒绝了消息（HTTP ${status}）。`,
    fix: status >= 500 ? RETRY : '请在 Firebase 的 FCM v1 ErrorCode 参考中查找该错误。',
  };
}

/** The zh-CN text of a known OAuth2 error code, if it is one. */
export function oauthErrorZh(code: string | null): ErrorTextZh | undefined {
  return code !== null && Object.hasOwn(OAUTH_ERRORS, code) ? OAUTH_ERRORS_ZH[code] : undefined;
}
