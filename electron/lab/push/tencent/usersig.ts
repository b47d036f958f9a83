/**
 * Tencent IM UserSig (TLSSigAPIv2), written from the documented algorithm: HMAC-SHA256 over a
 * fixed field string, a JSON document, zlib deflate (with zlib header), then base64 with
 * Tencent's own substitutions (+ -> *, / -> -, = -> _). Compatible with tls-sig-api-v2-*.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

export interface UserSigParams {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly identifier: string;
  readonly expireSeconds: number;
  /** Epoch milliseconds; defaults to Date.now(). */
  readonly now?: number;
}

export type UserSigVerdict =
  | { readonly ok: true; readonly identifier: string; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: UserSigFailure };

export type UserSigFailure = 'malformed' | 'wrong-version' | 'wrong-app' | 'bad-signature' | 'expired';

/** Tencent's base64 variant: standard base64 with + / = replaced by * - _. */
export function tencentBase64Encode(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** Inverse of `tencentBase64Encode`; returns undefined when the text is not in that alphabet. */
export function tencentBase64Decode(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9*\-_]*$/.test(text)) return undefined;
  return Buffer.from(text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
}

/** The exact text the HMAC covers (each line ends in \n; userbuf only for TRTC PrivateMapKey). */
export function userSigContent(
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userbuf?: string,
): string {
  let content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbuf !== undefined) content += `TLS.userbuf:${userbuf}\n`;
  return content;
}

/** Base64 HMAC-SHA256 of `userSigContent` with the app's secret key (the key's UTF-8 bytes). */
export function userSigHmac(
  secretKey: string,
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
): string {
  return createHmac('sha256', secretKey)
    .update(userSigContent(identifier, sdkAppId, time, expire))
    .digest('base64');
}

function checkParams(p: UserSigParams): void {
  if (!Number.isInteger(p.sdkAppId) || p.sdkAppId <= 0)
    throw new RangeError('sdkAppId must be a positive integer.');
  if (p.secretKey.length === 0) throw new RangeError('secretKey must not be empty.');
  if (p.identifier.length === 0 || Buffer.byteLength(p.identifier) > 32) {
    throw new RangeError('identifier must be 1 to 32 bytes.');
  }
  if (!Number.isInteger(p.expireSeconds) || p.expireSeconds <= 0) {
    throw new RangeError('expireSeconds must be a positive integer.');
  }
}

/** Signs a UserSig valid for `expireSeconds` from `now`. */
export function genUserSig(params: UserSigParams): string {
  checkParams(params);
  const time = Math.floor((params.now ?? Date.now()) / 1000);
  const doc = {
    'TLS.ver': '2.0',
    'TLS.identifier': params.identifier,
    'TLS.sdkappid': params.sdkAppId,
    'TLS.time': time,
    'TLS.expire': params.expireSeconds,
    'TLS.sig': userSigHmac(params.secretKey, params.identifier, params.sdkAppId, time, params.expireSeconds),
  };
  return tencentBase64Encode(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')));
}

/** The decoded JSON document inside a UserSig, or undefined when it is not one. */
export function decodeUserSig(sig: string): Record<string, unknown> | undefined {
  const raw = tencentBase64Decode(sig);
  if (!raw || raw.length === 0) return undefined;
  try {
    const doc: unknown = JSON.parse(inflateSync(raw).toString('utf8'));
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a UserSig the way Tencent's backend does: this app, a matching HMAC, not expired.
 * The identifier is returned, so the caller compares it with whoever claims to be signed in.
 */
export function verifyUserSig(
  sig: string,
  options: { sdkAppId: number; secretKey: string; now?: number },
): UserSigVerdict {
  const doc = decodeUserSig(sig);
  if (!doc) return { ok: false, reason: 'malformed' };
  const identifier = doc['TLS.identifier'];
  const appId = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const mac = doc['TLS.sig'];
  const userbuf = doc['TLS.userbuf'];
  if (
    typeof identifier !== 'string' ||
    typeof appId !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof mac !== 'string' ||
    (userbuf !== undefined && typeof userbuf !== 'string')
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (doc['TLS.ver'] !== '2.0') return { ok: false, reason: 'wrong-version' };
  if (appId !== options.sdkAppId) return { ok: false, reason: 'wrong-app' };
  const content = userSigContent(identifier, appId, time, expire, userbuf);
  const expected = createHmac('sha256', options.secretKey).update(content).digest('base64');
  if (!sameText(expected, mac)) return { ok: false, reason: 'bad-signature' };
  const expiresAt = (time + expire) * 1000;
  if ((options.now ?? Date.now()) >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, identifier, expiresAt };
}
