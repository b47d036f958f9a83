/**
 * OAuth 2.0 client credentials, as HMS Push Kit and Honor Push authorise a server: POST
 * grant_type=client_credentials&client_id&client_secret (form) to the vendor's token endpoint,
 * answer {access_token, expires_in (s), token_type}. The token is reused until 5 minutes before it
 * expires, parallel sends share one request, and `drop()` forgets it after the push server says it
 * is invalid (the sender then renews once). Every secret and token goes to `onSecret` for redaction.
 */
import { LabError } from '../../errors';
import type { Clock } from '../../util/clock';
import { post, type HttpAnswer, type PostOptions } from '../net/http-post';
import { createTokenCache, type CachedToken, type TokenCache } from './token-cache';

export const RENEW_MARGIN_MS = 5 * 60_000;

export type AccessToken = CachedToken;
export type ClientCredentialTokens = TokenCache;

export interface ClientCredentialOptions {
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock: Clock;
  /** "HMS Push Kit" / "华为推送服务": names the endpoint in errors. */
  readonly vendor: string;
  readonly vendorZh: string;
  /** Where the client ID and secret are found, for the hint of a refusal. */
  readonly consoleHint: string;
  readonly consoleHintZh: string;
  readonly onSecret: (value: string) => void;
  /** Replaceable in unit tests. */
  readonly post?: (url: URL, body: string, options: PostOptions) => Promise<HttpAnswer>;
}

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  sub_error?: unknown;
  error_description?: unknown;
}

export function createClientCredentialTokens(options: ClientCredentialOptions): ClientCredentialTokens {
  const send = options.post ?? post;
  options.onSecret(options.clientSecret);

  const fetchToken = async (o: { timeoutMs: number; signal?: AbortSignal }): Promise<CachedToken> => {
    const { timeoutMs, signal } = o;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }).toString();
    const answer = await send(options.tokenUrl, body, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      timeoutMs,
      ...(signal ? { signal } : {}),
      what: `the ${options.vendor} token endpoint`,
      whatZh: `${options.vendorZh}的令牌接口`,
    });
    let data: TokenAnswer = {};
    try {
      data = JSON.parse(answer.text) as TokenAnswer;
    } catch {
      // Handled below as an answer without a token.
    }
    if (answer.status !== 200 || typeof data.access_token !== 'string' || data.access_token === '') {
      throw refusal(options, answer.status, data);
    }
    options.onSecret(data.access_token);
    const lifetimeS = typeof data.expires_in === 'number' && data.expires_in > 0 ? data.expires_in : 3600;
    return { value: data.access_token, expiresAt: options.clock.now() + lifetimeS * 1000 };
  };

  return createTokenCache({ clock: options.clock, marginMs: RENEW_MARGIN_MS, fetch: fetchToken });
}

function refusal(options: ClientCredentialOptions, status: number, data: TokenAnswer): LabError {
  const code = [data.error, data.sub_error]
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).slice(0, 60))
    .join('/');
  const label = code === '' ? `HTTP ${status}` : code;
  const said = typeof data.error_description === 'string' ? data.error_description.slice(0, 300) : null;
  const server = status >= 500;
  return new LabError(
    'SEND_FAILED',
    `No ${options.vendor} access token (${label}): ` +
      (server
        ? 'the token endpoint failed; it is not a problem of your credentials.'
        : 'the token endpoint refused the client ID and client secret.'),
    {
      hint: server ? 'Wait a moment and run again.' : options.consoleHint,
      ...(said === null ? {} : { detail: said }),
      zh: {
        message:
          `没有${options.vendorZh}访问令牌（${label}）：` +
          (server ? '令牌接口出错，不是凭据的问题。' : '令牌接口拒绝了客户端 ID 和客户端密钥。'),
        hint: server ? '稍等片刻后重新运行。' : options.consoleHintZh,
      },
    },
  );
}
