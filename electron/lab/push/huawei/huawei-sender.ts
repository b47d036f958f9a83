/**
 * Sends scenario messages straight to HMS Push Kit v1 (POST /v1/<clientId>/messages:send with an
 * OAuth 2.0 client-credentials token from oauth-login.cloud.huawei.com), to tell whether Tencent
 * or Huawei's channel is at fault. The answer's requestId is the receipt's request id.
 */
import { maskDeviceToken, type HuaweiPlanSender } from '../../../../shared/runs/plan';
import { codeOf, createOAuthVendorSender } from '../direct/oauth-sender';
import type { Sender, SenderDeps } from '../sender-types';
import { HUAWEI_ERRORS, HUAWEI_ERRORS_ZH, HUAWEI_VENDOR } from './errors';
import { buildHuaweiMessage, HUAWEI_PUSH_HOST, HUAWEI_TOKEN_URL } from './message';

/** HMS push tokens: letters, digits and _ - . : (older ones 32 hex-like characters, newer about 130). */
export const HUAWEI_TOKEN = /^[A-Za-z0-9_.:+/=-]{20,512}$/;

export function createHuaweiSender(config: HuaweiPlanSender, deps: SenderDeps): Sender {
  const appId = config.appId ?? config.clientId;
  return createOAuthVendorSender(
    {
      kind: 'huawei',
      vendor: HUAWEI_VENDOR,
      endpoint: new URL(`/v1/${encodeURIComponent(appId)}/messages:send`, config.baseUrl ?? HUAWEI_PUSH_HOST),
      tokenUrl: new URL(config.authUrl ?? HUAWEI_TOKEN_URL),
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      consoleHint:
        'Copy the OAuth 2.0 Client ID and Client secret from AppGallery Connect (Project settings > General information) ' +
        'into sender.clientId and the secret sender.clientSecret names.',
      consoleHintZh:
        '请从 AppGallery Connect（项目设置 > 常规）复制 OAuth 2.0 客户端 ID 和客户端密钥，' +
        '分别填入 sender.clientId 和 sender.clientSecret 引用的密钥。',
      token: {
        vendor: 'huawei',
        source: 'HmsInstanceId.getToken()',
        pattern: HUAWEI_TOKEN,
      },
      authCodes: ['80200001', '80200003'],
      table: { en: HUAWEI_ERRORS, zh: HUAWEI_ERRORS_ZH },
      evidence: {
        clientId: config.clientId,
        appId,
        ...(config.testMessage === true ? { testMessage: true } : {}),
      },
      build(request, token) {
        const built = buildHuaweiMessage(request.message, {
          token,
          package: request.package,
          scenarioId: request.scenarioId,
          ...(config.channelId === undefined ? {} : { channelId: config.channelId }),
          ...(config.category === undefined ? {} : { category: config.category }),
          ...(config.importance === undefined ? {} : { importance: config.importance }),
          ...(config.testMessage === undefined ? {} : { testMessage: config.testMessage }),
        });
        return {
          ...built,
          shown: { ...built.body, message: { ...built.body.message, token: [maskDeviceToken(token)] } },
        };
      },
      headers: () => ({}),
      parse(answer) {
        const body = parseObject(answer.text);
        const code = codeOf(body.code);
        const requestId =
          typeof body.requestId === 'string' && body.requestId !== '' ? body.requestId.slice(0, 200) : null;
        const message = typeof body.msg === 'string' ? body.msg : null;
        return { ok: answer.status === 200 && code === '80000000', code, requestId, message };
      },
    },
    deps,
  );
}

export function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
