/**
 * vivo Push authorisation: POST /message/auth {appId, appKey, timestamp (ms), sign} with
 * sign = lowercase hex md5(appId + appKey + timestamp + appSecret), each trimmed. The authToken is
 * valid for a day; vivo recommends fetching a new one every 1-2 hours (doc 362, 推送鉴权接口).
 */
import { createHash } from 'node:crypto';
import { LabError } from '../../errors';
import { post } from '../net/http-post';
import type { CachedToken } from '../direct/token-cache';
import { explainCode, vendorRefusal } from '../direct/refusal';
import { VIVO, VIVO_ERRORS } from './errors';

export const VIVO_TOKEN_LIFETIME_MS = 24 * 3_600_000;
/** Renew after 2 hours, as vivo recommends (1-2 h), well before the day runs out. */
export const VIVO_TOKEN_MARGIN_MS = VIVO_TOKEN_LIFETIME_MS - 2 * 3_600_000;

export function vivoSign(appId: string, appKey: string, timestamp: number, appSecret: string): string {
  return createHash('md5')
    .update(`${appId.trim()}${appKey.trim()}${timestamp}${appSecret.trim()}`, 'utf8')
    .digest('hex');
}

export interface VivoAnswer {
  readonly result: number;
  readonly desc: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export function parseVivoAnswer(text: string): VivoAnswer | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || typeof raw.result !== 'number') return null;
    return { result: raw.result, desc: typeof raw.desc === 'string' ? raw.desc : null, raw };
  } catch {
    return null;
  }
}

/** vivo's appId is an int in its examples; a digit string that fits is sent as a number. */
export const vivoAppId = (appId: string): number | string =>
  Number.isSafeInteger(Number(appId)) ? Number(appId) : appId;

export async function fetchVivoAuthToken(options: {
  readonly authUrl: URL;
  readonly appId: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly now: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onSecret: (value: string) => void;
  readonly strip: (text: string) => string;
}): Promise<CachedToken> {
  const sign = vivoSign(options.appId, options.appKey, options.now, options.appSecret);
  options.onSecret(sign);
  const body = JSON.stringify({
    appId: vivoAppId(options.appId),
    appKey: options.appKey,
    timestamp: options.now,
    sign,
  });
  const answer = await post(options.authUrl, body, {
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    what: 'the vivo push auth endpoint',
    whatZh: 'vivo 推送鉴权接口',
  });
  const parsed = parseVivoAnswer(answer.text);
  if (parsed === null) {
    throw new LabError(
      'SEND_FAILED',
      `The vivo push auth endpoint answered HTTP ${answer.status} without a token.`,
      {
        hint: "Check the sender's authUrl / baseUrl (https://api-push.vivo.com.cn).",
        zh: {
          message: `vivo 推送鉴权接口以 HTTP ${answer.status} 应答，没有给出令牌。`,
          hint: '请检查发送器的 authUrl / baseUrl（https://api-push.vivo.com.cn）。',
        },
      },
    );
  }
  const token = parsed.raw.authToken;
  if (parsed.result !== 0 || typeof token !== 'string' || token === '') {
    const code = String(parsed.result);
    throw vendorRefusal(
      VIVO,
      `code ${code}`,
      explainCode(VIVO_ERRORS, code, VIVO),
      options.strip(parsed.desc ?? ''),
    );
  }
  options.onSecret(token);
  return { value: token, expiresAt: options.now + VIVO_TOKEN_LIFETIME_MS };
}
