/**
 * The Tencent sender end to end on loopback: the plan's sender config and secret reference, the
 * real REST client, the emulator (account_import, sendmsg, send_group_msg, query_online_status),
 * the router's vendor rules, and virtual phones whose dumpsys shows what the push says. The
 * sender's nickname reaches the notification title only through account_import.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotificationRecords } from '../../../../electron/lab/android/parsers/notification-records';
import {
  createSender,
  SendError,
  type SendRequest,
  type Sender,
  type SenderDeps,
} from '../../../../electron/lab/push';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { PlanSender } from '../../../../shared/runs/plan';
import { SCENARIOS } from '../../../../shared/scenarios';
import {
  createVirtualAndroid,
  startAdbServer,
  VirtualLab,
  type AdbServerHandle,
  type VirtualAndroid,
} from '../../../virtual-lab';
import { writeTestApk } from '../../../virtual-lab/apk/build-apk';
import { startTencentEmulator, type TencentEmulator } from '../../../virtual-lab/tencent/emulator';
import {
  createPushRouter,
  type PushRouter,
  type RoutedAccount,
  type RoutedPhone,
} from '../../../virtual-lab/tencent/router';
import { DEMO_CHANNELS } from '../../../virtual-lab/world/demo-app';

const SECRET = 'sender-it-secret-0123456789abcdef';
const APP_ID = 20005678;
const ADMIN = 'administrator';
const PKG = 'com.pushlab.sent';
const GROUP = 'lab-team';

let server: AdbServerHandle;
let lab: VirtualLab;
let emulator: TencentEmulator;
let router: PushRouter;
let dir: string;
const phones: RoutedPhone[] = [];
const accounts = new Map<string, RoutedAccount>();
const logLines: string[] = [];
const receipts: unknown[] = [];

const adbShell = async (serial: string, command: string): Promise<string> =>
  (await server.adb(['-s', serial, 'shell', command], { timeoutMs: 20_000 })).stdout;
const records = async (serial: string) =>
  parseNotificationRecords(await adbShell(serial, 'dumpsys notification --noredact')).filter(
    (r) => r.pkg === PKG,
  );
const serialOf = (account: string): string => accounts.get(account)?.serial ?? '';

const deps = (): SenderDeps => ({
  clock: { now: () => Date.now(), iso: () => new Date().toISOString() },
  logger: createLogger({ level: 'debug', sink: (l) => logLines.push(l) }),
  // The CLI's way: the plan names an environment variable, the value comes from the environment.
  resolveSecret: (ref) => resolveSecret(ref, { env: { IT_TENCENT_SECRET: `${SECRET}\n` } }),
  operator: { ask: () => Promise.reject(new Error('nobody to ask')) },
});
const senderConfig = (extra: Partial<Extract<PlanSender, { kind: 'tencent' }>> = {}): PlanSender => ({
  kind: 'tencent',
  sdkAppId: APP_ID,
  adminIdentifier: ADMIN,
  baseUrl: emulator.url,
  secret: { env: 'IT_TENCENT_SECRET' },
  groupId: GROUP,
  ...extra,
});

const scenario = (id: string) => {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const request = (id: string, account: string): SendRequest => ({
  serial: serialOf(account),
  package: PKG,
  recipient: { account },
  scenarioId: id,
  message: scenario(id).message,
  expected: { title: null, text: null, channelId: null },
  channel: phones.find((p) => p.serial === serialOf(account))?.channel ?? 'fcm',
  timeoutMs: 5000,
});

let sender: Sender;

beforeAll(async () => {
  server = await startAdbServer();
  lab = await VirtualLab.start({
    adbPort: server.port,
    createBackend: (profile) =>
      createVirtualAndroid(profile, { realisticTiming: false, launchChannels: DEMO_CHANNELS }),
  });
  dir = await mkdtemp(join(tmpdir(), 'pushlab-sender-it-'));
  const apk = join(dir, 'sent.apk');
  await writeTestApk(apk, {
    packageName: PKG,
    versionCode: 1,
    permissions: ['android.permission.POST_NOTIFICATIONS', 'android.permission.INTERNET'],
  });
  const plan = [
    { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', channel: 'xiaomi', account: 'bob' },
    { profile: 'oppo-coloros15-android15-1', id: 'oppo', channel: 'oppo', account: 'dan' },
  ] as const;
  const handles = await lab.addPhones(plan.map(({ profile, id }) => ({ profile, id })));
  for (const [i, handle] of handles.entries()) {
    const spec = plan[i];
    if (spec === undefined) throw new Error('phone plan and handles differ');
    const android = handle.backend as VirtualAndroid;
    expect(
      (await server.adb(['-s', handle.serial, 'install', '-g', apk], { timeoutMs: 30_000 })).stdout,
    ).toContain('Success');
    await adbShell(handle.serial, `monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`);
    await adbShell(handle.serial, 'input keyevent KEYCODE_HOME');
    phones.push({ serial: handle.serial, android, channel: spec.channel, sdk: android.state.sdk });
    accounts.set(spec.account, { serial: handle.serial, package: PKG, loggedIn: true });
  }
  // pushlab_sender is not an account yet: only the sender's account_import creates it.
  emulator = await startTencentEmulator({
    sdkAppId: APP_ID,
    secretKey: SECRET,
    adminIdentifier: ADMIN,
    accounts: ['bob', 'dan'],
    groups: { [GROUP]: ['bob', 'dan', 'pushlab_sender'] },
    presence: (a) => (a === 'bob' ? 'PushOnline' : 'Offline'),
  });
  // No `profiles`: the title's nickname can only come from the emulator's imported nicknames.
  router = createPushRouter({
    emulator,
    phones: () => phones,
    accounts,
    groups: new Map([
      [
        GROUP,
        {
          name: 'Lab Team',
          members: ['bob', 'dan', 'pushlab_sender'],
          nameCards: { pushlab_sender: 'Denny (QA)' },
        },
      ],
    ]),
  });
  sender = createSender(senderConfig(), deps());
});

afterAll(async () => {
  router?.stop();
  await emulator?.close();
  await lab?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Tencent sender -> emulator -> router -> virtual phone', () => {
  it('c2c: imports the sender with its nickname, which the phone shows as the title', async () => {
    const receipt = await sender.send(request('background-c2c-text', 'bob'));
    receipts.push(receipt);
    expect(emulator.imports).toEqual([{ UserID: 'pushlab_sender', Nick: 'Denny' }]);
    expect(receipt.requestId).toBe(
      emulator.received.at(-1)?.kind === 'c2c'
        ? (emulator.received.at(-1) as { msgKey: string }).msgKey
        : 'not c2c',
    );
    const truth = router.log.filter((d) => d.msgKey === receipt.requestId);
    expect(truth).toEqual([
      expect.objectContaining({
        account: 'bob',
        shown: true,
        title: 'Denny',
        text: 'Denny:PushLab offline check',
        channelId: 'pushlab_im',
      }),
    ]);
    expect(await records(serialOf('bob'))).toEqual([
      expect.objectContaining({
        key: truth[0]?.notificationKey,
        title: 'Denny',
        text: 'Denny:PushLab offline check',
        channelId: 'pushlab_im',
      }),
    ]);
  });

  it('the same sender without a nickname is imported again with none: the title falls back to the ID', async () => {
    const receipt = await sender.send(request('background-c2c-text-no-nickname', 'bob'));
    receipts.push(receipt);
    expect(emulator.imports.at(-1)).toEqual({ UserID: 'pushlab_sender', Nick: '' });
    expect(router.log.find((d) => d.msgKey === receipt.requestId)).toMatchObject({
      shown: true,
      title: 'pushlab_sender',
      text: 'PushLab offline check',
    });
  });

  it("OPPO gets the scenario's OPPOChannelID and shows on that channel", async () => {
    const receipt = await sender.send(request('background-title-desc', 'dan'));
    receipts.push(receipt);
    expect(router.log.find((d) => d.msgKey === receipt.requestId)).toMatchObject({
      account: 'dan',
      shown: true,
      title: 'PushLab title',
      text: 'PushLab desc',
      channelId: 'pushlab_im',
    });
    expect(await records(serialOf('dan'))).toContainEqual(
      expect.objectContaining({ title: 'PushLab title', text: 'PushLab desc', channelId: 'pushlab_im' }),
    );
  });

  it('group: sent to sender.groupId, requestId "<GroupId>#<MsgSeq>", every member\'s phone by its rules', async () => {
    const receipt = await sender.send(request('screen-locked-group-text', 'bob'));
    receipts.push(receipt);
    expect(receipt.requestId).toBe(`${GROUP}#1`);
    const decided = router.log.filter((d) => d.msgKey === receipt.requestId);
    expect(decided.map((d) => [d.account, d.shown, d.title, d.text])).toEqual([
      ['bob', true, 'Lab Team', 'Denny (QA) (Lab Team):Group check'],
      ['dan', true, 'Lab Team', 'Denny (QA) (Lab Team):Group check'],
    ]);
    expect((await records(serialOf('bob'))).map((r) => [r.title, r.text])).toContainEqual([
      'Lab Team',
      'Denny (QA) (Lab Team):Group check',
    ]);
  });

  it('presence: query_online_status as AccountPresence', async () => {
    expect(await sender.presence?.('bob')).toBe('push-online');
    expect(await sender.presence?.('dan')).toBe('offline');
    expect(await sender.presence?.('ghost')).toBe('unknown');
  });

  it('a wrong secret key: a plain sentence and hint, with no secret anywhere', async () => {
    const wrong = createSender(senderConfig(), {
      ...deps(),
      resolveSecret: () => Promise.resolve('not-the-key-but-also-secret'),
    });
    const error = await wrong.send(request('background-c2c-text', 'bob')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendError);
    const sendError = error as SendError;
    expect(sendError.code).toBe('SEND_FAILED');
    expect(sendError.message).toBe(
      'Tencent IM refused v4/im_open_login_svc/account_import: The UserSig is invalid.',
    );
    expect(sendError.hint).toMatch(/SDKAppID and secret key/);
    const everything = JSON.stringify({
      info: sendError.toInfo(),
      evidence: sendError.evidence,
      stack: sendError.stack,
    });
    expect(everything).not.toContain('not-the-key-but-also-secret');
    expect(everything).not.toMatch(/eJ[wy][A-Za-z0-9*\-_]{20,}/);
  });

  it('the secret key and UserSig never reached a receipt or a log line', () => {
    expect(receipts).toHaveLength(4);
    expect(logLines.length).toBeGreaterThan(0);
    const everything = JSON.stringify(receipts) + logLines.join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toMatch(/eJ[wy][A-Za-z0-9*\-_]{20,}/);
    // ...while the UserSig really was on the wire.
    expect(emulator.requests.some((r) => /^eJ[wy]/.test(r.query.usersig ?? ''))).toBe(true);
  });
});
