import { describe, expect, it } from 'vitest';
import {
  createPushRouter,
  pushServiceReady,
  type RoutedAccount,
  type RoutedPhone,
} from '../../../virtual-lab/tencent/router';
import {
  offlinePushSuppressed,
  toMessageSpec,
  vendorChannelId,
} from '../../../virtual-lab/tencent/message-spec';
import { APP, backgroundPhone, c2c, fakeEmulator, group, sh } from './helpers';

describe('push router: groups and several phones', () => {
  it('sends a group message to every member but the sender, each on its own phone and vendor rules', async () => {
    const mi = await backgroundPhone('xiaomi-hyperos2-android14-2');
    const oppo = await backgroundPhone('oppo-coloros15-android15-1');
    const emulator = fakeEmulator();
    const phones: RoutedPhone[] = [
      { serial: 'MI', android: mi, channel: 'xiaomi', sdk: mi.state.sdk },
      { serial: 'OP', android: oppo, channel: 'oppo', sdk: oppo.state.sdk },
    ];
    const accounts = new Map<string, RoutedAccount>([
      ['bob', { serial: 'MI', package: APP, loggedIn: true }],
      ['dan', { serial: 'OP', package: APP, loggedIn: true }],
      ['alice', { serial: 'MI', package: APP, loggedIn: true }],
    ]);
    const router = createPushRouter({
      emulator,
      phones: () => phones,
      accounts,
      profiles: new Map([['alice', { nickname: 'Alice' }]]),
      groups: new Map([
        ['qa', { name: 'QA Team', members: ['alice', 'bob', 'dan', 'eve'], nameCards: { alice: 'Al (QA)' } }],
      ]),
    });
    emulator.emit(group('qa', 'alice'));
    // alice sent it; eve has no phone in the lab; OPPO drops it for want of an OPPOChannelID.
    expect(router.log.map((d) => [d.account, d.serial, d.shown, d.reason])).toEqual([
      ['bob', 'MI', true, 'posted'],
      ['dan', 'OP', false, 'oppo-no-channel-id'],
    ]);
    expect(router.log[0]).toMatchObject({
      msgKey: expect.stringMatching(/^qa#\d+$/),
      title: 'QA Team',
      text: 'Al (QA) (QA Team):hi all',
    });
    expect(mi.notifications(APP)).toHaveLength(1);
    expect(oppo.notifications(APP)).toHaveLength(0);
  });

  it('a group the router was not told about goes to every mapped account except the sender, titled by its id', async () => {
    const mi = await backgroundPhone('xiaomi-hyperos2-android14-2');
    const router = createPushRouter({
      emulator: fakeEmulator(),
      phones: () => [{ serial: 'MI', android: mi, channel: 'xiaomi', sdk: mi.state.sdk }],
      accounts: new Map([['bob', { serial: 'MI', package: APP, loggedIn: true }]]),
    });
    expect(router.route(group('g1', 'alice', { Random: 42 }))).toEqual([
      expect.objectContaining({ account: 'bob', random: 42, shown: true, title: 'g1', text: 'hi all' }),
    ]);
    expect(router.route(group('g1', 'bob'))).toEqual([]);
    // OnlineOnlyFlag 1: online members only, no offline push.
    expect(router.route(group('g1', 'alice', { OnlineOnlyFlag: 1 }))[0]).toMatchObject({
      shown: false,
      reason: 'online-only',
    });
  });

  it('stop() unsubscribes from the emulator', async () => {
    const mi = await backgroundPhone('xiaomi-hyperos2-android14-2');
    const emulator = fakeEmulator();
    const router = createPushRouter({
      emulator,
      phones: () => [{ serial: 'MI', android: mi, channel: 'xiaomi', sdk: mi.state.sdk }],
      accounts: new Map([['bob', { serial: 'MI', package: APP, loggedIn: true }]]),
    });
    emulator.emit(c2c('bob'));
    router.stop();
    expect(emulator.listeners).toBe(0);
    emulator.emit(c2c('bob'));
    expect(router.log).toHaveLength(1);
    expect(mi.notifications(APP)).toHaveLength(1);
  });
});

describe('message-spec', () => {
  it('maps the wire body to the scenario model', () => {
    const sent = c2c(
      'bob',
      {
        MsgBody: [
          {
            MsgType: 'TIMFileElem',
            MsgContent: { Url: 'u', FileSize: 1, FileName: 'a.pdf', Download_Flag: 2 },
          },
        ],
        OfflinePushInfo: {
          Title: 'T',
          Ext: '{"a":1}',
          AndroidInfo: { Sound: 'ring', OPPOChannelID: 'o', VIVOClassification: 0, HuaWeiImportance: 'LOW' },
        },
      },
      'alice',
    );
    const result = toMessageSpec(sent, { profiles: new Map([['alice', { nickname: 'Alice' }]]) });
    expect(result).toEqual({
      ok: true,
      spec: {
        kind: 'file',
        conversation: 'c2c',
        sender: { id: 'alice', nickname: 'Alice' },
        push: {
          title: 'T',
          ext: '{"a":1}',
          sound: 'ring',
          vendor: { oppoChannelId: 'o', vivoClassification: 0, huaweiImportance: 'LOW' },
        },
      },
    });
  });

  it('names the vendor field per channel and none for channels without one', () => {
    const sent = c2c('bob', {
      OfflinePushInfo: {
        AndroidInfo: { XiaoMiChannelID: 'x', HuaWeiChannelID: 'h', GoogleChannelID: 'g', OPPOChannelID: '' },
      },
    });
    expect(vendorChannelId(sent, 'xiaomi')).toBe('x');
    expect(vendorChannelId(sent, 'huawei')).toBe('h');
    expect(vendorChannelId(sent, 'fcm')).toBe('g');
    expect(vendorChannelId(sent, 'oppo')).toBeNull();
    expect(vendorChannelId(sent, 'vivo')).toBeNull();
    expect(offlinePushSuppressed(sent)).toBeNull();
  });

  it("pushServiceReady follows the installed service and HMS Core's minimum version", async () => {
    const pixel = await backgroundPhone('google-pixel-android15-1');
    expect(pushServiceReady(pixel, 'fcm')).toBe(true);
    expect(pushServiceReady(pixel, 'xiaomi')).toBe(false);
    await sh(pixel, 'pm disable-user com.google.android.gms');
    expect(pushServiceReady(pixel, 'fcm')).toBe(false);
    const huawei = await backgroundPhone('huawei-emui10-android10-1');
    const hms = huawei.installedPackage('com.huawei.hwid');
    if (hms === undefined) throw new Error('HMS Core missing on the Huawei profile');
    expect(pushServiceReady(huawei, 'huawei')).toBe(hms.versionCode > 20401300);
    hms.versionCode = 20401300;
    expect(pushServiceReady(huawei, 'huawei')).toBe(false);
  });
});
