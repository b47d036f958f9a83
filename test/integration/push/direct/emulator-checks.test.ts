/**
 * The OPPO and vivo emulators refuse what the vendors document as refused, with the vendors'
 * answer shapes, for requests the PushLab senders never make (a stale timestamp, no token, a
 * notify_level without category, an over-long text, an unknown category).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { oppoSign } from '../../../../electron/lab/push/oppo/auth';
import { vivoSign } from '../../../../electron/lab/push/vivo/auth';
import { startOppoServer, type OppoServer } from '../../../virtual-lab/oppo/server';
import { startVivoServer, type VivoServer } from '../../../virtual-lab/vivo/server';

const NOW = 1_762_135_200_000;
const servers: (OppoServer | VivoServer)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const form = (url: string, params: Record<string, string>): Promise<unknown> =>
  fetch(url, { method: 'POST', body: new URLSearchParams(params).toString() }).then((r) => r.json());
const json = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> =>
  fetch(url, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());

describe('OPPO emulator', () => {
  it('checks the auth timestamp and token, the message fields, lengths and notify_level', async () => {
    const server = await startOppoServer({
      app: { appKey: 'key12345', masterSecret: 'master-secret', package: 'com.pushlab.demo' },
      devices: [{ token: 'CN_0123456789abcdef', package: 'com.pushlab.demo' }],
      now: () => NOW,
    });
    servers.push(server);
    const stale = String(NOW - 11 * 60_000);
    expect(
      await form(`${server.url}/server/v1/auth`, {
        app_key: 'key12345',
        timestamp: stale,
        sign: oppoSign('key12345', stale, 'master-secret'),
      }),
    ).toEqual({ code: 19, message: 'Invalid Timestamp' });
    const ts = String(NOW);
    const auth = (await form(`${server.url}/server/v1/auth`, {
      app_key: 'key12345',
      timestamp: ts,
      sign: oppoSign('key12345', ts, 'master-secret'),
    })) as { data: { auth_token: string } };
    const unicast = (message: unknown, token: string | null = auth.data.auth_token) =>
      form(`${server.url}/server/v1/message/notification/unicast`, {
        ...(token === null ? {} : { auth_token: token }),
        message: JSON.stringify(message),
      });
    const target = { target_type: 2, target_value: 'CN_0123456789abcdef' };
    expect(await unicast({ ...target, notification: { title: 't', content: 'c' } }, null)).toEqual({
      code: 29,
      message: 'Auth Token Is Null',
    });
    expect(await unicast({ ...target, notification: { title: 't' } })).toMatchObject({ code: 40 });
    expect(await unicast({ ...target, notification: { title: 't', content: 'c'.repeat(51) } })).toMatchObject(
      {
        code: 41,
        message: 'Invalid Argument: content longer than 50',
      },
    );
    expect(
      await unicast({ ...target, notification: { title: 't', content: 'c'.repeat(51), style: 2 } }),
    ).toMatchObject({ code: 0 });
    expect(
      await unicast({ ...target, notification: { title: 't', content: 'c', notify_level: 2 } }),
    ).toMatchObject({ code: 67 });
    expect(
      await unicast({
        ...target,
        notification: { title: 't', content: 'c', category: 'IM', notify_level: 16 },
      }),
    ).toMatchObject({
      code: 67,
    });
    expect(server.accepted).toHaveLength(1);
  });
});

describe('vivo emulator', () => {
  it('checks the auth signature window, widths and categories', async () => {
    const app = { appId: '105', appKey: 'vivo-key', appSecret: 'vivo-secret', package: 'com.pushlab.demo' };
    const server = await startVivoServer({
      app,
      devices: [{ token: '16500000000000000000000', package: app.package }],
      now: () => NOW,
    });
    servers.push(server);
    const late = NOW + 11 * 60_000;
    expect(
      await json(`${server.url}/message/auth`, {
        appId: 105,
        appKey: 'vivo-key',
        timestamp: late,
        sign: vivoSign('105', 'vivo-key', late, 'vivo-secret'),
      }),
    ).toMatchObject({ result: 10205 });
    const auth = (await json(`${server.url}/message/auth`, {
      appId: 105,
      appKey: 'vivo-key',
      timestamp: NOW,
      sign: vivoSign('105', 'vivo-key', NOW, 'vivo-secret'),
    })) as { authToken: string };
    const send = (body: Record<string, unknown>) =>
      json(
        `${server.url}/message/send`,
        { appId: 105, regId: '16500000000000000000000', requestId: 'r', ...body },
        {
          authToken: auth.authToken,
        },
      );
    expect(await send({ title: '通知'.repeat(11), content: 'c' })).toMatchObject({ result: 10055 });
    expect(await send({ title: 't', content: 'c', category: 'CHAT' })).toMatchObject({ result: 10096 });
    expect(await send({ title: 't', content: 'c', category: 'IM', classification: 1 })).toMatchObject({
      result: 0,
    });
    expect(server.accepted).toHaveLength(1);
  });
});
