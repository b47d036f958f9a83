/**
 * Sends scenario messages straight to OPPO Push (HeyTap), to tell whether Tencent or OPPO's channel
 * is at fault: an auth_token from AppKey + MasterSecret (cached 24 h, renewed an hour early and once
 * after OPPO refuses it), then unicast to the phone's registration ID. MasterSecret, signatures and
 * auth tokens never reach receipts, errors or logs; the registration ID shows its first 8 characters.
 */
import { maskDeviceToken, type OppoPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { post } from '../net/http-post';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { createTokenCache, type TokenCache } from '../direct/token-cache';
import { checkedVendorToken } from '../direct/device-token';
import { directSend, stripper, type DirectSendContext } from '../direct/direct-send';
import { notVendorJson, refusalFor } from '../direct/refusal';
import { fetchOppoAuthToken, OPPO_TOKEN_MARGIN_MS, parseOppoAnswer, type OppoAnswer } from './auth';
import { OPPO, OPPO_ERRORS } from './errors';
import { buildOppoMessage } from './message';

export const OPPO_BASE_URL = 'https://api.push.oppomobile.com';
export const OPPO_AUTH_PATH = '/server/v1/auth';
export const OPPO_UNICAST_PATH = '/server/v1/message/notification/unicast';
/** OPPO auth errors after which a fresh auth_token is worth one more try. */
const TOKEN_REFUSED = new Set([11, 29]);

/** registration_id: "CN_" / "OPPO_CN_" + hex in China, other prefixes abroad. */
export const OPPO_REG_ID = /^[A-Za-z0-9_-]{16,128}$/;

export function createOppoSender(config: OppoPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:oppo');
  const base = config.baseUrl ?? OPPO_BASE_URL;
  const unicastUrl = new URL(OPPO_UNICAST_PATH, base);
  const authUrl = new URL(config.authUrl ?? new URL(OPPO_AUTH_PATH, base).href);
  const secrets = new Set<string>();
  const stripSecrets = stripper(secrets);
  let tokens: TokenCache | undefined;

  const tokenCache = async (): Promise<TokenCache> => {
    if (tokens !== undefined) return tokens;
    // Not cached on failure: a secret fixed between attempts is read again.
    const masterSecret = await deps.resolveSecret(config.masterSecret);
    secrets.add(masterSecret);
    tokens = createTokenCache({
      clock: deps.clock,
      marginMs: OPPO_TOKEN_MARGIN_MS,
      fetch: (o) =>
        fetchOppoAuthToken({
          authUrl,
          appKey: config.appKey,
          masterSecret,
          now: deps.clock.now(),
          ...o,
          onSecret: (v) => secrets.add(v),
          strip: stripSecrets,
        }),
    });
    return tokens;
  };

  const push = async (context: DirectSendContext, cache: TokenCache, body: string): Promise<OppoAnswer> => {
    const token = await cache.get(context.http());
    context.markSent();
    const answer = await post(unicastUrl, `auth_token=${encodeURIComponent(token.value)}&${body}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      ...context.http(),
      what: 'OPPO Push',
      whatZh: 'OPPO 推送',
    });
    const parsed = parseOppoAnswer(answer.text);
    if (parsed === null) throw notVendorJson(OPPO, answer.status);
    return parsed;
  };

  const send = (request: SendRequest): Promise<SendReceipt> =>
    directSend(
      { kind: 'oppo', deps, log, secrets },
      request,
      { endpoint: unicastUrl.href, appKey: config.appKey },
      async (context) => {
        const { evidence, strip } = context;
        const regId = checkedVendorToken(
          request,
          {
            vendor: 'oppo',
            source: 'HeytapPushManager.getRegisterID()',
            pattern: OPPO_REG_ID,
          },
          evidence,
        );
        const built = buildOppoMessage(request.message, {
          regId,
          ...(config.channelId === undefined ? {} : { channelId: config.channelId }),
          ...(config.category === undefined ? {} : { category: config.category }),
          ...(config.notifyLevel === undefined ? {} : { notifyLevel: config.notifyLevel }),
        });
        if (built.kind === 'none') {
          evidence.notSentBecause = built.because.en;
          return { requestId: null };
        }
        evidence.body = { ...built.message, target_value: maskDeviceToken(regId) };
        if (built.notice.sound !== null)
          evidence.soundNotSent = 'OPPO has no sound field: the channel decides.';
        const form = `message=${encodeURIComponent(JSON.stringify(built.message))}`;
        const cache = await tokenCache();
        let answer = await push(context, cache, form);
        if (TOKEN_REFUSED.has(answer.code)) {
          // OPPO dropped our token early (or it was revoked): one fresh token, then OPPO's answer stands.
          cache.drop();
          evidence.renewedAuthToken = true;
          answer = await push(context, cache, form);
        }
        const messageId = answer.data?.messageId;
        if (answer.code === 0 && typeof messageId === 'string' && messageId !== '') {
          evidence.answer = { code: 0, messageId };
          return { requestId: messageId };
        }
        const code = String(answer.code);
        evidence.answer = { code: answer.code, message: strip(answer.message ?? '').slice(0, 500) };
        if (answer.code === 0) {
          throw new LabError('MALFORMED_OUTPUT', 'OPPO Push accepted the message but gave no messageId.', {
            hint: "Check that the sender's baseUrl points at the OPPO push API.",
            zh: {
              message: 'OPPO 推送接受了消息，但没有给出 messageId。',
              hint: '请检查发送器的 baseUrl 是否指向 OPPO 推送接口。',
            },
          });
        }
        throw refusalFor(evidence, OPPO, OPPO_ERRORS, code, strip(answer.message ?? '')).error;
      },
    );

  return { kind: 'oppo', send };
}
