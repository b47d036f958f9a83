import { afterEach, describe, expect, it } from 'vitest';
import type { ShellStreamOptions } from '../../../../electron/lab/adb/device-io';
import {
  watchNotifications,
  type NotificationWatch,
  type WatchNotificationsOptions,
} from '../../../../electron/lab/android/capture/notification-watcher';
import {
  PhoneEventsStream,
  closeEventsStream,
  eventsStreamFor,
} from '../../../../electron/lab/android/capture/events-stream';
import type { NotificationRecordInfo } from '../../../../electron/lab/android/parsers/notification-records';
import { capturePush } from '../../../../electron/lab/android/run/capture-push';
import { FakeDeviceIo } from '../../../support/fake-device-io';
import { dumpWith, type FakeRecord } from '../dump-builder';
import { APP, T0, enqueueLine, sleep, until } from './event-lines';

/** A phone whose streams the test writes to and ends; its notification list is `posted`. */
class Phone extends FakeDeviceIo {
  public readonly streams: Array<{ command: string; options: ShellStreamOptions; end: () => void }> = [];
  public readonly posted: FakeRecord[] = [];
  /** Ids whose records the dump shows without a post time (no mCreationTimeMs / mUpdateTimeMs). */
  public readonly undated = new Set<number>();

  public constructor(probe = `--------- beginning of events\n${enqueueLine('com.other.app', 1, T0)}`) {
    super('phone-1', [
      [/^logcat -b events -d/, () => probe],
      [/^dumpsys notification/, () => this.dump()],
    ]);
  }

  private dump(): string {
    let text = dumpWith(null, this.posted);
    for (const r of this.posted)
      if (this.undated.has(r.id))
        text = text.replace(`      mCreationTimeMs=${r.postTime}\n      mUpdateTimeMs=${r.postTime}\n`, '');
    return text;
  }

