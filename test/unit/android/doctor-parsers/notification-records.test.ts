import { describe, expect, it } from 'vitest';
import { parseNotificationRecords } from '../../../../electron/lab/android/parsers/notification-dump';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { fixture, fixtureNames } from '../fixtures';
import { asCrlf, asUtf16, cutAt, onlyLost, timed } from './variants';

const XIAOMI = 'xiaomi-hyperos2-android14-1.txt';
const PIXEL = 'google-pixel-android16-2.txt';
const xiaomi = () => fixture('dumpsys-notification', XIAOMI);
const pixel = () => fixture('dumpsys-notification', PIXEL);

describe('parseNotificationRecords on the real captures', () => {
  it('covers every capture of dumpsys-notification', () => {
    expect(fixtureNames('dumpsys-notification')).toEqual([PIXEL, XIAOMI]);
  });

  it('HyperOS 2 (redacted): 25 records, Telegram first, with its channel and no readable texts', () => {
    const records = parseNotificationRecords(xiaomi());
    expect(records).toHaveLength(25);
    expect(records[0]).toEqual({
      key: '0|org.telegram.messenger|971388197|null|10290',
      pkg: 'org.telegram.messenger',
      opPkg: 'org.telegram.messenger',
      user: 0,
      id: 971388197,
      tag: null,
      importance: 4,
      channelId: '0channel_groups_b9fad_7340126695518204437',
      title: null,
      text: null,
      redacted: true,
      postTime: 1777937011070,
      when: 1777937010000,
      flags: '0x10',
      group: null,
    });
    expect(records.filter((r) => r.pkg === 'com.termux.api')).toHaveLength(5);
    expect(records.filter((r) => r.pkg === 'com.junkfood.seal')).toHaveLength(9);
    expect(records.every((r) => r.title === null && r.text === null)).toBe(true);
  });

  it('HyperOS 2: an auto-group summary key carries an extra segment; uid and tag still land right', () => {
    const summary = parseNotificationRecords(xiaomi()).find((r) => r.key.endsWith('|10322|ranker_group'));
    expect(summary).toMatchObject({
      pkg: 'com.termux.api',
      id: 2147483647,
      tag: 'ranker_group',
      group: 'ranker_group',
      flags: '0x712',
    });
  });

  it('HyperOS 2: the app group of a record comes from the Notification header (groupKey=silent)', () => {
    const optimizer = parseNotificationRecords(xiaomi()).find(
      (r) => r.pkg === 'com.android.system.optimizer',
    );
    expect(optimizer).toMatchObject({
      channelId: 'fde_ai_status',
      group: 'silent',
      flags: '0x6a',
      redacted: true,
    });
  });

  it('Pixel Android 16 (--noredact, UTF-16LE + BOM + CRLF): 13 records with their titles and texts', () => {
    const records = parseNotificationRecords(pixel());
    expect(records).toHaveLength(13);
    expect(records[0]).toEqual({
      key: '-1|android|27|null|1000',
      pkg: 'android',
      opPkg: 'android',
      user: -1,
      id: 27,
      tag: null,
      importance: 1,
      channelId: 'USB',
      title: 'USB file transfer turned on',
      text: 'Tap for more options.',
      redacted: false,
      postTime: 1768102933829,
      when: 0,
      flags: 'ONGOING_EVENT|CAN_COLORIZE',
      group: null,
    });
    expect(records.map((r) => r.pkg)).toContain('com.google.android.dialer');
    expect(records.every((r) => !r.redacted)).toBe(true);
  });

  it('Pixel: the public version does not overwrite the title; mojibake is kept as printed', () => {
    const records = parseNotificationRecords(pixel());
    const gmail = records.filter((r) => r.pkg === 'com.google.android.gm');
    expect(gmail.map((r) => [r.title, r.text])).toEqual([
      ['2 new messages', null],
      ['aj ≡ƒÆ¼', 'English'],
      ['aj ≡ƒÆ¼', 'One more test'],
    ]);
    // A title that itself ends in parentheses is read whole.
    expect(records.find((r) => r.pkg === 'com.google.android.youtube')?.title).toBe(
      'AVAION - Pieces (Official Video)',
    );
    expect(
      records.find((r) => r.pkg === 'com.google.android.googlequicksearchbox' && r.title !== null)?.title,
    ).toBe('22┬░ in Munich');
    expect(gmail[0]).toMatchObject({
      tag: 'gig:-820826552:CLASSIC_INBOX_ALL_MAIL',
      channelId: '^nc_1_mail_alex.jensen@gmail.com',
      group: 'gig:-820826552:CLASSIC_INBOX_ALL_MAIL',
      flags: 'AUTO_CANCEL|GROUP_SUMMARY',
      text: null,
    });
  });

  it('Pixel: a multi-line bigText extra at column 0 does not end the record early', () => {
    const records = parseNotificationRecords(pixel());
    const withBigText = records.find((r) => r.title === 'aj ≡ƒÆ¼');
    expect(withBigText).toMatchObject({ text: 'English', pkg: 'com.google.android.gm' });
    // The record printed right after it is still found whole.
    const next = records[records.indexOf(withBigText as (typeof records)[number]) + 1];
    expect(next?.key).toMatch(/^\d+\|[\w.]+\|/);
    expect(next?.postTime).not.toBeNull();
  });
});

