/**
 * The APNs sender end to end on loopback: plan config and a { file } key reference, the real
 * HTTP/2 client, ES256 provider tokens, and the local APNs server checking them and answering
 * with Apple's shapes. h2c by default; over TLS with a test certificate when openssl is installed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApnsSender, type ApnsSender } from '../../../../electron/lab/push/apns/apns-sender';
import { createSender, SendError, type SendRequest, type SenderDeps } from '../../../../electron/lab/push';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { ApnsPlanSender } from '../../../../shared/runs/plan';
import { SCENARIOS } from '../../../../shared/scenarios';
import { makeApnsKey, makeDeviceToken, makeSelfSignedCert } from '../../../virtual-lab/apns/credentials';
import {
  startApnsServer,
  type AcceptedNotification,
  type ApnsServerOptions,
} from '../../../virtual-lab/apns/server';

const TEAM = 'TEAM123456';
const KEY_ID = 'KEY1234567';
const TOPIC = 'com.pushlab.demo';
const MIN = 60_000;
const key = makeApnsKey();
const debugToken = makeDeviceToken();
const releaseToken = makeDeviceToken();
const otherAppToken = makeDeviceToken();
let dir: string;
let keyFile: string;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-apns-it-'));
  keyFile = join(dir, `AuthKey_${KEY_ID}.p8`);
  await writeFile(keyFile, key.p8);
});
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A sandbox server and a sender on one adjustable clock (the server may run ahead of it). */
async function lab(
  options: {
    serverAhead?: number;
    p8?: string;
    server?: Partial<ApnsServerOptions>;
    config?: Partial<ApnsPlanSender>;
    ca?: string;
  } = {},
) {
  let now = 1_760_000_000_000;
  const lines: string[] = [];
  const server = await startApnsServer({
    environment: 'sandbox',
    keys: [{ teamId: TEAM, keyId: KEY_ID, publicKey: key.publicKey, topics: [TOPIC, 'com.other.app'] }],
    devices: [
      { token: debugToken, topic: TOPIC, environment: 'sandbox' },
      { token: releaseToken, topic: TOPIC, environment: 'production' },
      { token: otherAppToken, topic: 'com.other.app', environment: 'sandbox' },
    ],
    now: () => now + (options.serverAhead ?? 0),
    ...options.server,
  });
  const deps: SenderDeps = {
    clock: { now: () => now, iso: () => new Date(now).toISOString() },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    resolveSecret: (ref) =>
      options.p8 === undefined ? resolveSecret(ref, { env: {}, baseDir: dir }) : Promise.resolve(options.p8),
    operator: { ask: () => Promise.reject(new Error('nobody to ask')) },
  };
  const config: ApnsPlanSender = {
    kind: 'apns',
    teamId: TEAM,
    keyId: KEY_ID,
    key: { file: `AuthKey_${KEY_ID}.p8` },
    topic: TOPIC,
    environment: 'sandbox',
    pushType: 'alert',
    baseUrl: server.url,
    ...options.config,
  };
  const sender = (
    options.ca === undefined ? createSender(config, deps) : createApnsSender(config, deps, { ca: options.ca })
  ) as ApnsSender;
  cleanup.push(async () => {
    await sender.close();
    await server.close();
  });
  return { server, sender, lines, advance: (ms: number) => (now += ms) };
}

const request = (id: string, deviceToken = debugToken, extra: Partial<SendRequest> = {}): SendRequest => ({
  serial: 'SIM-1',
  package: TOPIC,
  recipient: { account: 'qa_ios' },
  scenarioId: id,
  message: SCENARIOS.find((s) => s.id === id)!.message,
  expected: { title: null, text: null, channelId: null },
  channel: 'apns',
  deviceToken,
  timeoutMs: 5000,
  ...extra,
});
const failure = async (promise: Promise<unknown>): Promise<SendError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
};

