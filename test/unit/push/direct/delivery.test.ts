/**
 * Direct delivery to virtual phones: the phone that owns the token posts the notification, by the
 * channel's rules (OPPO channel on Android 8+, per-device low-class caps, vivo's quiet hours; FCM's
 * stopped app and foreground hand-over), for the vendor emulators and the FCM server alike.
 */
import { describe, expect, it } from 'vitest';
import { connectVendorPushToPhones } from '../../../virtual-lab/vendor-push/deliver';
import { pushHub, type AcceptedVendorPush } from '../../../virtual-lab/vendor-push/types';
import { DEMO_CHANNELS } from '../../../virtual-lab/world/demo-app';
import { fcmAcceptedPush, fcmPushSource } from '../../../virtual-lab/fcm/push-source';
import type { AcceptedFcmMessage } from '../../../virtual-lab/fcm/server';
import { APP, backgroundPhone, sh } from '../../virtual-lab/tencent/helpers';

/** 2025-11-03 10:00 and 23:30 China time. */
const DAY = Date.UTC(2025, 10, 3, 2, 0, 0);
const NIGHT = Date.UTC(2025, 10, 3, 15, 30, 0);

let seq = 0;
const push = (
  vendor: AcceptedVendorPush['vendor'],
  extra: Partial<AcceptedVendorPush> = {},
): AcceptedVendorPush => ({
  vendor,
  messageId: `m${(seq += 1)}`,
  token: `${vendor}-token`,
  package: APP,
  kind: 'notification',
  title: 'Denny',
  body: 'Denny:hello',
  channelId: vendor === 'oppo' ? 'pushlab_im' : null,
  messageClass: 'high',
  testMessage: false,
  ext: '{"to":"chat"}',
  receivedAt: DAY,
  raw: {},
  ...extra,
});

async function world(profile: string, vendor: AcceptedVendorPush['vendor']) {
  const android = await backgroundPhone(profile, { options: { launchChannels: DEMO_CHANNELS } });
  const source = pushHub();
  const delivery = connectVendorPushToPhones([source], {
    phones: () => [{ serial: 'P1', android }],
    owners: new Map([[`${vendor}-token`, 'P1']]),
    quietHours: true,
    now: () => DAY,
  });
  return { android, source, delivery };
}

