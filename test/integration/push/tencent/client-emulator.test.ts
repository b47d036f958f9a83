import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import {
  TencentApiError,
  createTencentImClient,
  type TencentImClientOptions,
} from '../../../../electron/lab/push/tencent/client';
import type { C2CMessage, GroupMessage } from '../../../../electron/lab/push/tencent/types';
import { verifyUserSig } from '../../../../electron/lab/push/tencent/usersig';
import { createLogger } from '../../../../electron/lab/util/logger';
import {
  startTencentEmulator,
  type SentMessage,
  type TencentEmulator,
} from '../../../virtual-lab/tencent/emulator';

const APP = {
  sdkAppId: 20001234,
  secretKey: 'emulator-secret-0123456789abcdef',
  adminIdentifier: 'administrator',
};
let emu: TencentEmulator;

const client = (extra: Partial<TencentImClientOptions> = {}) =>
  createTencentImClient({ ...APP, baseUrl: emu.url, timeoutMs: 3000, ...extra });
const text = (Text: string) => ({ MsgType: 'TIMTextElem' as const, MsgContent: { Text } });
const c2c = (extra: Partial<C2CMessage> = {}): C2CMessage => ({
  SyncOtherMachine: 2,
  To_Account: 'phone-xiaomi',
  MsgBody: [text('hello')],
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<TencentApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TencentApiError);
  return error as TencentApiError;
}

