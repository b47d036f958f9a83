/**
 * The local APNs server's own checks, driven by a bare HTTP/2 client: so the sender's integration
 * tests rest on a stand-in that really refuses what Apple refuses.
 */
import { connect, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApnsKey, makeDeviceToken } from '../../../virtual-lab/apns/credentials';
import { startApnsServer, type ApnsServer } from '../../../virtual-lab/apns/server';

const NOW_S = 1_760_000_000;
const teamKey = makeApnsKey();
const sandboxOnly = makeApnsKey();
const token = makeDeviceToken();
let server: ApnsServer;

beforeAll(async () => {
  server = await startApnsServer({
    environment: 'production',
    keys: [
      {
        teamId: 'TEAM123456',
        keyId: 'KEY1111111',
        publicKey: teamKey.publicKey,
        topics: ['com.pushlab.demo'],
      },
      {
        teamId: 'TEAM123456',
        keyId: 'KEY2222222',
        publicKey: sandboxOnly.publicKey,
        topics: ['com.pushlab.demo'],
        environments: ['sandbox'],
      },
    ],
    devices: [{ token, topic: 'com.pushlab.demo', environment: 'production' }],
    now: () => NOW_S * 1000,
  });
});
afterAll(async () => {
  await server.close();
});

const jwt = async (p8: string, kid: string, iat = NOW_S, iss = 'TEAM123456'): Promise<string> =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(iss)
    .setIssuedAt(iat)
    .sign(await importPKCS8(p8, 'ES256'));

async function ask(
  session: ClientHttp2Session,
  headers: OutgoingHttpHeaders,
  body = '{"aps":{"alert":{"body":"hi"}}}',
): Promise<{ status: number; reason: string | null }> {
  return new Promise((resolve, reject) => {
    const stream = session.request(
      {
        ':method': 'POST',
        ':path': `/3/device/${token}`,
        'apns-topic': 'com.pushlab.demo',
        'apns-push-type': 'alert',
        ...headers,
      },
      { endStream: false },
    );
    let status = 0;
    let text = '';
    stream.on('response', (h) => (status = Number(h[':status'])));
    stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
    stream.on('end', () =>
      resolve({
        status,
        reason: text === '' ? null : ((JSON.parse(text) as { reason: string }).reason ?? null),
      }),
    );
    stream.on('error', reject);
    stream.end(body);
  });
}

describe('local APNs server', () => {
  it("refuses what Apple refuses, with Apple's status and reason", async () => {
    const session = connect(server.url);
    const good = `bearer ${await jwt(teamKey.p8, 'KEY1111111')}`;
    try {
      expect(await ask(session, { authorization: good })).toEqual({ status: 200, reason: null });
      expect(await ask(session, {})).toEqual({ status: 403, reason: 'MissingProviderToken' });
      expect(
        await ask(session, {
          authorization: `bearer ${await jwt(teamKey.p8, 'KEY1111111', NOW_S, 'OTHERTEAM1')}`,
        }),
      ).toEqual({ status: 403, reason: 'InvalidProviderToken' });
      expect(
        await ask(session, { authorization: `bearer ${await jwt(teamKey.p8, 'KEY1111111', NOW_S - 3601)}` }),
      ).toEqual({ status: 403, reason: 'ExpiredProviderToken' });
      expect(await ask(session, { authorization: good, ':method': 'GET' }, '')).toEqual({
        status: 405,
        reason: 'MethodNotAllowed',
      });
      expect(await ask(session, { authorization: good, ':path': '/3/devices/x' })).toEqual({
        status: 404,
        reason: 'BadPath',
      });
      expect(await ask(session, { authorization: good, ':path': '/3/device/' })).toEqual({
        status: 400,
        reason: 'MissingDeviceToken',
      });
      expect(
        await ask(session, { authorization: good, 'apns-topic': ['com.pushlab.demo', 'com.pushlab.demo'] }),
      ).toEqual({ status: 400, reason: 'DuplicateHeaders' });
      expect(await ask(session, { authorization: good, 'apns-topic': '' })).toEqual({
        status: 400,
        reason: 'MissingTopic',
      });
      expect(await ask(session, { authorization: good, 'apns-topic': 'com.someone.else' })).toEqual({
        status: 400,
        reason: 'TopicDisallowed',
      });
      expect(await ask(session, { authorization: good, 'apns-push-type': 'banner' })).toEqual({
        status: 400,
        reason: 'InvalidPushType',
      });
      expect(
        await ask(
          session,
          { authorization: good, 'apns-push-type': 'background', 'apns-priority': '10' },
          '{"aps":{"content-available":1}}',
        ),
      ).toEqual({ status: 400, reason: 'BadPriority' });
      expect(await ask(session, { authorization: good, 'apns-expiration': 'soon' })).toEqual({
        status: 400,
        reason: 'BadExpirationDate',
      });
      expect(await ask(session, { authorization: good, 'apns-collapse-id': 'x'.repeat(65) })).toEqual({
        status: 400,
        reason: 'BadCollapseId',
      });
      expect(await ask(session, { authorization: good, 'apns-id': 'not-a-uuid' })).toEqual({
        status: 400,
        reason: 'BadMessageId',
      });
      expect(await ask(session, { authorization: good, ':path': `/3/device/${makeDeviceToken()}` })).toEqual({
        status: 400,
        reason: 'BadDeviceToken',
      });
      expect(await ask(session, { authorization: good }, '')).toEqual({
        status: 400,
        reason: 'PayloadEmpty',
      });
      expect(
        await ask(
          session,
          { authorization: good },
          JSON.stringify({ aps: { alert: { body: 'x'.repeat(4100) } } }),
        ),
      ).toEqual({ status: 413, reason: 'PayloadTooLarge' });
    } finally {
      session.close();
    }
  });

  it('ties a connection to its first key, limits renewals to one per 20 minutes and keys to their environment', async () => {
    const first = connect(server.url);
    const second = connect(server.url);
    try {
      expect(
        await ask(first, { authorization: `bearer ${await jwt(teamKey.p8, 'KEY1111111', NOW_S - 1800)}` }),
      ).toEqual({ status: 200, reason: null });
      expect(
        await ask(first, { authorization: `bearer ${await jwt(teamKey.p8, 'KEY1111111', NOW_S - 1700)}` }),
      ).toEqual({ status: 429, reason: 'TooManyProviderTokenUpdates' });
      expect(
        await ask(first, { authorization: `bearer ${await jwt(teamKey.p8, 'KEY1111111', NOW_S - 600)}` }),
      ).toEqual({ status: 200, reason: null });
      expect(
        await ask(first, { authorization: `bearer ${await jwt(sandboxOnly.p8, 'KEY2222222')}` }),
      ).toEqual({ status: 403, reason: 'UnrelatedKeyIdInToken' });
      expect(
        await ask(second, { authorization: `bearer ${await jwt(sandboxOnly.p8, 'KEY2222222')}` }),
      ).toEqual({ status: 403, reason: 'BadEnvironmentKeyIdInToken' });
    } finally {
      first.close();
      second.close();
    }
  });
});
