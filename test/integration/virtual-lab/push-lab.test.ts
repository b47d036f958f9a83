/**
 * The push lab world on a private adb server: seven phones (six vendor channels and FCM), the demo
 * app preinstalled and logged in, its login/logout/kick hooks driven by `adb shell` as the run
 * engine sends them, presence through query_online_status, a c2c and a group text from PushLab's
 * real Tencent client read back with `dumpsys notification`, the world's plan validated, and
 * nothing left listening after close().
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteShellArg } from '../../../electron/lab/adb/quote';
import { parseNotificationRecords } from '../../../electron/lab/android/parsers/notification-records';
import { createTencentImClient } from '../../../electron/lab/push/tencent/client';
import { fillTemplate, parsePlan, templateProblems, type PlanAppAction } from '../../../shared/runs';
import { HIGH_CLASS_VENDOR_FIELDS } from '../../../shared/scenarios';
import { startAdbServer, type AdbServerHandle } from '../../virtual-lab';
import {
  DEMO_PACKAGE,
  PUSH_LAB_GROUP_ID,
  PUSH_LAB_SENDER,
  startPushLab,
  type PushLab,
} from '../../virtual-lab/push-lab';

const PHONES = [
  { profile: 'xiaomi-hyperos2-android14-2', account: 'qa_xiaomi', channel: 'xiaomi' },
  { profile: 'huawei-harmonyos4.2-android12-2', account: 'qa_huawei', channel: 'huawei' },
  { profile: 'honor-magicos9-android15-2', account: 'qa_honor', channel: 'honor' },
  { profile: 'oppo-coloros15-android15-1', account: 'qa_oppo', channel: 'oppo' },
  { profile: 'vivo-originos5-android15-1', account: 'qa_vivo', channel: 'vivo' },
  { profile: 'meizu-flyme12.1-android15-1', account: 'qa_meizu', channel: 'meizu' },
  { profile: 'google-pixel-android15-1', account: 'qa_pixel', channel: 'fcm' },
] as const;
/** The catalog's vendor fields, as the REST API names them. */
const HIGH_CLASS = {
  OPPOChannelID: HIGH_CLASS_VENDOR_FIELDS.oppoChannelId,
  XiaoMiChannelID: HIGH_CLASS_VENDOR_FIELDS.xiaomiChannelId,
};

let server: AdbServerHandle;
let world: PushLab;
let startupMs = 0;

const serialOf = (account: string): string => world.phones.find((p) => p.account === account)?.serial ?? '';
/** stdout and stderr of `adb shell`, also when the command exits non-zero (adb passes the status on). */
const adbShell = async (serial: string, command: string): Promise<string> => {
  try {
    const { stdout, stderr } = await server.adb(['-s', serial, 'shell', command], { timeoutMs: 20_000 });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    if (failed.stdout === undefined) throw error;
    return failed.stdout + (failed.stderr ?? '');
  }
};
const client = () => createTencentImClient({ ...world.tencent, timeoutMs: 5000 });
const statusOf = async (account: string): Promise<string | undefined> =>
  (await client().queryOnlineStatus([account])).statuses.get(account);
const records = async (serial: string) =>
  parseNotificationRecords(await adbShell(serial, 'dumpsys notification --noredact')).filter(
    (r) => r.pkg === DEMO_PACKAGE,
  );

/** The command the run engine sends for a plan action (values quoted, deep links encoded). */
function actionCommand(action: PlanAppAction, account: string, serial: string): string {
  const values = { package: DEMO_PACKAGE, account, serial };
  if (action.kind === 'shell') return fillTemplate(action.template, values, quoteShellArg);
  if (action.kind === 'deeplink')
    return `am start -a android.intent.action.VIEW -d ${quoteShellArg(fillTemplate(action.uri, values, encodeURIComponent))}`;
  throw new Error('operator actions have no command');
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  server = await startAdbServer();
  const started = performance.now();
  world = await startPushLab({
    adbPort: server.port,
    phones: PHONES.map(({ profile, account }) => ({ profile, account })),
    realisticTiming: false,
  });
  startupMs = performance.now() - started;
  console.info(`push lab world: ${PHONES.length} phones ready in ${Math.round(startupMs)} ms`);
}, 120_000);

