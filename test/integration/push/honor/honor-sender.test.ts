/**
 * The Honor Push sender end to end on loopback: an { env } client secret, the IAM client
 * credentials exchange (cached, renewed once after an auth error), sendMessage with the timestamp
 * header, every refusal explained, secrets and tokens kept out of what a user sees, and delivery
 * to the virtual Honor phone by Honor's rules (importance NORMAL = service, LOW = capped).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import type { HonorPlanSender } from '../../../../shared/runs/plan';
import {
  HONOR_TIMESTAMP_SKEW_MS,
  honorTokenUrl,
  startHonorServer,
  type HonorServer,
} from '../../../virtual-lab/honor/server';
import { makeClientSecret, makeHonorToken } from '../../../virtual-lab/vendor-push/credentials';
import { connectVendorPushToPhones } from '../../../virtual-lab/vendor-push/deliver';
import { APP, everything, failure, phoneWithApp, request, testDeps } from '../direct/helpers';

const APP_ID = '104400000';
const CLIENT_ID = '1234567890';
const SECRET = makeClientSecret();
const token = makeHonorToken();
const otherAppToken = makeHonorToken();
const servers: HonorServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(
  options: { secret?: string; config?: Partial<HonorPlanSender>; serverSkewMs?: number } = {},
) {
  const t = testDeps({ HONOR_CLIENT_SECRET: options.secret ?? SECRET });
  const server = await startHonorServer({
    apps: [{ clientId: CLIENT_ID, clientSecret: SECRET, appId: APP_ID, package: APP }],
    devices: [
      { token, package: APP },
      { token: otherAppToken, package: 'com.other.app' },
    ],
    now: () => t.now() + (options.serverSkewMs ?? 0),
  });
  servers.push(server);
  const sender = createSender(
    {
      kind: 'honor',
      appId: APP_ID,
      clientId: CLIENT_ID,
      clientSecret: { env: 'HONOR_CLIENT_SECRET' },
      baseUrl: server.url,
      authUrl: honorTokenUrl(server),
      ...options.config,
    },
    t.deps,
  );
  return { server, sender, ...t };
}

describe('Honor Push sender -> local IAM + Honor Push server', () => {
  it('sends with a bearer token and the timestamp header; data.requestId is the request id', async () => {
    const { server, sender, lines } = await lab({ config: { testMessage: true } });
    const receipt = await sender.send(request('background-ext-redirect', token, 'honor'));
    expect(receipt.requestId).toBe(server.accepted[0]?.messageId);
    expect(server.accepted[0]).toMatchObject({
      vendor: 'honor',
      messageClass: 'high',
      testMessage: true,
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
    expect(receipt.evidence).toMatchObject({
      kind: 'honor',
      appId: APP_ID,
      testMessage: true,
      answer: { code: '200' },
    });
    const shown = everything(lines, receipt);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain('eyJhbGciOiJSUzI1NiJ9.');
  });

  it('an expired access token is renewed once; a wrong client secret is refused without being shown', async () => {
    const { server, sender } = await lab();
    await sender.send(request('background-c2c-text', token, 'honor'));
    server.revokeAccessTokens();
    const receipt = await sender.send(request('background-c2c-text', token, 'honor'));
    expect(receipt.evidence.renewedAccessToken).toBe(true);
    expect(server.sends.map((s) => s.code)).toEqual(['80000000', '80200003', '80000000']);
    const wrong = makeClientSecret();
    const bad = await lab({ secret: wrong });
    const error = await failure(bad.sender.send(request('background-c2c-text', token, 'honor')));
    expect(error.message).toBe(
      'No Honor Push access token (unauthorized_client): the token endpoint refused the client ID and client secret.',
    );
    expect(error.hint).toMatch(/not the App Secret/);
    expect(everything(bad.lines, error)).not.toContain(wrong);
  });

  it('a bad token, a token of another app, flow control and a far-off clock are explained', async () => {
    const { server, sender } = await lab();
    const unknown = await failure(sender.send(request('background-c2c-text', makeHonorToken(), 'honor')));
    expect(unknown.message).toMatch(
      /^Honor Push refused the message \(code 80300007\): The push token is not valid/,
    );
    const other = await failure(sender.send(request('background-c2c-text', otherAppToken, 'honor')));
    expect(everything([], other)).not.toContain(otherAppToken);
    server.failNext('HTTP_503');
    const throttled = await failure(sender.send(request('background-c2c-text', token, 'honor')));
    expect(throttled.evidence).toMatchObject({ answer: { fault: 'rate' } });
    const skewed = await lab({ serverSkewMs: HONOR_TIMESTAMP_SKEW_MS + 60_000 });
    const clock = await failure(skewed.sender.send(request('background-c2c-text', token, 'honor')));
    expect(clock.message).toMatch(/\(code 80100001\)/);
    expect(clock.detail).toBe('the timestamp header is out of range');
  });

  it('a body over 4096 bytes is refused before sending', async () => {
    const { server, sender } = await lab();
    const big = request('background-c2c-text', token, 'honor');
    const error = await failure(sender.send({ ...big, message: { ...big.message, text: 'h'.repeat(5000) } }));
    expect(error.message).toMatch(/Honor Push accepts at most 4096/);
    expect(server.sends).toHaveLength(0);
  });

  it('delivers to the Honor phone: a service push shows, marketing pushes beyond the cap are dropped', async () => {
    const { server, sender } = await lab();
    const { android, routed } = await phoneWithApp('honor-magicos9-android15-2', 'honor', [
      'pushlab_default',
    ]);
    const delivery = connectVendorPushToPhones(server, {
      phones: () => [routed],
      owners: new Map([[token, 'PHONE-1']]),
      lowClassCap: 1,
    });
    await sender.send(request('background-c2c-text', token, 'honor'));
    await sender.send(request('low-class-message', token, 'honor'));
    await sender.send(request('low-class-message', token, 'honor'));
    expect(delivery.log.map((d) => d.reason)).toEqual(['posted', 'posted', 'quota-exceeded']);
    expect(android.notifications(APP).map((n) => n.channelId)).toEqual([
      'pushlab_default',
      'pushlab_default',
    ]);
  });
});
