import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { SendError } from '../../../../electron/lab/push/send-error';
import {
  createTencentSender,
  type TencentPlanSender,
} from '../../../../electron/lab/push/tencent/tencent-sender';
import type { SendRequest, SenderDeps } from '../../../../electron/lab/push/sender-types';
import {
  TencentApiError,
  type TencentImClient,
  type TencentImClientOptions,
} from '../../../../electron/lab/push/tencent/client';
import type {
  AccountImportRequest,
  C2CMessage,
  GroupMessage,
  TencentOnlineStatus,
} from '../../../../electron/lab/push/tencent/types';
import { createLogger } from '../../../../electron/lab/util/logger';
import { SCENARIOS } from '../../../../shared/scenarios';

const SECRET = 'tencent-secret-key-0123456789abcdef';
const CONFIG: TencentPlanSender = {
  kind: 'tencent',
  sdkAppId: 1400000001,
  adminIdentifier: 'administrator',
  baseUrl: 'http://127.0.0.1:9',
  secret: { env: 'PUSHLAB_TENCENT_SECRET' },
  groupId: 'lab-team',
};

/** A client double recording every call, answering like Tencent would. */
function fakeClient(
  behaviour: { refuse?: TencentApiError; hang?: boolean; status?: TencentOnlineStatus | 'error' } = {},
) {
  const calls: { method: string; body: unknown }[] = [];
  const options: TencentImClientOptions[] = [];
  let seq = 0;
  const respond = <T>(method: string, body: unknown, value: T): Promise<T> => {
    calls.push({ method, body });
    if (behaviour.hang) return new Promise<T>(() => {});
    if (behaviour.refuse && method !== 'importAccount') return Promise.reject(behaviour.refuse);
    return Promise.resolve(value);
  };
  const client: TencentImClient = {
    sendC2C: (m: C2CMessage) =>
      respond('sendC2C', m, { msgKey: `9_${++seq}_1700000000`, msgTime: 1700000000, msgRandom: 9 }),
    sendGroup: (m: GroupMessage) =>
      respond('sendGroup', m, { msgSeq: ++seq, msgTime: 1700000000, random: 9 }),
    importAccount: (a: AccountImportRequest) => respond('importAccount', a, undefined),
    queryOnlineStatus: (accounts: readonly string[]) =>
      respond(
        'queryOnlineStatus',
        accounts,
        behaviour.status === 'error'
          ? { statuses: new Map(), errors: new Map([[accounts[0] ?? '', 70107]]) }
          : { statuses: new Map([[accounts[0] ?? '', behaviour.status ?? 'PushOnline']]), errors: new Map() },
      ),
  };
  const factory = (o: TencentImClientOptions): TencentImClient => {
    options.push(o);
    return client;
  };
  return { factory, calls, options };
}

function deps(lines: string[], secret: () => Promise<string> = () => Promise.resolve(SECRET)): SenderDeps {
  return {
    clock: { now: () => 1_700_000_000_123, iso: () => '' },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    resolveSecret: secret,
    operator: { ask: () => Promise.resolve() },
  };
}

