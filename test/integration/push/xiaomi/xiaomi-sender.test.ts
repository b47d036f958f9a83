/**
 * The Mi Push sender end to end on loopback: plan config with an { env } AppSecret, the form the
 * local Mi Push server checks as dev.mi.com documents it, every refusal explained, the AppSecret
 * and regIds kept out of logs, evidence and errors, and accepted pushes delivered to the virtual
 * Xiaomi phone that owns the regId by Mi Push's rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import type { XiaomiPlanSender } from '../../../../shared/runs/plan';
import { makeXiaomiAppSecret, makeXiaomiRegId } from '../../../virtual-lab/vendor-push/credentials';
import { connectVendorPushToPhones } from '../../../virtual-lab/vendor-push/deliver';
import {
  startXiaomiServer,
  XIAOMI_MAX_PAYLOAD_BYTES,
  type XiaomiServer,
} from '../../../virtual-lab/xiaomi/server';
import { APP, everything, failure, phoneWithApp, request, testDeps } from '../direct/helpers';

const SECRET = makeXiaomiAppSecret();
const regId = makeXiaomiRegId();
const otherAppRegId = makeXiaomiRegId();
const servers: XiaomiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(options: { dayQuota?: number; config?: Partial<XiaomiPlanSender>; secret?: string } = {}) {
  const server = await startXiaomiServer({
    apps: [
      {
        appSecret: SECRET,
        package: APP,
        channels: [
          { id: 'pushlab_im', kind: 'private' },
          { id: 'pushlab_public', kind: 'public' },
        ],
        ...(options.dayQuota === undefined ? {} : { dayQuota: options.dayQuota }),
      },
    ],
    devices: [
      { token: regId, package: APP },
      { token: otherAppRegId, package: 'com.other.app' },
    ],
  });
  servers.push(server);
  const t = testDeps({ MI_APP_SECRET: `${options.secret ?? SECRET}\n` });
  const sender = createSender(
    { kind: 'xiaomi', appSecret: { env: 'MI_APP_SECRET' }, baseUrl: server.url, ...options.config },
    t.deps,
  );
  return { server, sender, ...t };
}

describe('Mi Push sender -> local Mi Push server', () => {
  it('sends with key=<AppSecret>; data.id is the request id; nothing secret in evidence or logs', async () => {
    const { server, sender, lines } = await lab();
    const receipt = await sender.send(request('background-ext-redirect', regId, 'xiaomi'));
    expect(server.accepted).toHaveLength(1);
    expect(receipt.requestId).toBe(server.accepted[0]?.messageId);
    expect(server.accepted[0]).toMatchObject({
      kind: 'notification',
      title: 'Denny',
      body: 'Denny:Tap me',
      channelId: 'pushlab_im',
      messageClass: 'high',
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
    expect(receipt.evidence).toMatchObject({
      kind: 'xiaomi',
      deviceToken: `${regId.slice(0, 8)}…`,
      messageKind: 'notification',
      answer: { status: 200, code: '0', result: 'ok', id: receipt.requestId },
    });
    const shown = everything(lines, receipt);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(regId);
  });

  it('an unknown regId (20301) and a regId of another app are bad tokens, explained', async () => {
    const { server, sender } = await lab();
    const error = await failure(sender.send(request('background-c2c-text', makeXiaomiRegId(), 'xiaomi')));
    expect(error.code).toBe('SEND_FAILED');
    expect(error.message).toMatch(
      /^Mi Push refused the message \(code 20301\): .*regId is not a valid target/,
    );
    expect(error.detail).toBe('No valid targets!');
    expect(error.toInfo().zh?.message).toMatch(/^小米推送拒绝了消息（错误码 20301）/);
    expect(error.evidence).toMatchObject({ answer: { code: '20301', fault: 'bad-token' } });
    expect(error.sentAt).not.toBeNull();
    await failure(sender.send(request('background-c2c-text', otherAppRegId, 'xiaomi')));
    expect(server.sends.map((s) => s.code)).toEqual([20301, 20301]);
  });

  it('a wrong AppSecret is 21301 without showing it; a corrected secret is read again on the next send', async () => {
    const wrong = makeXiaomiAppSecret();
    const { sender, lines, env, resolved } = await lab({ secret: wrong });
    const error = await failure(sender.send(request('background-c2c-text', regId, 'xiaomi')));
    expect(error.message).toMatch(
      /^Mi Push refused the message \(code 21301\): Mi Push refused the AppSecret/,
    );
    expect(error.hint).toMatch(/AppSecret/);
    expect(everything(lines, error)).not.toContain(wrong);
    env.MI_APP_SECRET = SECRET;
    await sender.send(request('background-c2c-text', regId, 'xiaomi'));
    expect(resolved).toHaveLength(2);
  });

  it("the app's daily quota on a public channel ends with 10034; private-channel sends do not count", async () => {
    const { sender } = await lab({ dayQuota: 1, config: { channelId: 'pushlab_public' } });
    await sender.send(request('low-class-message', regId, 'xiaomi'));
    await sender.send(request('background-c2c-text', regId, 'xiaomi'));
    const error = await failure(sender.send(request('low-class-message', regId, 'xiaomi')));
    expect(error.message).toMatch(
      /^Mi Push refused the message \(code 10034\): The app has sent as many messages today/,
    );
    expect(error.evidence).toMatchObject({ answer: { fault: 'quota' } });
  });

  it('a channel not registered in the console is 27001; a package of another app is 22022', async () => {
    const { sender } = await lab({ config: { channelId: 'not_registered' } });
    const channel = await failure(sender.send(request('low-class-message', regId, 'xiaomi')));
    expect(channel.message).toMatch(/\(code 27001\): The channel_id does not match a channel registered/);
    expect(channel.evidence).toMatchObject({ answer: { fault: 'invalid-channel' } });
    const pkg = await failure(sender.send(request('background-c2c-text', regId, 'xiaomi', 'com.other.app')));
    expect(pkg.message).toMatch(
      /\(code 22022\): The package name .* does not belong to the app of this AppSecret/,
    );
    expect(pkg.evidence).toMatchObject({ answer: { fault: 'package-mismatch' } });
  });

  it('a payload over 4096 bytes is refused before sending; the server refuses one too (65009)', async () => {
    const { server, sender } = await lab();
    const big = request('background-ext-redirect', regId, 'xiaomi');
    const error = await failure(
      sender.send({
        ...big,
        message: { ...big.message, push: { ...big.message.push, ext: 'x'.repeat(5000) } },
      }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.sentAt).toBeNull();
    expect(server.sends).toHaveLength(0);
    const form = new URLSearchParams({
      registration_id: regId,
      restricted_package_name: APP,
      pass_through: '1',
      payload: 'p'.repeat(XIAOMI_MAX_PAYLOAD_BYTES + 1),
    });
    const answer = await fetch(`${server.url}/v3/message/regid`, {
      method: 'POST',
      headers: { authorization: `key=${SECRET}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(await answer.json()).toMatchObject({ result: 'error', code: 65009 });
  });

  it('a missing regId is a plan error naming where the regId comes from; an FCM token is refused', async () => {
    const { server, sender } = await lab();
    const missing = await failure(sender.send(request('background-c2c-text', undefined, 'xiaomi')));
    expect(missing.code).toBe('PLAN_INVALID');
    expect(missing.hint).toMatch(/MiPushClient\.getRegId\(\)/);
    const fcm = await failure(
      sender.send(request('background-c2c-text', 'abcdefgh1234:APA91bXYZabc_-', 'xiaomi')),
    );
    expect(fcm.message).toMatch(/looks like an FCM token/);
    expect(server.sends).toHaveLength(0);
  });

  it('delivers accepted pushes to the phone owning the regId: posted, no channel on the phone, and the daily cap', async () => {
    const { server, sender } = await lab({ config: { channelId: 'pushlab_public' } });
    const { android, routed } = await phoneWithApp('xiaomi-hyperos2-android14-2', 'xiaomi', ['pushlab_im']);
    const delivery = connectVendorPushToPhones(server, {
      phones: () => [routed],
      owners: new Map([[regId, 'PHONE-1']]),
      lowClassCap: 1,
    });
    await sender.send(request('background-ext-redirect', regId, 'xiaomi'));
    await sender.send(request('low-class-message', regId, 'xiaomi'));
    await sender.send(request('background-custom-no-desc', regId, 'xiaomi'));
    expect(delivery.log.map((d) => [d.reason, d.channelId])).toEqual([
      ['posted', 'pushlab_im'],
      // Registered in the Mi console, but the app never created it on the phone.
      ['notification-no-channel', 'pushlab_public'],
      ['pass-through', null],
    ]);
    const posted = android.notifications(APP);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      title: 'Denny',
      text: 'Denny:Tap me',
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
    android.setLaunchChannels(APP, []);
    await sender.send(request('low-class-message', regId, 'xiaomi'));
    expect(delivery.log.at(-1)?.reason).toBe('quota-exceeded');
    delivery.stop();
  });
});
