import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../electron/lab/doctor/evaluate';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import {
  HUAWEI_EMUI10,
  OPPO_COLOROS15,
  PIXEL_15,
  XIAOMI_HYPEROS,
  byId,
  channelText,
  evaluate,
  decodeDeviceText,
  fixture,
  identityOf,
  notificationDumpText,
  withNotifications,
} from './helpers';

const facts = (channels: readonly string[], appImportance: string | null = 'DEFAULT') =>
  withNotifications(emptyFacts(), notificationDumpText({ channels, appImportance }));

describe('channel checks', () => {
  it('gives one check per channel id named, plus the blocked summary', () => {
    const checks = evaluate(facts([channelText('im_push')]), identityOf(PIXEL_15), [
      'im_push',
      'calls',
      'im_push',
    ]);
    expect(checks.filter((c) => c.id.startsWith('channel')).map((c) => c.id)).toEqual([
      'channel:im_push',
      'channel:calls',
      'channels.blocked',
    ]);
  });

  it("warns on OPPO with Android 8+ when no ChannelID is given, naming the app's channels as where to find it", () => {
    const oppo = identityOf(OPPO_COLOROS15);
    const check = byId(
      evaluate(facts([channelText('im_push', { name: 'Chats' })]), oppo, []),
      'channels.oppoChannelId',
    );
    expect(check).toMatchObject({ status: 'warn', advice: { key: 'check.channels.oppoChannelId.missing' } });
    expect(check.evidence).toMatch(/mId='im_push'/);
    expect(byId(evaluate(facts([]), oppo, []), 'channels.oppoChannelId').advice.key).toBe(
      'check.channels.oppoChannelId.missingNone',
    );
    // Given a ChannelID, older Android, or another vendor: no such warning.
    for (const [identity, ids] of [
      [oppo, ['im_push']],
      [{ ...oppo, sdk: 25 }, []],
      [identityOf(PIXEL_15), []],
    ] as const) {
      expect(
        evaluate(facts([channelText('im_push')]), identity, ids).some(
          (c) => c.id === 'channels.oppoChannelId',
        ),
      ).toBe(false);
    }
  });

  it('is ok for an existing channel of normal importance, quoting its fields', () => {
    const check = byId(
      evaluate(facts([channelText('im_push', { name: 'Chats' })]), identityOf(PIXEL_15)),
      'channel:im_push',
    );
    expect(check.status).toBe('ok');
    expect(check.advice.values).toMatchObject({ name: 'Chats', importance: 'HIGH', vibration: 'on' });
    expect(check.evidence).toMatch(
      /^NotificationChannel\{mId='im_push', mName=Chats, mImportance=4, mBypassDnd=false/,
    );
    expect(check.evidence.length).toBeLessThanOrEqual(300);
  });

  it('fails a missing channel with the generic wording on a Pixel, Xiaomi or Huawei phone', () => {
    for (const phone of [PIXEL_15, XIAOMI_HYPEROS, HUAWEI_EMUI10]) {
      const check = byId(evaluate(facts([channelText('other')]), identityOf(phone)), 'channel:im_push');
      expect(check.status).toBe('fail');
      expect(check.advice).toEqual({ key: 'check.channel.missing', values: { channel: 'im_push' } });
      expect(check.evidence).toContain('channels: other');
    }
  });

  it('fails a missing channel with the OPPO ChannelID wording on an OPPO-family phone with Android 8+', () => {
    const oppo = identityOf(OPPO_COLOROS15);
    expect(byId(evaluate(facts([]), oppo), 'channel:im_push').advice.key).toBe('check.channel.missingOppo');
    // OnePlus and realme are the same family.
    expect(
      byId(evaluate(facts([]), identityOf('oneplus-oxygenos14-android14-3.txt')), 'channel:im_push').advice
        .key,
    ).toBe('check.channel.missingOppo');
    expect(
      byId(evaluate(facts([]), identityOf('realme-realmeui6-android15-1.txt')), 'channel:im_push').advice.key,
    ).toBe('check.channel.missingOppo');
    // Before Android 8 there are no channels, so no ChannelID rule.
    expect(byId(evaluate(facts([]), { ...oppo, sdk: 25 }), 'channel:im_push').advice.key).toBe(
      'check.channel.missing',
    );
  });

  it('fails when the app has no settings entry at all (it created no channel)', () => {
    const check = byId(evaluate(facts([], null), identityOf(PIXEL_15)), 'channel:im_push');
    expect(check.status).toBe('fail');
    expect(check.evidence).toContain('no AppSettings');
  });

  it('fails a deleted or blocked channel, warns on a low one and on one hidden from the lock screen', () => {
    const pixel = identityOf(PIXEL_15);
    const status = (line: string) => byId(evaluate(facts([line]), pixel), 'channel:im_push');
    expect(status(channelText('im_push', { deleted: true }))).toMatchObject({
      status: 'fail',
      advice: { key: 'check.channel.deleted' },
    });
    expect(status(channelText('im_push', { importance: 0 }))).toMatchObject({
      status: 'fail',
      advice: { key: 'check.channel.blocked' },
      fixes: ['open-app-notification-settings'],
    });
    expect(status(channelText('im_push', { importance: 2 }))).toMatchObject({
      status: 'warn',
      advice: { key: 'check.channel.low', values: { importance: 'LOW' } },
    });
    expect(status(channelText('im_push', { importance: 1 })).advice.values.importance).toBe('MIN');
    expect(status(channelText('im_push', { visibility: -1 }))).toMatchObject({
      status: 'warn',
      advice: { key: 'check.channel.secret' },
    });
  });

  it('is unknown when the notification dump was not read', () => {
    const checks = evaluate(emptyFacts(), identityOf(PIXEL_15));
    expect(byId(checks, 'channel:im_push').status).toBe('unknown');
    expect(byId(checks, 'channels.blocked').status).toBe('unknown');
  });

  it('summarises the other blocked channels', () => {
    const check = byId(
      evaluate(
        facts([
          channelText('im_push'),
          channelText('promo', { importance: 0 }),
          channelText('old', { importance: 0, deleted: true }),
        ]),
        identityOf(PIXEL_15),
      ),
      'channels.blocked',
    );
    expect(check).toMatchObject({ status: 'warn', advice: { values: { channels: 'promo' } } });
    expect(check.evidence).toContain("mId='promo'");
    expect(
      byId(evaluate(facts([channelText('im_push')]), identityOf(PIXEL_15)), 'channels.blocked'),
    ).toMatchObject({ status: 'ok', advice: { values: { count: '1' } } });
  });

  it('judges the channels of a real capture (Telegram on HyperOS: two live, one deleted)', () => {
    const text = fixture('dumpsys-notification', 'xiaomi-hyperos2-android14-1.txt').toString('utf8');
    const real = withNotifications(emptyFacts(), text, 'org.telegram.messenger');
    const checks = evaluateWith(real, ['Other3', '0channel_silent_b2b3a_310278457545652340']);
    expect(byId(checks, 'channel:Other3').status).toBe('ok');
    expect(byId(checks, 'channel:0channel_silent_b2b3a_310278457545652340').advice.key).toBe(
      'check.channel.deleted',
    );
  });

  it('reads a UTF-16 CRLF capture from Windows the same way (Pixel, Telegram)', () => {
    const text = fixture('dumpsys-notification', 'google-pixel-android16-2.txt');
    const real = withNotifications(emptyFacts(), decodeDeviceText(text), 'org.telegram.messenger');
    const checks = evaluateWith(real, ['Other3'], PIXEL_15);
    expect(byId(checks, 'channel:Other3')).toMatchObject({
      status: 'ok',
      advice: { values: { name: 'Internal notifications', importance: 'DEFAULT' } },
    });
  });
});

function evaluateWith(
  f: ReturnType<typeof withNotifications>,
  ids: readonly string[],
  phone = XIAOMI_HYPEROS,
) {
  return evaluateChecks(f, identityOf(phone), {
    serial: 'S1',
    package: 'org.telegram.messenger',
    channelIds: ids,
  });
}