describe('APNs sender -> local APNs server', () => {
  it('delivers with the headers and payload Apple expects; apns-id is the request id; one JWT is reused', async () => {
    const { server, sender, lines } = await lab();
    const delivered: AcceptedNotification[] = [];
    server.onNotification((n) => delivered.push(n));
    const first = await sender.send(request('background-c2c-text'));
    const second = await sender.send(request('background-ext-redirect'));
    expect(delivered.map((n) => n.apnsId)).toEqual([first.requestId, second.requestId]);
    expect(delivered[0]).toMatchObject({
      deviceToken: debugToken,
      topic: TOPIC,
      pushType: 'alert',
      priority: 10,
      expiration: null,
      teamId: TEAM,
      keyId: KEY_ID,
      payload: { aps: { alert: { body: 'Denny:PushLab offline check' }, sound: 'default' } },
    });
    expect(delivered[1]?.payload).toMatchObject({ ext: '{"conversation":"c2c_pushlab_sender"}' });
    expect(server.requests.map((r) => r.iat)).toEqual([server.requests[0]?.iat, server.requests[0]?.iat]);
    expect(first.evidence).toMatchObject({
      kind: 'apns',
      deviceToken: `${debugToken.slice(0, 8)}…`,
      answer: { status: 200, apnsId: first.requestId, apnsUniqueId: expect.any(String) },
    });
    const everything = JSON.stringify([first, second]) + lines.join('\n');
    expect(everything).not.toContain(debugToken);
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toMatch(/bearer ey/i);
  });

  it('a silent scenario goes as background priority 5; expiration and collapse id are sent', async () => {
    const { server, sender } = await lab({ config: { expiration: 600, collapseId: 'chat-1' } });
    const receipt = await sender.send(request('background-custom-no-desc'));
    expect(receipt.evidence.silentBecause).toMatch(/without desc/);
    expect(server.accepted[0]).toMatchObject({
      pushType: 'background',
      priority: 5,
      collapseId: 'chat-1',
      expiration: 1_760_000_000 + 600,
      payload: { aps: { 'content-available': 1 } },
    });
  });

  it("a Release build's token sent to sandbox is BadDeviceToken, explained as the Debug/Release mismatch", async () => {
    const { sender } = await lab();
    const error = await failure(sender.send(request('background-c2c-text', releaseToken)));
    expect(error.code).toBe('SEND_FAILED');
    expect(error.message).toMatch(
      /^APNs refused the push \(400 BadDeviceToken\): .*Debug build's token \(sandbox\).*production/,
    );
    expect(error.hint).toMatch(
      /^This plan sends to sandbox, which only accepts tokens from a Debug \(development-signed\) build\./,
    );
    expect(error.evidence).toMatchObject({ answer: { status: 400, reason: 'BadDeviceToken' } });
    expect(error.sentAt).toBe(1_760_000_000_000);
  });

  it('a token of another app is DeviceTokenNotForTopic; an unregistered one says since when', async () => {
    const { server, sender } = await lab();
    const other = await failure(sender.send(request('background-c2c-text', otherAppToken)));
    expect(other.message).toBe(
      'APNs refused the push (400 DeviceTokenNotForTopic): The device token belongs to a different app (bundle ID) than sender.topic.',
    );
    server.unregister(debugToken);
    const gone = await failure(sender.send(request('background-c2c-text')));
    expect(gone.message).toBe(
      `APNs refused the push (410 Unregistered): The device token is no longer active ` +
        `for this app (the app was deleted, or notifications were reset). (no longer valid ` +
        `since ${new Date(1_760_000_000_000).toISOString()})`,
    );
  });

  it('a wrong .p8 key is InvalidProviderToken in plain words; key and JWT stay out of everything', async () => {
    const wrong = makeApnsKey().p8;
    const { sender, lines } = await lab({ p8: wrong });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toBe(
      'APNs refused the push (403 InvalidProviderToken): The provider token (JWT) is ' +
        'not valid: its signature, Key ID or Team ID does not match a key APNs knows.',
    );
    expect(error.hint).toMatch(/sender\.teamId, sender\.keyId and the \.p8 key/);
    const body = wrong.split('\n')[1] ?? 'unreachable';
    const everything = JSON.stringify([error.toInfo(), error.evidence]) + lines.join('\n');
    expect(everything).not.toContain(body);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('renews the provider token at 50 minutes, which Apple accepts on the same connection', async () => {
    const { server, sender, advance } = await lab();
    await sender.send(request('background-c2c-text'));
    advance(49 * MIN);
    await sender.send(request('background-c2c-text'));
    advance(MIN);
    await sender.send(request('background-c2c-text'));
    const iats = server.requests.map((r) => r.iat ?? 0);
    expect([iats[1]! - iats[0]!, iats[2]! - iats[0]!]).toEqual([0, 50 * 60]);
    expect(server.requests.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("ExpiredProviderToken (APNs's clock ahead): renews once when allowed and the push goes through", async () => {
    const { server, sender, advance } = await lab({ serverAhead: 31 * MIN });
    await sender.send(request('background-c2c-text'));
    advance(30 * MIN);
    const receipt = await sender.send(request('background-c2c-text'));
    expect(server.requests.map((r) => [r.status, r.reason])).toEqual([
      [200, null],
      [403, 'ExpiredProviderToken'],
      [200, null],
    ]);
    expect(receipt.evidence.renewedProviderToken).toBe(true);
  });

  it('ExpiredProviderToken on a fresh token is not retried (Apple refuses renewals within 20 minutes)', async () => {
    const { server, sender } = await lab({ serverAhead: 61 * MIN });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toMatch(/^APNs refused the push \(403 ExpiredProviderToken\)/);
    expect(error.hint).toMatch(/clock/);
    expect(server.requests).toHaveLength(1);
  });

  it('APNs trouble and an oversized payload are explained; the payload never leaves', async () => {
    const { server, sender } = await lab();
    server.failNext('ServiceUnavailable');
    expect((await failure(sender.send(request('background-c2c-text')))).message).toBe(
      'APNs refused the push (503 ServiceUnavailable): APNs is unavailable for now.',
    );
    const big = {
      ...request('background-c2c-text'),
      message: { ...request('background-c2c-text').message, text: 'x'.repeat(5000) },
    };
    const error = await failure(sender.send(big));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.sentAt).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it('over TLS with a self-signed test certificate (openssl)', async (ctx) => {
    const cert = await makeSelfSignedCert();
    if (cert === null) ctx.skip();
    const { server, sender } = await lab({ server: { tls: cert! }, ca: cert!.cert });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const receipt = await sender.send(request('background-c2c-text'));
    expect(server.accepted[0]?.apnsId).toBe(receipt.requestId);
  });
});
