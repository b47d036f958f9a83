import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseNotificationEventLine,
  parseNotificationEvents,
} from '../../../../electron/lab/android/parsers/notification-events';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/logcat-events/${name}.txt`, import.meta.url), 'utf8');

describe('notification event lines: real MIUI capture (threadtime, 8-field enqueue)', () => {
  const events = parseNotificationEvents(fixture('miui-events-threadtime-1'));

  it('finds the two enqueues and the cancel_all, and nothing from am_wtf or notification_canceled', () => {
    expect(events.map((e) => e.tag)).toEqual([
      'notification_enqueue',
      'notification_cancel_all',
      'notification_enqueue',
    ]);
  });

  it('reads uid, pid, package, id, tag, user and status of an enqueue', () => {
    expect(events[0]).toMatchObject({
      uid: 10021,
      pid: 21780,
      pkg: 'com.android.mms',
      id: 114,
      notificationTag: null,
      userId: 0,
      status: 0,
      reason: null,
      timeMs: null,
    });
  });

  it('reads the reason of a cancel_all (9 = APP_CANCEL_ALL)', () => {
    expect(events[1]).toMatchObject({ pkg: 'com.android.mms', userId: 0, reason: 9, id: null });
  });
});

describe('notification event lines: real Datalogic capture (mixed buffers)', () => {
  const events = parseNotificationEvents(fixture('datalogic-events-threadtime-2'));

  it('ignores the main-buffer NotificationListener line and reads status 1 (update)', () => {
    expect(events.map((e) => [e.tag, e.pkg, e.id, e.status])).toEqual([
      ['notification_enqueue', 'com.datalogic.systemupdate', 1337, 0],
      ['notification_enqueue', 'com.datalogic.systemupdate', 1337, 1],
    ]);
  });
});

describe('notification event lines: composed Android 15 epoch stream', () => {
  const events = parseNotificationEvents(fixture('composed-epoch-android15-3'));

  it('keeps epoch times, skips the alert line and the line cut inside the package', () => {
    expect(events.map((e) => [e.tag, e.timeMs])).toEqual([
      ['notification_enqueue', 1765098123412],
      ['notification_enqueue', 1765098124001],
      ['notification_cancel', 1765098130777],
    ]);
  });

  it('takes status from the right past app_provided, vibrate commas and an OEM suffix', () => {
    expect(events[0]).toMatchObject({ pkg: 'dev.pushlab.demo', id: 7, status: 0 });
    expect(events[1]).toMatchObject({ id: 8, notificationTag: 'im-thread', status: 1 });
  });

  it('reads a cancel: 10 fields, reason 2 (user swipe)', () => {
    expect(events[2]).toMatchObject({ uid: 10245, pid: 5511, id: 7, userId: 0, reason: 2 });
  });
});

describe('parseNotificationEventLine edge cases', () => {
  it('reads the pre-Lollipop layout (package first, no uid/pid)', () => {
    const line =
      '01-02 03:04:05.678   400   420 I notification_enqueue: [com.example.app,3,NULL,0,Notification(pri=0 contentView=x vibrate=null)]';
    expect(parseNotificationEventLine(line)).toMatchObject({
      uid: null,
      pkg: 'com.example.app',
      id: 3,
      status: null,
    });
  });

  it('refuses a line whose package field is not a package name or whose message is not a list', () => {
    const bad =
      '1765098123.412  1873  2904 I notification_enqueue: [10245,4410,not a package,7,NULL,0,N(),0]';
    expect(parseNotificationEventLine(bad)).toBeNull();
    expect(parseNotificationEventLine('1765098123.412  1873  2904 I notification_enqueue: hello')).toBeNull();
    expect(parseNotificationEventLine('--------- beginning of events')).toBeNull();
    expect(parseNotificationEventLine('')).toBeNull();
  });
});
