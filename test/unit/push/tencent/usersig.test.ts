import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeUserSig,
  genUserSig,
  tencentBase64Decode,
  tencentBase64Encode,
  userSigContent,
  verifyUserSig,
} from '../../../../electron/lab/push/tencent/usersig';

// Inputs used by Tencent's own SDK tests (tencentyun/tls-sig-api-v2-cpp test/unit_test.cpp,
// tls-sig-api-v2-java TLSSigAPITest.java, tls-sig-api-v2-php test/test.php): those tests print
// the sig but assert nothing, so the expected values below were computed independently.
const TENCENT = {
  sdkAppId: 1400000000,
  secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
  identifier: 'xiaojun',
  expireSeconds: 180 * 86400,
};
const T0 = 1_700_000_000;
// printf 'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n' |
//   openssl dgst -sha256 -hmac <key> -binary | base64
const TENCENT_HMAC = 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=';
// Same inputs signed by a separate Python implementation (hmac + zlib.compress + base64): a
// different zlib, so the bytes differ from Node's, but any compliant verifier must accept it.
const PYTHON_SIG =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi0DipqamRnDR4sx0oMk*' +
  'ZY7mKfqe5ebpwcV5xdllYVVOLgH*zs4uSaV*zuUm7h7lIc4GSZkF2k4mtkq1AKIXMfI_';

const OURS = {
  sdkAppId: 20001234,
  secretKey: 'pushlab-test-secret',
  identifier: 'administrator',
  expireSeconds: 86400,
};
const T1 = 1_718_764_800;
// printf 'TLS.identifier:administrator\nTLS.sdkappid:20001234\nTLS.time:1718764800\nTLS.expire:86400\n' | openssl ...
const OURS_HMAC = 'nK+BmevolTH0rB0bqzWVKHRkT9hZq3fBoYTVuT/OTRg=';

describe('genUserSig', () => {
  it('signs the documented field string and JSON document (Tencent SDK test inputs)', () => {
    const sig = genUserSig({ ...TENCENT, now: T0 * 1000 + 999 });
    expect(sig).toMatch(/^[A-Za-z0-9*\-_]+$/);
    const raw = tencentBase64Decode(sig);
    expect(raw?.subarray(0, 2).toString('hex')).toBe('789c'); // zlib wrapper, default level
    expect(decodeUserSig(sig)).toEqual({
      'TLS.ver': '2.0',
      'TLS.identifier': 'xiaojun',
      'TLS.sdkappid': 1400000000,
      'TLS.time': T0,
      'TLS.expire': 15552000,
      'TLS.sig': TENCENT_HMAC,
    });
  });

  it('keeps the field order of the reference implementations in the JSON', () => {
    const sig = genUserSig({ ...OURS, now: T1 * 1000 });
    const json = JSON.stringify(decodeUserSig(sig));
    expect(json).toBe(
      `{"TLS.ver":"2.0","TLS.identifier":"administrator","TLS.sdkappid":20001234,"TLS.time":${T1},"TLS.expire":86400,"TLS.sig":"${OURS_HMAC}"}`,
    );
  });

  it('is deterministic for a fixed time and changes with time', () => {
    const a = genUserSig({ ...OURS, now: T1 * 1000 });
    expect(genUserSig({ ...OURS, now: T1 * 1000 + 500 })).toBe(a);
    expect(genUserSig({ ...OURS, now: (T1 + 1) * 1000 })).not.toBe(a);
  });

  it('rejects unusable parameters', () => {
    expect(() => genUserSig({ ...OURS, secretKey: '' })).toThrow(RangeError);
    expect(() => genUserSig({ ...OURS, identifier: 'x'.repeat(33) })).toThrow(RangeError);
    expect(() => genUserSig({ ...OURS, expireSeconds: 0 })).toThrow(RangeError);
    expect(() => genUserSig({ ...OURS, sdkAppId: 1.5 })).toThrow(RangeError);
  });
});

describe('verifyUserSig', () => {
  const at = (s: number) => ({ sdkAppId: OURS.sdkAppId, secretKey: OURS.secretKey, now: s * 1000 });
  const sig = genUserSig({ ...OURS, now: T1 * 1000 });

  it('accepts its own sig and reports identifier and expiry', () => {
    expect(verifyUserSig(sig, at(T1 + 10))).toEqual({
      ok: true,
      identifier: 'administrator',
      expiresAt: (T1 + 86400) * 1000,
    });
  });

  it('accepts a sig from an independent implementation with a different zlib', () => {
    const verdict = verifyUserSig(PYTHON_SIG, {
      sdkAppId: TENCENT.sdkAppId,
      secretKey: TENCENT.secretKey,
      now: (T0 + 60) * 1000,
    });
    expect(verdict).toEqual({ ok: true, identifier: 'xiaojun', expiresAt: (T0 + 15552000) * 1000 });
  });

  it('rejects an expired sig at the exact expiry second', () => {
    expect(verifyUserSig(sig, at(T1 + 86399)).ok).toBe(true);
    expect(verifyUserSig(sig, at(T1 + 86400))).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a sig for another app', () => {
    expect(verifyUserSig(sig, { ...at(T1), sdkAppId: 20001235 })).toEqual({ ok: false, reason: 'wrong-app' });
  });

  it('rejects a sig signed with another key', () => {
    expect(verifyUserSig(sig, { ...at(T1), secretKey: 'other-secret' })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects tampered documents: longer expiry or another identifier with the old HMAC', () => {
    const doc = decodeUserSig(sig) ?? {};
    const forge = (patch: Record<string, unknown>) =>
      tencentBase64Encode(deflateSync(Buffer.from(JSON.stringify({ ...doc, ...patch }))));
    expect(verifyUserSig(forge({ 'TLS.expire': 864000 }), at(T1 + 100000))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyUserSig(forge({ 'TLS.identifier': 'mallory' }), at(T1))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyUserSig(forge({ 'TLS.ver': '1.0' }), at(T1))).toEqual({
      ok: false,
      reason: 'wrong-version',
    });
    expect(verifyUserSig(forge({ 'TLS.time': String(T1) }), at(T1))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('rejects text that is not a UserSig', () => {
    expect(verifyUserSig('', at(T1))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyUserSig('not/base64+', at(T1))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyUserSig(sig.slice(0, -12), at(T1))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyUserSig(tencentBase64Encode(deflateSync(Buffer.from('[1,2]'))), at(T1))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('encoding helpers', () => {
  it('substitutes + / = exactly as Tencent does, and back', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0xfe]); // base64 "+/+/-g==" territory
    const text = tencentBase64Encode(bytes);
    expect(bytes.toString('base64')).toBe('+/+//g==');
    expect(text).toBe('*-*--g__');
    expect(tencentBase64Decode(text)).toEqual(bytes);
  });

  it('builds the signed content with one field per line', () => {
    expect(userSigContent('a', 1, 2, 3)).toBe('TLS.identifier:a\nTLS.sdkappid:1\nTLS.time:2\nTLS.expire:3\n');
    expect(userSigContent('a', 1, 2, 3, 'QUJD')).toMatch(/TLS\.userbuf:QUJD\n$/);
  });
});