describe('parseNotificationRecords on damaged and hostile input', () => {
  it('reads the HyperOS capture the same as UTF-16 with BOM and as CRLF', () => {
    const text = decodeDeviceText(xiaomi());
    const expected = parseNotificationRecords(text);
    expect(parseNotificationRecords(asUtf16(text))).toEqual(expected);
    expect(parseNotificationRecords(asCrlf(text))).toEqual(expected);
  });

  it('a multi-line --noredact text keeps its line breaks', () => {
    const dump = [
      'Current Notification Manager state:',
      '  Notification List:',
      '    NotificationRecord(0x01: pkg=com.example.chat user=UserHandle{0} id=7 tag=null ' +
        'importance=4 key=0|com.example.chat|7|null|10400: Notification(channel=msgs shortcut=null ' +
        'contentView=null flags=0x10 color=0x00000000 vis=PRIVATE))',
      '      uid=10400 userId=0',
      '      key=0|com.example.chat|7|null|10400',
      '      notification=',
      '            when=1700000000000',
      '            extras={',
      '                android.title=String (Ana)',
      '                android.text=String (first line',
      'second line)',
      '                android.showWhen=Boolean (true)',
      '            }',
      '      mUpdateTimeMs=1700000000123',
    ].join('\n');
    expect(parseNotificationRecords(dump)).toEqual([
      expect.objectContaining({
        title: 'Ana',
        text: 'first line\nsecond line',
        postTime: 1700000000123,
        when: 1700000000000,
        channelId: 'msgs',
      }),
    ]);
  });

  it('truncated copies only lose data: earlier records are whole, the last keeps what it had', () => {
    // The Notification List is the first ~5 % of the Pixel file and ~23 % of the HyperOS one.
    const cases: Array<[Buffer, number[]]> = [
      [pixel(), [0.004, 0.0101, 0.015, 0.0203, 0.03, 0.038]],
      [xiaomi(), [0.01, 0.05, 0.1001, 0.15, 0.22]],
    ];
    let seen = 0;
    for (const [bytes, shares] of cases) {
      const full = parseNotificationRecords(bytes);
      for (const share of shares) {
        // Odd byte counts cut a UTF-16 code unit in half on purpose.
        const partial = parseNotificationRecords(cutAt(bytes, share));
        expect(partial.length).toBeGreaterThan(0);
        expect(partial.length).toBeLessThan(full.length);
        partial.slice(0, -1).forEach((r, i) => expect(r).toEqual(full[i]));
        expect(onlyLost(partial.at(-1) as object, full[partial.length - 1] as object, ['redacted'])).toBe(
          true,
        );
        seen++;
      }
    }
    expect(seen).toBe(11);
  });

  it('a text cut off inside its value is not reported as the text', () => {
    const cut =
      'Notification List:\n    NotificationRecord(0x01: pkg=a.b user=UserHandle{0} id=1 ' +
      'tag=null importance=3 key=0|a.b|1|null|10001: Notification(channel=c shortcut=null))\n ' +
      '     extras={\n          android.title=String (Half a ti';
    const [record] = parseNotificationRecords(cut);
    expect(record?.title).toBeNull();
  });

  it('an empty notification list is an empty array, not an error', () => {
    expect(
      parseNotificationRecords(
        'Current Notification Manager state:\n  Notification List:\n\n  mArchive=Archive (0 notifications)\n',
      ),
    ).toEqual([]);
  });

  it('garbage is refused with MALFORMED_OUTPUT instead of "no notifications"', () => {
    for (const junk of [
      '',
      'error: device offline',
      Buffer.from([0, 1, 2, 3, 255, 254, 253]),
      '/system/bin/sh: dumpsys: not found',
    ]) {
      expect(() => parseNotificationRecords(junk)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_OUTPUT' }),
      );
    }
  });

  it('hostile long lines and whitespace floods finish fast', () => {
    const longHeader = `Notification List:\n    NotificationRecord(${' key=x'.repeat(200_000)}\n`;
    const flood = `Notification List:\n${'\n'.repeat(500_000)}${' '.repeat(500_000)}`;
    expect(timed(() => parseNotificationRecords(longHeader))).toBeLessThan(1500);
    expect(timed(() => parseNotificationRecords(flood))).toBeLessThan(1500);
  });
});