afterAll(async () => {
  await world?.close();
  await server?.stop();
});

describe('push lab world', () => {
  it('starts seven phones on their vendor channels, the demo app installed, logged in and in the background', async () => {
    expect(world.phones.map((p) => [p.account, p.channel])).toEqual(
      PHONES.map((p) => [p.account, p.channel]),
    );
    const { stdout } = await server.adb(['devices']);
    for (const phone of world.phones) {
      expect(stdout).toContain(`${phone.serial}\tdevice`);
      expect(await adbShell(phone.serial, `pm list packages ${DEMO_PACKAGE}`)).toBe(
        `package:${DEMO_PACKAGE}\n`,
      );
      expect(world.accounts.get(phone.account)).toMatchObject({
        serial: phone.serial,
        loggedIn: true,
        kicked: false,
      });
    }
    const status = await client().queryOnlineStatus(PHONES.map((p) => p.account));
    expect([...status.statuses.values()]).toEqual(PHONES.map(() => 'PushOnline'));
    expect(startupMs).toBeLessThan(60_000);
  });

  it('logout (deep link), login (activity) and kick (broadcast) sent over adb change the router and presence', async () => {
    const plan = world.plan();
    const serial = serialOf('qa_huawei');
    const entry = world.accounts.get('qa_huawei');
    const send = (action: PlanAppAction, account = 'qa_huawei') =>
      adbShell(serial, actionCommand(action, account, serial));

    expect(await send(plan.app.logout ?? plan.app.login)).toContain(
      'act=android.intent.action.VIEW dat=pushlabdemo://logout?user=qa_huawei',
    );
    expect(entry).toMatchObject({ loggedIn: false, kicked: false });
    expect(await statusOf('qa_huawei')).toBe('Offline');
    const afterLogout = await client().sendC2C({
      From_Account: PUSH_LAB_SENDER.account,
      To_Account: 'qa_huawei',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'after logout' } }],
    });
    expect(world.groundTruth().find((d) => d.msgKey === afterLogout.msgKey)).toMatchObject({
      shown: false,
      reason: 'logged-out',
    });

    expect(await send(plan.app.login)).toContain(`cmp=${DEMO_PACKAGE}/.LoginActivity (has extras)`);
    expect(entry).toMatchObject({ loggedIn: true, kicked: false });
    expect(await statusOf('qa_huawei')).toBe('Online');
    await adbShell(serial, 'input keyevent 3');
    expect(await statusOf('qa_huawei')).toBe('PushOnline');

    expect(await send(plan.app.kick ?? plan.app.login)).toContain('Broadcast completed: result=0');
    expect(entry).toMatchObject({ kicked: true });
    expect(await statusOf('qa_huawei')).toBe('Offline');
    const afterKick = await client().sendC2C({
      From_Account: PUSH_LAB_SENDER.account,
      To_Account: 'qa_huawei',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'after kick' } }],
    });
    expect(world.groundTruth().find((d) => d.msgKey === afterKick.msgKey)).toMatchObject({
      shown: false,
      reason: 'kicked-offline',
    });

    await send(plan.app.login);
    await adbShell(serial, 'input keyevent 3');
    expect(entry).toMatchObject({ loggedIn: true, kicked: false });
    expect(await statusOf('qa_huawei')).toBe('PushOnline');
  });

  it('hooks act only for the account the phone holds; unknown activities fail as on Android', async () => {
    const plan = world.plan();
    const serial = serialOf('qa_vivo');
    await adbShell(serial, actionCommand(plan.app.logout ?? plan.app.login, 'qa_meizu', serial));
    await adbShell(serial, actionCommand(plan.app.kick ?? plan.app.login, 'qa_meizu', serial));
    expect(world.accounts.get('qa_vivo')).toMatchObject({ loggedIn: true, kicked: false });
    expect(world.accounts.get('qa_meizu')).toMatchObject({ loggedIn: true, kicked: false });
    expect(await adbShell(serial, `am start -n ${DEMO_PACKAGE}/.SignupActivity`)).toContain(
      `Error: Activity class {${DEMO_PACKAGE}/${DEMO_PACKAGE}.SignupActivity} does not exist.`,
    );
    await adbShell(serial, 'input keyevent 3');
  });

  it('a c2c text from the real client shows in the Xiaomi phone\'s dumpsys as "Denny:content" on the IM channel', async () => {
    const sent = await client().sendC2C({
      From_Account: PUSH_LAB_SENDER.account,
      To_Account: 'qa_xiaomi',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'world check' } }],
      OfflinePushInfo: { AndroidInfo: HIGH_CLASS },
    });
    const truth = world.groundTruth().filter((d) => d.msgKey === sent.msgKey);
    expect(truth).toEqual([
      expect.objectContaining({
        account: 'qa_xiaomi',
        shown: true,
        reason: 'posted',
        title: 'Denny',
        text: 'Denny:world check',
        channelId: 'pushlab_im',
      }),
    ]);
    expect(await records(serialOf('qa_xiaomi'))).toContainEqual(
      expect.objectContaining({
        key: truth[0]?.notificationKey,
        title: 'Denny',
        text: 'Denny:world check',
        channelId: 'pushlab_im',
      }),
    );
  });

  it("a group text to lab_team reaches every phone with the sender's name card and the group name", async () => {
    const sent = await client().sendGroup({
      GroupId: PUSH_LAB_GROUP_ID,
      From_Account: PUSH_LAB_SENDER.account,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Group check' } }],
      OfflinePushInfo: { AndroidInfo: HIGH_CLASS },
    });
    const decided = world.groundTruth().filter((d) => d.msgKey === `${PUSH_LAB_GROUP_ID}#${sent.msgSeq}`);
    expect(decided.map((d) => d.account).sort()).toEqual(PHONES.map((p) => p.account).sort());
    expect(decided.filter((d) => d.shown).map((d) => d.text)).toContain('Denny (QA) (Lab Team):Group check');
    expect((await records(serialOf('qa_oppo'))).map((r) => [r.title, r.text])).toContainEqual([
      'Lab Team',
      'Denny (QA) (Lab Team):Group check',
    ]);
  });

  it('plan() is a complete plan for this world that parsePlan accepts as JSON', () => {
    const plan = parsePlan(JSON.stringify(world.plan()));
    expect(plan.phones.serials).toEqual(world.phones.map((p) => p.serial));
    expect(Object.entries(plan.app.accounts.serials ?? {}).map(([serial, a]) => [serial, a.account])).toEqual(
      world.phones.map((p) => [p.serial, p.account]),
    );
    expect(plan.sender).toMatchObject({
      kind: 'tencent',
      baseUrl: world.emulator.url,
      groupId: PUSH_LAB_GROUP_ID,
      secret: { env: 'PUSHLAB_TENCENT_SECRET' },
    });
    expect(plan.app.push).toEqual({ highClassChannelIds: ['pushlab_im'], fcmPriority: 'high' });
    expect(plan.build).toBeUndefined();
    for (const action of [plan.app.login, plan.app.logout, plan.app.kick]) {
      if (action?.kind === 'shell') expect(templateProblems(action.template, 'shell')).toEqual([]);
      else if (action?.kind === 'deeplink') expect(templateProblems(action.uri, 'deeplink')).toEqual([]);
      else throw new Error('every account action is a command');
    }
    expect(world.plan({ repeats: 3 }).repeats).toBe(3);
    expect(() => world.plan({ repeats: 0 })).toThrow(/repeats/);
  });

  it('close() stops the emulator and every phone, and adb lists none', async () => {
    const emulatorPort = Number(new URL(world.emulator.url).port);
    const phonePorts = world.lab.phones().map((p) => p.port);
    await world.close();
    expect(await portAccepts(emulatorPort)).toBe(false);
    for (const port of phonePorts) expect(await portAccepts(port)).toBe(false);
    expect((await server.adb(['devices'])).stdout.trim()).toBe('List of devices attached');
    await world.close();
  });
});