const scenario = (id: string) => {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const request = (id: string, extra: Partial<SendRequest> = {}): SendRequest => ({
  serial: 'R58N1',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_xiaomi' },
  scenarioId: id,
  message: scenario(id).message,
  expected: { title: null, text: null, channelId: null },
  channel: 'xiaomi',
  timeoutMs: 5000,
  ...extra,
});

describe('Tencent sender', () => {
  it('imports the sender with its nickname once, then sends; receipts carry MsgKey or GroupId#MsgSeq', async () => {
    const lines: string[] = [];
    const fake = fakeClient();
    const sender = createTencentSender(CONFIG, deps(lines), fake.factory);
    const a = await sender.send(request('background-c2c-text'));
    const b = await sender.send(request('background-image'));
    const g = await sender.send(request('screen-locked-group-text'));
    expect(fake.calls.map((c) => c.method)).toEqual(['importAccount', 'sendC2C', 'sendC2C', 'sendGroup']);
    expect(fake.calls[0]?.body).toEqual({ UserID: 'pushlab_sender', Nick: 'Denny' });
    expect(fake.options[0]).toMatchObject({
      sdkAppId: 1400000001,
      adminIdentifier: 'administrator',
      baseUrl: 'http://127.0.0.1:9',
      secretKey: SECRET,
      timeoutMs: 5000,
    });
    expect(a).toMatchObject({ sentAt: 1_700_000_000_123, requestId: '9_1_1700000000' });
    expect(a.evidence).toMatchObject({
      kind: 'tencent',
      command: 'v4/openim/sendmsg',
      body: { To_Account: 'qa_xiaomi', From_Account: 'pushlab_sender' },
      accountImport: { UserID: 'pushlab_sender', Nick: 'Denny' },
    });
    expect(b.evidence.accountImport).toBeUndefined();
    expect(g.requestId).toBe('lab-team#3');
    expect(g.evidence).toMatchObject({
      command: 'v4/group_open_http_svc/send_group_msg',
      body: { GroupId: 'lab-team' },
      recipient: 'qa_xiaomi',
    });
    // The key reaches the client only: never a receipt or a log line.
    expect(JSON.stringify([a, b, g]) + lines.join('\n')).not.toContain(SECRET);
  });

  it('imports again when the same sender ID comes without its nickname (Nick "" clears it)', async () => {
    const fake = fakeClient();
    const sender = createTencentSender(CONFIG, deps([]), fake.factory);
    await sender.send(request('background-c2c-text'));
    await sender.send(request('background-c2c-text-no-nickname'));
    await sender.send(request('background-c2c-text-no-nickname'));
    expect(fake.calls.filter((c) => c.method === 'importAccount').map((c) => c.body)).toEqual([
      { UserID: 'pushlab_sender', Nick: 'Denny' },
      { UserID: 'pushlab_sender', Nick: '' },
    ]);
  });

  it('a group scenario without sender.groupId fails as PLAN_INVALID before anything is sent', async () => {
    const fake = fakeClient();
    const { groupId: _g, ...noGroup } = CONFIG;
    const error = await createTencentSender(noGroup, deps([]), fake.factory)
      .send(request('screen-locked-group-text'))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).code).toBe('PLAN_INVALID');
    expect((error as SendError).hint).toMatch(/sender\.groupId/);
    expect((error as SendError).sentAt).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it("a Tencent refusal is SEND_FAILED with Tencent's sentence, the ErrorCode and the request kept", async () => {
    const lines: string[] = [];
    const fake = fakeClient({
      refuse: new TencentApiError('v4/openim/sendmsg', 20003, `To_Account invalid (sig ${SECRET})`),
    });
    const error = (await createTencentSender(CONFIG, deps(lines), fake.factory)
      .send(request('background-c2c-text'))
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as SendError;
    expect(error.code).toBe('SEND_FAILED');
    expect(error.message).toBe(
      'Tencent IM refused v4/openim/sendmsg: The sender or recipient user ID is invalid or does not exist.',
    );
    expect(error.hint).toMatch(/Import the account/);
    expect(error.detail).toMatch(/^ErrorCode 20003: /);
    expect((error.cause as TencentApiError).tencentCode).toBe(20003);
    expect(error.sentAt).toBe(1_700_000_000_123);
    expect(error.evidence).toMatchObject({ body: { To_Account: 'qa_xiaomi' } });
    expect(JSON.stringify({ ...error.toInfo(), evidence: error.evidence }) + lines.join('\n')).not.toContain(
      SECRET,
    );
  });

  it('a missing secret is SECRET_UNAVAILABLE, and is looked up again on the next send', async () => {
    let tries = 0;
    const fake = fakeClient();
    const sender = createTencentSender(
      CONFIG,
      deps([], () => {
        tries += 1;
        return tries === 1
          ? Promise.reject(
              new LabError(
                'SECRET_UNAVAILABLE',
                'The secret from environment variable PUSHLAB_TENCENT_SECRET is not set.',
                { hint: 'Set it.' },
              ),
            )
          : Promise.resolve(SECRET);
      }),
      fake.factory,
    );
    const error = (await sender.send(request('background-c2c-text')).then(
      () => undefined,
      (e: unknown) => e,
    )) as SendError;
    expect(error.code).toBe('SECRET_UNAVAILABLE');
    expect(fake.calls).toEqual([]);
    await expect(sender.send(request('background-c2c-text'))).resolves.toMatchObject({
      requestId: expect.any(String),
    });
  });

  it('stops waiting on timeout (TIMEOUT) and on abort (CANCELLED)', async () => {
    const sender = createTencentSender(CONFIG, deps([]), fakeClient({ hang: true }).factory);
    const timedOut = (await sender.send(request('background-c2c-text', { timeoutMs: 50 })).then(
      () => undefined,
      (e: unknown) => e,
    )) as SendError;
    expect(timedOut.code).toBe('TIMEOUT');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const cancelled = (await sender.send(request('background-c2c-text', { signal: controller.signal })).then(
      () => undefined,
      (e: unknown) => e,
    )) as SendError;
    expect(cancelled.code).toBe('CANCELLED');
  });

  it('maps query_online_status to presence', async () => {
    for (const [status, presence] of [
      ['Online', 'online'],
      ['PushOnline', 'push-online'],
      ['Offline', 'offline'],
      ['error', 'unknown'],
    ] as const) {
      const sender = createTencentSender(CONFIG, deps([]), fakeClient({ status }).factory);
      expect(await sender.presence?.('qa_xiaomi')).toBe(presence);
    }
  });
});
