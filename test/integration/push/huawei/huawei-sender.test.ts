/**
 * The HMS Push Kit sender end to end on loopback: an { env } client secret, the OAuth 2.0 client
 * credentials exchange (cached, renewed before expiry and once after 80200003), messages:send
 * checked as HMS documents it, every refusal explained, the secret and access tokens kept out of
 * logs, evidence and errors, and delivery to the virtual Huawei phone by HMS's rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import type { HuaweiPlanSender } from '../../../../shared/runs/plan';
import { huaweiTokenUrl, startHuaweiServer, type HuaweiServer } from '../../../virtual-lab/huawei/server';
import { makeClientSecret, makeHuaweiToken } from '../../../virtual-lab/vendor-push/credentials';
import { connectVendorPushToPhones } from '../../../virtual-lab/vendor-push/deliver';
import { APP, everything, failure, phoneWithApp, request, testDeps } from '../direct/helpers';

const CLIENT_ID = '108765432';
const SECRET = makeClientSecret();
const token = makeHuaweiToken();
const otherAppToken = makeHuaweiToken();
const MIN = 60_000;
const servers: HuaweiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(
  options: { lifetimeS?: number; secret?: string; config?: Partial<HuaweiPlanSender> } = {},
) {
  const t = testDeps({ HMS_CLIENT_SECRET: options.secret ?? SECRET });
  const server = await startHuaweiServer({
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        appId: CLIENT_ID,
        package: APP,
        grantedCategories: ['IM'],
      },
    ],
    devices: [
      { token, package: APP },
      { token: otherAppToken, package: 'com.other.app' },
    ],
    now: t.now,
    ...(options.lifetimeS === undefined ? {} : { accessTokenLifetimeS: options.lifetimeS }),
  });
  servers.push(server);
  const sender = createSender(
    {
      kind: 'huawei',
      clientId: CLIENT_ID,
      clientSecret: { env: 'HMS_CLIENT_SECRET' },
      channelId: 'pushlab_im',
      baseUrl: server.url,
      authUrl: huaweiTokenUrl(server),
      ...options.config,
    },
    t.deps,
  );
  return { server, sender, ...t };
}

describe('HMS Push Kit sender -> local OAuth + Push Kit server', () => {
  it('one access token for several sends; requestId is the request id; nothing secret shown', async () => {
    const { server, sender, lines } = await lab();
    const first = await sender.send(request('background-ext-redirect', token, 'huawei'));
    const second = await sender.send(request('low-class-message', token, 'huawei'));
    expect(server.tokenRequests).toEqual([{ clientId: CLIENT_ID, outcome: 'ok' }]);
    expect(server.accepted.map((p) => p.messageId)).toEqual([first.requestId, second.requestId]);
    expect(server.accepted.map((p) => [p.messageClass, p.channelId, p.ext])).toEqual([
      ['high', 'pushlab_im', '{"conversation":"c2c_pushlab_sender"}'],
      ['low', 'pushlab_im', null],
    ]);
    expect(first.evidence).toMatchObject({
      kind: 'huawei',
      clientId: CLIENT_ID,
      deviceToken: `${token.slice(0, 8)}…`,
      answer: { status: 200, code: '80000000', requestId: first.requestId },
    });
    const shown = everything(lines, first, second);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(token);
    expect(shown).not.toMatch(/DQEBAMhw/);
  });

  it('renews the access token 5 minutes before it expires', async () => {
    const { server, sender, advance } = await lab({ lifetimeS: 600 });
    await sender.send(request('background-c2c-text', token, 'huawei'));
    advance(4 * MIN);
    await sender.send(request('background-c2c-text', token, 'huawei'));
    expect(server.tokenRequests).toHaveLength(1);
    advance(MIN);
    await sender.send(request('background-c2c-text', token, 'huawei'));
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('a revoked token (80200003) is renewed once and the send goes through', async () => {
    const { server, sender } = await lab();
    await sender.send(request('background-c2c-text', token, 'huawei'));
    server.revokeAccessTokens();
    const receipt = await sender.send(request('background-c2c-text', token, 'huawei'));
    expect(receipt.evidence).toMatchObject({ renewedAccessToken: true, accessTokenRequests: 2 });
    expect(server.sends.map((s) => [s.status, s.code])).toEqual([
      [200, '80000000'],
      [401, '80200003'],
      [200, '80000000'],
    ]);
  });

  it('renews only once: a second 80200003 is explained, not retried again', async () => {
    // Tokens the server lets expire at once (the sender still believes the 3600 s default).
    const { server, sender } = await lab({ lifetimeS: 0 });
    const error = await failure(sender.send(request('background-c2c-text', token, 'huawei')));
    expect(error.message).toMatch(
      /^HMS Push Kit refused the message \(code 80200003\): HMS Push Kit says the OAuth access token expired/,
    );
    expect(error.evidence).toMatchObject({
      renewedAccessToken: true,
      accessTokenRequests: 2,
      answer: { fault: 'bad-auth' },
    });
    expect(server.sends.map((s) => s.code)).toEqual(['80200003', '80200003']);
  });

  it('a wrong client secret is refused at the token endpoint, without showing it or sending', async () => {
    const wrong = makeClientSecret();
    const { server, sender, lines } = await lab({ secret: wrong });
    const error = await failure(sender.send(request('background-c2c-text', token, 'huawei')));
    expect(error.message).toBe(
      'No HMS Push Kit access token (1101/20152): the token endpoint refused the client ID and client secret.',
    );
    expect(error.hint).toMatch(/AppGallery Connect/);
    expect(error.toInfo().zh?.message).toMatch(/^没有华为推送服务访问令牌/);
    expect(server.sends).toHaveLength(0);
    expect(everything(lines, error)).not.toContain(wrong);
  });

  it('an unknown token and a token of another app are 80300007, explained as a bad token', async () => {
    const { sender } = await lab();
    const unknown = await failure(sender.send(request('background-c2c-text', makeHuaweiToken(), 'huawei')));
    expect(unknown.message).toMatch(
      /^HMS Push Kit refused the message \(code 80300007\): The push token is not valid/,
    );
    expect(unknown.evidence).toMatchObject({ answer: { code: '80300007', fault: 'bad-token' } });
    const other = await failure(sender.send(request('background-c2c-text', otherAppToken, 'huawei')));
    expect(other.message).toMatch(/made by another app/);
    expect(everything([], other)).not.toContain(otherAppToken);
  });

  it('flow control (HTTP 503) and no push permission (80300002) are explained', async () => {
    const { server, sender } = await lab();
    server.failNext('HTTP_503');
    const throttled = await failure(sender.send(request('background-c2c-text', token, 'huawei')));
    expect(throttled.message).toBe(
      'HMS Push Kit refused the message (HTTP 503): HMS Push Kit is throttling the app (flow control).',
    );
    expect(throttled.evidence).toMatchObject({ answer: { fault: 'rate' } });
    server.failNext('80300002');
    const denied = await failure(sender.send(request('background-c2c-text', token, 'huawei')));
    expect(denied.message).toMatch(/\(code 80300002\): The app may not push/);
  });

  it('the message size and structure are checked like HMS: 80300008, 80100003, 80300011', async () => {
    const { server, sender } = await lab();
    const big = request('background-c2c-text', token, 'huawei');
    const refused = await failure(
      sender.send({ ...big, message: { ...big.message, text: 'z'.repeat(5000) } }),
    );
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(server.sends).toHaveLength(0);
    const tokenAnswer = await fetch(huaweiTokenUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: SECRET,
      }).toString(),
    });
    const { access_token } = (await tokenAnswer.json()) as { access_token: string };
    const post = async (message: Record<string, unknown>): Promise<unknown> => {
      const answer = await fetch(`${server.url}/v1/${CLIENT_ID}/messages:send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: { ...message, token: [token] } }),
      });
      return answer.json();
    };
    const notification = (extra: Record<string, unknown>) => ({
      android: { notification: { title: 't', body: 'b', click_action: { type: 3 }, ...extra } },
    });
    expect(await post(notification({ body: 'x'.repeat(4200) }))).toMatchObject({ code: '80300008' });
    expect(await post(notification({ importance: 'URGENT' }))).toMatchObject({ code: '80100003' });
    expect(await post(notification({ importance: 'HIGH' }))).toMatchObject({ code: '80300011' });
    expect(
      await post({
        android: { category: 'CHAT', notification: { title: 't', body: 'b', click_action: { type: 3 } } },
      }),
    ).toMatchObject({
      code: '80100003',
    });
  });

  it('delivers to the phone owning the token: posted on the channel, a channel the app lacks, a data message', async () => {
    const { server, sender } = await lab();
    const { android, routed } = await phoneWithApp('huawei-emui10-android10-1', 'huawei', ['pushlab_im']);
    const delivery = connectVendorPushToPhones(server, {
      phones: () => [routed],
      owners: new Map([[token, 'PHONE-1']]),
    });
    await sender.send(request('background-c2c-text', token, 'huawei'));
    const other = createSender(
      {
        kind: 'huawei',
        clientId: CLIENT_ID,
        clientSecret: { env: 'HMS_CLIENT_SECRET' },
        channelId: 'pushlab_missing',
        baseUrl: server.url,
        authUrl: huaweiTokenUrl(server),
      },
      testDeps({ HMS_CLIENT_SECRET: SECRET }).deps,
    );
    await other.send(request('background-c2c-text', token, 'huawei'));
    await sender.send(request('background-custom-no-desc', token, 'huawei'));
    expect(delivery.log.map((d) => d.reason)).toEqual(['posted', 'notification-no-channel', 'pass-through']);
    expect(android.notifications(APP)).toHaveLength(1);
  });

  it('quiet hours hold messages back and the low-class cap drops the third marketing push of the day', async () => {
    const { server, sender } = await lab();
    const { routed } = await phoneWithApp('huawei-emui10-android10-1', 'huawei', ['pushlab_im']);
    let hour = 3;
    const delivery = connectVendorPushToPhones(server, {
      phones: () => [routed],
      owners: new Map([[token, 'PHONE-1']]),
      quietHours: true,
      localHour: () => hour,
    });
    await sender.send(request('background-c2c-text', token, 'huawei'));
    hour = 9;
    for (let i = 0; i < 3; i += 1) await sender.send(request('low-class-message', token, 'huawei'));
    expect(delivery.log.map((d) => d.reason)).toEqual(['quiet-hours', 'posted', 'posted', 'quota-exceeded']);
  });
});
