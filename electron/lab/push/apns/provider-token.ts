/**
 * APNs provider tokens: an ES256 JWT ({alg, kid} / {iss: Team ID, iat}) signed with the team's .p8
 * key. Apple refuses tokens older than an hour (ExpiredProviderToken) and renewals more often than
 * every 20 minutes (TooManyProviderTokenUpdates), so one token is reused and renewed at 50 minutes.
 */
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';
import { LabError } from '../../errors';
import type { Clock } from '../../util/clock';

/** Apple: do not renew more often than this. */
export const PROVIDER_TOKEN_MIN_AGE_MS = 20 * 60_000;
/** Apple: a token older than this is refused. */
export const PROVIDER_TOKEN_MAX_AGE_MS = 60 * 60_000;
/** When PushLab renews: inside Apple's window, with room for clock skew and slow sends. */
export const PROVIDER_TOKEN_RENEW_MS = 50 * 60_000;

export interface ProviderToken {
  readonly jwt: string;
  /** Epoch ms the token was issued (iat, whole seconds). */
  readonly issuedAt: number;
}

export interface ProviderTokens {
  /** The cached token, or a new one when there is none or it is 50 minutes old. */
  current(): Promise<ProviderToken>;
  /**
   * After APNs answered ExpiredProviderToken: drops the token when Apple allows a new one (it is
   * at least 20 minutes old) and says whether to try again.
   */
  expired(token: ProviderToken): boolean;
}

export interface ProviderTokenOptions {
  readonly teamId: string;
  readonly keyId: string;
  /** The .p8 file's content (PKCS#8 PEM; the bare base64 body is accepted too). */
  readonly key: string;
  readonly clock: Clock;
  readonly renewAfterMs?: number;
}

const PEM_BODY = /^[A-Za-z0-9+/=\s]+$/;

/** The key as PKCS#8 PEM: a .p8 file as Apple gives it, or its base64 body pasted alone. */
export function p8Pem(key: string): string {
  const trimmed = key.trim();
  if (trimmed.startsWith('-----BEGIN')) return trimmed;
  if (!PEM_BODY.test(trimmed)) return trimmed;
  const body = trimmed.replace(/\s+/g, '');
  return `-----BEGIN PRIVATE KEY-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END PRIVATE KEY-----`;
}

/** Reads the .p8 key; the error never quotes the key or jose's message about it. */
export async function importApnsKey(key: string): Promise<CryptoKey> {
  try {
    return await importPKCS8(p8Pem(key), 'ES256');
  } catch (error) {
    throw new LabError(
      'SECRET_UNAVAILABLE',
      'The APNs key is not a .p8 key PushLab can read (a PKCS#8 P-256 private key).',
      {
        hint: 'Point sender.key at the AuthKey_<KeyID>.p8 file downloaded from Certificates, IDs & Profiles > Keys, unchanged.',
        zh: {
          message: 'APNs 密钥不是 PushLab 能读取的 .p8 密钥（PKCS#8 P-256 私钥）。',
          hint: '让 sender.key 指向从 Certificates, IDs & Profiles > Keys 下载的 AuthKey_<KeyID>.p8 文件，不要改动它。',
        },
        cause: new Error(error instanceof Error ? error.name : 'key import failed'),
      },
    );
  }
}

export function createProviderTokens(options: ProviderTokenOptions): ProviderTokens {
  const renewAfterMs = Math.min(
    Math.max(options.renewAfterMs ?? PROVIDER_TOKEN_RENEW_MS, PROVIDER_TOKEN_MIN_AGE_MS),
    PROVIDER_TOKEN_MAX_AGE_MS - 60_000,
  );
  let key: Promise<CryptoKey> | undefined;
  let cached: ProviderToken | undefined;

  const sign = async (): Promise<ProviderToken> => {
    // Not kept on failure: a key fixed between attempts is read again.
    key ??= importApnsKey(options.key).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    const signingKey = await key;
    const iat = Math.floor(options.clock.now() / 1000);
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: options.keyId })
      .setIssuer(options.teamId)
      .setIssuedAt(iat)
      .sign(signingKey);
    return { jwt, issuedAt: iat * 1000 };
  };

  return {
    async current() {
      const age = cached === undefined ? Infinity : options.clock.now() - cached.issuedAt;
      // A clock that went backwards (age < 0) would keep a token Apple sees as from the future.
      if (cached !== undefined && age >= 0 && age < renewAfterMs) return cached;
      cached = await sign();
      return cached;
    },
    expired(token) {
      if (options.clock.now() - token.issuedAt < PROVIDER_TOKEN_MIN_AGE_MS) return false;
      if (cached?.jwt === token.jwt) cached = undefined;
      return true;
    },
  };
}
