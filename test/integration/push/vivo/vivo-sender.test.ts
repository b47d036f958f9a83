/**
 * The vivo sender end to end on loopback: plan config with a { env } AppSecret, the MD5-signed auth,
 * the cached authToken, /message/send, and the local vivo server checking each step and answering
 * with vivo's results and invalidUser statuses. Secrets and tokens never show in logs, evidence or errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import { vivoSign } from '../../../../electron/lab/push/vivo/auth';
import { VIVO, VIVO_ERRORS } from '../../../../electron/lab/push/vivo/errors';
import { explainCode } from '../../../../electron/lab/push/direct/refusal';
import type { VivoPlanSender } from '../../../../shared/runs/plan';
import { startVivoServer, type VivoServer, type VivoServerOptions } from '../../../virtual-lab/vivo/server';
import { failure, hex, labDeps, leftBehind, scenarioRequest } from '../direct/helpers';

const APP = {
  appId: '105123456',
  appKey: 'b7d0e1a2-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  package: 'com.pushlab.demo',
};
const APP_SECRET = hex(16);
const PHONE = `1650${hex(10)}`;
const OTHER_APP_PHONE = `1650${hex(10)}`;
const servers: VivoServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(
  options: { server?: Partial<VivoServerOptions>; config?: Partial<VivoPlanSender>; secret?: string } = {},
) {
  const { deps, lines, clock } = labDeps({ VIVO_APP_SECRET: options.secret ?? APP_SECRET });
  const server = await startVivoServer({
    app: { ...APP, appSecret: APP_SECRET },
    devices: [
      { token: PHONE, package: APP.package },
      { token: OTHER_APP_PHONE, package: 'com.other.app' },
    ],
    testDevices: [PHONE],
    now: () => clock.now,
    ...options.server,
  });
  servers.push(server);
  const sender = createSender(
    {
      kind: 'vivo',
      appId: APP.appId,
      appKey: APP.appKey,
      appSecret: { env: 'VIVO_APP_SECRET' },
      baseUrl: server.url,
      ...options.config,
    },
    deps,
  );
  return { server, sender, lines, clock };
}

const request = (id: string, token = PHONE) => scenarioRequest(id, 'vivo', token);

describe('vivo sender -> local vivo push server', () => {
  it('authorises once and sends a test push with classification, category and ext; taskId is the request id', async () => {
    const { server, sender, lines } = await lab();
    const first = await sender.send(request('background-c2c-text'));
    const second = await sender.send(request('background-ext-redirect'));
    expect(server.authCalls).toEqual([0]);
    expect(server.accepted.map((p) => p.messageId)).toEqual([first.requestId, second.requestId]);
    expect(server.accepted[0]?.raw).toMatchObject({
      appId: 105123456,
      regId: PHONE,
      title: 'Denny',
      content: 'Denny:PushLab offline check',
      classification: 1,
      category: 'IM',
      pushMode: 1,
      skipType: 1,
      notifyType: 4,
    });
    expect(server.accepted[0]?.raw?.requestId).toMatch(/^pushlab-[0-9a-f-]{36}$/);
    expect(server.accepted[1]?.raw?.clientCustomMap).toEqual({
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
    expect(first.evidence).toMatchObject({
      kind: 'vivo',
      deviceToken: `${PHONE.slice(0, 8)}…`,
      answer: { result: 0 },
    });
    const all = leftBehind([first, second], lines);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(APP_SECRET);
    expect(all).not.toMatch(/[0-9a-f]{40}/);
  });

  it("sends the scenario's classification and category; the plan's pair overrides them", async () => {
    const scenario = await lab({ config: { pushMode: 'test' } });
    await scenario.sender.send(request('low-class-message'));
    expect(scenario.server.accepted[0]?.raw).toMatchObject({ classification: 0, category: 'MARKETING' });
    const plan = await lab({ config: { category: 'ORDER' } });
    await plan.sender.send(request('low-class-message'));
    expect(plan.server.accepted[0]?.raw).toMatchObject({ classification: 1, category: 'ORDER' });
  });

  it('fetches a new authToken every 2 hours, and once after vivo refuses it', async () => {
    const { server, sender, clock } = await lab();
    await sender.send(request('background-c2c-text'));
    clock.now += 1.5 * 3_600_000;
    await sender.send(request('background-c2c-text'));
    expect(server.authCalls).toEqual([0]);
    clock.now += 3_600_000;
    await sender.send(request('background-c2c-text'));
    expect(server.authCalls).toEqual([0, 0]);
    server.revokeTokens();
    const receipt = await sender.send(request('background-c2c-text'));
    expect(receipt.evidence.renewedAuthToken).toBe(true);
    expect(server.sends).toEqual(['0', '0', '0', '10000', '0']);
  });

  it('a wrong AppSecret is refused at auth; the secret is stripped', async () => {
    const wrong = hex(16);
    const { server, sender, lines } = await lab({ secret: wrong });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toMatch(
      /^vivo Push refused the message \(code 10205\): vivo refused the auth signature/,
    );
    expect(server.sends).toEqual([]);
    expect(leftBehind([error], lines)).not.toContain(wrong);
  });

  it('unknown regId, another app, not a test device, uninstalled, quota, category and a long title are explained', async () => {
    const { server, sender } = await lab({ server: { testDevices: [] } });
    expect((await failure(sender.send(request('background-c2c-text', `1650${hex(10)}`)))).message).toBe(
      'vivo Push refused the message (code invalidUser.1): vivo does not know this regId (wrong, or from another app).',
    );
    expect(
      (await failure(sender.send(request('background-c2c-text', OTHER_APP_PHONE)))).evidence.answer,
    ).toMatchObject({ fault: 'bad-token' });
    const notTest = await failure(sender.send(request('background-c2c-text')));
    expect(notTest.hint).toContain('sender.pushMode to "production"');

    const production = await lab({ server: { dailyLimit: 1 }, config: { pushMode: 'production' } });
    await production.sender.send(request('background-c2c-text'));
    production.server.unsubscribe(PHONE);
    expect((await failure(production.sender.send(request('background-c2c-text')))).message).toMatch(
      /\(code invalidUser\.2\)/,
    );
    production.server.addDevice({ token: `1650${'a'.repeat(20)}`, package: APP.package });
    const quota = await failure(
      production.sender.send(request('background-c2c-text', `1650${'a'.repeat(20)}`)),
    );
    expect(quota.message).toBe(
      "vivo Push refused the message (code 10070): The app's daily vivo send total is used up.",
    );
    expect(quota.evidence).toMatchObject({ answer: { fault: 'quota' } });

    // The plan's pair overrides the scenario's as a whole, so only a plan that names both can disagree.
    const mismatch = await lab({ config: { category: 'MARKETING', classification: 1 } });
    expect((await failure(mismatch.sender.send(request('background-c2c-text')))).message).toMatch(
      /^vivo Push refused the message \(code 10097\): The category does not match the classification/,
    );

    const long = await failure(
      sender.send({
        ...request('background-c2c-text'),
        message: { ...request('background-c2c-text').message, push: { title: '通知'.repeat(11) } },
      }),
    );
    expect(long.message).toBe(
      "The vivo notification's title would be 44 width units; vivo accepts at most 40.",
    );
    expect(server.sends).toEqual(['invalidUser.1', 'invalidUser.1', 'invalidUser.4']);
  });

  it("the emulator refuses a body appId that is not the token's app (10094) and an auth without appId", async () => {
    const { server, clock } = await lab();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) =>
        r.json(),
      );
    expect(await post('/message/auth', {})).toEqual({ result: 10200, desc: 'appId 不能为空' });
    const sign = vivoSign(APP.appId, APP.appKey, clock.now, APP_SECRET);
    const auth = (await post('/message/auth', {
      appId: 105123456,
      appKey: APP.appKey,
      timestamp: clock.now,
      sign,
    })) as {
      authToken: string;
    };
    const body = { appId: 999, regId: PHONE, title: 't', content: 'c', requestId: 'x' };
    expect(await post('/message/send', body, { authToken: auth.authToken })).toEqual({
      result: 10094,
      desc: 'appId 与鉴权信息不一致',
    });
    expect(explainCode(VIVO_ERRORS, '10094', VIVO).en.fault).toBe('package-mismatch');
  });
});