  public streamShell(command: string, options: ShellStreamOptions): Promise<void> {
    return new Promise<void>((resolve) => {
      this.streams.push({ command, options, end: () => resolve() });
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /** Posts a record and writes its enqueue line, as NMS does. */
  public post(record: FakeRecord, line = true): void {
    const at = this.posted.findIndex((r) => r.id === record.id && r.pkg === record.pkg);
    if (at >= 0) this.posted.splice(at, 1);
    this.posted.push(record);
    if (line) this.emit(enqueueLine(record.opPkg ?? record.pkg, record.id, record.postTime));
  }

  public emit(text: string): void {
    for (const s of this.streams) if (!s.options.signal.aborted) s.options.onData(text);
  }

  public open(): number {
    return this.streams.filter((s) => !s.options.signal.aborted).length;
  }

  public count(prefix: string): number {
    return this.commands.filter((c) => c.startsWith(prefix)).length;
  }
}

describe('one events stream per phone, kept across attempts', () => {
  const watches: NotificationWatch[] = [];
  const streams: PhoneEventsStream[] = [];
  afterEach(async () => {
    for (const w of watches.splice(0)) w.stop();
    for (const s of streams.splice(0)) await s.close();
  });

  const setUp = (options: ConstructorParameters<typeof PhoneEventsStream>[1] = {}) => {
    const phone = new Phone();
    const stream = new PhoneEventsStream(phone, options);
    streams.push(stream);
    return { phone, stream };
  };

  /** One attempt's watch: `sentAt` is the phone time of the send (the offset already applied). */
  const attempt = (
    phone: Phone,
    stream: PhoneEventsStream,
    sentAt: number | undefined,
    more: Partial<WatchNotificationsOptions> = {},
  ) => {
    const seen: NotificationRecordInfo[] = [];
    const baseline: NotificationRecordInfo[] = [];
    const watch = watchNotifications(phone, {
      packages: [APP],
      events: stream,
      ...(sentAt === undefined ? {} : { freshAfterPhoneMs: sentAt }),
      onRecord: (r) => seen.push(r),
      onBaseline: (r) => baseline.push(...r),
      ...more,
    });
    watches.push(watch);
    return { watch, seen, baseline };
  };

  it('the first arm probes, opens the stream and reads a baseline; later arms run no command at all', async () => {
    const { phone, stream } = setUp();
    const first = attempt(phone, stream, T0);
    await first.watch.ready;
    expect(phone.commands).toEqual([
      'logcat -b events -d -v epoch -t 1',
      'dumpsys notification --noredact p com.example.app',
    ]);
    phone.post({ pkg: APP, id: 1, postTime: T0 + 100, title: 'one' });
    await until(() => first.seen.length === 1);
    first.watch.stop();
    await first.watch.stopped;
    expect(phone.open()).toBe(1); // stopping the watch leaves the phone's stream open

    const before = phone.commands.length;
    const second = attempt(phone, stream, T0 + 5_000);
    await second.watch.ready;
    expect(phone.commands.length).toBe(before);
    expect(second.watch.armedFromKnown()).toBe(true);
    expect(second.baseline.map((r) => r.title)).toEqual(['one']); // the last list, as a read would give
    phone.post({ pkg: APP, id: 2, postTime: T0 + 5_100, title: 'two' });
    await until(() => second.seen.length === 1);
    expect(second.seen[0]?.title).toBe('two');
    expect(second.watch.mode()).toMatchObject({ mode: 'events', reads: 1, enqueues: 1 });
    expect(phone.streams).toHaveLength(1);
    expect(stream.starts).toBe(1);
    expect(phone.count('logcat -b events -d')).toBe(1);
  });

  it('several watches at once share the one stream', async () => {
    const { phone, stream } = setUp();
    const a = attempt(phone, stream, T0);
    const b = attempt(phone, stream, T0);
    await Promise.all([a.watch.ready, b.watch.ready]);
    phone.post({ pkg: APP, id: 3, postTime: T0 + 10 });
    await until(() => a.seen.length === 1 && b.seen.length === 1);
    expect(phone.streams).toHaveLength(1);
    expect(phone.count('logcat -b events -d')).toBe(1);
  });

  it('a stream that dies: the watch polls (stream-ended), the stream restarts from its last line, the next arm reads afresh', async () => {
    const { phone, stream } = setUp({ backoffMs: [20] });
    const first = attempt(phone, stream, T0, { pollMs: 10 });
    await first.watch.ready;
    phone.post({ pkg: APP, id: 1, postTime: T0 + 700 });
    await until(() => first.seen.length === 1);
    phone.emit('logcat: read: unexpected EOF!\n');
    phone.streams[0]?.end();
    await until(() => first.watch.mode().mode === 'poll');
    expect(first.watch.mode()).toMatchObject({
      reason: 'stream-ended',
      detail: 'logcat: read: unexpected EOF!',
    });
    await until(() => phone.streams.length === 2);
    // From the phone time of the last line it saw: lines written while it was down are not lost.
    expect(phone.streams[1]?.command).toContain(`-T ${T0 / 1000}.700 `);
    expect(phone.count('logcat -b events -d')).toBe(1); // no new probe
    first.watch.stop();

    const reads = phone.count('dumpsys');
    const next = attempt(phone, stream, T0 + 2_000);
    await next.watch.ready;
    expect(next.watch.armedFromKnown()).toBe(false); // the break may have hidden an enqueue
    expect(phone.count('dumpsys')).toBe(reads + 1);
    phone.post({ pkg: APP, id: 2, postTime: T0 + 2_100 });
    await until(() => next.seen.length === 1);
    expect(next.watch.mode()).toMatchObject({ mode: 'events' });
  });

  it('the replayed last line after a restart does not count twice or trigger a read of its own', async () => {
    const { phone, stream } = setUp({ backoffMs: [10] });
    const w = attempt(phone, stream, T0);
    await w.watch.ready;
    phone.post({ pkg: APP, id: 1, postTime: T0 + 50 });
    await until(() => w.seen.length === 1);
    w.watch.stop();
    phone.streams[0]?.end();
    await until(() => phone.streams.length === 2);
    phone.emit(enqueueLine(APP, 1, T0 + 50)); // -T prints the last line again
    const next = attempt(phone, stream, T0 + 1_000);
    await next.watch.ready;
    await sleep(50);
    expect(next.seen).toEqual([]);
  });

  it('close ends the stream, forgets the list, and a later arm starts over', async () => {
    const { phone, stream } = setUp();
    const w = attempt(phone, stream, T0);
    await w.watch.ready;
    await stream.close();
    expect(phone.open()).toBe(0);
    expect(phone.streams[0]?.options.signal.aborted).toBe(true);
    w.watch.stop();
    const again = attempt(phone, stream, T0 + 1_000);
    await again.watch.ready;
    expect(again.watch.armedFromKnown()).toBe(false);
    expect(phone.count('logcat -b events -d')).toBe(2);
    expect(phone.open()).toBe(1);
  });

  it('closes itself once no watch has used it for lingerMs (nothing leaks when nobody closes it)', async () => {
    const { phone, stream } = setUp({ lingerMs: 40 });
    const w = attempt(phone, stream, T0);
    await w.watch.ready;
    await sleep(80);
    expect(phone.open()).toBe(1); // a watch is subscribed
    w.watch.stop();
    await until(() => phone.open() === 0, 500);
  });

  it("held by a run's phone loop, it does not linger: it stays until closed", async () => {
    const { phone, stream } = setUp({ lingerMs: 20 });
    stream.hold();
    const w = attempt(phone, stream, T0);
    await w.watch.ready;
    w.watch.stop();
    await sleep(80);
    expect(phone.open()).toBe(1);
    await stream.close();
    expect(phone.open()).toBe(0);
  });

  it('closing it under a watch hands the watch over to polling (it never waits on a closed stream)', async () => {
    const { phone, stream } = setUp();
    const w = attempt(phone, stream, T0, { pollMs: 10 });
    await w.watch.ready;
    await stream.close();
    expect(w.watch.mode()).toMatchObject({
      mode: 'poll',
      reason: 'stream-ended',
      detail: 'the events stream was closed',
    });
    phone.post({ pkg: APP, id: 4, postTime: T0 + 20 }, false);
    await until(() => w.seen.length === 1);
  });

  it('a phone that keeps ending the stream with nobody watching is given up on (no endless restarts)', async () => {
    const { phone, stream } = setUp({ backoffMs: [5] });
    const w = attempt(phone, stream, T0);
    await w.watch.ready;
    w.watch.stop();
    for (let i = 1; i <= 4; i++) {
      await until(() => phone.streams.length === i);
      phone.streams[i - 1]?.end();
    }
    await sleep(60);
    expect(phone.streams).toHaveLength(4);
    expect(stream.isFollowing()).toBe(false);
  });

  it('an unreadable buffer is probed once per stream life; every watch polls and says why', async () => {
    const phone = new Phone("logcat: Unable to open log device 'events': Permission denied\n");
    const stream = new PhoneEventsStream(phone);
    streams.push(stream);
    for (let i = 0; i < 2; i++) {
      const w = attempt(phone, stream, T0);
      await w.watch.ready;
      expect(w.watch.mode()).toMatchObject({ mode: 'poll', reason: 'events-refused' });
      w.watch.stop();
    }
    expect(phone.count('logcat -b events -d')).toBe(1);
    expect(phone.streams).toHaveLength(0);
  });

  it('the registry gives one stream per phone link and closeEventsStream ends it', async () => {
    const phone = new Phone();
    expect(eventsStreamFor(phone)).toBe(eventsStreamFor(phone));
    const w = attempt(phone, eventsStreamFor(phone), T0);
    await w.watch.ready;
    expect(phone.open()).toBe(1);
    await closeEventsStream(phone);
    expect(phone.open()).toBe(0);
    w.watch.stop();
  });
});

describe('a notification there before the attempt never counts as its push (no baseline read)', () => {
  const watches: NotificationWatch[] = [];
  const streams: PhoneEventsStream[] = [];
  afterEach(async () => {
    for (const w of watches.splice(0)) w.stop();
    for (const s of streams.splice(0)) await s.close();
  });

  /** A phone after one attempt: the stream follows, its last list holds record 1 (posted T0). */
  async function afterOneAttempt() {
    const phone = new Phone();
    const stream = new PhoneEventsStream(phone);
    streams.push(stream);
    const seen: NotificationRecordInfo[] = [];
    const w = watchNotifications(phone, { packages: [APP], events: stream, onRecord: (r) => seen.push(r) });
    watches.push(w);
    await w.ready;
    phone.post({ pkg: APP, id: 1, postTime: T0, title: 'old' });
    await until(() => seen.length === 1);
    await sleep(10);
    w.stop();
    await w.stopped;
    return { phone, stream };
  }

  const arm = (phone: Phone, stream: PhoneEventsStream, sentAt: number) => {
    const seen: NotificationRecordInfo[] = [];
    const w = watchNotifications(phone, {
      packages: [APP],
      events: stream,
      freshAfterPhoneMs: sentAt,
      onRecord: (r) => seen.push(r),
    });
    watches.push(w);
    return { w, seen };
  };

  it('a record posted before the send whose enqueue line was still in flight at arm is not taken', async () => {
    const { phone, stream } = await afterOneAttempt();
    const sent = T0 + 10_000;
    phone.post({ pkg: APP, id: 5, postTime: sent - 40, title: 'posted before the send' }, false);
    const { w, seen } = arm(phone, stream, sent);
    await w.ready;
    expect(w.armedFromKnown()).toBe(true);
    phone.emit(enqueueLine(APP, 5, sent - 40)); // its line arrives after the arm
    await until(() => w.mode().reads >= 1);
    await sleep(30);
    expect(seen).toEqual([]);
    phone.post({ pkg: APP, id: 6, postTime: sent + 30, title: 'the push' });
    await until(() => seen.length === 1);
    expect(seen.map((r) => r.title)).toEqual(['the push']);
  });

  it('an update of a known notification made before the send (line in flight) is not taken', async () => {
    const { phone, stream } = await afterOneAttempt();
    const sent = T0 + 10_000;
    phone.post({ pkg: APP, id: 1, postTime: sent - 5, title: 'old, updated' }, false);
    const { w, seen } = arm(phone, stream, sent);
    await w.ready;
    expect(w.armedFromKnown()).toBe(true);
    phone.emit(enqueueLine(APP, 1, sent - 5));
    await until(() => w.mode().reads >= 1);
    await sleep(30);
    expect(seen).toEqual([]);
    // The push updates the same notification: a new post time, after the send, counts.
    phone.post({ pkg: APP, id: 1, postTime: sent + 20, title: 'the push, same id' });
    await until(() => seen.length === 1);
    expect(seen[0]?.title).toBe('the push, same id');
  });

  it('a record without a post time counts only by its enqueue line, written at or after the send', async () => {
    const { phone, stream } = await afterOneAttempt();
    const sent = T0 + 10_000;
    phone.undated.add(5).add(6);
    phone.post({ pkg: APP, id: 5, postTime: sent - 40, title: 'before the send' }, false);
    const { w, seen } = arm(phone, stream, sent);
    await w.ready;
    expect(w.armedFromKnown()).toBe(true);
    phone.emit(enqueueLine(APP, 5, sent - 40));
    await until(() => w.mode().reads >= 1);
    await sleep(30);
    expect(seen).toEqual([]);
    phone.post({ pkg: APP, id: 6, postTime: sent + 15, title: 'the push' });
    await until(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ title: 'the push', postTime: null });
  });

  it('a phone whose known records lack post times reads a baseline at every arm', async () => {
    const { phone, stream } = await afterOneAttempt();
    phone.undated.add(1);
    const first = arm(phone, stream, T0 + 5_000);
    await first.w.ready;
    expect(first.w.armedFromKnown()).toBe(true); // the list known so far was dated
    first.w.stop();
    await sleep(5);
    const reads = phone.count('dumpsys');
    phone.post({ pkg: APP, id: 2, postTime: T0 + 6_000 }); // read by nobody: the list goes stale
    await sleep(20);
    const second = arm(phone, stream, T0 + 7_000);
    await second.w.ready;
    expect(second.w.armedFromKnown()).toBe(false);
    expect(phone.count('dumpsys')).toBe(reads + 1);
    second.w.stop();
    await sleep(5);
    const third = arm(phone, stream, T0 + 8_000);
    await third.w.ready;
    expect(third.w.armedFromKnown()).toBe(false); // record 1 now shows undated in the list known
  });

  it('an enqueue seen since the last read (an update before the send) makes the arm read a baseline', async () => {
    const { phone, stream } = await afterOneAttempt();
    phone.post({ pkg: APP, id: 1, postTime: T0 + 500, title: 'updated between attempts' });
    await sleep(20);
    const reads = phone.count('dumpsys');
    const { w, seen } = arm(phone, stream, T0 + 10_000);
    await w.ready;
    expect(w.armedFromKnown()).toBe(false);
    expect(phone.count('dumpsys')).toBe(reads + 1);
    await sleep(30);
    expect(seen).toEqual([]);
  });

  it('a push proxy posting for the app also makes the known list stale', async () => {
    const { phone, stream } = await afterOneAttempt();
    phone.post({ pkg: APP, opPkg: 'com.xiaomi.xmsf', id: 8, postTime: T0 + 600 });
    await sleep(20);
    const { w } = arm(phone, stream, T0 + 10_000);
    await w.ready;
    expect(w.armedFromKnown()).toBe(false);
  });

  it("another app's post leaves the known list current", async () => {
    const { phone, stream } = await afterOneAttempt();
    phone.post({ pkg: 'com.other.app', id: 9, postTime: T0 + 600 });
    await sleep(20);
    const { w } = arm(phone, stream, T0 + 10_000);
    await w.ready;
    expect(w.armedFromKnown()).toBe(true);
  });

  it('without the send time on the phone clock (no measured offset) every arm reads a baseline', async () => {
    const { phone, stream } = await afterOneAttempt();
    const reads = phone.count('dumpsys');
    const w = watchNotifications(phone, { packages: [APP], events: stream, onRecord: () => {} });
    watches.push(w);
    await w.ready;
    expect(w.armedFromKnown()).toBe(false);
    expect(phone.count('dumpsys')).toBe(reads + 1);
    expect(phone.count('logcat -b events -d')).toBe(1);
  });
});

describe("capturePush across a phone's attempts (phone clock 5 s ahead, offset measured)", () => {
  const offset = { offsetMs: 5_000, uncertaintyMs: 3, samples: 12 };
  const capture = (phone: Phone, since: number, timeoutMs: number) =>
    capturePush(phone, {
      package: APP,
      since,
      timeoutMs,
      offset,
      now: Date.now,
      isMatch: (r) => r.title === 'the push',
    });

  it('the next attempt arms with no command and never takes what was posted before its send', async () => {
    const phone = new Phone();
    try {
      const h1 = Date.now();
      const first = capture(phone, h1, 2_000);
      await until(() => phone.open() === 1);
      await sleep(20); // the baseline read
      const posted = Date.now() + 5_000; // the phone's clock when it posts
      phone.post({ pkg: APP, id: 1, postTime: posted, title: 'the push' });
      expect((await first).records.map((r) => [r.observed.title, r.latencyMs])).toEqual([
        ['the push', posted - 5_000 - h1],
      ]);
      await sleep(10);

      const before = phone.commands.length;
      const h2 = Date.now();
      const second = capture(phone, h2, 300);
      await sleep(20);
      expect(phone.commands.length).toBe(before); // armed from the known list
      // Posted 100 ms before this send (phone clock), its line only now arriving; and the old push again.
      phone.post({ pkg: APP, id: 2, postTime: h2 + 5_000 - 100, title: 'the push' });
      const result = await second;
      // Reads only after the enqueue (the read and its confirmations), no probe, no new stream.
      const after = phone.commands.slice(before);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((c) => c.startsWith('dumpsys'))).toBe(true);
      expect(phone.streams).toHaveLength(1);
      expect(result.records).toEqual([]);
      expect(result.mode).toMatchObject({ mode: 'events' });
      expect(phone.open()).toBe(1);
    } finally {
      await closeEventsStream(phone);
    }
    expect(phone.open()).toBe(0);
  });
});
