/**
 * Event-driven capture end to end: core -> real adb server -> virtual adbd -> the phone's logcat
 * following its events buffer. Covers detection, the phone-side command count, the fallback to
 * polling on phones whose buffer is closed, and that stopping or losing the phone leaves no stream.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS } from '../../../shared/domain/install';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import type { NotificationRecordInfo } from '../../../electron/lab/android/parsers/notification-records';
import { watchNotifications } from '../../../electron/lab/android/capture/notification-watcher';
import { UNKNOWN_CLOCK_OFFSET } from '../../../electron/lab/android/capture/clock-offset';
import { capturePush } from '../../../electron/lab/android/run/capture-push';
import { closeEventsStream } from '../../../electron/lab/android/capture/events-stream';
import type { AdbDeviceIo } from '../../../electron/lab/adb/device-io';
import type { VirtualAndroid } from '../../virtual-lab';
import { logFollowers } from '../../virtual-lab/android/logbuffer';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { eventually, openCoreLab, type CoreLab } from '../../support/core-lab';

const PKG = 'com.example.evcap';

interface Phone {
  readonly id: string;
  readonly io: AdbDeviceIo;
  readonly android: VirtualAndroid;
}

const dumpsysCount = (p: Phone): number => p.android.commandCounts.byName.get('dumpsys notification') ?? 0;

describe('event-driven capture on virtual phones', () => {
  let env: CoreLab;
  const phones = new Map<string, Phone>();
  const phone = (id: string): Phone => phones.get(id) as Phone;

  beforeAll(async () => {
    env = await openCoreLab();
    await writeTestApk(join(env.dir, 'a.apk'), {
      packageName: PKG,
      versionCode: 1,
      targetSdk: 34,
      minSdk: 24,
      permissions: ['android.permission.POST_NOTIFICATIONS'],
    });
    const added = await env.lab.addPhones([
      { profile: 'google-pixel-android15-1', id: 'pixel' },
      { profile: 'oppo-coloros15-android15-1', id: 'oppo' },
      { profile: 'vivo-originos5-android15-1', id: 'vivo' },
      { profile: 'xiaomi-hyperos2-android14-2', id: 'xiaomi' },
    ]);
    const serials = added.map((p) => p.serial);
    for (const s of serials) await env.core.services.registry.waitForIdentity(s, 15_000);
    const job = await env.core.services.installs.run({
      apkPath: join(env.dir, 'a.apk'),
      serials,
      options: DEFAULT_INSTALL_OPTIONS,
    });
    expect(job.items.every((i) => i.phase === 'done')).toBe(true);
    for (const p of added) {
      const io = env.core.services.gateway.device(p.serial);
      const android = p.backend as VirtualAndroid;
      await launchApp(io, PKG);
      android.setPostNotifications(PKG, { granted: true });
      phones.set(p.id, { id: p.id, io, android });
    }
    phone('oppo').android.setEventsLog('refused');
    phone('vivo').android.setEventsLog('empty');
  });
  afterAll(async () => {
    await env?.close();
  });

  const post = (p: Phone, title: string) =>
    expect(p.android.postNotification(PKG, { channelId: 'pushlab_default', title, text: 't' }).posted).toBe(
      true,
    );

  it('detects a post from the events stream, reading the list only once per post', async () => {
    const p = phone('pixel');
    const seen: NotificationRecordInfo[] = [];
    const watch = watchNotifications(p.io, { packages: [PKG], onRecord: (r) => seen.push(r) });
    await watch.ready;
    const afterBaseline = dumpsysCount(p);
    await new Promise((r) => setTimeout(r, 600)); // idle: a 150 ms poller would read ~4 times
    expect(dumpsysCount(p)).toBe(afterBaseline);
    post(p, 'first');
    await eventually(() => seen.length === 1, 3_000, 'the first post');
    post(p, 'second');
    await eventually(() => seen.length === 2, 3_000, 'the second post');
    expect(seen.map((r) => r.title)).toEqual(['first', 'second']);
    expect(dumpsysCount(p) - afterBaseline).toBe(2);
    expect(watch.mode()).toMatchObject({ mode: 'events', enqueues: 2 });
    expect(logFollowers(p.android.state)).toBe(1);
    watch.stop();
    await watch.stopped;
    // The adb stream is closed end to end: the phone's logcat has stopped following.
    await eventually(() => logFollowers(p.android.state) === 0, 3_000, 'the logcat stream to close');
  });

  for (const [id, reason] of [
    ['oppo', 'events-refused'],
    ['vivo', 'events-empty'],
  ] as const) {
    it(`${id}: an unreadable events buffer (${reason}) falls back to polling and says so`, async () => {
      const p = phone(id);
      const seen: NotificationRecordInfo[] = [];
      const watch = watchNotifications(p.io, { packages: [PKG], onRecord: (r) => seen.push(r) });
      await watch.ready;
      post(p, `polled ${id}`);
      await eventually(() => seen.length === 1, 3_000, 'the polled post');
      expect(watch.mode()).toMatchObject({ mode: 'poll', reason });
      expect(logFollowers(p.android.state)).toBe(0);
      watch.stop();
      await watch.stopped;
    });
  }

  it('capturePush: the record evidence carries the mode; the stream outlives the attempts until closed', async () => {
    const p = phone('xiaomi');
    const since = Date.now();
    const capturing = capturePush(p.io, {
      package: PKG,
      since,
      timeoutMs: 5_000,
      offset: UNKNOWN_CLOCK_OFFSET,
      now: Date.now,
      isMatch: (r) => r.title === 'matched',
    });
    await eventually(() => logFollowers(p.android.state) === 1, 3_000, 'the stream to open');
    post(p, 'matched');
    const captured = await capturing;
    expect(captured.records.map((r) => r.observed.title)).toEqual(['matched']);
    expect(captured.mode).toMatchObject({ mode: 'events', reason: null });
    // Kept for the phone's next attempt: the same stream, no new probe.
    expect(logFollowers(p.android.state)).toBe(1);
    const logcats = p.android.commandCounts.byName.get('logcat -b') ?? 0;

    const control = new AbortController();
    const cancelled = capturePush(p.io, {
      package: PKG,
      since: Date.now(),
      timeoutMs: 10_000,
      offset: UNKNOWN_CLOCK_OFFSET,
      now: Date.now,
      isMatch: () => true,
      signal: control.signal,
    });
    await new Promise((r) => setTimeout(r, 100));
    control.abort();
    expect((await cancelled).records).toEqual([]); // the earlier 'matched' is not this attempt's
    expect(logFollowers(p.android.state)).toBe(1);
    expect(p.android.commandCounts.byName.get('logcat -b') ?? 0).toBe(logcats);
    await closeEventsStream(p.io); // the phone's run loop ended
    await eventually(() => logFollowers(p.android.state) === 0, 3_000, 'the stream to close');
  });

  it('a phone unplugged while a push is awaited: the stream ends, polling takes over and finds it lost', async () => {
    const p = phone('pixel');
    const capturing = capturePush(p.io, {
      package: PKG,
      since: Date.now(),
      timeoutMs: 15_000,
      offset: UNKNOWN_CLOCK_OFFSET,
      now: Date.now,
      isMatch: () => true,
    });
    await eventually(() => logFollowers(p.android.state) === 1, 3_000, 'the stream to open');
    await env.lab.unplug('pixel');
    const captured = await capturing;
    expect(captured.lost).toBe(true);
    expect(captured.mode).toMatchObject({ mode: 'poll', reason: 'stream-ended' });
    expect(logFollowers(p.android.state)).toBe(0);
  });
});
