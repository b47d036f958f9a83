import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/errors';
import type { NotificationRecordInfo } from '../../../electron/lab/android/parsers/notification-records';
import {
  diffRecords,
  recordMatches,
  watchNotifications,
  type NotificationWatch,
} from '../../../electron/lab/android/capture/notification-watcher';
import { FakeDeviceIo } from '../../support/fake-device-io';
import { dumpWith, pixelCapture, recordKey, type FakeRecord } from './dump-builder';

const APP = 'com.example.app';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** A phone whose notification list the test edits; answers the full or filtered dump. */
function fakePhone(base: string | null) {
  const posted: FakeRecord[] = [];
  const io = new FakeDeviceIo('phone-1', [[/^dumpsys notification/, () => dumpWith(base, posted)]]);
  return { io, posted, reads: () => io.commands.filter((c) => c.startsWith('dumpsys')).length };
}

describe('diffRecords / recordMatches', () => {
  const rec = (key: string, postTime: number, pkg = APP, opPkg: string | null = pkg) =>
    ({ key, postTime, pkg, opPkg }) as NotificationRecordInfo;
  it('reports new keys and re-posted keys only', () => {
    const previous = new Map<string, number | null>([
      ['a', 1],
      ['b', 2],
    ]);
    expect(diffRecords(previous, [rec('a', 1), rec('b', 3), rec('c', 4)]).map((r) => r.key)).toEqual([
      'b',
      'c',
    ]);
  });
  it('matches on pkg or on opPkg (vendor push proxies)', () => {
    const watched = new Set([APP]);
    expect(recordMatches(rec('k', 1, APP, 'com.xiaomi.xmsf'), watched)).toBe(true);
    expect(recordMatches(rec('k', 1, 'com.huawei.hwid', APP), watched)).toBe(true);
    expect(recordMatches(rec('k', 1, 'com.example.app2'), watched)).toBe(false);
  });
});

describe('watchNotifications', () => {
  let watch: NotificationWatch | null = null;
  afterEach(async () => {
    watch?.stop();
    await watch?.stopped;
    watch = null;
  });

  it('takes the real capture as baseline and reports only what is posted after it, once', async () => {
    const phone = fakePhone(pixelCapture());
    const seen: NotificationRecordInfo[] = [];
    let baseline: readonly NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, {
      packages: ['com.google.android.gm', APP],
      pollMs: 15,
      onRecord: (r) => seen.push(r),
      onBaseline: (b) => (baseline = b),
    });
    await watch.ready;
    expect(baseline.map((r) => r.pkg)).toEqual([
      'com.google.android.gm',
      'com.google.android.gm',
      'com.google.android.gm',
    ]);
    await until(() => phone.reads() >= 3);
    expect(seen).toEqual([]);
    phone.posted.push({
      pkg: APP,
      id: 1,
      postTime: 1_768_103_200_000,
      title: 'Offline push',
      text: 'from Mi Push',
      channelId: 'im_push',
    });
    await until(() => seen.length === 1);
    const reads = phone.reads();
    await until(() => phone.reads() >= reads + 3);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      key: recordKey({ pkg: APP, id: 1, postTime: 0 }),
      title: 'Offline push',
      text: 'from Mi Push',
      channelId: 'im_push',
    });
    // Several packages: the dump is read whole.
    expect(phone.io.commands[0]).toBe('dumpsys notification --noredact');
  });

  it('reports a re-post under the same key, a proxy-posted record, and ignores other apps', async () => {
    const phone = fakePhone(null);
    phone.posted.push({ pkg: APP, id: 1, postTime: 1000 });
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], pollMs: 10, onRecord: (r) => seen.push(r) });
    await watch.ready;
    expect(phone.io.commands[0]).toBe(`dumpsys notification --noredact p ${APP}`);
    phone.posted.push({ pkg: 'com.example.app2', id: 5, postTime: 1500 }); // NMS's substring filter lets it through
    phone.posted.push({ pkg: APP, opPkg: 'com.xiaomi.xmsf', id: 2, postTime: 2000, title: 'via xmsf' });
    await until(() => seen.length >= 1);
    (phone.posted[0] as { postTime: number }).postTime = 3000;
    await until(() => seen.length >= 2);
    await sleep(40);
    expect(seen.map((r) => [r.pkg, r.opPkg, r.postTime])).toEqual([
      [APP, 'com.xiaomi.xmsf', 2000],
      [APP, APP, 3000],
    ]);
  });

  it('reports read errors without stopping, then still detects', async () => {
    let failing = 2;
    const posted: FakeRecord[] = [];
    const io = new FakeDeviceIo('flaky', [
      [
        /^dumpsys/,
        () => {
          if (failing-- > 0) throw new Error('device offline');
          return dumpWith(null, posted);
        },
      ],
    ]);
    const errors: ErrorInfo[] = [];
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(io, {
      packages: [APP],
      pollMs: 5,
      onRecord: (r) => seen.push(r),
      onError: (e) => errors.push(e),
    });
    await watch.ready;
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('device offline'),
      expect.stringContaining('device offline'),
    ]);
    posted.push({ pkg: APP, id: 9, postTime: 5 });
    await until(() => seen.length === 1);
  });

  it('keeps one read in flight on a slow phone and stops on abort', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const io = new FakeDeviceIo('slow', [
      [
        /^dumpsys/,
        async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(40);
          inFlight--;
          return dumpWith(null, []);
        },
      ],
    ]);
    const controller = new AbortController();
    const w = watchNotifications(io, {
      packages: [APP],
      pollMs: 5,
      onRecord: () => {},
      signal: controller.signal,
    });
    await sleep(150);
    for (let i = 0; i < 5; i++) w.wake();
    await sleep(100);
    controller.abort();
    await w.stopped;
    const reads = io.commands.length;
    expect(maxInFlight).toBe(1);
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(8); // ~250 ms of 40 ms reads with a gap between
    await sleep(80);
    expect(io.commands.length).toBe(reads);
  });

  it('refuses an unsafe package name before touching the phone', () => {
    const io = new FakeDeviceIo('p');
    expect(() => watchNotifications(io, { packages: ['x;reboot'], onRecord: () => {} })).toThrow(
      /not a valid Android package name/,
    );
    expect(io.commands).toEqual([]);
  });
});
