/**
 * The OPPO sender end to end on loopback: plan config with a { env } MasterSecret, the SHA-256
 * signed auth, the cached auth_token, unicast, and the local OPPO server checking each step and
 * answering with OPPO's codes. Secrets and tokens never show in logs, evidence or errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import type { OppoPlanSender } from '../../../../shared/runs/plan';
import {
  startOppoServer,
  type OppoServer,
  type OppoServerApp,
  type OppoServerOptions,
} from '../../../virtual-lab/oppo/server';
import { failure, hex, labDeps, leftBehind, scenarioRequest } from '../direct/helpers';

const APP_KEY = 'a1b2c3d4e5f60718';
const MASTER_SECRET = hex(16);
const PHONE = `CN_${hex(16)}`;
const OTHER_APP_PHONE = `CN_${hex(16)}`;
const servers: OppoServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(
  options: {
    server?: Partial<OppoServerOptions>;
    app?: Partial<OppoServerApp>;
    config?: Partial<OppoPlanSender>;
    secret?: string;
  } = {},
) {
  const { deps, lines, clock } = labDeps({ OPPO_MASTER_SECRET: options.secret ?? MASTER_SECRET });
  const server = await startOppoServer({
    app: {
      appKey: APP_KEY,
      masterSecret: MASTER_SECRET,
      package: 'com.pushlab.demo',
      channels: ['pushlab_im', 'pushlab_public'],
      ...options.app,
    },
    devices: [
      { token: PHONE, package: 'com.pushlab.demo' },
      { token: OTHER_APP_PHONE, package: 'com.other.app' },
    ],
    now: () => clock.now,
    ...options.server,
  });
  servers.push(server);
  const sender = createSender(
    {
      kind: 'oppo',
      appKey: APP_KEY,
      masterSecret: { env: 'OPPO_MASTER_SECRET' },
      baseUrl: server.url,
      ...options.config,
    },
    deps,
  );
  return { server, sender, lines, clock };
}

const request = (id: string, token = PHONE) => scenarioRequest(id, 'oppo', token);

describe('OPPO sender -> local OPPO push server', () => {
  it('authorises once, sends the Tencent-rule notification with channel, category and ext; messageId is the request id', async () => {
    const { server, sender, lines } = await lab();
    const first = await sender.send(request('background-c2c-text'));
    const second = await sender.send(request('background-ext-redirect'));
    expect(server.authCalls).toEqual([0]);
    expect(server.accepted.map((p) => p.messageId)).toEqual([first.requestId, second.requestId]);
    const sent = server.accepted[0]!.raw as { notification: Record<string, unknown> };
    expect(sent).toMatchObject({ target_type: 2, target_value: PHONE, verify_registration_id: true });
    expect(sent.notification).toMatchObject({
      title: 'Denny',
      content: 'Denny:PushLab offline check',
      channel_id: 'pushlab_im',
      category: 'IM',
      notify_level: 2,
      click_action_type: 0,
      style: 1,
    });
    expect(server.accepted[1]?.ext).toBe('{"conversation":"c2c_pushlab_sender"}');
    expect(first.evidence).toMatchObject({
      kind: 'oppo',
      deviceToken: `${PHONE.slice(0, 8)}…`,
      answer: { code: 0 },
    });
    const all = leftBehind([first, second], lines);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(MASTER_SECRET);
    expect(all).not.toMatch(/oppo_[0-9a-f]{48}/);
  });

  it("sends the scenario's category and notify_level; the plan's override them", async () => {
    const scenario = await lab();
    await scenario.sender.send(request('low-class-message'));
    expect(scenario.server.accepted[0]?.raw).toMatchObject({
      notification: { channel_id: 'pushlab_public', category: 'MARKETING', notify_level: 2 },
    });
    const plan = await lab({ config: { category: 'ACCOUNT', notifyLevel: 1 } });
    await plan.sender.send(request('low-class-message'));
    await plan.sender.send(request('background-c2c-text'));
    for (const sent of plan.server.accepted)
      expect(sent.raw).toMatchObject({ notification: { category: 'ACCOUNT', notify_level: 1 } });
  });

  it('renews the auth_token an hour before its 24 h run out, and once after OPPO refuses it (11)', async () => {
    const { server, sender, clock } = await lab();
    await sender.send(request('background-c2c-text'));
    clock.now += 22 * 3_600_000;
    await sender.send(request('background-c2c-text'));
    expect(server.authCalls).toEqual([0]);
    clock.now += 1.5 * 3_600_000;
    await sender.send(request('background-c2c-text'));
    expect(server.authCalls).toEqual([0, 0]);
    server.revokeTokens();
    const receipt = await sender.send(request('background-c2c-text'));
    expect(receipt.evidence.renewedAuthToken).toBe(true);
    expect(server.sends).toEqual([0, 0, 0, 11, 0]);
    expect(server.authCalls).toEqual([0, 0, 0]);
  });

  it('a wrong MasterSecret is a signature refusal (16) in plain words, the secret stripped', async () => {
    const wrong = hex(16);
    const { server, sender, lines } = await lab({ secret: wrong });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toBe(
      'OPPO Push refused the message (code 16): OPPO refused the signature: the MasterSecret does not belong to this AppKey.',
    );
    expect(error.toInfo().zh?.message).toContain('MasterSecret 与这个 AppKey 不匹配');
    expect(server.sends).toEqual([]);
    expect(leftBehind([error], lines)).not.toContain(wrong);
  });

  it("bad token, another app's token, quota, unregistered channel, refused category and a long text are explained", async () => {
    const { server, sender } = await lab();
    const bad = await failure(sender.send(request('background-c2c-text', `CN_${hex(16)}`)));
    expect(bad.message).toMatch(
      /^OPPO Push refused the message \(code 10000\): The registration ID is not valid for this app/,
    );
    expect(bad.evidence).toMatchObject({ answer: { fault: 'bad-token' } });
    const other = await failure(sender.send(request('background-c2c-text', OTHER_APP_PHONE)));
    expect(other.message).toContain('belongs to another app');

    const marketing = await lab({ server: { dailyLimit: 1 }, config: { category: 'MARKETING' } });
    await marketing.sender.send(request('background-c2c-text'));
    const quota = await failure(marketing.sender.send(request('background-c2c-text')));
    expect(quota.message).toBe(
      "OPPO Push refused the message (code 33): The app's daily OPPO message limit is used up.",
    );
    expect(quota.evidence).toMatchObject({ answer: { fault: 'quota' } });

    const channel = await lab({ config: { channelId: 'not_registered' } });
    const noChannel = await failure(channel.sender.send(request('oppo-without-channel-id')));
    expect(noChannel.message).toMatch(
      /\(code 41\): OPPO refused a field of the message: most often channel_id is not registered/,
    );
    expect(noChannel.detail).toBe('Invalid Argument: channel_id not_registered is not registered');

    const category = await lab({ app: { categories: ['IM'] }, config: { category: 'NEWS' } });
    const refused = await failure(category.sender.send(request('background-c2c-text')));
    expect(refused.message).toMatch(/\(code 67\): The app may not use this category or notify_level/);

    const long = await failure(
      sender.send({
        ...request('background-c2c-text'),
        message: { ...request('background-c2c-text').message, text: 'x'.repeat(200) },
      }),
    );
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(long.message).toBe(
      "The OPPO notification's content would be 206 characters; OPPO accepts at most 128.",
    );
    expect(server.sends).toEqual([10000, 10000]);
  });

  it('an answer OPPO forces (flow control) and a message Tencent would not push', async () => {
    const { server, sender } = await lab();
    server.failNext(-2, `Flow control for ${PHONE}`);
    const limited = await failure(sender.send(request('background-c2c-text')));
    expect(limited.message).toBe(
      'OPPO Push refused the message (code -2): OPPO is limiting the request rate (flow control).',
    );
    // The vendor's words echo the registration ID: kept, but masked like everywhere else.
    expect(limited.detail).toBe(`Flow control for ${PHONE.slice(0, 8)}…`);
    expect(JSON.stringify([limited.toInfo(), limited.evidence])).not.toContain(PHONE);
    const none = await sender.send(request('background-custom-no-desc'));
    expect(none.requestId).toBeNull();
    expect(none.evidence.notSentBecause).toMatch(/without desc/);
    expect(server.sends).toEqual([-2]);
  });
});