beforeAll(async () => {
  emu = await startTencentEmulator({
    ...APP,
    accounts: ['phone-xiaomi', 'phone-oppo', 'alice'],
    groups: { 'qa-group': ['phone-xiaomi', 'phone-oppo', 'alice'] },
  });
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.setResponseDelay(0));

describe('sendC2C against the emulator', () => {
  it('sends a text message with OfflinePushInfo and gets a MsgKey back', async () => {
    const seen: SentMessage[] = [];
    const off = emu.onMessage((m) => seen.push(m));
    const result = await client().sendC2C(
      c2c({
        MsgBody: [
          text('hello'),
          {
            MsgType: 'TIMCustomElem',
            MsgContent: { Data: '{"k":1}', Desc: 'custom desc', Ext: 'x', Sound: 'dingdong' },
          },
        ],
        OfflinePushInfo: {
          PushFlag: 0,
          Title: 'PushLab',
          Desc: 'offline text',
          Ext: '{"run":"r1"}',
          AndroidInfo: {
            Sound: 'ring',
            OPPOChannelID: 'im',
            HuaWeiImportance: 'NORMAL',
            VIVOClassification: 1,
            XiaoMiChannelID: 'high',
          },
          ApnsInfo: { Sound: 'ring.caf', BadgeMode: 1, Title: 't', SubTitle: 's', MutableContent: 1 },
        },
      }),
    );
    off();
    expect(result.msgKey).toMatch(/^\d+_\d+_\d+$/);
    expect(Math.abs(result.msgTime - Date.now() / 1000)).toBeLessThan(5);
    expect(seen).toHaveLength(1);
    const got = seen[0];
    expect(got).toMatchObject({
      kind: 'c2c',
      from: 'administrator',
      to: 'phone-xiaomi',
      msgKey: result.msgKey,
    });
    if (got?.kind !== 'c2c') throw new Error('expected a one-to-one message');
    expect(got.body.MsgRandom).toBe(result.msgRandom);
    expect(got.body.OfflinePushInfo?.AndroidInfo?.OPPOChannelID).toBe('im');
    expect(emu.received.at(-1)).toEqual(got);
  });

  it('sends the documented query parameters with a fresh admin UserSig, reused while valid', async () => {
    const before = emu.requests.length;
    const c = client({
      random: (() => {
        let n = 41;
        return () => ++n;
      })(),
    });
    await c.sendC2C(c2c({ MsgRandom: 7 }));
    await c.sendC2C(c2c({ MsgRandom: 8 }));
    const [a, b] = emu.requests.slice(before);
    expect(a?.path).toBe('/v4/openim/sendmsg');
    expect(a?.query).toMatchObject({
      sdkappid: '20001234',
      identifier: 'administrator',
      random: '42',
      contenttype: 'json',
    });
    expect(b?.query.random).toBe('43');
    expect(b?.query.usersig).toBe(a?.query.usersig);
    expect(verifyUserSig(a?.query.usersig ?? '', APP)).toMatchObject({
      ok: true,
      identifier: 'administrator',
    });
  });

  it('renews the UserSig when the cached one nears expiry', async () => {
    let now = Date.now();
    const c = client({
      userSigTtlSeconds: 3600,
      clock: { now: () => now, iso: () => new Date(now).toISOString() },
    });
    const before = emu.requests.length;
    await c.sendC2C(c2c());
    now += 3_000_000; // 50 min: still inside the 3600 s lifetime minus its 6 min margin
    await c.sendC2C(c2c());
    now += 300_000; // 55 min: inside the margin, so a new one is signed
    await c.sendC2C(c2c());
    const [a, b, c3] = emu.requests.slice(before);
    expect(b?.query.usersig).toBe(a?.query.usersig);
    expect(c3?.query.usersig).not.toBe(b?.query.usersig);
  });

  it('explains an expired UserSig (70001) and does not reuse it', async () => {
    // The client's clock is two days behind, so what it signs is already expired for Tencent.
    let past = Date.now() - 2 * 86_400_000;
    const c = client({ clock: { now: () => past, iso: () => '' } });
    const before = emu.requests.length;
    const error = await refusal(c.sendC2C(c2c()));
    expect(error.tencentCode).toBe(70001);
    expect(error.message).toBe('Tencent IM refused v4/openim/sendmsg: The UserSig has expired.');
    expect(error.hint).toMatch(/clock/);
    expect(error.toInfo().code).toBe('COMMAND_FAILED');
    past += 60_000; // the cached sig would still be "fresh" for the client: it must sign anew anyway
    expect((await refusal(c.sendC2C(c2c()))).tencentCode).toBe(70001);
    const [a, b] = emu.requests.slice(before);
    expect(b?.query.usersig).not.toBe(a?.query.usersig);
  });

  it('refuses a wrong SDKAppID, a wrong secret key and a non-admin identifier', async () => {
    expect((await refusal(client({ sdkAppId: 20009999 }).sendC2C(c2c()))).tencentCode).toBe(70020);
    expect((await refusal(client({ secretKey: 'not-the-right-key-000' }).sendC2C(c2c()))).tencentCode).toBe(
      70003,
    );
    expect((await refusal(client({ adminIdentifier: 'alice' }).sendC2C(c2c()))).tencentCode).toBe(90009);
  });

  it('reports bad bodies with the documented ErrorCodes', async () => {
    const c = client();
    const cases: [unknown, number][] = [
      [{ ...c2c(), To_Account: undefined }, 90003],
      [{ ...c2c(), MsgBody: 'hello' }, 90007],
      [{ ...c2c(), MsgBody: [] }, 90002],
      [{ ...c2c(), MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 5 } }] }, 90002],
      [{ ...c2c(), MsgBody: [{ MsgType: 'TIMNopeElem', MsgContent: {} }] }, 90002],
      [{ ...c2c(), MsgLifeTime: 604801 }, 90026],
      [{ ...c2c(), OfflinePushInfo: { PushFlag: 2 } }, 90010],
      [{ ...c2c(), OfflinePushInfo: { AndroidInfo: { VIVOClassification: '1' } } }, 90010],
      [{ ...c2c(), To_Account: 'nobody' }, 20003],
    ];
    for (const [body, code] of cases) {
      const error = await refusal(c.sendC2C(body as C2CMessage));
      expect(error.tencentCode, JSON.stringify(body)).toBe(code);
      expect(error.detail).toMatch(new RegExp(`^ErrorCode ${code}: `));
    }
  });

  it('times out with a TIMEOUT LabError when Tencent does not answer', async () => {
    emu.setResponseDelay(1500);
    const error = await client({ timeoutMs: 300 })
      .sendC2C(c2c())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('TIMEOUT');
    // The emulator does answer (with success) after 1.5 s: a TIMEOUT proves the client gave up at
    // its own deadline instead of waiting. No wall-clock bound: a loaded machine stretches it.
    expect((error as LabError).message).not.toMatch(/MsgKey/);
  });

  it('maps a refused connection to COMMAND_FAILED', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const error = await client({ baseUrl: `http://127.0.0.1:${port}` })
      .sendC2C(c2c())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as LabError).code).toBe('COMMAND_FAILED');
    expect((error as LabError).message).toContain('ECONNREFUSED');
  });
});

describe('sendGroup against the emulator', () => {
  const group = (extra: Partial<GroupMessage> = {}): GroupMessage => ({
    GroupId: 'qa-group',
    MsgBody: [text('hi all')],
    ...extra,
  });

  it('sends a group message and gets increasing MsgSeq values', async () => {
    const c = client();
    const a = await c.sendGroup(
      group({ OfflinePushInfo: { Desc: 'group push', AndroidInfo: { HuaWeiCategory: 'IM' } } }),
    );
    const b = await c.sendGroup(group({ From_Account: 'alice' }));
    expect(b.msgSeq).toBe(a.msgSeq + 1);
    expect(emu.received.at(-1)).toMatchObject({
      kind: 'group',
      groupId: 'qa-group',
      from: 'alice',
      msgSeq: b.msgSeq,
    });
  });

  it('refuses unknown groups, bad bodies and non-members', async () => {
    const c = client();
    expect((await refusal(c.sendGroup(group({ GroupId: 'gone' })))).tencentCode).toBe(10010);
    expect(
      (
        await refusal(
          c.sendGroup({
            ...group(),
            MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: { UUID: 'u' } }],
          } as unknown as GroupMessage),
        )
      ).tencentCode,
    ).toBe(10004);
    const outsider = await startTencentEmulator({ ...APP, groups: { g: ['alice'] } });
    try {
      const error = await refusal(
        createTencentImClient({ ...APP, baseUrl: outsider.url }).sendGroup({
          GroupId: 'g',
          From_Account: 'bob',
          MsgBody: [text('x')],
        }),
      );
      expect(error.tencentCode).toBe(10007);
    } finally {
      await outsider.close();
    }
  });
});

