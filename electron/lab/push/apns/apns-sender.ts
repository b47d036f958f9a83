/**
 * Sends scenario messages straight to APNs (HTTP/2, token auth with the team's .p8 key), to tell
 * whether Tencent or Apple's channel is at fault. The key is resolved on the first send; it and the
 * JWT stay out of receipts, errors and logs, and device tokens show only their first 8 characters.
 */
import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http2';
import { maskDeviceToken, type ApnsPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { redactSecrets } from '../tencent/client';
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import {
  apnsOrigin,
  createApnsConnection,
  type ApnsConnection,
  type ApnsConnectionOptions,
  type Http2Answer,
} from './connection';
import { buildApnsNotification } from './payload';
import { createProviderTokens, type ProviderToken, type ProviderTokens } from './provider-token';
import { explainApnsReason } from './reasons';
import { explainApnsReasonZh } from './reasons-zh';

export const APNS_HOSTS = {
  sandbox: 'https://api.sandbox.push.apple.com',
  production: 'https://api.push.apple.com',
} as const;

export interface ApnsSender extends Sender {
  /** Closes the HTTP/2 connection (PushLab keeps it open between sends, as Apple asks). */
  close(): Promise<void>;
}

export type ApnsSenderOptions = ApnsConnectionOptions;

/** APNs device tokens are hex (32 bytes today; Apple says not to rely on the length). */
const HEX_TOKEN = /^[0-9A-Fa-f]{16,400}$/;

export function createApnsSender(
  config: ApnsPlanSender,
  deps: SenderDeps,
  options: ApnsSenderOptions = {},
): ApnsSender {
  const log = deps.logger.child('sender:apns');
  const origin = apnsOrigin(config.baseUrl ?? APNS_HOSTS[config.environment]);
  const connection: ApnsConnection = createApnsConnection(origin, options);
  let key: string | undefined;
  let tokens: ProviderTokens | undefined;
  const jwts = new Set<string>();

  const strip = (text: string): string =>
    redactSecrets(text, [...(key === undefined ? [] : [key, key.trim()]), ...jwts]);

  const providerTokens = async (): Promise<ProviderTokens> => {
    // Not cached on failure: a key fixed between attempts is picked up by the next one.
    key ??= await deps.resolveSecret(config.key);
    tokens ??= createProviderTokens({ teamId: config.teamId, keyId: config.keyId, key, clock: deps.clock });
    return tokens;
  };

  const send = async (request: SendRequest): Promise<SendReceipt> => {
    const evidence: Record<string, unknown> = {
      kind: 'apns',
      environment: config.environment,
      origin: origin.origin,
      topic: config.topic,
      teamId: config.teamId,
      keyId: config.keyId,
    };
    let sentAt: number | null = null;
    const deadline = Date.now() + request.timeoutMs;
    const remaining = (): number => Math.max(1, deadline - Date.now());
    try {
      const deviceToken = checkedToken(request);
      evidence.deviceToken = maskDeviceToken(deviceToken);
      const notification = buildApnsNotification(request.message, {
        pushType: config.pushType,
        ...(config.priority === undefined ? {} : { priority: config.priority }),
      });
      const apnsId = randomUUID();
      const headers: OutgoingHttpHeaders = {
        'apns-topic': config.topic,
        'apns-push-type': notification.pushType,
        'apns-priority': String(notification.priority),
        'apns-id': apnsId,
        ...(config.expiration === undefined
          ? {}
          : {
              'apns-expiration': String(
                config.expiration === 0 ? 0 : Math.floor(deps.clock.now() / 1000) + config.expiration,
              ),
            }),
        ...(config.collapseId === undefined ? {} : { 'apns-collapse-id': config.collapseId }),
        'content-type': 'application/json',
      };
      evidence.request = {
        path: `/3/device/${maskDeviceToken(deviceToken)}`,
        headers: { ...headers, authorization: 'bearer [redacted]' },
        payload: notification.payload,
        bytes: notification.bytes,
      };
      if (notification.silentBecause !== null) evidence.silentBecause = notification.silentBecause;

      const source = await withinDeadline(providerTokens(), remaining(), request);
      const attempt = async (token: ProviderToken): Promise<Http2Answer> => {
        jwts.add(token.jwt);
        sentAt = deps.clock.now();
        return connection.post(
          `/3/device/${deviceToken}`,
          { ...headers, authorization: `bearer ${token.jwt}` },
          notification.json,
          { timeoutMs: remaining(), ...(request.signal ? { signal: request.signal } : {}) },
        );
      };
      let token = await source.current();
      let answer = await attempt(token);
      let reason = reasonOf(answer);
      if (answer.status === 403 && reason === 'ExpiredProviderToken' && source.expired(token)) {
        // Renew once, as Apple allows after 20 minutes; a second refusal means a wrong clock.
        evidence.renewedProviderToken = true;
        token = await source.current();
        answer = await attempt(token);
        reason = reasonOf(answer);
      }
      evidence.answer = answerEvidence(answer, reason);
      if (answer.status === 200) {
        const requestId = answer.headers['apns-id'] ?? apnsId;
        log.info('sent', {
          scenarioId: request.scenarioId,
          serial: request.serial,
          device: maskDeviceToken(deviceToken),
          requestId,
          pushType: notification.pushType,
        });
        return { sentAt: sentAt ?? deps.clock.now(), requestId, evidence };
      }
      throw refusal(answer, reason, config);
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

  return { kind: 'apns', send, close: () => connection.close() };
}

function checkedToken(request: SendRequest): string {
  const token = request.deviceToken;
  if (token === undefined || token === '') {
    throw new LabError('PLAN_INVALID', `The plan gives no APNs device token for ${request.serial}.`, {
      hint: `Add the token the app reported on this phone under app.tokens.serials["${request.serial}"].`,
      zh: {
        message: `计划没有给出 ${request.serial} 的 APNs 设备令牌。`,
        hint: `把应用在这台手机上报告的令牌写到 app.tokens.serials["${request.serial}"] 下。`,
      },
    });
  }
  if (!HEX_TOKEN.test(token)) {
    throw new LabError(
      'PLAN_INVALID',
      `The token for ${request.serial} (${maskDeviceToken(token)}) is not an APNs device token: those are hex.`,
      {
        hint: 'Use the hex string from didRegisterForRemoteNotificationsWithDeviceToken (an FCM registration token only works with the fcm sender).',
        zh: {
          message: `${request.serial} 的令牌（${maskDeviceToken(token)}）不是 APNs 设备令牌：APNs 令牌是十六进制字符串。`,
          hint: '请使用 didRegisterForRemoteNotificationsWithDeviceToken 给出的十六进制字符串（FCM 注册令牌只能用于 fcm 发送器）。',
        },
      },
    );
  }
  return token.toLowerCase();
}

function reasonOf(answer: Http2Answer): string | null {
  if (answer.status === 200) return null;
  try {
    const body = JSON.parse(answer.text) as { reason?: unknown };
    return typeof body.reason === 'string' ? body.reason : null;
  } catch {
    return null;
  }
}

function answerEvidence(answer: Http2Answer, reason: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = { status: answer.status, apnsId: answer.headers['apns-id'] ?? null };
  if (answer.headers['apns-unique-id'] !== undefined) out.apnsUniqueId = answer.headers['apns-unique-id'];
  if (reason !== null) out.reason = reason;
  if (answer.status !== 200) out.body = answer.text.slice(0, 2000);
  return out;
}

function refusal(answer: Http2Answer, reason: string | null, config: ApnsPlanSender): LabError {
  const explained = explainApnsReason(reason, answer.status);
  const explainedZh = explainApnsReasonZh(reason, answer.status);
  let hint = explained.fix;
  let hintZh = explainedZh.fix;
  if (reason === 'BadDeviceToken') {
    const sandbox = config.environment === 'sandbox';
    const build = sandbox
      ? 'a Debug (development-signed) build'
      : 'a Release, TestFlight, Ad Hoc or App Store build';
    const buildZh = sandbox ? 'Debug（开发签名）构建' : 'Release、TestFlight、Ad Hoc 或 App Store 构建';
    hint = `This plan sends to ${config.environment}, which only accepts tokens from ${build}. ${explained.fix}`;
    hintZh = `此计划发往 ${config.environment}，它只接受${buildZh}的令牌。${explainedZh.fix}`;
  }
  let unregisteredSince = '';
  let unregisteredSinceZh = '';
  if (answer.status === 410) {
    try {
      const at = (JSON.parse(answer.text) as { timestamp?: unknown }).timestamp;
      if (typeof at === 'number') {
        unregisteredSince = ` (no longer valid since ${new Date(at).toISOString()})`;
        unregisteredSinceZh = `（自 ${new Date(at).toISOString()} 起失效）`;
      }
    } catch {
      // The reason alone is enough.
    }
  }
  const name = reason === null ? `HTTP ${answer.status}` : `${answer.status} ${reason}`;
  return new LabError(
    'SEND_FAILED',
    `APNs refused the push (${name}): ${explained.meaning}${unregisteredSince}`,
    {
      hint,
      detail: answer.text.slice(0, 2000),
      zh: {
        message: `APNs 拒绝了推送（${name}）：${explainedZh.meaning}${unregisteredSinceZh}`,
        hint: hintZh,
      },
    },
  );
}

/** Resolves like `work`, or rejects with TIMEOUT or CANCELLED (the key file read, the signing). */
function withinDeadline<T>(work: Promise<T>, waitMs: number, request: SendRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(
        new LabError('CANCELLED', 'The send was stopped because the run was cancelled.', {
          hint: 'Resume the run to send again.',
          zh: { message: '运行已取消，发送已停止。', hint: '继续运行即可再次发送。' },
        }),
      );
    };
    const timer = setTimeout(() => {
      cleanup();
      const seconds = Math.round(request.timeoutMs / 100) / 10;
      reject(
        new LabError('TIMEOUT', `The APNs key could not be read within ${seconds} s.`, {
          hint: 'Check where sender.key points, then run again.',
          zh: {
            message: `${seconds} 秒内未能读取 APNs 密钥。`,
            hint: '请检查 sender.key 指向的位置，然后重新运行。',
          },
        }),
      );
    }, waitMs);
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
