import { describe, expect, it } from 'vitest';
import {
  parseNotificationPreferences,
  parseZenMode,
} from '../../../../electron/lab/android/parsers/notification-dump';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { fixture } from '../fixtures';
import { asCrlf, asUtf16, cutAt, onlyLost, timed } from './variants';

const xiaomi = () => fixture('dumpsys-notification', 'xiaomi-hyperos2-android14-1.txt');
const pixel = () => fixture('dumpsys-notification', 'google-pixel-android16-2.txt');

/** Package names of every AppSettings line, found independently of the parser. */
function appSettingsPackages(bytes: Buffer): string[] {
  return [
    ...new Set([...decodeDeviceText(bytes).matchAll(/AppSettings: (\S+) \(/g)].map((m) => m[1] as string)),
  ];
}

describe('parseNotificationPreferences on the real captures', () => {
  it('AppSettings entries of both captures are found (323 apps on HyperOS, 646 apps / 1035 entries on the Pixel)', () => {
    // Decoded once; on the 2.8 MB Pixel file every 4th app is enough to keep the test quick.
    for (const [bytes, count, stride] of [
      [xiaomi(), 323, 1],
      [pixel(), 646, 4],
    ] as const) {
      const packages = appSettingsPackages(bytes);
      expect(packages).toHaveLength(count);
      const text = decodeDeviceText(bytes);
      for (const pkg of packages.filter((_, i) => i % stride === 0))
        expect(parseNotificationPreferences(text, pkg)?.package).toBe(pkg);
    }
  });

  it('HyperOS: 47 apps are blocked at app level (importance=NONE), eu.thedarken.sdm among them', () => {
    const bytes = xiaomi();
    const text = decodeDeviceText(bytes);
    const blocked = appSettingsPackages(bytes).filter(
      (p) => parseNotificationPreferences(text, p)?.blocked === true,
    );
    expect(blocked).toHaveLength(47);
    expect(parseNotificationPreferences(bytes, 'eu.thedarken.sdm')).toMatchObject({
      uid: 10310,
      importance: 0,
      blocked: true,
      showBadge: false,
    });
  });

  it('HyperOS: Mi Push (com.xiaomi.xmsf) has one channel; the redacted name is not passed off as a name', () => {
    expect(parseNotificationPreferences(xiaomi(), 'com.xiaomi.xmsf')).toEqual({
      package: 'com.xiaomi.xmsf',
      uid: 10198,
      importance: 3,
      blocked: false,
      showBadge: true,
      channels: [
        {
          id: 'com.xiaomi.xmsf',
          name: null,
          importance: 4,
          sound: 'content://settings/system/notification_sound',
          vibration: false,
          lockscreenVisibility: -1000,
          bypassDnd: false,
          deleted: false,
          group: null,
        },
      ],
    });
  });

  it('HyperOS: Telegram has 7 channels, 3 deleted; a redacted name is recovered from its posted record', () => {
    const telegram = parseNotificationPreferences(xiaomi(), 'org.telegram.messenger');
    expect(telegram?.channels).toHaveLength(7);
    expect(telegram?.channels.filter((c) => c.deleted)).toHaveLength(3);
    expect(telegram?.channels[0]).toEqual({
      id: '0channel_groups_b9fad_7340126695518204437',
      name: 'Por defecto', // "Por..." in PackagePreferences; whole in the record's effectiveNotificationChannel
      importance: 4,
      sound: 'content://settings/system/notification_sound',
      vibration: true,
      lockscreenVisibility: -1000,
      bypassDnd: false,
      deleted: false,
      group: 'groups0',
    });
    expect(telegram?.channels.find((c) => c.id === 'Other3')).toMatchObject({
      name: null,
      sound: null,
      importance: 3,
    });
  });

  it('Pixel (--noredact, UTF-16): Telegram channels with their full names', () => {
    const telegram = parseNotificationPreferences(pixel(), 'org.telegram.messenger');
    expect(telegram).toMatchObject({ uid: 10295, importance: 3, blocked: false });
    expect(telegram?.channels).toHaveLength(7);
    expect(telegram?.channels.slice(0, 3).map((c) => [c.id, c.name])).toEqual([
      ['incoming_calls40', 'Internal call notifications'],
      ['Other3', 'Internal notifications'],
      ['0channel_groups_b9fad_89757144964084115', 'Default'],
    ]);
  });

  it('Pixel: of two users, user 0 decides (Gmail is blocked for user 10, allowed for user 0)', () => {
    expect(parseNotificationPreferences(pixel(), 'com.google.android.gm')).toMatchObject({
      uid: 10221,
      importance: 3,
      blocked: false,
    });
  });

  it('Pixel: a channel the user turned off reads importance 0', () => {
    const offerup = parseNotificationPreferences(pixel(), 'com.offerup');
    expect(offerup?.channels.find((c) => c.id === 'OfferUp_Channel_Primary')).toMatchObject({
      name: 'OfferUp',
      importance: 0,
    });
  });

  it('an app without an entry, or without notification permission state, is told apart', () => {
    expect(parseNotificationPreferences(pixel(), 'com.xiaomi.xmsf')).toBeNull();
    // Printed without importance=: Android 13+ has no POST_NOTIFICATIONS state for it, so unknown.
    expect(parseNotificationPreferences(pixel(), 'com.android.networkstack.overlay')).toMatchObject({
      importance: null,
      blocked: null,
      channels: [],
    });
  });
});

describe('parseNotificationPreferences on damaged and hostile input', () => {
  it('UTF-16 with BOM and CRLF copies read the same', () => {
    const text = decodeDeviceText(xiaomi());
    const expected = parseNotificationPreferences(text, 'org.telegram.messenger');
    expect(parseNotificationPreferences(asUtf16(text), 'org.telegram.messenger')).toEqual(expected);
    expect(parseNotificationPreferences(asCrlf(text), 'org.telegram.messenger')).toEqual(expected);
  });

  it("a copy cut inside Telegram's channel list keeps whole channels and drops what was cut", () => {
    const bytes = xiaomi();
    const full = parseNotificationPreferences(bytes, 'org.telegram.messenger');
    const start = bytes.indexOf('      AppSettings: org.telegram.messenger');
    for (const extra of [300, 1500, 2600, 4100]) {
      const partial = parseNotificationPreferences(
        bytes.subarray(0, start + extra),
        'org.telegram.messenger',
      );
      expect(partial?.channels.length).toBeLessThan(full?.channels.length ?? 0);
      partial?.channels.forEach((c, i) => expect(onlyLost(c, full?.channels[i] as object)).toBe(true));
    }
    // Cut inside the header line itself: fields it omits can no longer be read as defaults.
    const header = parseNotificationPreferences(bytes.subarray(0, start + 50), 'org.telegram.messenger');
    expect(header).toMatchObject({ importance: null, showBadge: null, channels: [] });
  });

  it('a package name is matched whole, never as a pattern or a prefix', () => {
    expect(parseNotificationPreferences(xiaomi(), 'org.telegram.messenge')).toBeNull();
    expect(parseNotificationPreferences(xiaomi(), 'org.telegram.messenger.web')).toBeNull();
    expect(parseNotificationPreferences(xiaomi(), 'org.telegram.messenger|.*')).toBeNull();
  });

  it('garbage is refused with MALFORMED_OUTPUT; a dump with no PackagePreferences is "no entry"', () => {
    for (const junk of [
      '',
      "Permission Denial: can't dump NotificationManager",
      Buffer.from([0xff, 0xfe, 0x00]),
    ]) {
      expect(() => parseNotificationPreferences(junk, 'a.b')).toThrow(
        expect.objectContaining({ code: 'MALFORMED_OUTPUT' }),
      );
    }
    expect(parseNotificationPreferences(cutAt(xiaomi(), 0.1), 'org.telegram.messenger')).toBeNull();
  });

  it('a hostile channel line does not backtrack for ages', () => {
    const line = `PackagePreferences:\n      AppSettings: a.b (10001)\n        NotificationChannel{mId='x', mName=${"', mName=".repeat(100_000)}\n`;
    expect(timed(() => parseNotificationPreferences(line, 'a.b'))).toBeLessThan(1500);
    const flood = `${'\n'.repeat(300_000)}${' '.repeat(300_000)}x`;
    expect(timed(() => expect(() => parseNotificationPreferences(flood, 'a.b')).toThrow())).toBeLessThan(
      1500,
    );
  });
});

describe('parseZenMode', () => {
  it('both captures: Do Not Disturb is off', () => {
    expect(parseZenMode(xiaomi())).toEqual({ mode: 'off', raw: 'ZEN_MODE_OFF' });
    expect(parseZenMode(pixel())).toEqual({ mode: 'off', raw: 'ZEN_MODE_OFF' });
  });

  it('reads every mode by name, and the bare number `settings get global zen_mode` prints', () => {
    const section = (mode: string) => `  Zen Mode:\n    mInterruptionFilter=2\n    mZenMode=${mode}\n`;
    expect(parseZenMode(section('ZEN_MODE_IMPORTANT_INTERRUPTIONS')).mode).toBe('important');
    expect(parseZenMode(section('ZEN_MODE_NO_INTERRUPTIONS')).mode).toBe('no-interruptions');
    expect(parseZenMode(section('ZEN_MODE_ALARMS')).mode).toBe('alarms');
    expect(parseZenMode('1\n')).toEqual({ mode: 'important', raw: '1' });
    expect(parseZenMode('0\r\n')).toEqual({ mode: 'off', raw: '0' });
  });

  it('falls back to the interruption filter; unknown values stay null with their raw text', () => {
    expect(parseZenMode('  Zen Mode:\n    mInterruptionFilter=4\n')).toEqual({
      mode: 'alarms',
      raw: 'mInterruptionFilter=4',
    });
    expect(parseZenMode('    mZenMode=ZEN_MODE_SOMETHING_NEW\n')).toEqual({
      mode: null,
      raw: 'ZEN_MODE_SOMETHING_NEW',
    });
    expect(parseZenMode('garbage')).toEqual({ mode: null, raw: null });
    expect(parseZenMode(cutAt(xiaomi(), 0.5))).toEqual({ mode: null, raw: null });
  });
});