describe('account_import and query_online_status against the emulator', () => {
  it('imports an account with its nickname: the account then exists and the emulator keeps the nickname', async () => {
    const c = client();
    expect((await refusal(c.sendC2C(c2c({ From_Account: 'newcomer' })))).tencentCode).toBe(90008);
    await c.importAccount({ UserID: 'newcomer', Nick: 'New Comer' });
    expect(emu.nicknames.get('newcomer')).toBe('New Comer');
    expect(emu.imports.at(-1)).toEqual({ UserID: 'newcomer', Nick: 'New Comer' });
    await expect(c.sendC2C(c2c({ From_Account: 'newcomer' }))).resolves.toMatchObject({
      msgKey: expect.any(String),
    });
    await c.importAccount({ UserID: 'newcomer' });
    expect(emu.nicknames.get('newcomer')).toBe('New Comer');
    await c.importAccount({ UserID: 'newcomer', Nick: '' });
    expect(emu.nicknames.has('newcomer')).toBe(false);
    expect(emu.requests.at(-1)?.path).toBe('/v4/im_open_login_svc/account_import');
  });

  it('maps account_import refusals to sentences (70402 bad UserID, 40601 long nickname, 70403 not admin)', async () => {
    const c = client();
    const bad = await refusal(c.importAccount({ UserID: 'x'.repeat(33) }));
    expect(bad.tencentCode).toBe(70402);
    expect(bad.message).toBe(
      'Tencent IM refused v4/im_open_login_svc/account_import: A parameter is invalid.',
    );
    const long = await refusal(c.importAccount({ UserID: 'a1', Nick: 'n'.repeat(501) }));
    expect(long.tencentCode).toBe(40601);
    expect(long.hint).toBe('Shorten the nickname.');
    expect(
      (await refusal(client({ adminIdentifier: 'alice' }).importAccount({ UserID: 'a2' }))).tencentCode,
    ).toBe(70403);
  });

  it("queries online status: PushOnline by default, the presence option's answer otherwise, 70107 for unknown accounts", async () => {
    expect((await client().queryOnlineStatus(['phone-xiaomi', 'ghost'])).statuses).toEqual(
      new Map([['phone-xiaomi', 'PushOnline']]),
    );
    const states = await startTencentEmulator({
      ...APP,
      accounts: ['on', 'off'],
      presence: (a) => (a === 'on' ? 'Online' : 'Offline'),
    });
    try {
      const result = await createTencentImClient({ ...APP, baseUrl: states.url }).queryOnlineStatus([
        'on',
        'off',
        'ghost',
      ]);
      expect(result.statuses).toEqual(
        new Map([
          ['on', 'Online'],
          ['off', 'Offline'],
        ]),
      );
      expect(result.errors).toEqual(new Map([['ghost', 70107]]));
      expect(states.requests.at(-1)?.path).toBe('/v4/openim/query_online_status');
    } finally {
      await states.close();
    }
  });

  it('refuses an empty or oversized query before sending it', async () => {
    const before = emu.requests.length;
    for (const accounts of [[], Array.from({ length: 501 }, (_, i) => `u${i}`)]) {
      const error = await client()
        .queryOnlineStatus(accounts)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((error as LabError).code).toBe('INVALID_ARGUMENT');
    }
    expect(emu.requests.length).toBe(before);
  });
});

describe('secrets stay out of errors and logs', () => {
  let echo: Server;
  let echoUrl = '';
  beforeAll(async () => {
    // A hostile or buggy endpoint that echoes the whole request URL (with the usersig) back.
    echo = createServer((req, res) => {
      const status = req.url?.includes('sendmsg') ? 200 : 502;
      const body =
        status === 200
          ? JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 70003, ErrorInfo: `bad sig in ${req.url}` })
          : `gateway ${req.url}`;
      res.writeHead(status).end(body);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => echo.close(() => r()));
  });

  it('redacts the secret key and UserSig from error text and never logs them', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', sink: (l) => lines.push(l) });
    const c = createTencentImClient({ ...APP, baseUrl: echoUrl, logger });
    const errors = [
      await c.sendC2C(c2c()).then(
        () => undefined,
        (e: unknown) => e,
      ),
      await c.sendGroup({ GroupId: 'g', MsgBody: [text('x')] }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    ] as LabError[];
    expect(errors[0]?.detail).toContain('[redacted]');
    expect(errors[1]?.message).toContain('HTTP 502');
    const everything =
      JSON.stringify(errors.map((e) => ({ ...e.toInfo(), stack: e.stack }))) + lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain(APP.secretKey);
    expect(everything).not.toMatch(/eJ[wy][A-Za-z0-9*\-_]{20,}/); // no UserSig
  });
});
