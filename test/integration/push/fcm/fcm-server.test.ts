/**
 * The local FCM server's own checks (token endpoint and messages:send), driven with plain fetch on
 * loopback: so the sender's integration tests rest on a stand-in that refuses what Google refuses.
 */
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeFcmToken,
  makeServiceAccount,
  type TestServiceAccount,
} from '../../../virtual-lab/fcm/credentials';
import { startFcmServer, type FcmServer } from '../../../virtual-lab/fcm/server';

const NOW_S = 1_760_000_000;
const token = makeFcmToken();
let server: FcmServer;
let account: TestServiceAccount;

beforeAll(async () => {
  server = await startFcmServer({
    accounts: [],
    devices: [{ token, projectId: 'pushlab-demo' }],
    now: () => NOW_S * 1000,
  });
  account = makeServiceAccount({ projectId: 'pushlab-demo', tokenUri: server.tokenUrl });
  server.addAccount({
    clientEmail: account.clientEmail,
    publicKey: account.publicKey,
    projectIds: ['pushlab-demo'],
  });
});
afterAll(async () => {
  await server.close();
});

const assertion = async (
  claims: { aud?: string; iat?: number; exp?: number; scope?: string } = {},
): Promise<string> => {
  const iat = claims.iat ?? NOW_S;
  return new SignJWT({ scope: claims.scope ?? 'https://www.googleapis.com/auth/firebase.messaging' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(account.clientEmail)
    .setAudience(claims.aud ?? server.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 3600)
    .sign(await importPKCS8(account.privateKey, 'RS256'));
};
const grant = async (jwt: string, grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer') => {
  const res = await fetch(server.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grantType, assertion: jwt }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const send = async (bearer: string, body: unknown) => {
  const res = await fetch(`${server.url}/v1/projects/pushlab-demo/messages:send`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      error?: {
        status: string;
        message: string;
        details?: { errorCode?: string; fieldViolations?: unknown[] }[];
      };
    },
  };
};

describe('local FCM server', () => {
  it('token endpoint: verifies the assertion and answers like Google', async () => {
    const ok = await grant(await assertion());
    expect(ok).toMatchObject({
      status: 200,
      body: { access_token: expect.stringMatching(/^ya29\./), expires_in: 3599, token_type: 'Bearer' },
    });
    expect((await grant(await assertion(), 'password')).body).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'Invalid grant_type: password',
    });
    expect(
      (await grant(await assertion({ aud: 'https://oauth2.googleapis.com/token' }))).body.error_description,
    ).toMatch(/^Invalid JWT: Failed audience check/);
    expect((await grant(await assertion({ iat: NOW_S - 7200 }))).body.error_description).toMatch(
      /short-lived token/,
    );
    expect((await grant(await assertion({ exp: NOW_S + 7200 }))).body.error_description).toMatch(
      /short-lived token/,
    );
    expect(
      (await grant(await assertion({ scope: 'https://www.googleapis.com/auth/drive' }))).body.error,
    ).toBe('invalid_scope');
    const forged = (await assertion()).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect((await grant(forged)).body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid JWT Signature.',
    });
  });

  it('send: checks the bearer token and the body, with the FcmError errorCode and field violations', async () => {
    const bearer = (await grant(await assertion())).body.access_token as string;
    expect((await send('ya29.nope', { message: { token } })).body.error?.status).toBe('UNAUTHENTICATED');
    expect(
      await send(bearer, {
        message: { token, android: { priority: 'HIGH', notification: { title: 't', body: 'b' } } },
      }),
    ).toMatchObject({
      status: 200,
      body: { name: expect.stringMatching(/^projects\/pushlab-demo\/messages\/0:/) },
    });
    const unknownField = await send(bearer, {
      message: { token, android: { notification: { channelId: 'x' } } },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.message).toBe(
      'Invalid JSON payload received. Unknown name "channelId" at \'message.android.notification\': Cannot find field.',
    );
    expect(unknownField.body.error?.details?.[0]?.errorCode).toBe('INVALID_ARGUMENT');
    expect((await send(bearer, { message: { token, data: { n: 1 } } })).body.error?.message).toBe(
      "Invalid value at 'message.data[n]' (TYPE_STRING)",
    );
    expect((await send(bearer, { message: { token, data: { from: 'x' } } })).body.error?.message).toBe(
      'Invalid data payload key: from',
    );
    expect((await send(bearer, { message: { token, topic: 'news' } })).body.error?.message).toMatch(
      /Exactly one of token, topic or condition/,
    );
    expect((await send(bearer, { message: { token, android: { priority: 'high' } } })).status).toBe(400);
    expect(
      (await send(bearer, { message: { token, data: { ext: 'x'.repeat(4100) } } })).body.error?.message,
    ).toBe('Message is too big');
  });
});
