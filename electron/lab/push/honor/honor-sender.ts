/**
 * Sends scenario messages straight to Honor Push (POST /api/v1/<AppID>/sendMessage with an OAuth
 * 2.0 client-credentials token from Honor's IAM and a `timestamp` header), to tell whether Tencent
 * or Honor's channel is at fault. Hosts follow Honor's guide as published on infoq (hihonor.com);
 * a copy of the same guide names honor.com hosts, so both are replaceable (baseUrl / authUrl).
 * The answer's data.requestId (or requestId) is the receipt's request id.
 */
import { maskDeviceToken, type HonorPlanSender } from '../../../../shared/runs/plan';
import { codeOf, createOAuthVendorSender } from '../direct/oauth-sender';
import { parseObject } from '../huawei/huawei-sender';
import type { Sender, SenderDeps } from '../sender-types';
import { HONOR_ERRORS, HONOR_ERRORS_ZH, HONOR_VENDOR } from './errors';
import { buildHonorMessage, HONOR_PUSH_HOST, HONOR_TOKEN_URL } from './message';

export const HONOR_TOKEN = /^[A-Za-z0-9_.:+/=-]{20,512}$/;

export function createHonorSender(config: HonorPlanSender, deps: SenderDeps): Sender {
  return createOAuthVendorSender(
    {
      kind: 'honor',
      vendor: HONOR_VENDOR,
      endpoint: new URL(
        `/api/v1/${encodeURIComponent(config.appId)}/sendMessage`,
        config.baseUrl ?? HONOR_PUSH_HOST,
      ),
      tokenUrl: new URL(config.authUrl ?? HONOR_TOKEN_URL),
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      consoleHint:
        'Copy the Client ID and Client Secret (not the App Secret) from the Honor developer console ' +
        'into sender.clientId and the secret sender.clientSecret names.',
      consoleHintZh:
        '请从荣耀开发者平台复制客户端 ID 和客户端密钥（不是 App Secret），' +
        '分别填入 sender.clientId 和 sender.clientSecret 引用的密钥。',
      token: {
        vendor: 'honor',
        source: 'HonorPushClient.getPushToken()',
        pattern: HONOR_TOKEN,
      },
      authCodes: ['80200001', '80200003'],
      table: { en: HONOR_ERRORS, zh: HONOR_ERRORS_ZH },
      evidence: {
        appId: config.appId,
        clientId: config.clientId,
        ...(config.testMessage === true ? { testMessage: true } : {}),
      },
      build(request, token) {
        const built = buildHonorMessage(request.message, {
          token,
          package: request.package,
          scenarioId: request.scenarioId,
          ...(config.importance === undefined ? {} : { importance: config.importance }),
          ...(config.testMessage === undefined ? {} : { testMessage: config.testMessage }),
        });
        return { ...built, shown: { ...built.body, token: [maskDeviceToken(token)] } };
      },
      headers: (now) => ({ timestamp: String(now) }),
      parse(answer) {
        const body = parseObject(answer.text);
        const code = codeOf(body.code);
        const data =
          typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {};
        const id = data.requestId ?? body.requestId;
        const requestId = typeof id === 'string' && id !== '' ? id.slice(0, 200) : null;
        const message =
          typeof body.message === 'string' ? body.message : typeof body.msg === 'string' ? body.msg : null;
        const ok =
          answer.status === 200 && (code === '200' || code === '80000000') && data.sendResult !== false;
        return { ok, code, requestId, message };
      },
    },
    deps,
  );
}
