import { afterEach, describe, expect, it } from 'vitest';
import type { ShellStreamOptions } from '../../../../electron/lab/adb/device-io';
import {
  watchNotifications,
  type NotificationWatch,
} from '../../../../electron/lab/android/capture/notification-watcher';
import type { NotificationRecordInfo } from '../../../../electron/lab/android/parsers/notification-records';
import { FakeDeviceIo, type ShellRule } from '../../../support/fake-device-io';
import { dumpWith, type FakeRecord } from '../dump-builder';
import { APP, T0, enqueueLine, sleep, until } from './event-lines';

/** A FakeDeviceIo that can stream: the test writes to open streams and can end them. */
class StreamingIo extends FakeDeviceIo {
  public readonly streams: Array<{ command: string; options: ShellStreamOptions; end: () => void }> = [];

  public constructor(rules: ShellRule[]) {
    super('phone-1', rules);
  }

  public streamShell(command: string, options: ShellStreamOptions): Promise<void> {
    return new Promise<void>((resolve) => {
      const entry = { command, options, end: () => resolve() };
      this.streams.push(entry);
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  public emit(text: string): void {
    for (const s of this.streams) if (!s.options.signal.aborted) s.options.onData(text);
  }

  public open(): number {
    return this.streams.filter((s) => !s.options.signal.aborted).length;
  }
}

function streamingPhone(probe: string) {
  const posted: FakeRecord[] = [];
  const io = new StreamingIo([
    [/^logcat -b events -d/, () => probe],
    [/^dumpsys notification/, () => dumpWith(null, posted)],
  ]);
  return { io, posted, reads: () => io.commands.filter((c) => c.startsWith('dumpsys')).length };
}

const PROBE = `--------- beginning of events\n${enqueueLine('com.other.app', 1, T0)}`;

describe('watchNotifications, event-driven', () => {
  let watch: NotificationWatch | null = null;
  afterEach(async () => {
    watch?.stop();
    await watch?.stopped;
    watch = null;
  });

  it('follows the events buffer from the probe time and reads only when the app enqueues', async () => {
    const phone = streamingPhone(PROBE);
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], pollMs: 10, onRecord: (r) => seen.push(r) });
    await watch.ready;
    expect(phone.io.commands[0]).toBe('logcat -b events -d -v epoch -t 1');
    expect(phone.io.streams.map((s) => s.command)).toEqual([
      `logcat -b events -v epoch -T ${T0 / 1000}.000 -s notification_enqueue notification_cancel notification_cancel_all`,
    ]);
    await sleep(150); // at pollMs 10 a poller would have read ~15 times
    expect(phone.reads()).toBe(1);
    phone.io.emit(enqueueLine('com.other.app', 3, T0 + 50)); // another app: no read
    await sleep(50);
    expect(phone.reads()).toBe(1);
    phone.posted.push({ pkg: APP, id: 7, postTime: T0 + 100, title: 'pushed' });
    phone.io.emit(enqueueLine(APP, 7, T0 + 100));
    await until(() => seen.length === 1);
    expect(seen[0]?.title).toBe('pushed');
    expect(phone.reads()).toBe(2);
    expect(watch.mode()).toMatchObject({ mode: 'events', reason: null, reads: 2, enqueues: 1 });
  });

  it('a push proxy enqueue wakes the read; a record that shows after its enqueue is confirmed by a re-read', async () => {
    const phone = streamingPhone(PROBE);
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], onRecord: (r) => seen.push(r) });
    await watch.ready;
    phone.io.emit(enqueueLine('com.xiaomi.xmsf', 9, T0 + 10)); // NMS posts the record a little later
    await until(() => phone.reads() === 2);
    phone.posted.push({ pkg: APP, opPkg: 'com.xiaomi.xmsf', id: 9, postTime: T0 + 10 });
    await until(() => seen.length === 1, 1500);
    expect(seen[0]?.opPkg).toBe('com.xiaomi.xmsf');
    const reads = phone.reads();
    await sleep(900); // confirmations stop once the record is found
    expect(phone.reads()).toBe(reads);
  });

  it("the probe's newest line, printed again when the stream starts from its time, triggers nothing", async () => {
    const last = enqueueLine(APP, 1, T0);
    const phone = streamingPhone(last);
    phone.posted.push({ pkg: APP, id: 1, postTime: T0 });
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], onRecord: (r) => seen.push(r) });
    await watch.ready;
    phone.io.emit(last);
    await sleep(900);
    expect(phone.reads()).toBe(1);
    phone.posted.push({ pkg: APP, id: 2, postTime: T0 });
    phone.io.emit(enqueueLine(APP, 2, T0)); // same millisecond, another post: it counts
    await until(() => seen.length === 1);
  });

  it('lines split across chunks still trigger', async () => {
    const phone = streamingPhone(PROBE);
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], onRecord: (r) => seen.push(r) });
    await watch.ready;
    phone.posted.push({ pkg: APP, id: 2, postTime: T0 + 5 });
    const line = enqueueLine(APP, 2, T0 + 5);
    phone.io.emit(line.slice(0, 40));
    await sleep(20);
    expect(phone.reads()).toBe(1);
    phone.io.emit(line.slice(40));
    await until(() => seen.length === 1);
  });

  it('stop closes the stream and stopped resolves with no stream left open', async () => {
    const phone = streamingPhone(PROBE);
    watch = watchNotifications(phone.io, { packages: [APP], onRecord: () => {} });
    await watch.ready;
    expect(phone.io.open()).toBe(1);
    watch.stop();
    await watch.stopped;
    expect(phone.io.open()).toBe(0);
    expect(phone.io.streams[0]?.options.signal.aborted).toBe(true);
  });

  it('aborting the signal during the probe never opens a stream', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const io = new StreamingIo([
      [/^logcat/, async () => (await gate, PROBE)],
      [/^dumpsys/, () => dumpWith(null, [])],
    ]);
    const control = new AbortController();
    watch = watchNotifications(io, { packages: [APP], onRecord: () => {}, signal: control.signal });
    await sleep(10);
    control.abort();
    release();
    await watch.stopped;
    expect(io.streams).toHaveLength(0);
    expect(io.commands.filter((c) => c.startsWith('dumpsys'))).toHaveLength(0);
  });
});

