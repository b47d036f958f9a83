import { describe, expect, it } from 'vitest';
import { createPushRouter, type RoutedAccount, type RoutedPhone } from '../../../virtual-lab/tencent/router';
import type { PushChannel } from '../../../../shared/domain/device';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, backgroundPhone, c2c, fakeEmulator, sh, text } from './helpers';

const XIAOMI = 'xiaomi-hyperos2-android14-2';
const OPPO = 'oppo-coloros15-android15-1';
const PIXEL = 'google-pixel-android15-1';

/** One phone, one account "bob" on it, routed through a fake emulator. */
function lab(
  android: VirtualAndroid,
  channel: PushChannel,
  account: Partial<RoutedAccount> = {},
  extra: { quotas?: Partial<Record<PushChannel, number>>; now?: () => number } = {},
) {
  const emulator = fakeEmulator();
  const phones: RoutedPhone[] = [{ serial: 'S1', android, channel, sdk: android.state.sdk }];
  const bob: RoutedAccount = { serial: 'S1', package: APP, loggedIn: true, ...account };
  const router = createPushRouter({
    emulator,
    phones: () => phones,
    accounts: new Map([['bob', bob]]),
    profiles: new Map([['alice', { nickname: 'Alice' }]]),
    ...extra,
  });
  return { emulator, router, bob, phones };
}

describe('push router: deliveries', () => {
  it('posts a background c2c text with the default title, "Nickname:content" and the vendor channel id', async () => {
    const p = await backgroundPhone(XIAOMI);
    p.setChannel(APP, 'im_high', { name: 'Chats', importance: 4 });
    const { emulator, router } = lab(p, 'xiaomi');
    emulator.emit(c2c('bob', { OfflinePushInfo: { AndroidInfo: { XiaoMiChannelID: 'im_high' } } }, 'alice'));
    expect(router.log).toHaveLength(1);
    expect(router.log[0]).toMatchObject({
      account: 'bob',
      serial: 'S1',
      channel: 'xiaomi',
      shown: true,
      reason: 'posted',
      title: 'Alice',
      text: 'Alice:hello',
      channelId: 'im_high',
    });
    expect(p.notifications(APP)).toEqual([
      expect.objectContaining({ channelId: 'im_high', title: 'Alice', text: 'Alice:hello' }),
    ]);
    expect(router.log[0]?.notificationKey).toMatch(
      new RegExp(`^0\\|${APP.replace(/\./g, '\\.')}\\|\\d+\\|null\\|\\d+$`),
    );
  });

  it("uses the app's default channel without a vendor field, and the sender id as title without a nickname", async () => {
    const p = await backgroundPhone(XIAOMI);
    const { emulator, router } = lab(p, 'xiaomi');
    emulator.emit(c2c('bob', {}, 'carol'));
    expect(router.log[0]).toMatchObject({
      shown: true,
      title: 'carol',
      text: 'hello',
      channelId: 'pushlab_default',
    });
  });

  it("applies title and desc overrides, element placeholders and a custom element's Desc", async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router } = lab(p, 'xiaomi');
    const [override] = router.route(
      c2c('bob', { OfflinePushInfo: { Title: 'New order', Desc: 'Order #7 shipped' } }, 'alice'),
    );
    expect(override).toMatchObject({ shown: true, title: 'New order', text: 'Order #7 shipped' });
    const [image] = router.route(
      c2c(
        'bob',
        {
          MsgBody: [
            { MsgType: 'TIMImageElem', MsgContent: { UUID: 'u', ImageFormat: 1, ImageInfoArray: [] } },
          ],
        },
        'alice',
      ),
    );
    expect(image).toMatchObject({ shown: true, text: 'Alice:[image]' });
    const [audio] = router.route(
      c2c(
        'bob',
        {
          MsgBody: [
            { MsgType: 'TIMSoundElem', MsgContent: { Url: 'x', Size: 1, Second: 1, Download_Flag: 2 } },
          ],
        },
        'alice',
      ),
    );
    expect(audio?.text).toBe('Alice:[audio]');
    const [custom] = router.route(
      c2c(
        'bob',
        { MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{}', Desc: 'You have a call' } }] },
        'alice',
      ),
    );
    expect(custom).toMatchObject({ shown: true, text: 'Alice:You have a call' });
    expect(p.notifications(APP).map((n) => n.text)).toEqual([
      'Order #7 shipped',
      'Alice:[image]',
      'Alice:[audio]',
      'Alice:You have a call',
    ]);
  });

  it('a vendor system-level channel still shows for a force-stopped app', async () => {
    const p = await backgroundPhone(XIAOMI);
    await sh(p, `am force-stop ${APP}`);
    const { router } = lab(p, 'xiaomi');
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: true, reason: 'posted' });
  });

  it('OPPO with an OPPOChannelID posts on that channel', async () => {
    const p = await backgroundPhone(OPPO);
    p.setChannel(APP, 'oppo_im', { name: 'IM', importance: 4 });
    const { router } = lab(p, 'oppo');
    expect(
      router.route(c2c('bob', { OfflinePushInfo: { AndroidInfo: { OPPOChannelID: 'oppo_im' } } }))[0],
    ).toMatchObject({ shown: true, channelId: 'oppo_im' });
  });
});

