/**
 * Sends scenario messages straight to FCM HTTP v1 with a service account, to tell whether Tencent
 * or Google's channel is at fault. The service-account JSON is resolved on the first send; its
 * key, the signed assertions and the access tokens stay out of receipts, errors and logs, and
 * registration tokens show only their first 8 characters.
 */
import { maskDeviceToken, type FcmPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { redactSecrets } from '../tencent/client';
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { createAccessTokens, type AccessTokens } from './access-token';
import { explainFcmError, parseFcmError } from './errors';
import { explainFcmErrorZh } from './errors-zh';
import { post, type HttpAnswer } from '../net/http-post';
import { buildFcmMessage } from './message';
import { parseServiceAccount, type ServiceAccount } from './service-account';

export const FCM_BASE_URL = 'https://fcm.googleapis.com';

/** FCM registration tokens: letters, digits, _ - : (about 160 characters). */
const FCM_TOKEN = /^[A-Za-z0-9_:-]{20,4096}$/;
const APNS_LIKE = /^[0-9A-Fa-f]{64}$/;

export function createFcmSender(config: FcmPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:fcm');
  const endpoint = new URL(
    `/v1/projects/${encodeURIComponent(config.projectId)}/messages:send`,
    config.baseUrl ?? FCM_BASE_URL,
  );
  const secrets = new Set<string>();
  let account: ServiceAccount | undefined;
  let tokens: AccessTokens | undefined;

  const strip = (text: string): string => redactSecrets(text, [...secrets]);

  const accessTokens = async (): Promise<{ account: ServiceAccount; tokens: AccessTokens }> => {
    if (account === undefined || tokens === undefined) {
      // Not cached on failure: a key file fixed between attempts is read again.
      const text = await deps.resolveSecret(config.serviceAccount);
      secrets.add(text);
      const parsed = parseServiceAccount(text);
      secrets.add(parsed.privateKey);
      account = parsed;
      tokens = createAccessTokens({
        account: parsed,
        tokenUrl: config.tokenUrl ?? parsed.tokenUri,
        clock: deps.clock,
        onSecret: (v) => secrets.add(v),
      });
      if (parsed.projectId !== null && parsed.projectId !== config.projectId) {
        log.warn('service account is from another project', {
          accountProject: parsed.projectId,
          projectId: config.projectId,
        });
      }
    }
    return { account, tokens };
  };

  const send = async (request: SendRequest): Promise<SendReceipt> => {
    const evidence: Record<string, unknown> = {
      kind: 'fcm',
      projectId: config.projectId,
      endpoint: endpoint.href,
    };
    let sentAt: number | null = null;
    const deadline = Date.now() + request.timeoutMs;
    const remaining = (): number => Math.max(1, deadline - Date.now());
    const httpOptions = (): { timeoutMs: number; signal?: AbortSignal } => ({
      timeoutMs: remaining(),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    try {
      const deviceToken = checkedToken(request);
      evidence.deviceToken = maskDeviceToken(deviceToken);
      const built = buildFcmMessage(request.message, {
        token: deviceToken,
        scenarioId: request.scenarioId,
        priority: config.priority ?? 'high',
        ...(config.channelId === undefined ? {} : { channelId: config.channelId }),
      });
      evidence.messageKind = built.kind;
      if (built.dataOnlyBecause !== null) evidence.dataOnlyBecause = built.dataOnlyBecause;
      evidence.body = { message: { ...built.body.message, token: maskDeviceToken(deviceToken) } };
      evidence.payloadBytes = built.payloadBytes;

      const auth = await accessTokens();
      evidence.serviceAccount = auth.account.clientEmail;
      const json = JSON.stringify(built.body);
      const attempt = async (): Promise<HttpAnswer> => {
        const access = await auth.tokens.get(httpOptions());
        sentAt = deps.clock.now();
        return post(endpoint, json, {
          headers: {
            authorization: `Bearer ${access.value}`,
            'content-type': 'application/json; charset=utf-8',
          },
          ...httpOptions(),
          what: 'FCM',
        });
      };
      let answer = await attempt();
      if (answer.status === 401 && parseFcmError(answer.text).errorCode === null) {
        // Our token was revoked or expired early: one fresh token, then FCM's answer stands.
        // (THIRD_PARTY_AUTH_ERROR is also a 401, about the project's APNs credentials: no retry.)
        auth.tokens.drop();
        evidence.renewedAccessToken = true;
        answer = await attempt();
      }
      if (answer.status === 200) {
        const name = nameOf(answer.text);
        evidence.answer = { status: 200, name };
        log.info('sent', {
          scenarioId: request.scenarioId,
          serial: request.serial,
          device: maskDeviceToken(deviceToken),
          requestId: name,
          messageKind: built.kind,
        });
        return { sentAt: sentAt ?? deps.clock.now(), requestId: name, evidence };
      }
      const error = parseFcmError(answer.text);
      evidence.answer = {
        status: answer.status,
        errorCode: error.errorCode,
        errorStatus: error.status,
        body: strip(answer.text.slice(0, 2000)),
      };
      const explained = explainFcmError(error.name, answer.status);
      const label = error.name === null ? `HTTP ${answer.status}` : `${answer.status} ${error.name}`;
      const explainedZh = explainFcmErrorZh(error.name, answer.status);
      throw new LabError('SEND_FAILED', `FCM refused the message (${label}): ${explained.meaning}`, {
        hint: explained.fix,
        ...(error.message === null ? {} : { detail: error.message }),
        zh: { message: `FCM 拒绝了消息（${label}）：${explainedZh.meaning}`, hint: explainedZh.fix },
      });
    } catch (error) {
      const clean = SendError.from(error, evidence, sentAt).redacted(strip);
      log.warn('send failed', {
        scenarioId: request.scenarioId,
        serial: request.serial,
        code: clean.code,
        message: clean.message,
      });
      throw clean;
    }
  };

  return { kind: 'fcm', send };
}

function checkedToken(request: SendRequest): string {
  const token = request.deviceToken;
  if (token === undefined || token === '') {
    throw new LabError('PLAN_INVALID', `The plan gives no FCM registration token for ${request.serial}.`, {
      hint: `Add the token the app reported on this phone (FirebaseMessaging.getToken()) under app.tokens.serials["${request.serial}"].`,
      zh: {
        message: `计划没有给出 ${request.serial} 的 FCM 注册令牌。`,
        hint: `把应用在这台手机上报告的令牌（FirebaseMessaging.getToken()）写到 app.tokens.serials["${request.serial}"] 下。`,
      },
    });
  }
  if (APNS_LIKE.test(token) || !FCM_TOKEN.test(token)) {
    const apnsLike = APNS_LIKE.test(token);
    const why = apnsLike ? 'looks like an APNs device token' : 'is not an FCM registration token';
    const whyZh = apnsLike ? '看起来是 APNs 设备令牌' : '不是 FCM 注册令牌';
    throw new LabError(
      'PLAN_INVALID',
      `The token for ${request.serial} (${maskDeviceToken(token)}) ${why}.`,
      {
        hint: 'Use the registration token from FirebaseMessaging.getToken() on that phone (an APNs token only works with the apns sender).',
        zh: {
          message: `${request.serial} 的令牌（${maskDeviceToken(token)}）${whyZh}。`,
          hint: '请使用那台手机上 FirebaseMessaging.getToken() 给出的注册令牌（APNs 令牌只能用于 apns 发送器）。',
        },
      },
    );
  }
  return token;
}

/** The sent message's name ("projects/<id>/messages/<id>"), or null when the answer has none. */
function nameOf(text: string): string | null {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name.slice(0, 300) : null;
  } catch {
    return null;
  }
}
