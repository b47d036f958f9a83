/**
 * OAuth2 for a service account ("Using OAuth 2.0 for Server to Server Applications"): an RS256 JWT
 * assertion {iss: client_email, scope, aud: token_uri, iat, exp ≤ iat + 1 h} signed with the
 * account's private key, exchanged at the token endpoint for an access token, which is reused
 * until 5 minutes before it expires.
 */
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';
import { LabError } from '../../errors';
import type { Clock } from '../../util/clock';
import { OAUTH_ERRORS } from './errors';
import { oauthErrorZh } from './errors-zh';
import { post, type HttpAnswer, type PostOptions } from '../net/http-post';
import type { ServiceAccount } from './service-account';

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Renew this long before Google's expiry, so a token never expires mid-send. */
export const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;
const ASSERTION_LIFETIME_S = 3600;

export interface AccessToken {
  readonly value: string;
  /** Epoch ms Google says it expires. */
  readonly expiresAt: number;
}

export interface AccessTokens {
  /** A valid access token (cached, or fetched now). */
  get(options: { timeoutMs: number; signal?: AbortSignal }): Promise<AccessToken>;
  /** Forgets the cached token (after FCM answered UNAUTHENTICATED). */
  drop(): void;
}

export interface AccessTokenOptions {
  readonly account: ServiceAccount;
  /** The token endpoint: the account's token_uri, or the plan's tokenUrl for a local test server. */
  readonly tokenUrl: string;
  readonly clock: Clock;
  /** Replaceable in unit tests. */
  readonly post?: (url: URL, body: string, options: PostOptions) => Promise<HttpAnswer>;
  /** Called with every assertion and access token made, so the caller can strip them from errors. */
  readonly onSecret?: (value: string) => void;
}

/** The signed assertion the token endpoint exchanges. */
export async function signAssertion(
  account: ServiceAccount,
  tokenUrl: string,
  nowMs: number,
): Promise<string> {
  let key: CryptoKey;
  try {
    key = await importPKCS8(account.privateKey, 'RS256');
  } catch {
    throw new LabError(
      'SECRET_UNAVAILABLE',
      "The FCM service account's private_key is not an RSA key PushLab can read.",
      {
        hint: 'Use the JSON key file unchanged, as Google made it (private_key is a PEM "BEGIN PRIVATE KEY" block).',
        zh: {
          message: 'FCM 服务账号的 private_key 不是 PushLab 能读取的 RSA 密钥。',
          hint: '请原样使用 Google 生成的 JSON 密钥文件（private_key 是 PEM 格式的 "BEGIN PRIVATE KEY" 块）。',
        },
      },
    );
  }
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ scope: FCM_SCOPE })
    .setProtectedHeader({
      alg: 'RS256',
      typ: 'JWT',
      ...(account.privateKeyId === null ? {} : { kid: account.privateKeyId }),
    })
    .setIssuer(account.clientEmail)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .sign(key);
}

export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const send = options.post ?? post;
  const url = new URL(options.tokenUrl);
  let cached: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  const fetchToken = async (timeoutMs: number, signal?: AbortSignal): Promise<AccessToken> => {
    const assertion = await signAssertion(options.account, options.tokenUrl, options.clock.now());
    options.onSecret?.(assertion);
    const body = new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString();
    const answer = await send(url, body, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      timeoutMs,
      ...(signal ? { signal } : {}),
      what: "Google's OAuth2 token endpoint",
      whatZh: 'Google 的 OAuth2 令牌端点',
    });
    let data: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } =
      {};
    try {
      data = JSON.parse(answer.text) as typeof data;
    } catch {
      // Handled below as an answer without a token.
    }
    if (answer.status !== 200 || typeof data.access_token !== 'string' || data.access_token === '') {
      throw oauthRefusal(answer.status, data.error, data.error_description);
    }
    options.onSecret?.(data.access_token);
    const lifetimeS = typeof data.expires_in === 'number' && data.expires_in > 0 ? data.expires_in : 3600;
    return { value: data.access_token, expiresAt: options.clock.now() + lifetimeS * 1000 };
  };

  return {
    async get({ timeoutMs, signal }) {
      if (cached !== undefined && options.clock.now() < cached.expiresAt - ACCESS_TOKEN_MARGIN_MS)
        return cached;
      // Parallel sends share one token request.
      pending ??= fetchToken(timeoutMs, signal).finally(() => {
        pending = undefined;
      });
      cached = await pending;
      return cached;
    },
    drop() {
      cached = undefined;
    },
  };
}

function oauthRefusal(status: number, error: unknown, description: unknown): LabError {
  const code = typeof error === 'string' ? error.slice(0, 60) : null;
  const said = typeof description === 'string' ? description.slice(0, 300) : null;
  const known = code !== null && Object.hasOwn(OAUTH_ERRORS, code) ? OAUTH_ERRORS[code] : undefined;
  const meaning =
    known?.meaning ?? `Google's token endpoint answered HTTP ${status} without an access token.`;
  const knownZh = oauthErrorZh(code);
  const meaningZh = knownZh?.meaning ?? `Google 的令牌端点以 HTTP ${status} 应答，没有给出访问令牌。`;
  return new LabError('SEND_FAILED', `No FCM access token (${code ?? `HTTP ${status}`}): ${meaning}`, {
    hint: known?.fix ?? "Check the service-account JSON key and this computer's clock.",
    ...(said === null ? {} : { detail: said }),
    zh: {
      message: `没有 FCM 访问令牌（${code ?? `HTTP ${status}`}）：${meaningZh}`,
      hint: knownZh?.fix ?? '请检查服务账号的 JSON 密钥和这台电脑的时钟。',
    },
  });
}