describe('watchNotifications falls back to polling where the events buffer is unreadable', () => {
  let watch: NotificationWatch | null = null;
  afterEach(async () => {
    watch?.stop();
    await watch?.stopped;
    watch = null;
  });

  const cases: Array<[string, string, string]> = [
    ['refused', "logcat: Unable to open log device 'events': Permission denied\n", 'events-refused'],
    ['empty', '', 'events-empty'],
    ['old logcat', 'Invalid parameter "epoch" to -v\n', 'logcat-too-old'],
  ];
  for (const [name, probe, reason] of cases) {
    it(`${name}: polls, opens no stream, and says why`, async () => {
      const phone = streamingPhone(probe);
      const seen: NotificationRecordInfo[] = [];
      watch = watchNotifications(phone.io, { packages: [APP], pollMs: 10, onRecord: (r) => seen.push(r) });
      await watch.ready;
      await until(() => phone.reads() >= 4);
      phone.posted.push({ pkg: APP, id: 1, postTime: T0 });
      await until(() => seen.length === 1);
      expect(phone.io.streams).toHaveLength(0);
      const mode = watch.mode();
      expect(mode).toMatchObject({ mode: 'poll', reason });
      expect(mode.message).toMatch(/polled/);
      expect(mode.zh?.message).toMatch(/轮询/);
      if (reason === 'events-refused') expect(mode.detail).toContain('Permission denied');
    });
  }

  it('a stream that ends while the push is awaited hands over to polling at once', async () => {
    const phone = streamingPhone(PROBE);
    const seen: NotificationRecordInfo[] = [];
    watch = watchNotifications(phone.io, { packages: [APP], pollMs: 10, onRecord: (r) => seen.push(r) });
    await watch.ready;
    phone.posted.push({ pkg: APP, id: 4, postTime: T0 + 1 }); // its enqueue line is lost with the stream
    phone.io.emit('logcat: read: unexpected EOF!\n');
    phone.io.streams[0]?.end();
    await until(() => seen.length === 1);
    expect(watch.mode()).toMatchObject({
      mode: 'poll',
      reason: 'stream-ended',
      detail: 'logcat: read: unexpected EOF!',
    });
    const reads = phone.reads();
    await until(() => phone.reads() >= reads + 3); // and keeps polling
  });

  it("trigger: 'poll' polls without probing; a transport without streams polls as 'no-stream'", async () => {
    const phone = streamingPhone(PROBE);
    watch = watchNotifications(phone.io, { packages: [APP], trigger: 'poll', onRecord: () => {} });
    await watch.ready;
    expect(phone.io.commands.some((c) => c.startsWith('logcat'))).toBe(false);
    expect(watch.mode()).toMatchObject({ mode: 'poll', reason: 'asked' });
    watch.stop();
    const plain = new FakeDeviceIo('p', [[/^dumpsys/, () => dumpWith(null, [])]]);
    watch = watchNotifications(plain, { packages: [APP], onRecord: () => {} });
    await watch.ready;
    expect(watch.mode()).toMatchObject({ mode: 'poll', reason: 'no-stream' });
  });
});