describe('vendor delivery to virtual phones', () => {
  it('posts an accepted push on the phone that owns the token, with the ext for the tap', async () => {
    const { android, source, delivery } = await world('oppo-coloros15-android15-1', 'oppo');
    source.emit(push('oppo'));
    source.emit(push('oppo', { token: 'someone-else' }));
    expect(delivery.log.map((d) => [d.reason, d.serial])).toEqual([
      ['posted', 'P1'],
      ['unknown-token', null],
    ]);
    expect(android.notifications(APP)).toMatchObject([
      { channelId: 'pushlab_im', title: 'Denny', text: 'Denny:hello', ext: '{"to":"chat"}' },
    ]);
    delivery.stop();
    source.emit(push('oppo'));
    expect(delivery.log).toHaveLength(2);
  });

  it('OPPO on Android 8+ shows nothing without channel_id; an unknown channel is the phone refusing it', async () => {
    const { delivery } = await world('oppo-coloros15-android15-1', 'oppo');
    expect(delivery.deliver(push('oppo', { channelId: null })).reason).toBe('oppo-no-channel-id');
    expect(delivery.deliver(push('oppo', { channelId: 'not_created' })).reason).toBe(
      'notification-no-channel',
    );
  });

  it('caps low-class pushes per device per China day; high class and test pushes are not counted', async () => {
    const { delivery } = await world('meizu-flyme12.1-android15-1', 'meizu');
    const reasons = [1, 2, 3, 4].map(() => delivery.deliver(push('meizu', { messageClass: 'low' })).reason);
    expect(reasons).toEqual(['posted', 'posted', 'posted', 'quota-exceeded']);
    expect(delivery.deliver(push('meizu')).reason).toBe('posted');
    expect(
      delivery.deliver(push('meizu', { messageClass: 'low', receivedAt: DAY + 86_400_000 })).reason,
    ).toBe('posted');
  });

  it('vivo holds operational pushes outside 07:00-23:00 China time; system pushes go at any hour', async () => {
    const { delivery } = await world('vivo-originos5-android15-1', 'vivo');
    expect(delivery.deliver(push('vivo', { messageClass: 'low', receivedAt: NIGHT })).reason).toBe(
      'quiet-hours',
    );
    expect(delivery.deliver(push('vivo', { receivedAt: NIGHT })).reason).toBe('posted');
    expect(
      delivery.deliver(push('vivo', { messageClass: 'low', testMessage: true, receivedAt: NIGHT })).reason,
    ).toBe('posted');
  });

  it('an uninstalled app or blocked notifications show nothing', async () => {
    const { android, delivery } = await world('vivo-originos5-android15-1', 'vivo');
    android.blockApp(APP);
    expect(delivery.deliver(push('vivo')).reason).toBe('notification-app-blocked');
    expect(delivery.deliver(push('vivo', { package: 'com.not.installed' })).reason).toBe('not-installed');
  });

  it('FCM through the same delivery: a stopped app gets nothing, a foreground app takes it in-app', async () => {
    const android = await backgroundPhone('google-pixel-android15-1', {
      options: { launchChannels: DEMO_CHANNELS },
    });
    const listeners = new Set<(m: AcceptedFcmMessage) => void>();
    const fcm = {
      onMessage: (l: (m: AcceptedFcmMessage) => void) => (listeners.add(l), () => void listeners.delete(l)),
    };
    const delivery = connectVendorPushToPhones([], {
      phones: () => [{ serial: 'P1', android }],
      owners: new Map(),
      appLabel: 'PushLab Demo',
      now: () => DAY,
    });
    const off = delivery.connect(fcmPushSource(fcm, APP), new Map([['fcm-token', 'P1']]));
    const send = (message: Record<string, unknown>): void => {
      for (const l of listeners)
        l({ name: 'projects/p/messages/1', projectId: 'p', clientEmail: 'e', message, receivedAt: DAY });
    };
    const notification = {
      token: 'fcm-token',
      android: { notification: { body: 'Denny:hello', channel_id: 'pushlab_im' } },
      data: { ext: '{"to":"chat"}' },
    };
    send(notification);
    // No title in the message: Android shows the app's label.
    expect(android.notifications(APP)).toMatchObject([
      { title: 'PushLab Demo', text: 'Denny:hello', ext: '{"to":"chat"}' },
    ]);
    send({ token: 'fcm-token', data: { pushlab_scenario: 'x' } });
    await sh(android, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    send(notification);
    await sh(android, `am force-stop ${APP}`);
    send(notification);
    expect(delivery.log.map((d) => [d.vendor, d.reason, d.channelId])).toEqual([
      ['fcm', 'posted', 'pushlab_im'],
      ['fcm', 'pass-through', null],
      ['fcm', 'foreground-in-app', 'pushlab_im'],
      ['fcm', 'fcm-app-stopped', 'pushlab_im'],
    ]);
    off();
    send(notification);
    expect(delivery.log).toHaveLength(4);
    expect(
      fcmAcceptedPush({ name: 'n', projectId: 'p', clientEmail: 'e', message: {}, receivedAt: 0 }, APP),
    ).toBeNull();
  });

  it('a vendor fault loses the push on every channel, FCM included', async () => {
    const android = await backgroundPhone('google-pixel-android15-1');
    const delivery = connectVendorPushToPhones([], {
      phones: () => [{ serial: 'P1', android }],
      owners: new Map([['fcm-token', 'P1']]),
      drops: (channel) => channel === 'fcm',
    });
    expect(delivery.deliver(push('fcm', { token: 'fcm-token' })).reason).toBe('vendor-dropped');
    expect(android.notifications(APP)).toHaveLength(0);
  });
});
