/**
 * Sends scenario messages straight to vivo Push, to tell whether Tencent or vivo's channel is at
 * fault: an authToken from AppId + AppKey + AppSecret (renewed every 2 hours as vivo recommends, and
 * once after vivo refuses it), then /message/send to the phone's regId. By default a test push
 * (pushMode 1: only the app's registered test devices, not counted in quotas). AppSecret, signatures
 * and tokens never reach receipts, errors or logs; the regId shows its first 8 characters.
 */
import { maskDeviceToken, type VivoPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { post } from '../net/http-post';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { createTokenCache, type TokenCache } from '../direct/token-cache';
import { checkedVendorToken } from '../direct/device-token';
import { directSend, stripper, type DirectSendContext } from '../direct/direct-send';
import { notVendorJson, refusalFor } from '../direct/refusal';
import { fetchVivoAuthToken, parseVivoAnswer, VIVO_TOKEN_MARGIN_MS, type VivoAnswer } from './auth';
import { VIVO, VIVO_ERRORS } from './errors';
import { buildVivoMessage } from './message';

export const VIVO_BASE_URL = 'https://api-push.vivo.com.cn';
export const VIVO_AUTH_PATH = '/message/auth';
export const VIVO_SEND_PATH = '/message/send';
/** The send answer for a refused authToken (code not confirmed against vivo's table; see errors.ts). */
const TOKEN_REFUSED = new Set([10000]);
/** regId: 23 characters in vivo's doc; letters and digits. */
export const VIVO_REG_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function createVivoSender(config: VivoPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:vivo');
  const base = config.baseUrl ?? VIVO_BASE_URL;
  const sendUrl = new URL(VIVO_SEND_PATH, base);
  const authUrl = new URL(config.authUrl ?? new URL(VIVO_AUTH_PATH, base).href);
  const secrets = new Set<string>();
  const stripSecrets = stripper(secrets);
  let tokens: TokenCache | undefined;

  const tokenCache = async (): Promise<TokenCache> => {
    if (tokens !== undefined) return tokens;
    const appSecret = await deps.resolveSecret(config.appSecret);
    secrets.add(appSecret);
    tokens = createTokenCache({
      clock: deps.clock,
      marginMs: VIVO_TOKEN_MARGIN_MS,
      fetch: (o) =>
        fetchVivoAuthToken({
          authUrl,
          appId: config.appId,
          appKey: config.appKey,
          appSecret,
          now: deps.clock.now(),
          ...o,
          onSecret: (v) => secrets.add(v),
          strip: stripSecrets,
        }),
    });
    return tokens;
  };

  const push = async (context: DirectSendContext, cache: TokenCache, json: string): Promise<VivoAnswer> => {
    const token = await cache.get(context.http());
    context.markSent();
    const answer = await post(sendUrl, json, {
      headers: { 'content-type': 'application/json;charset=UTF-8', authToken: token.value },
      ...context.http(),
      what: 'vivo Push',
      whatZh: 'vivo 推送',
    });
    const parsed = parseVivoAnswer(answer.text);
    if (parsed === null) throw notVendorJson(VIVO, answer.status);
    return parsed;
  };

  const send = (request: SendRequest): Promise<SendReceipt> =>
    directSend(
      { kind: 'vivo', deps, log, secrets },
      request,
      { endpoint: sendUrl.href, appId: config.appId },
      async (context) => {
        const { evidence, strip } = context;
        const regId = checkedVendorToken(
          request,
          {
            vendor: 'vivo',
            source: 'PushClient.getRegId()',
            pattern: VIVO_REG_ID,
          },
          evidence,
        );
        const built = buildVivoMessage(request.message, {
          appId: config.appId,
          regId,
          ...(config.category === undefined ? {} : { category: config.category }),
          ...(config.classification === undefined ? {} : { classification: config.classification }),
          ...(config.pushMode === undefined ? {} : { pushMode: config.pushMode }),
        });
        if (built.kind === 'none') {
          evidence.notSentBecause = built.because.en;
          return { requestId: null };
        }
        evidence.body = { ...built.body, regId: maskDeviceToken(regId) };
        if (built.notice.sound !== null)
          evidence.soundNotSent = 'vivo has no sound file field: notifyType 4 plays the system sound.';
        const json = JSON.stringify(built.body);
        const cache = await tokenCache();
        let answer = await push(context, cache, json);
        if (TOKEN_REFUSED.has(answer.result)) {
          cache.drop();
          evidence.renewedAuthToken = true;
          answer = await push(context, cache, json);
        }
        const taskId =
          typeof answer.raw.taskId === 'string' || typeof answer.raw.taskId === 'number'
            ? String(answer.raw.taskId)
            : null;
        const invalid = invalidUserStatus(answer.raw.invalidUser);
        evidence.answer = {
          result: answer.result,
          desc: strip(answer.desc ?? '').slice(0, 500),
          taskId,
          ...(invalid === null ? {} : { invalidUserStatus: invalid }),
        };
        if (answer.result === 0 && invalid === null && taskId !== null && taskId !== '')
          return { requestId: taskId };
        const code =
          answer.result !== 0 ? String(answer.result) : invalid !== null ? `invalidUser.${invalid}` : null;
        if (code === null) {
          throw new LabError('MALFORMED_OUTPUT', 'vivo Push accepted the message but gave no taskId.', {
            hint: "Check that the sender's baseUrl points at the vivo push API.",
            zh: {
              message: 'vivo 推送接受了消息，但没有给出 taskId。',
              hint: '请检查发送器的 baseUrl 是否指向 vivo 推送接口。',
            },
          });
        }
        throw refusalFor(evidence, VIVO, VIVO_ERRORS, code, strip(answer.desc ?? '')).error;
      },
    );

  return { kind: 'vivo', send };
}

/** invalidUser.status (1 unknown regId, 2 uninstalled or notifications off, 3 offline 90 days, 4 not a test device). */
function invalidUserStatus(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const status = (value as { status?: unknown }).status;
  return typeof status === 'number' ? status : null;
}
