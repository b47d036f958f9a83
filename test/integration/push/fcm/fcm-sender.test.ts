/**
 * The FCM sender end to end on loopback: plan config and an { env } service-account reference,
 * the RS256 assertion and OAuth2 exchange, messages:send, and the local FCM server verifying each
 * step and answering with Google's shapes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender, SendError, type SendRequest, type SenderDeps } from '../../../../electron/lab/push';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { FcmPlanSender } from '../../../../shared/runs/plan';
import { SCENARIOS } from '../../../../shared/scenarios';
import { makeFcmToken, makeServiceAccount } from '../../../virtual-lab/fcm/credentials';
import { startFcmServer, type AcceptedFcmMessage, type FcmServer } from '../../../virtual-lab/fcm/server';

const PROJECT = 'pushlab-demo';
const MIN = 60_000;
const phoneToken = makeFcmToken();
const otherProjectToken = makeFcmToken();
const servers: FcmServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A server that trusts the project's service account, and a sender on the same adjustable clock. */
async function lab(
  options: { accessTokenLifetimeS?: number; wrongKey?: boolean; config?: Partial<FcmPlanSender> } = {},
) {
  let now = 1_760_000_000_000;
  const lines: string[] = [];
  const server = await startFcmServer({
    accounts: [],
    devices: [
      { token: phoneToken, projectId: PROJECT },
      { token: otherProjectToken, projectId: 'someone-else' },
    ],
    now: () => now,
    ...(options.accessTokenLifetimeS === undefined
      ? {}
      : { accessTokenLifetimeS: options.accessTokenLifetimeS }),
  });
  servers.push(server);
  const account = makeServiceAccount({ projectId: PROJECT, tokenUri: server.tokenUrl });
  server.addAccount({
    clientEmail: account.clientEmail,
    publicKey: account.publicKey,
    projectIds: [PROJECT],
  });
  // The same account name with a key Google does not know (deleted or replaced).
  const used = options.wrongKey
    ? { ...makeServiceAccount({ projectId: PROJECT, tokenUri: server.tokenUrl }) }
    : account;
  const deps: SenderDeps = {
    clock: { now: () => now, iso: () => new Date(now).toISOString() },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    // The CLI's way: the plan names an environment variable holding the JSON.
    resolveSecret: (ref) => resolveSecret(ref, { env: { FCM_SERVICE_ACCOUNT: `${used.json}\n` } }),
    operator: { ask: () => Promise.reject(new Error('nobody to ask')) },
  };
  const sender = createSender(
    {
      kind: 'fcm',
      projectId: PROJECT,
      serviceAccount: { env: 'FCM_SERVICE_ACCOUNT' },
      baseUrl: server.url,
      channelId: 'pushlab_im',
      ...options.config,
    },
    deps,
  );
  return { server, sender, lines, used, advance: (ms: number) => (now += ms) };
}

const request = (id: string, deviceToken = phoneToken): SendRequest => ({
  serial: 'PIXEL8',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_pixel' },
  scenarioId: id,
  message: SCENARIOS.find((s) => s.id === id)!.message,
  expected: { title: null, text: null, channelId: null },
  channel: 'fcm',
  deviceToken,
  timeoutMs: 5000,
});
const failure = async (promise: Promise<unknown>): Promise<SendError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
};

