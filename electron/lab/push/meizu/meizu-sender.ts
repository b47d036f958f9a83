/**
 * Sends scenario messages straight to Flyme Push (Meizu), to tell whether Tencent or Meizu's channel
 * is at fault: pushByPushId (notification message) with every request signed by MD5 over the
 * sorted parameters and the AppSecret; there is no token to cache. A "200" answer can still refuse
 * the phone: `value` groups refused pushIds under their error code. The AppSecret and signatures
 * never reach receipts, errors or logs; the pushId shows its first 8 characters.
 */
import { maskDeviceToken, type MeizuPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { post } from '../net/http-post';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { checkedVendorToken } from '../direct/device-token';
import { directSend } from '../direct/direct-send';
import { notVendorJson, refusalFor } from '../direct/refusal';
import { MEIZU, MEIZU_ERRORS } from './errors';
import { buildMeizuMessage } from './message';
import { meizuSign } from './sign';

/** The vendor's README names this host over http (https not documented). */
export const MEIZU_BASE_URL = 'http://server-api-push.meizu.com';
export const MEIZU_PUSH_PATH = '/garcia/api/server/push/varnished/pushByPushId';
/** pushId: letters and digits (about 30-40 characters). */
export const MEIZU_PUSH_ID = /^[A-Za-z0-9_-]{16,128}$/;

export function createMeizuSender(config: MeizuPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:meizu');
  const pushUrl = new URL(MEIZU_PUSH_PATH, config.baseUrl ?? MEIZU_BASE_URL);
  const secrets = new Set<string>();
  let appSecret: string | undefined;

  const send = (request: SendRequest): Promise<SendReceipt> =>
    directSend(
      { kind: 'meizu', deps, log, secrets },
      request,
      { endpoint: pushUrl.href, appId: config.appId },
      async (context) => {
        const { evidence, strip } = context;
        const pushId = checkedVendorToken(
          request,
          {
            vendor: 'meizu',
            source: 'PushManager.getPushId()',
            pattern: MEIZU_PUSH_ID,
          },
          evidence,
        );
        const built = buildMeizuMessage(request.message, {
          ...(config.noticeMsgType === undefined ? {} : { noticeMsgType: config.noticeMsgType }),
          validHours: Math.ceil(request.timeoutMs / 3_600_000),
        });
        if (built.kind === 'none') {
          evidence.notSentBecause = built.because.en;
          return { requestId: null };
        }
        evidence.body = {
          appId: config.appId,
          pushIds: maskDeviceToken(pushId),
          messageJson: built.messageJson,
        };
        if (built.notice.sound !== null)
          evidence.soundNotSent = 'Flyme has no sound file field: the default sound plays.';
        if (appSecret === undefined) {
          const secret = await deps.resolveSecret(config.appSecret);
          secrets.add(secret);
          appSecret = secret;
        }
        const params = {
          appId: config.appId,
          pushIds: pushId,
          messageJson: JSON.stringify(built.messageJson),
        };
        const sign = meizuSign(params, appSecret);
        secrets.add(sign);
        context.markSent();
        const answer = await post(pushUrl, new URLSearchParams({ ...params, sign }).toString(), {
          headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
          ...context.http(),
          what: 'Flyme Push',
          whatZh: '魅族推送',
        });
        const parsed = parseMeizuAnswer(answer.text);
        if (parsed === null) throw notVendorJson(MEIZU, answer.status);
        const refusedCode = parsed.code === '200' ? codeForPushId(parsed.value, pushId) : parsed.code;
        evidence.answer = {
          code: parsed.code,
          message: strip(parsed.message ?? '').slice(0, 500),
          msgId: parsed.msgId,
          ...(refusedCode !== null && parsed.code === '200' ? { pushIdRefused: refusedCode } : {}),
        };
        if (refusedCode === null) {
          if (parsed.msgId === null) {
            throw new LabError('MALFORMED_OUTPUT', 'Flyme Push accepted the message but gave no msgId.', {
              hint: "Check that the sender's baseUrl points at the Flyme push API.",
              zh: {
                message: '魅族推送接受了消息，但没有给出 msgId。',
                hint: '请检查发送器的 baseUrl 是否指向魅族推送接口。',
              },
            });
          }
          return { requestId: parsed.msgId };
        }
        throw refusalFor(evidence, MEIZU, MEIZU_ERRORS, refusedCode, strip(parsed.message ?? '')).error;
      },
    );

  return { kind: 'meizu', send };
}

interface MeizuAnswer {
  readonly code: string;
  readonly message: string | null;
  readonly value: unknown;
  readonly msgId: string | null;
}

function parseMeizuAnswer(text: string): MeizuAnswer | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null) return null;
    const code = typeof raw.code === 'string' || typeof raw.code === 'number' ? String(raw.code) : null;
    if (code === null) return null;
    const msgId = typeof raw.msgId === 'string' && raw.msgId !== '' ? raw.msgId : null;
    return { code, message: typeof raw.message === 'string' ? raw.message : null, value: raw.value, msgId };
  } catch {
    return null;
  }
}

/** The error code `value` files this pushId under ({"110002": ["<pushId>"]}), or null when none does. */
export function codeForPushId(value: unknown, pushId: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const map = (value as { respTarget?: unknown }).respTarget ?? value;
  if (typeof map !== 'object' || map === null) return null;
  for (const [code, ids] of Object.entries(map)) {
    if (/^\d+$/.test(code) && Array.isArray(ids) && ids.includes(pushId)) return code;
  }
  return null;
}
