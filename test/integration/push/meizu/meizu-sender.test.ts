/**
 * The Meizu sender end to end on loopback: plan config with a { env } AppSecret, the MD5 signature
 * over the sorted parameters, pushByPushId, and the local Flyme server checking the signature and
 * message and answering with Meizu's codes, refused pushIds listed under their code in `value`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../../../electron/lab/push';
import { meizuSign } from '../../../../electron/lab/push/meizu/sign';
import type { MeizuPlanSender } from '../../../../shared/runs/plan';
import {
  MEIZU_PATH,
  startMeizuServer,
  type MeizuServer,
  type MeizuServerOptions,
} from '../../../virtual-lab/meizu/server';
import { failure, hex, labDeps, leftBehind, scenarioRequest } from '../direct/helpers';

const APP = { appId: '123456', package: 'com.pushlab.demo' };
const APP_SECRET = hex(16);
const PHONE = `UU${hex(15)}`;
const OTHER_APP_PHONE = `UU${hex(15)}`;
const servers: MeizuServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function lab(
  options: { server?: Partial<MeizuServerOptions>; config?: Partial<MeizuPlanSender>; secret?: string } = {},
) {
  const { deps, lines, clock } = labDeps({ MEIZU_APP_SECRET: options.secret ?? APP_SECRET });
  const server = await startMeizuServer({
    app: { ...APP, appSecret: APP_SECRET },
    devices: [
      { token: PHONE, package: APP.package },
      { token: OTHER_APP_PHONE, package: 'com.other.app' },
    ],
    now: () => clock.now,
    ...options.server,
  });
  servers.push(server);
  const sender = createSender(
    {
      kind: 'meizu',
      appId: APP.appId,
      appSecret: { env: 'MEIZU_APP_SECRET' },
      baseUrl: server.url,
      ...options.config,
    },
    deps,
  );
  return { server, sender, lines };
}

const request = (id: string, token = PHONE) => scenarioRequest(id, 'meizu', token);

describe('Meizu sender -> local Flyme push server', () => {
  it('signs each request and sends a private (私信) notification with ext; msgId is the request id', async () => {
    const { server, sender, lines } = await lab();
    const first = await sender.send(request('background-c2c-text'));
    const second = await sender.send(request('background-ext-redirect'));
    expect(server.sends).toEqual(['200', '200']);
    expect(server.accepted.map((p) => p.messageId)).toEqual([first.requestId, second.requestId]);
    expect(server.accepted[0]?.raw).toMatchObject({
      noticeBarInfo: { noticeMsgType: 1, title: 'Denny', content: 'Denny:PushLab offline check' },
      clickTypeInfo: { clickType: 0 },
      pushTimeInfo: { offLine: 1 },
    });
    expect(server.accepted[1]?.ext).toBe('{"conversation":"c2c_pushlab_sender"}');
    expect(first.evidence).toMatchObject({
      kind: 'meizu',
      deviceToken: `${PHONE.slice(0, 8)}…`,
      answer: { code: '200' },
    });
    const all = leftBehind([first, second], lines);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(APP_SECRET);
  });

  it("sends the scenario's noticeMsgType; the plan's overrides it", async () => {
    const scenario = await lab();
    await scenario.sender.send(request('low-class-message'));
    expect(scenario.server.accepted[0]?.raw).toMatchObject({ noticeBarInfo: { noticeMsgType: 0 } });
    const plan = await lab({ config: { noticeMsgType: 1 } });
    await plan.sender.send(request('low-class-message'));
    expect(plan.server.accepted[0]?.raw).toMatchObject({ noticeBarInfo: { noticeMsgType: 1 } });
  });

  it('a wrong AppSecret is a signature refusal (1006); there is no token to renew, the secret is stripped', async () => {
    const wrong = hex(16);
    const { server, sender, lines } = await lab({ secret: wrong });
    const error = await failure(sender.send(request('background-c2c-text')));
    expect(error.message).toBe(
      'Flyme Push refused the message (code 1006): Flyme refused the signature: the AppSecret does not belong to this App ID.',
    );
    expect(server.sends).toEqual(['1006']);
    expect(leftBehind([error], lines)).not.toContain(wrong);
  });

  it('a "200" that lists the pushId under 110003 or 110002 is a refusal; quota, rate and long text are explained', async () => {
    const { server, sender } = await lab();
    const unknown = await failure(sender.send(request('background-c2c-text', `UU${hex(15)}`)));
    expect(unknown.message).toMatch(
      /^Flyme Push refused the message \(code 110003\): The pushId is not valid for this app/,
    );
    expect(unknown.evidence.answer).toMatchObject({ code: '200', pushIdRefused: '110003' });
    expect(
      (await failure(sender.send(request('background-c2c-text', OTHER_APP_PHONE)))).evidence.answer,
    ).toMatchObject({ fault: 'bad-token' });
    server.unsubscribe(PHONE);
    expect((await failure(sender.send(request('background-c2c-text')))).message).toMatch(
      /\(code 110002\): The pushId is not registered/,
    );

    const publicLab = await lab({ server: { dailyPublicLimit: 1 }, config: { noticeMsgType: 0 } });
    await publicLab.sender.send(request('background-c2c-text'));
    const quota = await failure(publicLab.sender.send(request('background-c2c-text')));
    expect(quota.message).toBe(
      "Flyme Push refused the message (code 110011): The app's daily public (公信) message limit is used up.",
    );
    publicLab.server.failNext('110010', '应用推送速率过快');
    expect(
      (await failure(publicLab.sender.send(request('background-c2c-text')))).evidence.answer,
    ).toMatchObject({
      fault: 'rate',
    });

    const long = await failure(
      sender.send({
        ...request('background-c2c-text'),
        message: { ...request('background-c2c-text').message, push: { title: 'T'.repeat(33) } },
      }),
    );
    expect(long.message).toBe(
      "The Flyme notification's title would be 33 characters; Flyme accepts at most 32.",
    );
  });

  it('the emulator checks the sorted-parameter signature and the message fields', async () => {
    const { server } = await lab();
    const post = (params: Record<string, string>) =>
      fetch(`${server.url}${MEIZU_PATH}`, {
        method: 'POST',
        body: new URLSearchParams(params).toString(),
      }).then((r) => r.json());
    const messageJson = JSON.stringify({
      noticeBarInfo: { noticeMsgType: 1, title: 'x'.repeat(33), content: 'c' },
    });
    const params = { appId: APP.appId, pushIds: PHONE, messageJson };
    // The documented example: k1=v1k2=v2k3=v3 + secret.
    expect(meizuSign({ k2: 'v2', k1: 'v1', k3: 'v3' }, 's')).toBe(
      (await import('node:crypto')).createHash('md5').update('k1=v1k2=v2k3=v3s').digest('hex'),
    );
    expect(await post({ ...params, sign: meizuSign(params, APP_SECRET) })).toMatchObject({ code: '1005' });
    expect(await post({ ...params, appId: '1', sign: 'x' })).toMatchObject({ code: '110000' });
    expect(await post({ appId: APP.appId, pushIds: PHONE, sign: 'x' })).toMatchObject({ code: '110004' });
  });
});
