import { compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import {
  createProviderTokens,
  importApnsKey,
  p8Pem,
  PROVIDER_TOKEN_RENEW_MS,
} from '../../../../electron/lab/push/apns/provider-token';
import { makeApnsKey } from '../../../virtual-lab/apns/credentials';

const START = 1_760_000_000_000;
const MIN = 60_000;

function fakeClock(at = START) {
  let now = at;
  return {
    clock: { now: () => now, iso: () => new Date(now).toISOString() },
    advance: (ms: number) => (now += ms),
  };
}

describe('APNs provider tokens', () => {
  it('signs {alg ES256, kid} / {iss, iat} with the .p8 key, verifiable with its public key', async () => {
    const key = makeApnsKey();
    const { clock } = fakeClock(START + 789);
    const token = await createProviderTokens({
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      key: key.p8,
      clock,
    }).current();
    expect(decodeProtectedHeader(token.jwt)).toEqual({ alg: 'ES256', kid: 'KEY1234567' });
    const verified = await compactVerify(token.jwt, key.publicKey, { algorithms: ['ES256'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual({
      iss: 'TEAM123456',
      iat: Math.floor((START + 789) / 1000),
    });
    expect(token.issuedAt).toBe(Math.floor((START + 789) / 1000) * 1000);
  });

  it("reuses one token and renews it at 50 minutes, inside Apple's 20-60 minute window", async () => {
    const { clock, advance } = fakeClock();
    const tokens = createProviderTokens({
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      key: makeApnsKey().p8,
      clock,
    });
    const first = await tokens.current();
    advance(20 * MIN);
    expect((await tokens.current()).jwt).toBe(first.jwt);
    advance(PROVIDER_TOKEN_RENEW_MS - 20 * MIN - 1000);
    expect((await tokens.current()).jwt).toBe(first.jwt);
    advance(1000);
    const second = await tokens.current();
    expect(second.jwt).not.toBe(first.jwt);
    expect(second.issuedAt - first.issuedAt).toBe(50 * MIN);
    expect(PROVIDER_TOKEN_RENEW_MS).toBeGreaterThanOrEqual(20 * MIN);
    expect(PROVIDER_TOKEN_RENEW_MS).toBeLessThan(60 * MIN);
  });

  it('keeps a configured renewal inside the window', async () => {
    const { clock, advance } = fakeClock();
    const tokens = createProviderTokens({
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      key: makeApnsKey().p8,
      clock,
      renewAfterMs: MIN,
    });
    const first = await tokens.current();
    advance(19 * MIN);
    expect((await tokens.current()).jwt).toBe(first.jwt);
    advance(MIN);
    expect((await tokens.current()).jwt).not.toBe(first.jwt);
  });

  it('after ExpiredProviderToken renews only when Apple allows (token at least 20 minutes old)', async () => {
    const { clock, advance } = fakeClock();
    const tokens = createProviderTokens({
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      key: makeApnsKey().p8,
      clock,
    });
    const first = await tokens.current();
    advance(19 * MIN);
    expect(tokens.expired(first)).toBe(false);
    expect((await tokens.current()).jwt).toBe(first.jwt);
    advance(MIN);
    expect(tokens.expired(first)).toBe(true);
    expect((await tokens.current()).jwt).not.toBe(first.jwt);
  });

  it('renews when the clock went backwards (Apple would see a token from the future)', async () => {
    const { clock, advance } = fakeClock();
    const tokens = createProviderTokens({
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      key: makeApnsKey().p8,
      clock,
    });
    const first = await tokens.current();
    advance(-5 * MIN);
    expect((await tokens.current()).jwt).not.toBe(first.jwt);
  });

  it('accepts the .p8 body without its PEM lines; refuses a non-key without quoting it', async () => {
    const { p8 } = makeApnsKey();
    const body = p8
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('-----'))
      .join('');
    expect(p8Pem(body)).toBe(p8.trim());
    await expect(importApnsKey(body)).resolves.toBeDefined();
    const garbage = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNOTAKEY';
    const error = await importApnsKey(garbage).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('SECRET_UNAVAILABLE');
    expect(
      JSON.stringify({ ...(error as LabError).toInfo(), cause: String((error as LabError).cause) }),
    ).not.toContain('NOTAKEY');
    // An RSA key is not an APNs key.
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(importApnsKey(rsa)).rejects.toMatchObject({ code: 'SECRET_UNAVAILABLE' });
  });
});
