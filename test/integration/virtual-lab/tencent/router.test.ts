/**
 * End to end on loopback: PushLab's Tencent IM client sends to the emulator, the router decides
 * by the seeds' rules and posts on virtual phones behind a private adb server, and
 * `dumpsys notification --noredact` read over adb (parsed by PushLab's own parser) shows the
 * record, or nothing for a dropped push.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotificationRecords } from '../../../../electron/lab/android/parsers/notification-records';
import { createTencentImClient } from '../../../../electron/lab/push/tencent/client';
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

const TENCENT = {
  sdkAppId: 20001234,
  secretKey: 'router-secret-0123456789abcdef',
  adminIdentifier: 'administrator',
};
const APP = 'com.pushlab.routed';

let server: AdbServerHandle;
let lab: VirtualLab;
let emulator: TencentEmulator;
let router: PushRouter;
let dir: string;
const phones: RoutedPhone[] = [];
const accounts = new Map<string, RoutedAccount>();

const adbShell = async (serial: string, command: string): Promise<string> =>
  (await server.adb(['-s', serial, 'shell', command], { timeoutMs: 20_000 })).stdout;
const records = async (serial: string) =>
  parseNotificationRecords(await adbShell(serial, 'dumpsys notification --noredact')).filter(
    (r) => r.pkg === APP,
  );
const client = () => createTencentImClient({ ...TENCENT, baseUrl: emulator.url, timeoutMs: 5000 });

beforeAll(async () => {
  server = await startAdbServer();
  lab = await VirtualLab.start({
    adbPort: server.port,
    createBackend: (profile) => createVirtualAndroid(profile, { realisticTiming: false }),
  });
  dir = await mkdtemp(join(tmpdir(), 'pushlab-router-it-'));
  const apk = join(dir, 'routed.apk');
  await writeTestApk(apk, {
    packageName: APP,
    versionCode: 3,
    permissions: ['android.permission.POST_NOTIFICATIONS', 'android.permission.INTERNET'],
  });
  const plan = [
    { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', channel: 'xiaomi', account: 'bob' },
    { profile: 'oppo-coloros15-android15-1', id: 'oppo', channel: 'oppo', account: 'dan' },
    { profile: 'google-pixel-android15-1', id: 'pixel', channel: 'fcm', account: 'fay' },
  ] as const;
  const handles = await lab.addPhones(plan.map(({ profile, id }) => ({ profile, id })));
  for (const [i, handle] of handles.entries()) {
    const spec = plan[i];
    if (spec === undefined) throw new Error('phone plan and handles differ');
    const android = handle.backend as VirtualAndroid;
    expect(
      (await server.adb(['-s', handle.serial, 'install', '-g', apk], { timeoutMs: 30_000 })).stdout,
    ).toContain('Success');
    // Launch once (creates the app's channels, clears the stopped state), then HOME: background.
    await adbShell(handle.serial, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    await adbShell(handle.serial, 'input keyevent KEYCODE_HOME');
    phones.push({ serial: handle.serial, android, channel: spec.channel, sdk: android.state.sdk });
    accounts.set(spec.account, { serial: handle.serial, package: APP, loggedIn: true });
  }
  const ids = [...accounts.keys(), 'alice'];
  emulator = await startTencentEmulator({ ...TENCENT, accounts: ids, groups: { qa: ids } });
  router = createPushRouter({
    emulator,
    phones: () => phones,
    accounts,
    profiles: new Map([['alice', { nickname: 'Alice' }]]),
    groups: new Map([['qa', { name: 'QA Team', members: ids, nameCards: { alice: 'Al' } }]]),
  });
});

afterAll(async () => {
  router?.stop();
  await emulator?.close();
  await lab?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const serialOf = (account: string): string => accounts.get(account)?.serial ?? '';

describe('Tencent client -> emulator -> router -> virtual phone dumpsys', () => {
  it('a c2c text to the Xiaomi phone shows with the default title, "Nickname:content" and the app channel', async () => {
    const sent = await client().sendC2C({
      From_Account: 'alice',
      To_Account: 'bob',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'build 42 is green' } }],
    });
    const truth = router.log.filter((d) => d.msgKey === sent.msgKey);
    expect(truth).toEqual([
      expect.objectContaining({
        account: 'bob',
        random: sent.msgRandom,
        shown: true,
        reason: 'posted',
        title: 'Alice',
        text: 'Alice:build 42 is green',
        channelId: 'pushlab_default',
      }),
    ]);
    const shown = await records(serialOf('bob'));
    expect(shown).toEqual([
      expect.objectContaining({
        key: truth[0]?.notificationKey,
        channelId: 'pushlab_default',
        title: 'Alice',
        text: 'Alice:build 42 is green',
      }),
    ]);
  });

  it('OPPO without OPPOChannelID: dropped, and its dumpsys shows no record; with one it shows on that channel', async () => {
    const bare = await client().sendC2C({
      To_Account: 'dan',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'no channel' } }],
    });
    expect(router.log.find((d) => d.msgKey === bare.msgKey)).toMatchObject({
      shown: false,
      reason: 'oppo-no-channel-id',
    });
    expect(await records(serialOf('dan'))).toEqual([]);
    const withId = await client().sendC2C({
      To_Account: 'dan',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'ignored' } }],
      OfflinePushInfo: {
        Title: 'Shipping',
        Desc: 'Your order left',
        AndroidInfo: { OPPOChannelID: 'pushlab_default' },
      },
    });
    expect(router.log.find((d) => d.msgKey === withId.msgKey)).toMatchObject({
      shown: true,
      title: 'Shipping',
      text: 'Your order left',
    });
    expect(await records(serialOf('dan'))).toEqual([
      expect.objectContaining({ channelId: 'pushlab_default', title: 'Shipping', text: 'Your order left' }),
    ]);
  });

  it('a group message: each phone by its vendor rules, and FCM to a force-stopped app shows nothing', async () => {
    await adbShell(serialOf('fay'), `am force-stop ${APP}`);
    const before = router.log.length;
    const sent = await client().sendGroup({
      GroupId: 'qa',
      From_Account: 'alice',
      MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: { UUID: 'img', ImageFormat: 3, ImageInfoArray: [] } }],
    });
    const decided = router.log.slice(before);
    expect(decided.every((d) => d.msgKey === `qa#${sent.msgSeq}` && d.random === sent.random)).toBe(true);
    expect(decided.map((d) => [d.account, d.shown, d.reason])).toEqual([
      ['bob', true, 'posted'],
      ['dan', false, 'oppo-no-channel-id'],
      ['fay', false, 'fcm-app-stopped'],
    ]);
    expect((await records(serialOf('bob'))).map((r) => [r.title, r.text])).toContainEqual([
      'QA Team',
      'Al (QA Team):[image]',
    ]);
    expect(await records(serialOf('fay'))).toEqual([]);
  });

  it('logged out: the ground truth says dropped and the phone shows nothing new', async () => {
    const bob = accounts.get('bob');
    if (!bob) throw new Error('bob missing');
    const count = (await records(bob.serial)).length;
    bob.loggedIn = false;
    try {
      const sent = await client().sendC2C({
        To_Account: 'bob',
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'after logout' } }],
      });
      expect(router.log.find((d) => d.msgKey === sent.msgKey)).toMatchObject({
        shown: false,
        reason: 'logged-out',
      });
      expect(await records(bob.serial)).toHaveLength(count);
    } finally {
      bob.loggedIn = true;
    }
  });
});
