import { describe, expect, it } from 'vitest';
import {
  notificationsCommand,
  parseNotificationList,
  readNotifications,
} from '../../../electron/lab/android/commands/capture/read-notifications';
import {
  parsePhoneClock,
  readPhoneClock,
} from '../../../electron/lab/android/commands/capture/read-phone-clock';
import { LabError } from '../../../electron/lab/errors';
import { FakeDeviceIo } from '../../support/fake-device-io';
import { dumpWith, pixelCapture } from './dump-builder';

describe('readNotifications', () => {
  it("filters by package with NMS's own filter and refuses anything that is not a package name", () => {
    expect(notificationsCommand()).toBe('dumpsys notification --noredact');
    expect(notificationsCommand('com.example.app')).toBe('dumpsys notification --noredact p com.example.app');
    expect(() => notificationsCommand('com.example.app; reboot')).toThrow(LabError);
    expect(() => notificationsCommand("a' b")).toThrow(/not a valid Android package name/);
  });

  it('reads every record of the real Pixel capture', async () => {
    const io = new FakeDeviceIo('pixel', [[/^dumpsys notification --noredact$/, pixelCapture()]]);
    const records = await readNotifications(io);
    expect(records).toHaveLength(13);
    expect(records.filter((r) => r.pkg === 'com.google.android.gm')).toHaveLength(3);
  });

  it('takes a filtered dump without records as an empty list, and reads one with records', () => {
    expect(parseNotificationList(dumpWith(null, []))).toEqual([]);
    const records = parseNotificationList(
      dumpWith(null, [
        {
          pkg: 'com.example.app',
          opPkg: 'com.xiaomi.xmsf',
          id: 7,
          postTime: 1_700_000_000_123,
          title: 'Hi (there)',
          text: 'two\nlines',
        },
      ]),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      pkg: 'com.example.app',
      opPkg: 'com.xiaomi.xmsf',
      id: 7,
      postTime: 1_700_000_000_123,
      title: 'Hi (there)',
      text: 'two\nlines',
      channelId: 'pushlab_default',
    });
  });

  it('turns a refusal into COMMAND_FAILED and garbage into MALFORMED_OUTPUT', async () => {
    const refused = new FakeDeviceIo('x', [
      [/dumpsys/, "Permission Denial: can't dump NotificationManager from pid=1"],
    ]);
    await expect(readNotifications(refused, { package: 'com.example.app' })).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
    });
    const garbage = new FakeDeviceIo('x', [[/dumpsys/, 'hello\nworld\n']]);
    await expect(readNotifications(garbage)).rejects.toMatchObject({ code: 'MALFORMED_OUTPUT' });
  });
});

describe('phone clock', () => {
  it('parses milliseconds, nanoseconds, whole seconds and a date without %N', () => {
    expect(parsePhoneClock('1700000000.123\n')).toEqual({ epochMs: 1_700_000_000_123, precisionMs: 1 });
    expect(parsePhoneClock('1700000000.987654321')).toEqual({ epochMs: 1_700_000_000_987, precisionMs: 1 });
    expect(parsePhoneClock('1700000000.5')).toEqual({ epochMs: 1_700_000_000_500, precisionMs: 1 });
    expect(parsePhoneClock('1700000000\r\n')).toEqual({ epochMs: 1_700_000_000_000, precisionMs: 1000 });
    expect(parsePhoneClock('1700000000.%3N')).toEqual({ epochMs: 1_700_000_000_000, precisionMs: 1000 });
    // A phone reset to 1970 still splits right thanks to the dot.
    expect(parsePhoneClock('86400.042')).toEqual({ epochMs: 86_400_042, precisionMs: 1 });
    expect(parsePhoneClock('1700000000.3N')).toBeNull();
    expect(parsePhoneClock('/system/bin/sh: date: not found')).toBeNull();
    expect(parsePhoneClock('')).toBeNull();
  });

  it('falls back to whole seconds when %N is not understood, and says so', async () => {
    const io = new FakeDeviceIo('old', [
      [/%3N/, '17000000003N'],
      [/^date \+%s$/, '1700000000'],
    ]);
    await expect(readPhoneClock(io)).resolves.toEqual({
      epochMs: 1_700_000_000_000,
      precisionMs: 1000,
      command: 'date +%s',
    });
    expect(io.commands).toEqual(['date +%s.%3N', 'date +%s']);
  });

  it("fails with the phone's words when it has no date", async () => {
    const io = new FakeDeviceIo('none', [[/date/, '/system/bin/sh: date: not found']]);
    await expect(readPhoneClock(io)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('not found'),
    });
  });
});