describe('push router: drops', () => {
  it('logged out and kicked offline: nothing posted, each with its reason', async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router, bob } = lab(p, 'xiaomi', { loggedIn: false });
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: false, reason: 'logged-out', title: null });
    bob.loggedIn = true;
    bob.kicked = true;
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: false, reason: 'kicked-offline' });
    expect(p.notifications(APP)).toHaveLength(0);
  });

  it('foreground: in-app, no system notification (the wording is still recorded)', async () => {
    const p = await backgroundPhone(XIAOMI);
    await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    const { router } = lab(p, 'xiaomi');
    expect(router.route(c2c('bob', {}, 'alice'))[0]).toMatchObject({
      shown: false,
      reason: 'foreground-in-app',
      text: 'Alice:hello',
    });
    expect(p.notifications(APP)).toHaveLength(0);
    // Screen off and locked: the app is no longer what the user sees, so offline push shows.
    await sh(p, 'input keyevent KEYCODE_SLEEP');
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: true });
  });

  it('FCM to a force-stopped app: nothing; after a launch and HOME it shows', async () => {
    const p = await backgroundPhone(PIXEL);
    await sh(p, `am force-stop ${APP}`);
    const { router } = lab(p, 'fcm');
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: false, reason: 'fcm-app-stopped' });
    await sh(p, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    await sh(p, 'input keyevent KEYCODE_HOME');
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: true, reason: 'posted' });
  });

  it('OPPO on Android 8+ without OPPOChannelID shows nothing', async () => {
    const p = await backgroundPhone(OPPO);
    expect(p.state.sdk).toBeGreaterThanOrEqual(26);
    const { router } = lab(p, 'oppo');
    expect(
      router.route(c2c('bob', { OfflinePushInfo: { AndroidInfo: { XiaoMiChannelID: 'x' } } }))[0],
    ).toMatchObject({ shown: false, reason: 'oppo-no-channel-id' });
    expect(p.notifications(APP)).toHaveLength(0);
  });

  it('a custom element without Desc (and no OfflinePushInfo.Desc) is not pushed', async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router } = lab(p, 'xiaomi');
    expect(
      router.route(
        c2c('bob', { MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"t":1}' } }] }),
      )[0],
    ).toMatchObject({ shown: false, reason: 'custom-no-desc' });
    expect(p.notifications(APP)).toHaveLength(0);
  });

  it('notifications blocked by the user: the phone refuses the post', async () => {
    const p = await backgroundPhone(XIAOMI);
    p.blockApp(APP);
    const { router } = lab(p, 'xiaomi');
    expect(router.route(c2c('bob'))[0]).toMatchObject({
      shown: false,
      reason: 'notification-app-blocked',
      title: 'administrator',
    });
  });

  it('a vendor channel id the app never created: no channel, nothing shows', async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router } = lab(p, 'xiaomi');
    expect(
      router.route(c2c('bob', { OfflinePushInfo: { AndroidInfo: { XiaoMiChannelID: 'missing' } } }))[0],
    ).toMatchObject({ shown: false, reason: 'notification-no-channel', channelId: 'missing' });
  });

  it('daily quota per vendor: the next push is dropped, a new day resets, high class is not capped', async () => {
    const p = await backgroundPhone('vivo-originos5-android15-1');
    let clock = Date.UTC(2025, 0, 1, 10);
    const { router } = lab(p, 'vivo', {}, { quotas: { vivo: 2 }, now: () => clock });
    const operational = { OfflinePushInfo: { AndroidInfo: { VIVOClassification: 0 as const } } };
    const shown = () => router.route(c2c('bob', operational))[0];
    expect([shown()?.shown, shown()?.shown]).toEqual([true, true]);
    expect(shown()).toMatchObject({ shown: false, reason: 'quota-exceeded' });
    // Tencent's default VIVOClassification is 1 (system): not capped.
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: true });
    clock += 86_400_000;
    expect(shown()).toMatchObject({ shown: true });
  });

  it('PushFlag 1 and MsgLifeTime 0 send no offline push', async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router } = lab(p, 'xiaomi');
    expect(router.route(c2c('bob', { OfflinePushInfo: { PushFlag: 1 } }))[0]).toMatchObject({
      shown: false,
      reason: 'push-disabled',
    });
    expect(router.route(c2c('bob', { MsgLifeTime: 0 }))[0]).toMatchObject({
      shown: false,
      reason: 'online-only',
    });
  });

  it('FCM on a phone without usable Google Play services: nothing', async () => {
    const p = await backgroundPhone('xiaomi-hyperos3-android16-5');
    expect(p.state.vendor.gms).toBe(false);
    const { router } = lab(p, 'fcm');
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: false, reason: 'push-service-missing' });
  });

  it('phone unplugged, app not installed, element without a display rule', async () => {
    const p = await backgroundPhone(XIAOMI);
    const { router, phones, bob } = lab(p, 'xiaomi');
    expect(
      router.route(
        c2c('bob', {
          MsgBody: [
            { MsgType: 'TIMLocationElem', MsgContent: { Desc: 'here', Latitude: 1, Longitude: 2 } },
            text('x'),
          ],
        }),
      )[0],
    ).toMatchObject({ shown: false, reason: 'unsupported-element' });
    bob.package = 'com.example.absent';
    expect(router.route(c2c('bob'))[0]).toMatchObject({ shown: false, reason: 'not-installed' });
    phones.length = 0;
    expect(router.route(c2c('bob'))[0]).toMatchObject({
      shown: false,
      reason: 'phone-absent',
      channel: null,
    });
    expect(p.notifications(APP)).toHaveLength(0);
  });
});
