/**
 * OPPO Push authorisation: POST /server/v1/auth with app_key, a 13-digit ms timestamp and
 * sign = hex(sha256(app_key + timestamp + master_secret)); the answer's data.auth_token is valid
 * for 24 hours (OPPO open platform, 鉴权 / id=11234).
 */
import { createHash } from 'node:crypto';
import { LabError } from '../../errors';
import { post, type HttpAnswer, type PostOptions } from '../net/http-post';
import type { CachedToken } from '../direct/token-cache';
import { OPPO, OPPO_ERRORS } from './errors';
import { explainCode, vendorRefusal } from '../direct/refusal';

/** OPPO documents 24 h; PushLab renews an hour early so a token never expires mid-run. */
export const OPPO_TOKEN_LIFETIME_MS = 24 * 3_600_000;
export const OPPO_TOKEN_MARGIN_MS = 3_600_000;

export function oppoSign(appKey: string, timestamp: string, masterSecret: string): string {
  return createHash('sha256').update(`${appKey}${timestamp}${masterSecret}`, 'utf8').digest('hex');
}

export interface OppoAnswer {
  readonly code: number;
  readonly message: string | null;
  readonly data: Readonly<Record<string, unknown>> | null;
}

/** OPPO's {code, message, data} envelope, or null when the text is not one. */
export function parseOppoAnswer(text: string): OppoAnswer | null {
  try {
    const raw = JSON.parse(text) as { code?: unknown; message?: unknown; data?: unknown };
    if (typeof raw.code !== 'number') return null;
    const data =
      typeof raw.data === 'object' && raw.data !== null && !Array.isArray(raw.data)
        ? (raw.data as Record<string, unknown>)
        : null;
    return { code: raw.code, message: typeof raw.message === 'string' ? raw.message : null, data };
  } catch {
    return null;
  }
}

export async function fetchOppoAuthToken(options: {
  readonly authUrl: URL;
  readonly appKey: string;
  readonly masterSecret: string;
  readonly now: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onSecret: (value: string) => void;
  readonly strip: (text: string) => string;
  readonly post?: (url: URL, body: string, options: PostOptions) => Promise<HttpAnswer>;
}): Promise<CachedToken> {
  const timestamp = String(options.now);
  const sign = oppoSign(options.appKey, timestamp, options.masterSecret);
  options.onSecret(sign);
  const body = new URLSearchParams({ app_key: options.appKey, sign, timestamp }).toString();
  const answer = await (options.post ?? post)(options.authUrl, body, {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    what: 'the OPPO push auth endpoint',
    whatZh: 'OPPO 推送鉴权接口',
  });
  const parsed = parseOppoAnswer(answer.text);
  const token = parsed?.data?.auth_token;
  if (parsed === null) {
    throw new LabError(
      'SEND_FAILED',
      `The OPPO push auth endpoint answered HTTP ${answer.status} without a token.`,
      {
        hint: "Check the sender's authUrl / baseUrl (https://api.push.oppomobile.com in China).",
        zh: {
          message: `OPPO 推送鉴权接口以 HTTP ${answer.status} 应答，没有给出令牌。`,
          hint: '请检查发送器的 authUrl / baseUrl（国内为 https://api.push.oppomobile.com）。',
        },
      },
    );
  }
  if (parsed.code !== 0 || typeof token !== 'string' || token === '') {
    const code = String(parsed.code);
    throw vendorRefusal(
      OPPO,
      `code ${code}`,
      explainCode(OPPO_ERRORS, code, OPPO),
      options.strip(parsed.message ?? ''),
    );
  }
  options.onSecret(token);
  // Counted from our clock, not data.create_time: a skewed server clock must not shorten the cache.
  return { value: token, expiresAt: options.now + OPPO_TOKEN_LIFETIME_MS };
}