describe('FCM sender -> local OAuth2 + FCM server', () => {
  it('gets one access token for several sends and delivers notification messages; the name is the request id', async () => {
    const { server, sender, lines, used } = await lab();
    const delivered: AcceptedFcmMessage[] = [];
    server.onMessage((m) => delivered.push(m));
    const first = await sender.send(request('background-c2c-text'));
    const second = await sender.send(request('background-ext-redirect'));
    expect(server.tokenRequests).toEqual([{ iss: used.clientEmail, iat: 1_760_000_000, outcome: 'ok' }]);
    expect(delivered.map((m) => m.name)).toEqual([first.requestId, second.requestId]);
    expect(first.requestId).toMatch(/^projects\/pushlab-demo\/messages\/0:\d+%[0-9a-f]{16}$/);
    expect(delivered[0]?.message).toEqual({
      token: phoneToken,
      android: {
        priority: 'HIGH',
        notification: {
          title: 'Denny',
          body: 'Denny:PushLab offline check',
          channel_id: 'pushlab_im',
          sound: 'default',
        },
      },
    });
    expect(delivered[1]?.message.data).toEqual({ ext: '{"conversation":"c2c_pushlab_sender"}' });
    expect(first.evidence).toMatchObject({
      kind: 'fcm',
      projectId: PROJECT,
      messageKind: 'notification',
      deviceToken: `${phoneToken.slice(0, 8)}…`,
      serviceAccount: used.clientEmail,
      answer: { status: 200, name: first.requestId },
    });
    const everything = JSON.stringify([first, second]) + lines.join('\n');
    expect(everything).not.toContain(phoneToken);
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toMatch(/ya29\./);
  });

  it('a custom message without desc goes data-only; normal priority when the plan says so', async () => {
    const { server, sender } = await lab({ config: { priority: 'normal' } });
    const receipt = await sender.send(request('background-custom-no-desc'));
    expect(receipt.evidence).toMatchObject({
      messageKind: 'data',
      dataOnlyBecause: expect.stringMatching(/without desc/),
    });
    expect(server.accepted[0]?.message).toEqual({
      token: phoneToken,
      android: { priority: 'NORMAL' },
      data: { pushlab_scenario: 'background-custom-no-desc' },
    });
  });

  it('renews the access token 5 minutes before it expires', async () => {
    const { server, sender, advance } = await lab({ accessTokenLifetimeS: 600 });
    await sender.send(request('background-c2c-text'));
    advance(4 * MIN);
    await sender.send(request('background-c2c-text'));
    expect(server.tokenRequests).toHaveLength(1);
    advance(MIN);
    await sender.send(request('background-c2c-text'));
    expect(server.tokenRequests.map((r) => r.iat)).toEqual([1_760_000_000, 1_760_000_000 + 300]);
    expect(server.sends.map((s) => s.status)).toEqual([200, 200, 200]);
  });

  it('a revoked access token (401 UNAUTHENTICATED) is replaced once and the send goes through', async () => {
    const { server, sender } = await lab();
    await sender.send(request('background-c2c-text'));
    server.revokeAccessTokens();
    const receipt = await sender.send(request('background-c2c-text'));
    expect(receipt.evidence.renewedAccessToken).toBe(true);
    expect(server.sends.map((s) => [s.status, s.errorCode])).toEqual([
      [200, null],
      [401, 'UNAUTHENTICATED'],
      [200, null],
    ]);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('UNREGISTERED, SENDER_ID_MISMATCH, INVALID_ARGUMENT and QUOTA_EXCEEDED are explained', async () => {
    const { server, sender } = await lab();
    server.unregister(phoneToken);
    const gone = await failure(sender.send(request('background-c2c-text')));
    expect(gone.code).toBe('SEND_FAILED');
    expect(gone.message).toBe(
      'FCM refused the message (404 UNREGISTERED): The registration token is no longer ' +
        'valid: the app was uninstalled or its data cleared, or the token expired or was replaced.',
    );
    expect(gone.detail).toBe('Requested entity was not found.');
    expect(gone.evidence).toMatchObject({
      answer: { status: 404, errorCode: 'UNREGISTERED', errorStatus: 'NOT_FOUND' },
    });
    expect((await failure(sender.send(request('background-c2c-text', otherProjectToken)))).message).toMatch(
      /^FCM refused the message \(403 SENDER_ID_MISMATCH\): The registration token belongs to a different Firebase project/,
    );
    expect((await failure(sender.send(request('background-c2c-text', makeFcmToken())))).message).toMatch(
      /^FCM refused the message \(400 INVALID_ARGUMENT\): /,
    );
    server.failNext('QUOTA_EXCEEDED');
    expect((await failure(sender.send(request('background-c2c-text', phoneToken)))).message).toMatch(
      /^FCM refused the message \(429 QUOTA_EXCEEDED\): FCM's sending limit was exceeded/,
    );
  });

  it('a project the account may not send for is PERMISSION_DENIED', async () => {
    const { sender } = await lab({ config: { projectId: 'other-project' } });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toBe(
      'FCM refused the message (403 PERMISSION_DENIED): The service account may not send messages for this project.',
    );
  });

  it('a key Google does not know is invalid_grant in plain words; key, assertion and tokens stay out', async () => {
    const { server, sender, lines, used } = await lab({ wrongKey: true });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toMatch(
      /^No FCM access token \(invalid_grant\): Google refused the service account's signed assertion/,
    );
    expect(server.sends).toHaveLength(0);
    const keyLine = used.privateKey.split('\n')[2] ?? 'unreachable';
    const everything = JSON.stringify([error.toInfo(), error.evidence]) + lines.join('\n');
    expect(everything).not.toContain(keyLine);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it("the plan's tokenUrl replaces the account's token_uri (and is the assertion's audience)", async () => {
    const { server } = await lab();
    const real = makeServiceAccount({
      projectId: PROJECT,
      tokenUri: 'https://oauth2.googleapis.com/token',
      name: 'pushlab-ci',
    });
    server.addAccount({ clientEmail: real.clientEmail, publicKey: real.publicKey, projectIds: [PROJECT] });
    const redirected = createSender(
      {
        kind: 'fcm',
        projectId: PROJECT,
        serviceAccount: { env: 'SA' },
        baseUrl: server.url,
        tokenUrl: server.tokenUrl,
      },
      {
        clock: { now: () => 1_760_000_000_000, iso: () => '' },
        logger: createLogger({ level: 'error', sink: () => {} }),
        resolveSecret: (ref) => resolveSecret(ref, { env: { SA: real.json } }),
        operator: { ask: () => Promise.resolve() },
      },
    );
    await redirected.send(request('background-c2c-text'));
    expect(server.tokenRequests.at(-1)).toEqual({ iss: real.clientEmail, iat: 1_760_000_000, outcome: 'ok' });
    expect(server.accepted.at(-1)?.clientEmail).toBe(real.clientEmail);
  });
});
